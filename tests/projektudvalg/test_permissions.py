"""Who may do what with an application: each role against view, edit, assess, decide, files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from projektudvalg import services
from projektudvalg.models import Assessment, Decision
from tests.factories import login
from tests.matrix import APPLICATION_ROLES, assert_access

pytestmark = pytest.mark.django_db

ROLES = APPLICATION_ROLES
REVIEW = {"committee_staff", "staff_admin", "admin"}
VIEW = {"applicant", "area_co_creator"} | REVIEW


@pytest.fixture
def case(draft, applicant):
    services.attachment_add(
        application=draft, uploaded=SimpleUploadedFile("bilag.pdf", b"%PDF-1.7 x")
    )
    return services.application_submit(application=draft, user=applicant)


@pytest.mark.parametrize("role", ROLES)
def test_view(as_role, case, role):
    client = as_role(role)
    assert_access(client.get(f"/ansoegninger/{case.pk}/"), role, VIEW)
    assert_access(client.get(f"/puljer/behandling/{case.pk}/"), role,
           {"area_co_creator"} | REVIEW)  # fmt: skip


@pytest.mark.parametrize("role", ROLES)
def test_download_attachment(as_role, case, role):
    file = case.files.get()
    response = as_role(role).get(f"/ansoegninger/{case.pk}/bilag/{file.pk}/")
    assert_access(response, role, VIEW)
    if role in VIEW:
        assert b"".join(response.streaming_content) == b"%PDF-1.7 x"


@pytest.mark.parametrize("role", ROLES)
def test_edit(as_role, draft, role):
    """Only the applicant edits, and only a draft (or one sent back)."""
    client = as_role(role)
    response = client.post(f"/ansoegninger/{draft.pk}/rediger/", {
        "title": "Ændret", "budget-TOTAL_FORMS": "2", "budget-INITIAL_FORMS": "2", "save": "1",
    })  # fmt: skip
    assert_access(response, role, {"applicant"}, ok=302)
    draft.refresh_from_db()
    assert (draft.title == "Ændret") is (role == "applicant")


@pytest.mark.parametrize("role", ROLES)
def test_assess(as_role, case, role):
    criterion = case.pool.criteria_list.first()
    response = as_role(role).post(
        f"/puljer/behandling/{case.pk}/vurdering/",
        {f"assess-score_{criterion.pk}": "4", "assess-notes": "x"},
    )
    assert_access(response, role, REVIEW, ok=302)
    assert Assessment.objects.exists() is (role in REVIEW)


@pytest.mark.parametrize("role", ROLES)
def test_decide(as_role, case, role):
    client = as_role(role)
    client.post(f"/puljer/behandling/{case.pk}/status/", {"action": "start_review"})
    response = client.post(
        f"/puljer/behandling/{case.pk}/afgoerelse/",
        {"decision-outcome": "granted", "decision-amount": "60.000"},
    )
    assert_access(response, role, REVIEW, ok=302)
    assert Decision.objects.exists() is (role in REVIEW)


@pytest.mark.parametrize("role", ROLES)
def test_advise(as_role, case, role):
    """The area's fælles-skaber adds an advisory note; staff read it; nobody else can."""
    response = as_role(role).post(
        f"/puljer/behandling/{case.pk}/raad/", {"advice-text": "Godt lokalt"}
    )
    assert_access(response, role, {"area_co_creator"}, ok=302)
    assert case.advisory_notes.exists() is (role == "area_co_creator")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "url",
    ["/puljer/behandling/", "/udvalget/moeder/styring/", "/puljer/eksport/ansoegninger.csv",
     "/puljer/eksport/afgoerelser.xlsx"],
)  # fmt: skip
def test_staff_pages(as_role, case, role, url):
    assert_access(as_role(role).get(url), role, REVIEW)


def test_the_applicant_never_sees_the_review(client, case, applicant, staff):
    services.review_start(application=case, user=staff)
    criterion = case.pool.criteria_list.first()
    services.assessment_save(
        application=case, user=staff, scores={criterion: 2}, notes="Svag økonomi"
    )
    services.recommendation_save(
        application=case, user=staff, outcome="refused", amount=None, text="Indstilles til afslag"
    )
    login(client, applicant)
    page = client.get(f"/ansoegninger/{case.pk}/").text
    assert "Svag økonomi" not in page
    assert "Indstilles til afslag" not in page


def test_a_draft_is_the_applicants_alone(as_role, draft):
    for role in ("area_co_creator", "process_consultant", "committee_staff"):
        client = as_role(role)
        assert client.get(f"/ansoegninger/{draft.pk}/").status_code == 404, role
        client.logout()


def test_no_recommendation_or_note_on_a_draft(draft, staff):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="indsendte ansøgninger"):
        services.recommendation_save(
            application=draft, user=staff, outcome="granted", amount=None, text="x"
        )
    with pytest.raises(ValidationError, match="ikke indsendt endnu"):
        services.advisory_note_create(application=draft, user=staff, text="x")
