"""The public calendar of the forums' events, with iCalendar feeds."""

import datetime
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from holbaek.dates import add_months
from lokalfora.feed_conditions import feed_condition, looked_up_area
from lokalfora.forms.events import CalendarFilterForm
from lokalfora.ical import calendar_for
from lokalfora.models import Event, LocalArea
from lokalfora.selectors.events import events_on_day, feed_events, month_days, past_events
from lokalfora.selectors.feeds import ical_feed_version

DAY_PAGE_SIZE = 25


def _month(value: str) -> datetime.date:
    today = timezone.localdate()
    try:
        year, month = (int(part) for part in value.split("-"))
        first = datetime.date(year, month, 1)
    except ValueError:
        return today.replace(day=1)
    return first if 2000 <= year <= today.year + 10 else today.replace(day=1)


def _day(value: str) -> datetime.date:
    """A day of the URL (2026-12-03) within the calendar's years, or 404."""
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise Http404 from None
    if not 2000 <= day.year <= timezone.localdate().year + 10:
        raise Http404
    return day


def _filter_form(request):
    """The filter form and its valid filters (bad values fall back to "all")."""
    areas = list(LocalArea.objects.only("slug", "name", "is_holbaek_town"))
    form = CalendarFilterForm(request.GET or None, areas=areas)
    filters = form.cleaned_data if form.is_valid() else {}
    kept = {key: value for key, value in filters.items() if key != "maaned" and value}
    return form, filters, kept


@require_safe
def calendar(request):
    form, filters, kept = _filter_form(request)
    first = _month(filters.get("maaned") or "")
    days = month_days(
        year=first.year,
        month=first.month,
        area_slug=kept.get("omraade", ""),
        kind=kept.get("type", ""),
    )
    previous_month, next_month = add_months(first, -1), add_months(first, 1)
    context = {
        "form": form,
        "month": first,
        "days": days,
        "total": sum(day.total for day in days),
        "previous_month": previous_month.strftime("%Y-%m"),
        "next_month": next_month.strftime("%Y-%m"),
        "filters": kept,
        "query": urlencode(kept),
    }
    return render(request, "lokalfora/calendar.html", context)


@require_safe
def calendar_day(request, day):
    """Every event of one Danish day, 25 a page, with the calendar's filters."""
    day = _day(day)
    form, _filters, kept = _filter_form(request)
    events = events_on_day(day=day, area_slug=kept.get("omraade", ""), kind=kept.get("type", ""))
    page = Paginator(events, DAY_PAGE_SIZE).get_page(request.GET.get("side"))
    context = {
        "form": form,
        "day": day,
        "page_obj": page,
        "query": urlencode(kept),
        "month_url": reverse("lokalfora:calendar")
        + "?"
        + urlencode({"maaned": day.strftime("%Y-%m"), **kept}),
    }
    return render(request, "lokalfora/calendar_day.html", context)


@require_safe
def archive(request):
    page = Paginator(past_events(), 25).get_page(request.GET.get("side"))
    return render(request, "lokalfora/event_archive.html", {"page_obj": page})


@require_safe
def event_detail(request, pk):
    event = get_object_or_404(Event.objects.select_related("forum__area"), pk=pk)
    return render(request, "lokalfora/event_detail.html", {"event": event})


def _ical_response(events, *, name, filename):
    response = HttpResponse(
        calendar_for(events, name=name), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
def event_ical(request, pk):
    event = get_object_or_404(Event.objects.select_related("forum__area"), pk=pk)
    return _ical_response([event], name=event.title, filename=f"arrangement-{event.pk}.ics")


ical_condition = feed_condition(lambda area: ical_feed_version(area=area))


@require_safe
@ical_condition
def feed_all(request):
    return _ical_response(
        feed_events(), name="Lokalområderne i Holbæk Kommune", filename="holbaek.ics"
    )


@require_safe
@ical_condition
def feed_area(request, slug):
    area = looked_up_area(request, slug)  # looked up by the conditional check before
    return _ical_response(feed_events(area=area), name=area.name, filename=f"{area.slug}.ics")
