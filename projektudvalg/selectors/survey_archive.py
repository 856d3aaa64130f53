"""The surveys the public may find: the archive (/undersoegelser/) and the area page's
section.

The archive holds the surveys open for answers now, the planned ones, the closed ones
waiting for their results, those with published results (published or archived), and
the results of surveys run elsewhere (kind external, published); newest first (the
opening time, else the publishing time). Drafts, proposals and rejected proposals are
never in it. Filtered by area (`omraade`: aimed at the area or at the whole
municipality) and status (`status`: `aabne`, open for answers now; `resultater`, with
public results). An unknown value is no filter, never an error.
"""

from dataclasses import dataclass

from django.db.models import Case, DateTimeField, F, IntegerField, Q, Value, When, Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from projektudvalg.models import Survey, SurveyStatus

PER_PAGE = 25
AREA_SECTION = 5  # each of the area page's two lists
LISTED = (SurveyStatus.SCHEDULED, SurveyStatus.OPEN, SurveyStatus.CLOSED,
          SurveyStatus.PUBLISHED, SurveyStatus.ARCHIVED)  # fmt: skip
STATUSES = {"aabne": _("Åbne for svar"), "resultater": _("Med resultater")}


@dataclass(frozen=True)
class ArchiveFilters:
    area: object = None  # LocalArea
    status: str = ""

    def query(self) -> dict:
        query = {"omraade": self.area.slug} if self.area is not None else {}
        return query | ({"status": self.status} if self.status else {})


def read_filters(params, *, areas) -> ArchiveFilters:
    area = next((a for a in areas if a.slug == params.get("omraade")), None)
    status = params.get("status", "")
    return ArchiveFilters(area=area, status=status if status in STATUSES else "")


def _aimed_at(area) -> Q:
    """The whole municipality, or the area among its areas (no join, so no duplicates)."""
    chosen = Survey.areas.through.objects.filter(localarea=area).values("survey_id")
    return Q(whole_municipality=True) | Q(pk__in=chosen)


def _accepting(now) -> Q:
    return Q(status__in=[SurveyStatus.SCHEDULED, SurveyStatus.OPEN], opens_at__lte=now,
             closes_at__gt=now)  # fmt: skip


def _newest_first(surveys):
    newest = Coalesce("opens_at", "results_published_at", "created_at",
                      output_field=DateTimeField())  # fmt: skip
    return surveys.annotate(newest=newest).order_by(F("newest").desc(), "-id")


def archive(filters: ArchiveFilters, now=None):
    """The archive's surveys, a queryset to paginate (their areas prefetched)."""
    now = now or timezone.now()
    surveys = Survey.objects.filter(status__in=LISTED)
    if filters.area is not None:
        surveys = surveys.filter(_aimed_at(filters.area))
    if filters.status == "aabne":
        surveys = surveys.filter(_accepting(now))
    elif filters.status == "resultater":
        surveys = surveys.with_public_results()
    return _newest_first(surveys).prefetch_related("areas")


def for_area_page(area, now=None) -> dict | None:
    """The area's surveys open for answers now and its newest published results, at most
    5 of each: 1 query (one window over both lists)."""
    now = now or timezone.now()
    group = Case(When(_accepting(now), then=Value(1)), default=Value(2),
                 output_field=IntegerField())  # fmt: skip
    surveys = (
        Survey.objects.filter(_aimed_at(area))
        .filter(_accepting(now) | Q(status__in=[SurveyStatus.PUBLISHED, SurveyStatus.ARCHIVED]))
        .annotate(group=group, shown=Coalesce("results_published_at", "opens_at"))
        .annotate(place=Window(RowNumber(), partition_by=[F("group")],
                               order_by=[F("shown").desc(), F("id").desc()]))
        .filter(place__lte=AREA_SECTION)
        .order_by("group", "place")
    )  # fmt: skip
    found = list(surveys)
    open_now = [s for s in found if s.group == 1]
    results = [s for s in found if s.group == 2]
    return {"open": open_now, "results": results} if found else None


def state(survey, now=None) -> str:
    """The survey's state in a list, in a word or two."""
    now = now or timezone.now()
    if survey.results_are_public:
        return str(_("Resultater offentliggjort"))
    if survey.accepts_answers(now):
        return str(_("Åben for svar"))
    if survey.status == SurveyStatus.SCHEDULED and survey.opens_at and survey.opens_at > now:
        return str(_("Planlagt"))
    return str(_("Lukket, resultaterne er ikke offentliggjort endnu"))
