"""The special efforts' staff and project-lead pages: the role matrix (the portal's roles,
a project lead of this effort and one of another), bad input on every form, forged ids,
and the overview's constant query count."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lokalfora.models import LocalArea
from projektudvalg import services
from projektudvalg.models import (
    EffortStatus,
    MeetingStatus,
    Milestone,
    MilestoneKind,
    SpecialEffort,
)
from tests.clock import danish
from tests.factories import login, make_user
from tests.factories.committee import (
    AgendaItemFactory,
    CommitteeFactory,
    MeetingFactory,
    SpecialEffortFactory,
)
from tests.matrix import ROLE_NAMES, assert_access
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db

ROLES = [*ROLE_NAMES, "lead_this", "lead_other"]
MANAGE = {"committee_staff", "staff_admin", "admin"}
LEAD = MANAGE | {"lead_this"}


@pytest.fixture
def effort(reference_data, clock):
    clock.set("2027-02-01 09:00")
    areas = LocalArea.objects.filter(slug__in=["tollose", "undlose"])
    effort = SpecialEffortFactory(areas=list(areas), slug="faelles-kurs", title="Fælles kurs")
    services.milestone_save(
        effort=effort,
        data={
            "title": "Kick-off",
            "kind": MilestoneKind.WORKSHOP,
            "starts_at": danish("2027-03-01 17:00"),
            "ends_at": danish("2027-03-01 20:00"),
        },
    )
    services.action_save(effort=effort, data={"title": "Børnehus", "progress": 40})
    services.commitment_save(effort=effort, data={"party": "municipality", "text": "Projektleder"})
    services.group_save(effort=effort, data={"name": "Børneliv"})
    return effort


@pytest.fixture
def other_effort(reference_data):
    return SpecialEffortFactory(
        areas=list(LocalArea.objects.filter(slug__in=["oro", "tuse"])), slug="anden-indsats"
    )


@pytest.fixture
def sign_in(client_as, client, effort, other_effort):
    def as_role(role):
        if role in ("lead_this", "lead_other"):
            user = make_user(f"{role.replace('_', '-')}@example.org")
            (effort if role == "lead_this" else other_effort).leads.add(user)
            login(client, user)
            return client
        return client_as(role)

    return as_role


def _url(name, effort, **kwargs):
    pks = {
        "projektudvalg:effort-milestone-edit": lambda: effort.milestones.get().pk,
        "projektudvalg:effort-milestone-delete": lambda: effort.milestones.get().pk,
        "projektudvalg:effort-action-edit": lambda: effort.actions.get().pk,
        "projektudvalg:effort-action-delete": lambda: effort.actions.get().pk,
        "projektudvalg:effort-commitment-edit": lambda: effort.commitments.get().pk,
        "projektudvalg:effort-commitment-delete": lambda: effort.commitments.get().pk,
        "projektudvalg:effort-group-edit": lambda: effort.working_groups.get().pk,
    }
    if name in ("projektudvalg:effort-admin", "projektudvalg:effort-create"):
        return reverse(name)
    if name in pks:
        kwargs["pk"] = pks[name]()
    return reverse(name, kwargs={"slug": effort.slug, **kwargs})


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "name",
    ["projektudvalg:effort-admin", "projektudvalg:effort-create", "projektudvalg:effort-status"],
)
def test_the_committee_staffs_pages(sign_in, effort, name, role):
    response = sign_in(role).get(_url(name, effort))
    assert_access(response, role, MANAGE)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "name",
    [
        "projektudvalg:effort-edit",
        "projektudvalg:effort-milestones",
        "projektudvalg:effort-milestone-edit",
        "projektudvalg:effort-actions",
        "projektudvalg:effort-action-edit",
        "projektudvalg:effort-commitments",
        "projektudvalg:effort-commitment-edit",
        "projektudvalg:effort-budget",
        "projektudvalg:effort-groups",
        "projektudvalg:effort-group-edit",
        "projektudvalg:effort-documents",
    ],
)
def test_the_project_leads_pages(sign_in, effort, name, role):
    response = sign_in(role).get(_url(name, effort))
    assert_access(response, role, LEAD)
    if role in LEAD:
        assert (
            response["Cache-Control"].startswith("private")
            or "private" in response["Cache-Control"]
        )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "name",
    [
        "projektudvalg:effort-milestone-delete",
        "projektudvalg:effort-action-delete",
        "projektudvalg:effort-commitment-delete",
        "projektudvalg:effort-document-delete",
    ],
)
def test_deleting_a_row(sign_in, effort, name, role, staff_document):
    kwargs = {"pk": staff_document.pk} if name.endswith("document-delete") else {}
    url = _url(name, effort, **kwargs)
    client = sign_in(role)
    assert client.get(url).status_code in (302, 405)
    assert_access(client.post(url), role, LEAD, ok=302)


@pytest.fixture
def staff_document(effort):
    pdf = SimpleUploadedFile("aftale.pdf", b"%PDF-1.4 aftale", content_type="application/pdf")
    uploader = make_user("uploader@example.org")
    return services.document_add(
        effort=effort, uploaded=pdf, title="Samarbejdsaftale", kind="agreement", by=uploader
    )


@pytest.fixture
def staff_client(sign_in):
    return sign_in("committee_staff")


def test_a_lead_edits_content_but_not_areas_or_status(sign_in, effort):
    client = sign_in("lead_this")
    page = client.get(_url("projektudvalg:effort-edit", effort)).content.decode()
    assert 'name="areas"' not in page
    assert 'name="leads"' not in page
    assert reverse("projektudvalg:effort-status", kwargs={"slug": effort.slug}) not in page


def _effort_form(effort, **changes):
    return {
        "title": effort.title,
        "slug": effort.slug,
        "tagline": effort.tagline,
        "summary": effort.summary,
        "areas": [a.pk for a in effort.areas.all()],
        "leads": "",
    } | changes


def test_the_edit_page_refuses_too_few_areas_and_keeps_what_was_typed(staff_client, effort):
    url = _url("projektudvalg:effort-edit", effort)
    area = effort.areas.first()
    response = staff_client.post(url, _effort_form(effort, title="Ny titel", areas=[area.pk]))
    assert response.status_code == 400
    page = response.content.decode()
    assert "En særlig indsats skal omfatte mellem 2 og 4 lokalområder" in page
    assert 'value="Ny titel"' in page
    effort.refresh_from_db()
    assert effort.title == "Fælles kurs"


def test_the_edit_page_refuses_an_unknown_lead(staff_client, effort):
    response = staff_client.post(
        _url("projektudvalg:effort-edit", effort), _effort_form(effort, leads="ingen@example.org")
    )
    assert response.status_code == 400
    assert "Ingen bruger har e-mailen ingen@example.org" in response.content.decode()


def test_creating_an_effort(staff_client, effort):
    CommitteeFactory()
    url = reverse("projektudvalg:effort-create")
    form = _effort_form(effort, slug="ny", title="Ny indsats")
    response = staff_client.post(url, form)
    assert response.status_code == 400
    assert "bruger siderne selv" in response.content.decode()
    response = staff_client.post(url, form | {"slug": "ny-indsats"})
    assert response.status_code == 302
    assert SpecialEffort.objects.get(slug="ny-indsats").status == EffortStatus.PROPOSED


def _agenda(effort):
    """An open and a closed item on a published agenda, and one on a planned meeting's."""
    published = MeetingFactory(committee=effort.committee, status=MeetingStatus.AGENDA_PUBLISHED)
    planned = MeetingFactory(committee=effort.committee, status=MeetingStatus.PLANNED)
    return (
        AgendaItemFactory(meeting=published, number=1, title="Åbent punkt om stier"),
        AgendaItemFactory(meeting=published, number=2, title="Køb af Skolevej 4", is_closed=True),
        AgendaItemFactory(meeting=planned, number=1, title="Endnu ikke offentligt"),
    )


@pytest.mark.parametrize(
    "name", ["projektudvalg:effort-milestones", "projektudvalg:effort-actions"]
)
def test_a_project_lead_is_offered_only_public_agenda_items(sign_in, effort, name):
    _public, closed, planned = _agenda(effort)
    lead = sign_in("lead_this").get(_url(name, effort)).content.decode()
    assert "Åbent punkt om stier" in lead
    for hidden in ("Køb af Skolevej 4", "Endnu ikke offentligt"):
        assert hidden not in lead
    for item in (closed, planned):
        assert f'value="{item.pk}"' not in lead
    staff = sign_in("committee_staff").get(_url(name, effort)).content.decode()
    for title in ("Åbent punkt om stier", "Køb af Skolevej 4", "Endnu ikke offentligt"):
        assert title in staff


def test_a_lead_keeps_a_rows_closed_item_without_seeing_its_title(sign_in, effort):
    _public, closed, planned = _agenda(effort)
    milestone = effort.milestones.get()
    Milestone.objects.filter(pk=milestone.pk).update(agenda_item=closed)  # linked by staff
    client = sign_in("lead_this")
    url = _url("projektudvalg:effort-milestone-edit", effort)
    page = client.get(url).content.decode()
    assert "Køb af Skolevej 4" not in page
    assert "punkt 2: Lukket punkt" in page
    data = {"title": "Kick-off", "kind": "workshop", "starts_at": "2027-03-01T17:00",
            "ends_at": "2027-03-01T20:00", "agenda_item": closed.pk}  # fmt: skip
    assert client.post(url, data).status_code == 302
    milestone.refresh_from_db()
    assert milestone.agenda_item == closed
    forged = client.post(url, data | {"agenda_item": planned.pk})
    assert forged.status_code == 400  # another non-public item is no choice


def test_the_status_page_needs_the_decision(staff_client, effort):
    url = _url("projektudvalg:effort-status", effort)
    response = staff_client.post(url, {"to_status": "selected", "decision": ""})
    assert response.status_code == 400
    assert "udvalgets beslutning" in response.content.decode()
    response = staff_client.post(url, {"to_status": "active"})  # not in the table
    assert response.status_code == 400
    item = AgendaItemFactory(meeting=MeetingFactory(committee=effort.committee))
    foreign = AgendaItemFactory(meeting=MeetingFactory(committee=CommitteeFactory(slug="andet")))
    response = staff_client.post(url, {"to_status": "selected", "decision": foreign.pk})
    assert response.status_code == 400  # a forged id is no choice
    response = staff_client.post(url, {"to_status": "selected", "decision": item.pk, "note": "Ok"})
    assert response.status_code == 302
    effort.refresh_from_db()
    assert (effort.status, effort.selection_decision) == (EffortStatus.SELECTED, item)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "projektudvalg:effort-milestones",
            {
                "title": "Fest",
                "kind": "party",
                "starts_at": "2027-05-24T17:00",
                "ends_at": "2027-05-24T16:00",
            },
            "slutte, efter den er begyndt",
        ),
        (
            "projektudvalg:effort-milestones",
            {"title": "Fest", "kind": "party", "starts_at": "i morgen", "ends_at": ""},
            "Skriv dato",
        ),
        ("projektudvalg:effort-actions", {"title": "Hal", "progress": "150"}, "mellem 0 og 100"),
        (
            "projektudvalg:effort-actions",
            {"title": "Hal", "progress": "10", "weight": "0"},
            "fra 1 til 100",
        ),
        ("projektudvalg:effort-commitments", {"party": "", "text": "Noget"}, "Vælg hvem"),
        ("projektudvalg:effort-commitments", {"party": "forum", "text": "Noget"}, "lokalforummet"),
        ("projektudvalg:effort-groups", {"name": ""}, "Skriv gruppens navn"),
    ],
)
def test_bad_input_is_refused_with_a_danish_message_and_kept(
    staff_client, effort, name, data, message
):
    response = staff_client.post(_url(name, effort), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    for value in data.values():
        if value and len(value) > 3:
            assert value in page


def test_the_budget_refuses_overspending_and_a_forged_count(staff_client, effort):
    url = _url("projektudvalg:effort-budget", effort)
    base = {
        "budget-TOTAL_FORMS": "2",
        "budget-INITIAL_FORMS": "0",
        "budget-0-source": "Landdistriktspuljen",
        "budget-0-year": "2019",
        "budget-0-amount": "418.230",
        "budget-0-spent": "500.000",
        "budget-0-external": "on",
    }
    response = staff_client.post(url, base)
    assert response.status_code == 400
    assert "brugt mere" in response.content.decode()
    assert 'value="500.000"' in response.content.decode()
    response = staff_client.post(url, base | {"budget-TOTAL_FORMS": "-1"})
    assert response.status_code == 400
    assert not effort.budget_lines.exists()
    response = staff_client.post(url, base | {"budget-0-spent": "100.000"})
    assert response.status_code == 302
    assert str(effort.budget_lines.get().amount) == "418230.00"


def test_a_document_of_the_wrong_kind_is_refused(staff_client, effort):
    url = _url("projektudvalg:effort-documents", effort)
    fake = SimpleUploadedFile("aftale.pdf", b"not a pdf at all", content_type="application/pdf")
    response = staff_client.post(url, {"title": "Aftale", "kind": "agreement", "file": fake})
    assert response.status_code == 400
    assert "kan ikke bruges" in response.content.decode()
    assert not effort.documents.exists()


def test_another_efforts_rows_are_404(staff_client, effort, other_effort):
    milestone = Milestone.objects.create(
        effort=other_effort,
        title="Fremmed",
        kind="party",
        starts_at=danish("2027-04-01 17:00"),
        ends_at=danish("2027-04-01 18:00"),
    )
    url = reverse(
        "projektudvalg:effort-milestone-edit", kwargs={"slug": effort.slug, "pk": milestone.pk}
    )
    assert staff_client.get(url).status_code == 404
    assert staff_client.get("/saerlige-indsatser/findes-ikke/rediger/").status_code == 404
    assert staff_client.post(url + "slet/").status_code == 404


def test_the_overview_warns_outside_the_bounds(staff_client, effort):
    item = AgendaItemFactory(meeting=MeetingFactory(committee=effort.committee))
    services.effort_transition(
        effort=effort, to_status="selected", by=make_user("s@example.org"), decision=item
    )
    page = staff_client.get(reverse("projektudvalg:effort-admin")).content.decode()
    assert "De igangværende indsatser omfatter 2 lokalområder" not in page
    effort.committee.effort_min_areas = 3
    effort.committee.save()
    page = staff_client.get(reverse("projektudvalg:effort-admin")).content.decode()
    assert "De igangværende indsatser omfatter 2 lokalområder" in page


def test_the_overview_has_a_constant_number_of_queries(staff_client, effort):
    areas = list(LocalArea.objects.all()[:4])

    def grow():
        for number in range(8):
            SpecialEffortFactory(areas=areas[: 2 + number % 3], slug=f"vokset-{number}")

    assert_constant_queries(staff_client, reverse("projektudvalg:effort-admin"), grow, limit=15)


@pytest.mark.parametrize(
    "name",
    [
        "projektudvalg:effort-milestones",
        "projektudvalg:effort-actions",
        "projektudvalg:effort-commitments",
        "projektudvalg:effort-groups",
        "projektudvalg:effort-budget",
        "projektudvalg:effort-edit",
    ],
)
def test_the_edit_pages_have_a_constant_number_of_queries(staff_client, effort, name):
    def grow():
        for number in range(6):
            services.milestone_save(
                effort=effort,
                data={
                    "title": f"Møde {number}",
                    "kind": "working",
                    "starts_at": danish(f"2027-04-{number + 1:02d} 17:00"),
                    "ends_at": danish(f"2027-04-{number + 1:02d} 19:00"),
                },
            )
            services.action_save(effort=effort, data={"title": f"H {number}", "progress": 10})
            services.commitment_save(effort=effort, data={"party": "municipality", "text": "X"})
            services.group_save(effort=effort, data={"name": f"Gruppe {number}"})
        services.budget_lines_save(
            effort=effort,
            lines=[
                {"source": f"Kilde {n}", "year": 2027, "amount": 1000, "spent": 0} for n in range(5)
            ],
        )

    assert_constant_queries(staff_client, _url(name, effort), grow, limit=30)
