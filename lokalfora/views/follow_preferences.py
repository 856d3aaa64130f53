"""The follower's preferences page, opened by the signed link in every follow mail.

No login: the link is the authorisation, and it holds no address (follow_tokens). The
page shows the address, so it is private (never stored by browsers or proxies) and the
address is never logged. One form per followed area; a post names its area's
subscription, and an id that is not one of this address's confirmed subscriptions is
refused (404), so a link opens nothing but its own address's choices.
"""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from holbaek.caching import private_page
from holbaek.tokens import LinkError
from lokalfora.forms.follow_preferences import PreferencesForm
from lokalfora.models import NewsTopic
from lokalfora.selectors.follow_preferences import address_for_manage_token, subscriptions_of
from lokalfora.services.follow_preferences import preferences_save, preferences_stop
from lokalfora.views.following import LINK_MESSAGES


def _link_error(request, status, message):
    context = {"heading": _("Dine valg kunne ikke vises"), "message": message}
    return render(request, "lokalfora/follow_link_error.html", context, status=status)


def _posted_subscription(request, subscriptions):
    try:
        pk = int(request.POST.get("subscription", ""))
    except ValueError:
        raise Http404 from None
    chosen = next((s for s in subscriptions if s.pk == pk), None)
    if chosen is None:  # forged, or another address's
        raise Http404
    return chosen


def _post(request, subscriptions, topics):
    """Saves one area's form or ends one area's subscription: (forms, notice, status)."""
    chosen = _posted_subscription(request, subscriptions)
    forms = {s.pk: PreferencesForm(subscription=s, topics=topics) for s in subscriptions}
    if "stop" in request.POST:
        preferences_stop(subscription=chosen)
        del forms[chosen.pk]
        notice = _("Du følger ikke længere %(area)s.") % {"area": chosen.area.name}
        return forms, notice, 200
    form = PreferencesForm(request.POST, subscription=chosen, topics=topics)
    forms[chosen.pk] = form
    if not form.is_valid():
        return forms, None, 400
    saved = preferences_save(
        subscription=chosen,
        frequency=form.cleaned_data["frequency"],
        kinds=form.cleaned_data["kinds"],
        topics=form.chosen_topics(),
    )
    forms[chosen.pk] = PreferencesForm(subscription=saved, topics=topics)
    notice = _("Dine valg for %(area)s er gemt.") % {"area": chosen.area.name}
    return forms, notice, 200


@require_http_methods(["GET", "POST"])
@private_page
def follow_preferences(request, token):
    try:
        email = address_for_manage_token(token)
    except LinkError as error:
        return _link_error(request, 404, LINK_MESSAGES[error.reason])
    if email is None:
        message = _("Adressen følger ikke længere nogen områder. Du kan følge et område igen "
                    "på områdets side.")  # fmt: skip
        return _link_error(request, 410, message)
    subscriptions = subscriptions_of(email)
    topics = list(NewsTopic.objects.active())
    notice, status = None, 200
    if request.method == "POST":
        forms, notice, status = _post(request, subscriptions, topics)
    else:
        forms = {s.pk: PreferencesForm(subscription=s, topics=topics) for s in subscriptions}
    context = {"email": email, "forms": list(forms.values()), "notice": notice}
    return render(request, "lokalfora/follow_preferences.html", context, status=status)
