"""A forum's editors and the municipality's news: the forum's proposals and the offers to
it, a new proposal (or changes while it waits), and the thread about one item (its state,
the comments, the answer to an offer). Staff see the overview and the threads too."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from holbaek.caching import private_page
from lokalfora.models import Forum
from projektudvalg.forms.news import CommentForm, ProposalForm
from projektudvalg.models import MunicipalNews, ShareDirection
from projektudvalg.permissions import (
    can_answer_offer,
    can_edit_municipal_news,
    can_edit_proposal,
    can_propose_news,
    can_see_news_thread,
)
from projektudvalg.selectors import news_staff as selectors
from projektudvalg.services import municipal_news as services
from projektudvalg.services import news_cooperation as cooperation

PER_PAGE = 25


def _forum(request, slug, *, propose=False) -> Forum:
    forum = get_object_or_404(Forum.objects.select_related("area"), area__slug=slug)
    allowed = can_propose_news(request.user, forum) or (
        not propose and can_edit_municipal_news(request.user)
    )
    if not allowed:
        raise PermissionDenied
    return forum


def _share(forum, pk):
    share = selectors.forum_share(forum, pk)
    if share is None:
        raise Http404
    return share


@private_page
@login_required
@require_safe
def news_forum_list(request, slug):
    forum = _forum(request, slug)
    page = Paginator(selectors.forum_shares(forum), PER_PAGE).get_page(request.GET.get("side"))
    context = {
        "forum": forum,
        "page_obj": page,
        "can_propose": can_propose_news(request.user, forum),
    }
    return render(request, "projektudvalg/news/forum/list.html", context)


@private_page
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def news_forum_propose(request, slug, pk=None):
    """A new proposal, or changes to one that waits (til godkendelse)."""
    forum = _forum(request, slug, propose=True)
    share = _share(forum, pk) if pk is not None else None
    if share is not None and (
        share.direction != ShareDirection.PROPOSED
        or not can_edit_proposal(request.user, share.news)
    ):
        messages.error(request, _("Forslaget er afgjort og kan ikke længere ændres."))
        return redirect("projektudvalg:news-forum-thread", slug=slug, pk=share.pk)
    item = share.news if share else MunicipalNews(origin_forum=forum)
    bound = request.method == "POST"
    initial = {} if share else {"areas": [forum.area_id]}  # the forum's own area preselected
    form = ProposalForm(
        request.POST if bound else None,
        request.FILES if bound else None,
        instance=item,
        initial=initial,
    )
    if bound and form.is_valid():
        try:
            if share is None:
                values = form.values()
                values.pop("remove_image")
                item = services.news_propose(forum=forum, by=request.user, **values)
            else:
                services.news_save(item=item, by=request.user, **form.values())
        except ValidationError as error:
            form.refuse(error)
        else:
            messages.success(request, _("Forslaget er sendt til kommunens redaktører."))
            share = share or item.shares.get(forum=forum)
            return redirect("projektudvalg:news-forum-thread", slug=slug, pk=share.pk)
    context = {"forum": forum, "form": form, "share": share}
    return render(
        request, "projektudvalg/news/forum/propose.html", context, status=400 if bound else 200
    )


@private_page
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def news_forum_thread(request, slug, pk):
    forum = _forum(request, slug)
    share = _share(forum, pk)
    if not can_see_news_thread(request.user, share):
        raise PermissionDenied
    form = CommentForm(request.POST if request.POST.get("action") == "comment" else None)
    if request.method == "POST":
        done = _thread_action(request, share, form)
        if done is not None:
            return done
    context = {
        "forum": forum,
        "share": share,
        "item": share.news,
        "comments": selectors.comments(share),
        "form": form,
        "can_answer": can_answer_offer(request.user, share),
        "can_edit": can_edit_proposal(request.user, share.news),
    }
    return render(
        request,
        "projektudvalg/news/forum/thread.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


def _thread_action(request, share, form):
    action = request.POST.get("action")
    url = ("projektudvalg:news-forum-thread", share.forum.area.slug, share.pk)
    try:
        if action == "comment":
            if not form.is_valid():
                return None
            cooperation.comment_add(
                share=share, author=request.user, text=form.cleaned_data["text"]
            )
            messages.success(request, _("Kommentaren er sendt."))
        elif action in ("accept", "pass"):
            if not can_answer_offer(request.user, share):
                raise PermissionDenied
            step = cooperation.offer_accept if action == "accept" else cooperation.offer_pass
            step(share=share, by=request.user)
            messages.success(
                request,
                _("Nyheden er taget med i lokalforummets nyheder.")
                if action == "accept"
                else _("Tilbuddet er sprunget over."),
            )
        else:
            form.add_error(None, _("Vælg en handling."))
            return None
    except ValidationError as error:
        if action == "comment":
            form.refuse(error)
            return None
        messages.error(request, " ".join(error.messages))
    return redirect(url[0], slug=url[1], pk=url[2])
