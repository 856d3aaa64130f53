"""Committee staff's newsletter pages: the list, the form, the recipients before sending
(with the test to oneself and the send), and the send log. The addresses are personal
data: these pages are for committee staff only and never put an address in a URL."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from holbaek.caching import private_page
from holbaek.forms import add_refusal
from projektudvalg.forms.newsletters import NewsletterForm, SendForm
from projektudvalg.models import Newsletter, NewsletterStatus, RecipientStatus
from projektudvalg.permissions import require_newsletter_staff
from projektudvalg.selectors import newsletters as selectors
from projektudvalg.services import newsletters as services

PER_PAGE = 50
BADGES = {
    RecipientStatus.PENDING: "badge-info",
    RecipientStatus.SENDING: "badge-info",
    RecipientStatus.SENT: "badge-success",
    RecipientStatus.FAILED: "badge-error",
    RecipientStatus.UNKNOWN: "badge-warning",
    RecipientStatus.CANCELLED: "badge-warning",
}


def _newsletter(pk) -> Newsletter:
    return get_object_or_404(Newsletter, pk=pk)


@login_required
@require_http_methods(["GET", "HEAD"])
@private_page
def newsletter_list(request):
    require_newsletter_staff(request.user)
    newsletters = selectors.newsletters_for_staff()
    page = Paginator(newsletters, PER_PAGE).get_page(request.GET.get("side"))
    return render(request, "projektudvalg/newsletters/list.html", {"page_obj": page})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@private_page
def newsletter_form(request, pk=None):
    """A new newsletter (a draft), or changes to a draft."""
    require_newsletter_staff(request.user)
    newsletter = _newsletter(pk) if pk is not None else None
    if newsletter is not None and newsletter.status != NewsletterStatus.DRAFT:
        messages.error(request, _("Nyhedsbrevet er sat til afsendelse og kan ikke ændres."))
        return redirect("projektudvalg:newsletter-log", pk=newsletter.pk)
    form = NewsletterForm(request.POST or None, instance=newsletter or Newsletter())
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.newsletter_save(
                newsletter=newsletter, by=request.user, **form.values()
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Nyhedsbrevet er gemt. Se modtagerne, før du sender."))
            return redirect("projektudvalg:newsletter-recipients", pk=saved.pk)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "newsletter": newsletter}
    return render(request, "projektudvalg/newsletters/form.html", context, status=status)


def _post_action(request, newsletter, send_form):
    """The preview's buttons: a test to oneself, or the send. None: show the page."""
    action = request.POST.get("action")
    try:
        if action == "test":
            sent = services.newsletter_test_send(newsletter=newsletter, to=request.user.email)
            if sent:
                messages.success(request, _("Prøven er sendt til din e-mailadresse."))
            else:
                messages.error(request, _("Prøven kunne ikke sendes lige nu. Prøv igen om lidt."))
            return redirect("projektudvalg:newsletter-recipients", pk=newsletter.pk)
        if action == "send" and send_form.is_valid():
            count = services.newsletter_queue(
                newsletter=newsletter,
                by=request.user,
                expected_count=send_form.cleaned_data["expected_count"],
                expected_digest=send_form.cleaned_data["expected_digest"],
            )
            messages.success(
                request, _("Nyhedsbrevet sendes nu til %(count)s modtagere.") % {"count": count}
            )
            return redirect("projektudvalg:newsletter-log", pk=newsletter.pk)
    except ValidationError as error:
        add_refusal(send_form, error)
    return None


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@private_page
def newsletter_recipients(request, pk):
    """The exact recipients before sending, with why each is there; the test and the send."""
    require_newsletter_staff(request.user)
    newsletter = _newsletter(pk)
    if newsletter.status != NewsletterStatus.DRAFT:
        return redirect("projektudvalg:newsletter-log", pk=newsletter.pk)
    found = selectors.recipients(newsletter)
    send_form = SendForm(request.POST if request.POST.get("action") == "send" else None)
    if request.method == "POST":
        response = _post_action(request, newsletter, send_form)
        if response is not None:
            return response
    seen = {
        "expected_count": str(len(found)),
        "expected_digest": selectors.recipients_digest(found),
    }
    if not send_form.is_bound:
        send_form = SendForm(initial=seen)
    else:  # a refused send: asked again, for the list the page now shows
        send_form.data = send_form.data.copy()
        send_form.data.update(seen)
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("side"))
    names = selectors.reason_names()
    rows = [(recipient, selectors.describe(recipient.reasons, names)) for recipient in page]
    context = {
        "newsletter": newsletter,
        "count": len(found),
        "page_obj": page,
        "rows": rows,
        "send_form": send_form,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "projektudvalg/newsletters/recipients.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@private_page
def newsletter_log(request, pk):
    """The send log: the rows by status and each address's row; stopping a send."""
    require_newsletter_staff(request.user)
    newsletter = _newsletter(pk)
    if request.method == "POST" and request.POST.get("action") == "cancel":
        try:
            stopped = services.newsletter_cancel(newsletter=newsletter)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Afsendelsen er stoppet. %(count)s fik det ikke.") % {"count": stopped}
            )
        return redirect("projektudvalg:newsletter-log", pk=newsletter.pk)
    page = Paginator(selectors.log_rows(newsletter), PER_PAGE).get_page(request.GET.get("side"))
    names = selectors.reason_names()
    rows = [
        (row, selectors.describe(selectors.parse_reasons(row.reasons), names), BADGES[row.status])
        for row in page
    ]
    context = {
        "newsletter": newsletter,
        "counts": selectors.status_counts(newsletter),
        "page_obj": page,
        "rows": rows,
        "can_cancel": newsletter.status == NewsletterStatus.QUEUED,
    }
    return render(request, "projektudvalg/newsletters/log.html", context)
