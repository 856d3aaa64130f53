from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from lokalfora.forms.public import SearchForm
from lokalfora.permissions import can_edit_forum, can_see_history
from lokalfora.search import search_page
from lokalfora.sections import area_sections
from lokalfora.selectors import areas as area_selectors
from lokalfora.selectors.contacts import visible_contacts
from lokalfora.selectors.events import upcoming_events
from lokalfora.selectors.news import latest_news, published_news


@require_safe
def front_page(request):
    context = {"areas": area_selectors.area_list(), "latest_news": latest_news(limit=3)}
    return render(request, "lokalfora/front_page.html", context)


@require_safe
def area_list(request):
    return render(request, "lokalfora/area_list.html", {"areas": area_selectors.area_list()})


@require_safe
def area_detail(request, slug):
    area, alias_of = area_selectors.area_by_slug_or_alias(slug)
    if alias_of is not None:
        return redirect(alias_of, permanent=True)
    if area is None:
        raise Http404
    forum = getattr(area, "forum", None)
    context = {
        "area": area,
        "forum": forum,
        "population": area.current_population,
        "contacts": visible_contacts(forum, request.user) if forum else [],
        "news": latest_news(forum=forum) if forum else [],
        "events": upcoming_events(forum=forum, limit=5) if forum else [],
        "sections": area_sections(area, request.user),
        "can_edit": forum is not None and can_edit_forum(request.user, forum),
        "can_see_history": forum is not None and can_see_history(request.user),
    }
    return render(request, "lokalfora/area_detail.html", context)


@require_safe
def news_list(request):
    page = Paginator(published_news(), 20).get_page(request.GET.get("side"))
    return render(request, "lokalfora/news_list.html", {"page_obj": page})


@require_safe
def search(request):
    form = SearchForm(request.GET or None)
    context = {"form": form, "searched": form.is_valid(), "areas": [], "hits": []}
    if form.is_valid():
        query = form.cleaned_data["q"]
        page, hits = search_page(query, request.GET.get("side"))
        areas = area_selectors.search_areas(query)
        context |= {
            "page_obj": page,
            "hits": hits,
            "areas": areas if page.number == 1 else [],
            "result_count": len(areas) + page.paginator.count,
            "page_query": urlencode({"q": query}),
        }
    return render(request, "lokalfora/search.html", context)
