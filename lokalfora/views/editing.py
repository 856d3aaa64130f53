"""Pages where a forum's volunteers keep its profile and contact persons up to date."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from holbaek.permissions import can_use_admin
from lokalfora.forms.events import EventForm
from lokalfora.forms.forums import ContactPersonForm, ForumProfileForm
from lokalfora.history import forum_history
from lokalfora.models import ContactPerson, Event, Forum, RetentionSettings
from lokalfora.permissions import can_edit_forum, can_see_contact_overview, can_see_history
from lokalfora.selectors.contacts import forum_contacts
from lokalfora.selectors.forums import contact_overview
from lokalfora.services import contacts as contact_services
from lokalfora.services.events import event_save
from lokalfora.services.forums import forum_update


def editable_forum(request, slug) -> Forum:
    forum = get_object_or_404(Forum.objects.select_related("area"), area__slug=slug)
    if not can_edit_forum(request.user, forum):
        raise PermissionDenied
    return forum


@login_required
@require_http_methods(["GET", "POST"])
def forum_edit(request, slug):
    forum = editable_forum(request, slug)
    form = ForumProfileForm(request.POST or None, instance=forum)
    if request.method == "POST" and form.is_valid():
        try:
            forum_update(forum=forum, data=form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Lokalforummets side er opdateret."))
            return redirect(forum.area)
    return render(request, "lokalfora/forum_edit.html", {"forum": forum, "form": form})


@login_required
@require_http_methods(["GET"])
def contact_list(request, slug):
    forum = editable_forum(request, slug)
    contacts = forum_contacts(forum)
    return render(request, "lokalfora/contact_list.html", {"forum": forum, "contacts": contacts})


@login_required
@require_http_methods(["GET", "POST"])
def contact_form(request, slug, pk=None):
    forum = editable_forum(request, slug)
    contact = get_object_or_404(ContactPerson, forum=forum, pk=pk) if pk else None
    form = ContactPersonForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        data = {field: form.cleaned_data[field] for field in ContactPersonForm.Meta.fields}
        public_fields = set(form.cleaned_data["public_fields"])
        try:
            if contact is None:
                contact_services.contact_create(forum=forum, data=data, public_fields=public_fields)
            else:
                contact_services.contact_update(
                    contact=contact, data=data, public_fields=public_fields
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Kontaktpersonen er gemt."))
            return redirect("lokalfora:contact-list", slug=slug)
    contacts_url = reverse("lokalfora:contact-list", kwargs={"slug": slug})
    context = {
        "forum": forum,
        "form": form,
        "heading": _("Rediger kontaktperson") if contact else _("Tilføj kontaktperson"),
        "cancel_url": contacts_url,
        "parent_url": contacts_url,
        "parent_text": _("Kontaktpersoner"),
    }
    return render(request, "lokalfora/edit_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def contact_remove(request, slug, pk):
    forum = editable_forum(request, slug)
    contact = get_object_or_404(ContactPerson, forum=forum, pk=pk)
    error = None
    if request.method == "POST":
        try:
            contact_services.contact_remove(contact=contact)
        except ValidationError as refused:
            error = refused.messages[0]
        else:
            messages.success(request, _("Kontaktpersonen er fjernet."))
            return redirect("lokalfora:contact-list", slug=slug)
    context = {"forum": forum, "contact": contact, "error": error}
    return render(request, "lokalfora/contact_remove.html", context, status=400 if error else 200)


@login_required
@require_http_methods(["GET"])
def history(request, slug):
    forum = get_object_or_404(Forum.objects.select_related("area"), area__slug=slug)
    if not can_see_history(request.user):
        raise PermissionDenied
    context = {
        "forum": forum,
        "entries": forum_history(forum),
        "can_restore": can_use_admin(request.user),
        "retention": RetentionSettings.current(),
    }
    return render(request, "lokalfora/history.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def event_form(request, slug, pk=None):
    forum = editable_forum(request, slug)
    # Events kept elsewhere (a committee meeting, a milestone) are not the forum's to edit.
    event = get_object_or_404(Event, forum=forum, pk=pk, origin="") if pk else None
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        data = {field: form.cleaned_data[field] for field in EventForm.Meta.fields}
        try:
            event = event_save(forum=forum, data=data, event=event)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Arrangementet er gemt."))
            return redirect(event)
    context = {
        "forum": forum,
        "form": form,
        "heading": _("Rediger arrangement") if event else _("Nyt arrangement"),
        "cancel_url": forum.area.get_absolute_url(),
    }
    return render(request, "lokalfora/edit_form.html", context)


@login_required
@require_http_methods(["POST"])
def contacts_confirm(request, slug):
    forum = editable_forum(request, slug)
    count = contact_services.contacts_confirm(forum=forum)
    text = ngettext(
        "Tak. %(count)d kontaktperson er bekræftet.",
        "Tak. %(count)d kontaktpersoner er bekræftet.",
        count,
    )
    messages.success(request, text % {"count": count})
    return redirect("lokalfora:contact-list", slug=slug)


@login_required
@require_http_methods(["GET"])
def overview(request):
    if not can_see_contact_overview(request.user):
        raise PermissionDenied
    return render(request, "lokalfora/overview.html", contact_overview())
