"""The requester's pages: the form, the confirmation link, and the private thread."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from faelles_skabere import sparring_tokens as tokens
from faelles_skabere.forms.sparring import RequesterMessageForm, SparringRequestForm
from faelles_skabere.selectors import sparring as selectors
from faelles_skabere.services.sparring_privacy import sparring_request_erase
from faelles_skabere.services.sparring_requests import (
    SendFailed,
    sparring_request_confirm,
    sparring_request_submit,
)
from faelles_skabere.services.sparring_threads import sparring_requester_reply_create
from holbaek.caching import private_page
from holbaek.downloads import download
from holbaek.ratelimit import allow_public_form
from lokalfora.models import LocalArea

LIMIT_PER_IP = 10
LIMIT_PER_EMAIL = 3

LINK_MESSAGES = {
    "expired": gettext_lazy(
        "Linket er udløbet, eller anmodningen findes ikke længere. "
        "Send en ny anmodning, eller skriv til kommunen."
    ),
    "invalid": gettext_lazy(
        "Linket er ikke gyldigt. Det kan være ændret eller kun kopieret delvis. "
        "Kopiér hele linket fra e-mailen."
    ),
}


def _from_link(token, salt, max_age):
    return selectors.request_for_token(token=token, salt=salt, max_age=max_age)


def _link_error(request, error):
    context = {"message": LINK_MESSAGES[error.reason]}
    return render(request, "faelles_skabere/sparring/link_error.html", context, status=400)


@require_http_methods(["GET", "POST"])
def request_form(request):
    areas = list(LocalArea.objects.order_by("name"))
    posted = request.method == "POST"
    initial = {"area_choice": request.GET.get("omraade", "")}
    form = SparringRequestForm(request.POST if posted else None, areas=areas, initial=initial)
    status = 200
    if posted and form.is_valid():
        email = form.cleaned_data["email"]
        if form.is_spam:  # answered as if it went well, so the robot learns nothing
            return render(request, "faelles_skabere/sparring/request_sent.html", {"email": email})
        if not allow_public_form(
            request, "sparring", email, per_ip=LIMIT_PER_IP, per_email=LIMIT_PER_EMAIL
        ):
            form.add_error(None, _("Der er sendt for mange anmodninger. Prøv igen om en time."))
            status = 429
        else:
            try:
                sparring_request_submit(
                    data=form.request_data(), language=translation.get_language()
                )
            except SendFailed:
                form.add_error(None, _("Vi kunne ikke sende e-mailen lige nu. Prøv igen om lidt."))
                status = 503
            else:
                return render(
                    request, "faelles_skabere/sparring/request_sent.html", {"email": email}
                )
    if posted:
        status = status if status != 200 else 400
        form.restart_clock()
    return render(
        request, "faelles_skabere/sparring/request_form.html", {"form": form}, status=status
    )


@require_http_methods(["GET", "POST"])
@private_page
def confirm(request, token):
    """GET asks, POST confirms: mail programs that check links only GET."""
    try:
        if request.method == "POST":
            sparring = sparring_request_confirm(token=token)
            return render(
                request, "faelles_skabere/sparring/confirmed.html", {"sparring": sparring}
            )
        sparring = _from_link(token, tokens.CONFIRM_SALT, tokens.CONFIRM_MAX_AGE)
    except tokens.LinkError as error:
        return _link_error(request, error)
    return render(request, "faelles_skabere/sparring/confirm.html", {"sparring": sparring})


@require_http_methods(["GET", "POST"])
@private_page
def thread(request, token):
    try:
        sparring = _from_link(token, tokens.THREAD_SALT, tokens.THREAD_MAX_AGE)
    except tokens.LinkError as error:
        return _link_error(request, error)
    posted = request.method == "POST"
    form = RequesterMessageForm(request.POST if posted else None, request.FILES if posted else None)
    status = 200
    if posted:
        if form.is_valid():
            try:
                sparring_requester_reply_create(
                    sparring_request=sparring, body=form.cleaned_data["body"], files=form.kinds
                )
            except ValidationError as refused:
                form.add_error(None, refused)
            else:
                messages.success(request, _("Din besked er sendt."))
                return redirect("sparring:thread", token=token)
        status = 400
    context = {
        "sparring": sparring,
        "entries": selectors.thread(sparring, for_requester=True),
        "form": form,
        "token": token,
    }
    return render(request, "faelles_skabere/sparring/thread.html", context, status=status)


@require_http_methods(["GET", "POST"])
@private_page
def delete(request, token):
    """The requester asks for their personal data to be deleted."""
    try:
        sparring = _from_link(token, tokens.THREAD_SALT, tokens.THREAD_MAX_AGE)
    except tokens.LinkError as error:
        return _link_error(request, error)
    if request.method == "POST":
        sparring_request_erase(sparring_request=sparring)
        return render(
            request, "faelles_skabere/sparring/deleted.html", {"reference": sparring.reference}
        )
    return render(
        request, "faelles_skabere/sparring/delete.html", {"sparring": sparring, "token": token}
    )


@require_safe
@private_page
def attachment(request, token, pk):
    """The requester downloads a file from their own thread."""
    try:
        sparring = _from_link(token, tokens.THREAD_SALT, tokens.THREAD_MAX_AGE)
    except tokens.LinkError as error:
        return _link_error(request, error)
    return download(selectors.requester_attachment(sparring, pk))
