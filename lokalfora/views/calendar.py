"""The public calendar of the forums' events, with iCalendar feeds."""

import datetime

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from holbaek.dates import add_months
from lokalfora.forms.events import CalendarFilterForm
from lokalfora.ical import calendar_for
from lokalfora.models import Event, LocalArea
from lokalfora.selectors.events import events_in_month, past_events


def _month(value: str) -> datetime.date:
    today = timezone.localdate()
    try:
        year, month = (int(part) for part in value.split("-"))
        first = datetime.date(year, month, 1)
    except ValueError:
        return today.replace(day=1)
    return first if 2000 <= year <= today.year + 10 else today.replace(day=1)


@require_safe
def calendar(request):
    areas = list(LocalArea.objects.only("slug", "name", "is_holbaek_town"))
    form = CalendarFilterForm(request.GET or None, areas=areas)
    filters = form.cleaned_data if form.is_valid() else {}
    first = _month(filters.get("maaned") or "")
    events = events_in_month(
        year=first.year,
        month=first.month,
        area_slug=filters.get("omraade") or "",
        kind=filters.get("type") or "",
    )
    for event in events:
        # Grouped by the Danish calendar day, not the UTC one.
        event.local_day = timezone.localdate(event.starts_at)
    previous_month, next_month = add_months(first, -1), add_months(first, 1)
    context = {
        "form": form,
        "month": first,
        "events": events,
        "previous_month": previous_month.strftime("%Y-%m"),
        "next_month": next_month.strftime("%Y-%m"),
        "filters": {key: value for key, value in filters.items() if key != "maaned" and value},
    }
    return render(request, "lokalfora/calendar.html", context)


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


@require_safe
def feed_all(request):
    events = Event.objects.filter(ends_at__gte=timezone.now() - datetime.timedelta(days=90))
    events = events.select_related("forum__area").order_by("starts_at")
    return _ical_response(events, name="Lokalområderne i Holbæk Kommune", filename="holbaek.ics")


@require_safe
def feed_area(request, slug):
    area = get_object_or_404(LocalArea, slug=slug)
    events = Event.objects.filter(
        forum__area=area, ends_at__gte=timezone.now() - datetime.timedelta(days=90)
    ).select_related("forum__area")
    return _ical_response(events.order_by("starts_at"), name=area.name, filename=f"{area.slug}.ics")
