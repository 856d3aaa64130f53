"""Forum news: the public post page and its picture, and the editors' pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from holbaek.images import content_type
from lokalfora.forms.news import NewsPostForm
from lokalfora.permissions import can_edit_forum, can_see_news_post
from lokalfora.selectors.news import forum_news, news_post
from lokalfora.services import news as news_services
from lokalfora.services.news import NewsAction
from lokalfora.views.editing import editable_forum


def _visible_post(request, slug, pk):
    post = news_post(slug=slug, pk=pk)
    if post is None or not can_see_news_post(request.user, post):
        raise Http404
    return post


@require_safe
def news_detail(request, slug, pk):
    post = _visible_post(request, slug, pk)
    context = {
        "post": post,
        "forum": post.forum,
        "can_edit": can_edit_forum(request.user, post.forum),
    }
    return render(request, "lokalfora/news_detail.html", context)


@require_safe
def news_image(request, slug, pk):
    """Pictures are not in a public folder: they follow their post's visibility."""
    post = _visible_post(request, slug, pk)
    if not post.image:
        raise Http404
    try:
        file = post.image.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(file, content_type=content_type(post.image.name))
    response["Cache-Control"] = (
        "public, max-age=86400" if post.is_published else "private, no-store"
    )
    return response


@login_required
@require_safe
def news_manage(request, slug):
    forum = editable_forum(request, slug)
    page = Paginator(forum_news(forum), 50).get_page(request.GET.get("side"))
    context = {"forum": forum, "posts": page.object_list, "page_obj": page}
    return render(request, "lokalfora/news_manage.html", context)


ACTIONS = {NewsAction.DRAFT, NewsAction.PUBLISH, NewsAction.UNPUBLISH}


@login_required
@require_http_methods(["GET", "POST"])
def news_form(request, slug, pk=None):
    forum = editable_forum(request, slug)
    post = news_post(slug=slug, pk=pk) if pk else None
    if pk and post is None:
        raise Http404
    bound = request.method == "POST"
    form = NewsPostForm(
        request.POST if bound else None, request.FILES if bound else None, instance=post
    )
    action = request.POST.get("action", NewsAction.DRAFT)
    if request.method == "POST" and action not in ACTIONS:
        form.add_error(None, _("Vælg, om nyheden skal gemmes som kladde eller offentliggøres."))
    if request.method == "POST" and action in ACTIONS and form.is_valid():
        data = {field: form.cleaned_data[field] for field in NewsPostForm.Meta.fields}
        try:
            post = news_services.news_save(
                forum=forum,
                data=data,
                post=post,
                image=form.prepared_image,
                remove_image=form.cleaned_data.get("remove_image", False),
                action=action,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _saved_message(post, action))
            return redirect("lokalfora:news-manage", slug=slug)
    manage_url = reverse("lokalfora:news-manage", kwargs={"slug": slug})
    context = {
        "forum": forum,
        "form": form,
        "post": post,
        "heading": _("Rediger nyhed") if post else _("Ny nyhed"),
        "cancel_url": manage_url,
        "parent_url": manage_url,
        "parent_text": _("Nyheder"),
    }
    return render(request, "lokalfora/news_form.html", context)


def _saved_message(post, action) -> str:
    if action == NewsAction.PUBLISH:
        return _("Nyheden er offentliggjort.")
    if action == NewsAction.UNPUBLISH:
        return _("Nyheden er gjort til kladde igen og vises ikke længere offentligt.")
    if post.is_published:
        return _("Nyheden er gemt.")
    return _("Kladden er gemt. Den vises ikke offentligt, før du offentliggør den.")


@login_required
@require_http_methods(["GET", "POST"])
def news_delete(request, slug, pk):
    forum = editable_forum(request, slug)
    post = news_post(slug=slug, pk=pk)
    if post is None:
        raise Http404
    if request.method == "POST":
        news_services.news_delete(post=post)
        messages.success(request, _("Nyheden er slettet."))
        return redirect("lokalfora:news-manage", slug=slug)
    return render(request, "lokalfora/news_delete.html", {"forum": forum, "post": post})
