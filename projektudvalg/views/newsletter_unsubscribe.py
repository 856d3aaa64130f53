"""The newsletters' one-click unsubscribe, public: the signed token is the authorisation.

GET shows a button and changes nothing (mail scanners follow links); POST unsubscribes,
also the mail program's RFC 8058 one-click POST (body `List-Unsubscribe=One-Click`, no
cookies, no CSRF token: csrf_exempt on this view only). Idempotent.
"""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from holbaek.caching import private_page
from holbaek.ratelimit import allow, client_ip
from holbaek.tokens import LinkError
from lokalfora.models import LocalArea, NewsTopic
from lokalfora.views.following import LINK_MESSAGES
from projektudvalg import newsletter_tokens as tokens
from projektudvalg.services.newsletters import newsletter_unsubscribe as unsubscribe

# Mail providers post RFC 8058 one-clicks from shared addresses: a valid token is limited
# by itself (a link clicked over and over), only invalid ones by the client's address.
LIMIT_PER_TOKEN = 10  # unsubscribe POSTs per link per hour
LIMIT_PER_IP = 60  # POSTs with an invalid link per client address per hour
TOO_MANY = _lazy("Der er prøvet for mange gange. Prøv igen om en time.")


def _target(kind, pk):
    model = NewsTopic if kind == tokens.TOPIC else LocalArea
    target = model.objects.filter(pk=pk).first()
    if target is None:
        raise Http404
    return target


@csrf_exempt  # The signed token is the authorisation; mail programs post without a session.
@require_http_methods(["GET", "HEAD", "POST"])
@private_page
def newsletter_unsubscribe(request, token):
    try:
        kind, pk, _hashed = tokens.read(token)
    except LinkError as error:
        status = 400
        message = LINK_MESSAGES[error.reason]
        if request.method == "POST" and not allow(
            "newsletter-unsubscribe-ip", client_ip(request), limit=LIMIT_PER_IP, period=3600
        ):
            status, message = 429, TOO_MANY
        context = {"heading": _("Afmeldingen kunne ikke gennemføres"), "message": message}
        return render(request, "lokalfora/follow_link_error.html", context, status=status)
    target = _target(kind, pk)
    context = {"kind": kind, "target": target, "kinds": tokens}
    if request.method != "POST":
        return render(request, "projektudvalg/newsletters/unsubscribe.html", context)
    if not allow("newsletter-unsubscribe-token", token, limit=LIMIT_PER_TOKEN, period=3600):
        context["error"] = TOO_MANY
        return render(request, "projektudvalg/newsletters/unsubscribe.html", context, status=429)
    unsubscribe(token=token)
    return render(request, "projektudvalg/newsletters/unsubscribe_done.html", context)
