"""Following an area by e-mail: sign up, confirm by link, unsubscribe by link or one click."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from holbaek.caching import private_page
from holbaek.ratelimit import allow_public_form
from holbaek.tokens import LinkError
from lokalfora.follow_tokens import CONFIRM_DAYS
from lokalfora.forms.public import FollowForm
from lokalfora.mailing import preferences_url, unsubscribe_link
from lokalfora.selectors.areas import area_by_slug_or_alias
from lokalfora.selectors.subscriptions import subscription_for_token, unsubscription_for_token
from lokalfora.services.subscriptions import (
    SendFailed,
    subscription_confirm,
    subscription_create,
    subscription_unsubscribe,
)

# Sign-ups per client address and per e-mail address, per hour.
LIMIT_PER_IP = 20
LIMIT_PER_EMAIL = 5

LINK_MESSAGES = {
    "expired": gettext_lazy(
        "Linket er udløbet. Tilmeld dig igen på områdets side, så sender vi et nyt link."
    ),
    "invalid": gettext_lazy(
        "Linket er ikke gyldigt. Det kan være ændret eller kun kopieret delvis. "
        "Kopiér hele linket fra e-mailen, eller tilmeld dig igen på områdets side."
    ),
}


def _area(slug):
    area, _alias_of = area_by_slug_or_alias(slug)
    if area is None:
        raise Http404
    return area


@require_http_methods(["GET", "POST"])
def follow(request, slug):
    area = _area(slug)
    form = FollowForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if not allow_public_form(
            request, "follow", email, per_ip=LIMIT_PER_IP, per_email=LIMIT_PER_EMAIL
        ):
            form.add_error(None, _("Der er prøvet for mange gange. Prøv igen om en time."))
            status = 429
        else:
            try:
                subscription_create(
                    area=area, email=email, frequency=form.cleaned_data["frequency"]
                )
            except SendFailed:
                form.add_error(None, _("Vi kunne ikke sende e-mailen lige nu. Prøv igen om lidt."))
                status = 503
            else:
                context = {"area": area, "email": email, "days": CONFIRM_DAYS}
                return render(request, "lokalfora/follow_sent.html", context)
    elif request.method == "POST":
        status = 400
    return render(request, "lokalfora/follow.html", {"area": area, "form": form}, status=status)


def _link_error(request, error, heading):
    context = {"heading": heading, "message": LINK_MESSAGES[error.reason]}
    return render(request, "lokalfora/follow_link_error.html", context, status=400)


@require_http_methods(["GET", "POST"])
@private_page
def follow_confirm(request, token):
    """GET shows a button, POST confirms: link checkers in mail programs only GET."""
    try:
        if request.method == "POST":
            subscription = subscription_confirm(token=token)
            template = "lokalfora/follow_done.html"
        else:
            subscription = subscription_for_token(token)
            template = "lokalfora/follow_confirm.html"
    except LinkError as error:
        return _link_error(request, error, _("Tilmeldingen kunne ikke bekræftes"))
    context = {
        "subscription": subscription,
        "area": subscription.area,
        "unsubscribe_link": unsubscribe_link(subscription),
        "preferences_link": preferences_url([subscription]),
    }
    return render(request, template, context)


@csrf_exempt  # The signed token is the authorisation; mail programs post without a session.
@require_http_methods(["GET", "POST"])
@private_page
def unsubscribe(request, token):
    """GET asks, POST unsubscribes; a mail program's one-click POST (RFC 8058) lands here too."""
    try:
        if request.method == "POST":
            email, area, _count = subscription_unsubscribe(token=token)
            return render(request, "lokalfora/unsubscribe_done.html", {"area": area})
        email, _area_id, area = unsubscription_for_token(token)
    except LinkError as error:
        return _link_error(request, error, _("Afmeldingen kunne ikke gennemføres"))
    if email is None:  # already unsubscribed: nothing left to ask about
        return render(request, "lokalfora/unsubscribe_done.html", {"area": area})
    return render(request, "lokalfora/unsubscribe.html", {"email": email, "area": area})
