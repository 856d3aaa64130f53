"""The municipality's news for the public: the list with its filters, an item's page, its
easy-Danish page and its picture. An item not yet public answers only those who may see
it (permissions.can_see_municipal_news), marked private; everyone else gets a 404."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from holbaek.caching import make_private
from holbaek.images import content_type
from lokalfora.models import LocalArea, NewsTopic
from projektudvalg.permissions import can_see_municipal_news
from projektudvalg.selectors import municipal_news as selectors


@require_safe
def news_list(request):
    """Filtered by area (aimed at it or at the whole municipality), topic and origin:
    6 queries, whatever the filters and the number of items."""
    areas = list(LocalArea.objects.order_by("name"))
    topics = list(NewsTopic.objects.active())
    filters = selectors.read_filters(request.GET, areas=areas, topics=topics)
    page = Paginator(selectors.filtered_news(filters), selectors.PER_PAGE).get_page(
        request.GET.get("side")
    )
    context = {
        "page_obj": page,
        "news": page.object_list,
        "areas": areas,
        "topics": topics,
        "origins": _origin_choices(),
        "filters": filters,
        "query": urlencode(filters.query()),
    }
    return render(request, "projektudvalg/news/list.html", context)


def _origin_choices():
    labels = dict(selectors.NewsOrigin.choices)
    return [(key, labels[origin]) for key, origin in selectors.ORIGINS.items()]


def _visible_item(request, pk):
    item = selectors.news_item(pk)
    if item is None or not can_see_municipal_news(request.user, item):
        raise Http404
    return item


def _item_page(request, item, template):
    decision = item.source_decision
    context = {
        "item": item,
        "origin_name": selectors.origin_name(item),
        "decision": decision if decision is not None and decision.decision_is_public else None,
    }
    response = render(request, template, context)
    # A draft or a scheduled item is for its editors only: never stored anywhere.
    return response if item.is_public else make_private(response)


@require_safe
def news_detail(request, pk):
    return _item_page(request, _visible_item(request, pk), "projektudvalg/news/detail.html")


@require_safe
def news_easy_read(request, pk):
    """The item on easy Danish, a page of its own (one h1); 404 for an item without one."""
    item = _visible_item(request, pk)
    if not item.easy_read.strip():
        raise Http404
    return _item_page(request, item, "projektudvalg/news/easy_read.html")


@require_safe
def news_image(request, pk):
    """Pictures are not in a public folder: they follow their item's visibility."""
    item = _visible_item(request, pk)
    if not item.image:
        raise Http404
    try:
        file = item.image.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(file, content_type=content_type(item.image.name))
    response["Cache-Control"] = "public, max-age=86400" if item.is_public else "private, no-store"
    return response
