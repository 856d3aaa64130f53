"""Opening and changing rounds: services.round_create/round_update, the staff page, the admin."""

import datetime
import threading
import time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from holbaek import roles
from projektudvalg import selectors, services
from projektudvalg.models import GrantPool, Round
from projektudvalg.services import rounds as round_services
from tests.factories import RoundFactory, complete, give_mfa, login, make_user

pytestmark = pytest.mark.django_db


def _values(round_, **changes):
    values = {
        "pool": round_.pool, "name": round_.name, "opens_at": round_.opens_at,
        "deadline": round_.deadline, "budget": round_.budget,
        "report_months": round_.report_months,
    }  # fmt: skip
    return values | changes


def _in_review(round_, applicant, staff):
    application = services.application_create(pool=round_.pool, round_id=round_.pk, user=applicant)
    complete(application)
    services.application_submit(application=application, user=applicant)
    return services.review_start(application=application, user=staff)


def test_the_budget_never_goes_below_what_is_committed(open_round, applicant, staff):
    application = _in_review(open_round, applicant, staff)
    services.decision_record(
        application=application, user=staff, outcome="granted", amount=Decimal(60000)
    )
    with pytest.raises(ValidationError, match=r"allerede bevilget 60\.000\\xa0kr\. Budgettet"):
        services.round_update(round_=open_round, **_values(open_round, budget=Decimal(59999)))
    services.round_update(round_=open_round, **_values(open_round, budget=Decimal(60000)))
    open_round.refresh_from_db()
    assert open_round.budget == 60000


def test_the_pool_cannot_change_once_someone_has_applied(open_round, lbf, applicant):
    services.application_create(pool=open_round.pool, round_id=open_round.pk, user=applicant)
    with pytest.raises(ValidationError, match="kan ikke flyttes til en anden pulje"):
        services.round_update(round_=open_round, **_values(open_round, pool=lbf))
    empty = RoundFactory(pool=open_round.pool, name="Tom")
    services.round_update(round_=empty, **_values(empty, pool=lbf))
    assert Round.objects.get(pk=empty.pk).pool == lbf


def test_the_deadline_comes_after_the_opening(rtf):
    opens = datetime.datetime(2027, 3, 1, 8, tzinfo=datetime.UTC)
    with pytest.raises(ValidationError, match="Fristen skal ligge efter åbningen"):
        services.round_create(pool=rtf, name="Forår", opens_at=opens, deadline=opens,
                              budget=Decimal(100000))  # fmt: skip
    assert not Round.objects.exists()


def test_the_final_report_is_due_within_five_years(rtf, open_round):
    """The rule is the service's, so the admin and the staff page both keep it."""
    opens = datetime.datetime(2027, 3, 1, 8, tzinfo=datetime.UTC)
    with pytest.raises(ValidationError, match="højst ligge 60 måneder"):
        services.round_create(pool=rtf, name="Forår", opens_at=opens,
                              deadline=opens + datetime.timedelta(days=30),
                              budget=Decimal(100000), report_months=61)  # fmt: skip
    with pytest.raises(ValidationError, match="højst ligge 60 måneder"):
        services.round_update(round_=open_round, **_values(open_round, report_months=61))
    services.round_update(round_=open_round, **_values(open_round, report_months=60))
    assert Round.objects.get(pk=open_round.pk).report_months == 60


def test_the_staff_page_refuses_a_pool_change_with_the_form_kept(
    client, open_round, lbf, applicant, staff
):
    services.application_create(pool=open_round.pool, round_id=open_round.pk, user=applicant)
    login(client, staff)
    edit = {
        "pool": lbf.pk, "name": open_round.name, "opens_at": "2026-01-01T00:00",
        "budget": "500.000", "report_months": "12", "deadline_day": "31.12.2099",
        "deadline_time": "",
    }  # fmt: skip
    response = client.post(f"/puljer/runder/{open_round.pk}/", edit)
    assert response.status_code == 400
    assert "kan ikke flyttes til en anden pulje" in response.text
    assert Round.objects.get(pk=open_round.pk).pool == open_round.pool


@pytest.fixture
def superuser(db):
    return give_mfa(make_user("admin@example.org", role=roles.ADMINISTRATOR, is_staff=True,
                              is_superuser=True))  # fmt: skip


def test_the_admin_shows_an_existing_round_read_only(client, open_round, superuser):
    """Changing a round's budget in the admin would bypass the lock: it is read-only there."""
    login(client, superuser)
    url = f"/admin/projektudvalg/round/{open_round.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="budget"' not in page.text
    data = {
        "pool": open_round.pool.pk, "name": open_round.name, "opens_at_0": "01.01.2026",
        "opens_at_1": "00:00:00", "budget": "1", "report_months": "12",
        "deadline_day": "31.12.2099", "deadline_time": "",
    }  # fmt: skip
    assert client.post(url, data).status_code == 403
    assert Round.objects.get(pk=open_round.pk).budget == open_round.budget


def test_the_admin_creates_rounds_through_the_service(client, rtf, superuser, monkeypatch):
    created = []
    real = round_services.round_create

    def spy(**values):
        created.append(values["name"])
        return real(**values)

    monkeypatch.setattr(services, "round_create", spy)
    login(client, superuser)
    data = {
        "pool": rtf.pk, "name": "Sommer 2027", "opens_at_0": "01.03.2027",
        "opens_at_1": "08:00:00", "budget": "2500000", "report_months": "12",
        "deadline_day": "01.08.2027", "deadline_time": "",
    }  # fmt: skip
    response = client.post("/admin/projektudvalg/round/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert created == ["Sommer 2027"]
    assert Round.objects.get().name == "Sommer 2027"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_lowering_the_budget_while_a_grant_is_made_never_overspends(reference_data, monkeypatch):
    """One staff member lowers a 100.000 kr round to 50.000 kr while another grants 60.000 kr.

    The budget change reads what is committed slowly (as under load); without the lock on
    the round's row the grant slips in between that read and the write, and the round ends
    with 60.000 kr granted from a 50.000 kr budget.
    """
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks")
    real_committed = round_services.committed

    def slow_committed(round_):
        amount = real_committed(round_)
        time.sleep(0.5)
        return amount

    monkeypatch.setattr(round_services, "committed", slow_committed)
    pool = GrantPool.objects.get(slug="rum-til-faellesskab")
    round_ = RoundFactory(pool=pool, budget=Decimal(100_000))
    applicant = make_user("ansoeger@example.org")
    staff = make_user("sekr@example.org", role=roles.COMMITTEE_STAFF)
    application = _in_review(round_, applicant, staff)
    barrier = threading.Barrier(2)
    outcomes = {}

    def lower():
        try:
            barrier.wait(timeout=10)
            services.round_update(round_=round_, **_values(round_, budget=Decimal(50000)))
            outcomes["lower"] = "saved"
        except ValidationError:
            outcomes["lower"] = "refused"
        finally:
            connections.close_all()

    def grant():
        try:
            barrier.wait(timeout=10)
            time.sleep(0.1)  # the budget change has started
            services.decision_record(
                application=application, user=staff, outcome="granted", amount=Decimal(60000)
            )
            outcomes["grant"] = "granted"
        except ValidationError:
            outcomes["grant"] = "refused"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=lower), threading.Thread(target=grant)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    round_.refresh_from_db()
    assert selectors.committed(round_) <= round_.budget, outcomes
    assert outcomes == {"lower": "saved", "grant": "refused"}
