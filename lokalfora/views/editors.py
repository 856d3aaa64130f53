"""Volunteer editors: inviting, accepting, leaving and removing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from holbaek.caching import private_page
from holbaek.models import User
from lokalfora.forms.forums import InvitationForm
from lokalfora.invitation_tokens import invitation_from_token
from lokalfora.models import Forum
from lokalfora.permissions import can_invite_editor, can_remove_editor
from lokalfora.selectors.forums import forum_editors, pending_invitations
from lokalfora.services.forums import forum_editor_remove
from lokalfora.services.invitations import editor_invitation_accept, editor_invitation_send


@login_required
@require_http_methods(["GET", "POST"])
def editor_list(request, slug):
    forum = get_object_or_404(Forum.objects.select_related("area"), area__slug=slug)
    if not can_invite_editor(request.user, forum):
        raise PermissionDenied
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            editor_invitation_send(
                forum=forum, email=form.cleaned_data["email"], invited_by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Invitationen er sendt."))
            return redirect("lokalfora:editor-list", slug=slug)
    context = {
        "forum": forum,
        "form": form,
        "editors": forum_editors(forum),
        "pending": pending_invitations(forum),
    }
    return render(request, "lokalfora/editor_list.html", context)


@login_required
@require_POST
def editor_remove(request, slug, user_id):
    forum = get_object_or_404(Forum.objects.select_related("area"), area__slug=slug)
    editor = get_object_or_404(User, pk=user_id, forum_editorships__forum=forum)
    if not can_remove_editor(request.user, editor):
        raise PermissionDenied
    forum_editor_remove(forum=forum, user=editor)
    if editor.pk == request.user.pk:
        messages.success(
            request, _("Du er ikke længere redaktør for %(name)s.") % {"name": forum.name}
        )
        return redirect(forum.area)
    messages.success(request, _("Redaktøren er fjernet."))
    return redirect("lokalfora:editor-list", slug=slug)


@require_http_methods(["GET", "POST"])
@private_page
def invitation(request, token):
    error = None
    try:
        found = invitation_from_token(token)
    except ValidationError as refused:
        found, error = None, refused.messages[0]
    if found is not None and request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.path)
        try:
            accepted = editor_invitation_accept(token=token, user=request.user)
        except ValidationError as refused:
            error = refused.messages[0]
        else:
            messages.success(
                request, _("Du er nu redaktør for %(name)s.") % {"name": accepted.forum.name}
            )
            return redirect(accepted.forum.area)
    context = {"invitation": found, "error": error}
    return render(request, "lokalfora/invitation.html", context, status=400 if error else 200)
