"""The staff pages: the scheme, approval, the overview and one area's follow-up."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lokalfora.models import CooperationAgreement, GrantBand, GrantPayment, GrantScheme, LocalArea
from lokalfora.services import grant_followup as followup
from lokalfora.services import grants as services
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db


def scheme_data(**changes):
    data = {
        "year": "2026", "kind": "formula", "base": "13.000", "rate": "3,45", "floor": "",
        "cap": "", "total_budget": "", "population_date": "2026-01-01",
        "accounts_due": "31.03.2027", "bands-TOTAL_FORMS": "0", "bands-INITIAL_FORMS": "0",
    }  # fmt: skip
    return data | changes


def bands(*rows):
    data = {"bands-TOTAL_FORMS": str(len(rows)), "bands-INITIAL_FORMS": "0"}
    for index, (lower, upper, base, rate) in enumerate(rows):
        data |= {
            f"bands-{index}-lower": lower, f"bands-{index}-upper": upper,
            f"bands-{index}-base": base, f"bands-{index}-rate": rate,
        }  # fmt: skip
    return data


def test_the_scheme_is_saved_with_danish_amounts_and_bands(client_as, scheme):
    data = scheme_data(**bands(("0", "2000", "10.000", "4"), ("2001", "", "12.000", "3,50")))
    client = client_as("committee_staff")
    response = client.post("/tilskud/2026/model/", data)
    assert response.status_code == 302
    scheme.refresh_from_db()
    assert scheme.accounts_due == datetime.date(2027, 3, 31)
    assert list(scheme.bands.values_list("lower", "upper", "rate")) == [
        (0, 2000, Decimal("4.00")), (2001, None, Decimal("3.50")),
    ]  # fmt: skip
    page = client.get("/tilskud/2026/model/")
    assert 'value="13.000"' in page.text
    assert 'value="3,50"' in page.text


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"base": "13 tusind"}, "Skriv beløbet i kroner med tal"),
        ({"rate": "-3"}, "Beløbet kan ikke være negativt"),
        ({"floor": "20.000", "cap": "10.000"}, "Loftet"),
        ({"kind": "budget", "total_budget": ""}, "Skriv puljens størrelse"),
        ({"kind": "budget", "total_budget": "1.000", "base": "13.000"}, "Puljen"),
        ({"population_date": "31.02.2026"}, "Skriv datoen som fx 24.12.2026"),
        ({"year": "1999"}, "mellem 2000 og 2100"),
        (bands(("0", "100", "1", "1"), ("100", "", "1", "1")), "overlapper"),
        (bands(("0", "100", "1", "1"), ("150", "", "1", "1")), "hul mellem 100 og 150"),
        ({"base": "100.000.000", "rate": "1"}, "urimeligt stort"),
    ],
    ids=["letters", "negative", "cap-below-floor", "no-budget", "budget-too-small", "date",
         "year", "overlap", "gap", "absurd"],
)  # fmt: skip
def test_a_bad_scheme_is_refused_in_danish_and_nothing_is_saved(
    client_as, scheme, changes, message
):
    before = GrantScheme.objects.values().get(pk=scheme.pk)
    response = client_as("committee_staff").post("/tilskud/2026/model/", scheme_data(**changes))
    assert response.status_code == 400
    assert message in response.text
    assert GrantScheme.objects.values().get(pk=scheme.pk) == before
    assert not GrantBand.objects.exists()
    typed = {k: v for k, v in changes.items() if v and k != "kind" and not k.endswith("FORMS")}
    for name, value in typed.items():  # what was typed is shown again in its own field
        field_id = "id_" + name
        assert re.search(
            rf'id="{field_id}"[^>]*value="{re.escape(value)}"|'
            rf'value="{re.escape(value)}"[^>]*id="{field_id}"',
            response.text,
        ), name


def test_a_missing_population_is_named(client_as, scheme):
    from lokalfora.models import PopulationFigure

    PopulationFigure.objects.filter(area__slug="oro").delete()
    response = client_as("committee_staff").post("/tilskud/2026/model/", scheme_data())
    assert response.status_code == 400
    assert "Orø" in response.text


def test_a_new_year_starts_from_the_latest(client_as, scheme):
    client = client_as("committee_staff")
    page = client.get("/tilskud/ny-model/")
    assert 'value="2027"' in page.text
    assert 'value="13.000"' in page.text
    response = client.post("/tilskud/ny-model/", scheme_data(year="2027"))
    assert response.status_code == 302
    assert GrantScheme.objects.filter(year=2027).exists()
    again = client.post("/tilskud/ny-model/", scheme_data(year="2027"))
    assert "Der er allerede en model for året" in again.text


def test_recalculating_on_the_page_needs_a_reason_and_shows_every_version(client_as, scheme):
    client = client_as("committee_staff")
    assert client.post("/tilskud/2026/godkend/", {"reason": ""}).status_code == 302
    client.post("/tilskud/2026/model/", scheme_data(base="14.000"))
    refused = client.post("/tilskud/2026/godkend/", {"reason": "  "})
    assert refused.status_code == 400
    assert "Skriv, hvorfor tilskuddet for 2026 beregnes igen" in refused.text
    assert client.post("/tilskud/2026/godkend/", {"reason": "Nyt grundbeløb"}).status_code == 302
    page = client.get("/tilskud/2026/").text
    assert "Nyt grundbeløb" in page
    assert "Beløb pr. område i hver godkendt version" in page
    assert "16.991\xa0kr." in page
    assert "15.991\xa0kr." in page


def test_the_area_page_keeps_typed_values_and_explains_refusals(client_as, payable, area):
    client = client_as("committee_staff")
    response = client.post(
        "/tilskud/2026/opfoelgning/tollose/udbetaling/",
        {
            "payment-paid_on": "02.03.2026",
            "payment-amount": "ti tusind",
            "payment-nemkonto_reference": "NK-1",
        },
    )
    assert response.status_code == 400
    assert "Skriv beløbet i kroner med tal" in response.text
    assert 'value="ti tusind"' in response.text
    assert 'value="NK-1"' in response.text
    response = client.post(
        "/tilskud/2026/opfoelgning/tollose/udbetaling/",
        {
            "payment-paid_on": "02.03.2026",
            "payment-amount": "1.000.000",
            "payment-nemkonto_reference": "NK-1",
        },
    )
    assert response.status_code == 400
    assert "Der kan højst udbetales" in response.text
    assert not GrantPayment.objects.exists()


def test_the_area_page_shows_why_no_payment_can_be_made(client_as, approved):
    page = client_as("editor_this").get("/tilskud/2026/opfoelgning/tollose/")
    assert "Der kan ikke udbetales endnu" in page.text
    assert "Der er ingen underskrevet samarbejdsaftale for året." in page.text
    assert "Registrér en udbetaling" not in page.text  # editors never register payments
    assert "Indsend regnskab" not in page.text  # nothing paid: no accounts owed yet


def test_accounts_without_the_declaration_are_refused_on_the_page(client_as, paid):
    response = client_as("editor_this").post(
        "/tilskud/2026/opfoelgning/tollose/regnskab/",
        {"accounts-file": SimpleUploadedFile("r.pdf", b"%PDF-1.7")},
    )
    assert response.status_code == 400
    assert "Bekræft, at tilskuddet ikke er brugt til løn" in response.text


def test_the_area_page_links_editors_to_the_follow_up(client_as, approved, clock):
    clock.set("2026-06-15")  # the area page shows this year's grant, and the fixtures' is 2026
    page = client_as("editor_this").get("/lokalomraader/tollose/")
    assert "/tilskud/2026/opfoelgning/tollose/" in page.text
    other = client_as("editor_other").get("/lokalomraader/tollose/")
    assert "/tilskud/2026/opfoelgning/tollose/" not in other.text


def fill_year(scheme):
    """Every area paid twice, with accounts and an agreement."""
    for area in LocalArea.objects.select_related("forum"):
        area.forum.legal_form, area.forum.cvr = "association", "12345678"
        area.forum.save()
        CooperationAgreement.objects.get_or_create(
            scheme=scheme, area=area, defaults={"signed_on": datetime.date(2026, 2, 1)}
        )
        for reference in ("NK-1", "NK-2"):
            followup.grant_payment_register(
                scheme=scheme, area=area, paid_on=datetime.date(2026, 3, 1), amount=Decimal(10),
                nemkonto_reference=reference, user=None,
            )  # fmt: skip
        followup.annual_accounts_submit(
            scheme=scheme, area=area, uploaded=SimpleUploadedFile("r.pdf", b"%PDF-1.7"),
            no_wages=True, user=None,
        )  # fmt: skip


def test_the_staff_pages_run_a_constant_number_of_queries(client_as, payable):
    client = client_as("committee_staff")
    for url, limit in [
        ("/tilskud/2026/opfoelgning/", 12),
        ("/tilskud/2026/opfoelgning/tollose/", 14),
    ]:
        assert_constant_queries(client, url, lambda: fill_year(payable), limit=limit)
        GrantPayment.objects.all().delete()
        from lokalfora.models import AnnualAccounts

        AnnualAccounts.objects.all().delete()


def test_the_scheme_page_runs_a_constant_number_of_queries(client_as, scheme):
    client = client_as("committee_staff")
    services.grant_scheme_approve(scheme=scheme, user=None)

    def grow():
        for reason in ("a", "b", "c"):
            services.grant_scheme_approve(scheme=scheme, user=None, reason=reason)

    assert_constant_queries(client, "/tilskud/2026/model/", grow, limit=16)


def test_a_refused_edit_that_changed_the_year_stays_on_the_year_being_edited(client_as, scheme):
    response = client_as("committee_staff").post(
        "/tilskud/2026/model/", scheme_data(year="2099", base="-5")
    )
    assert response.status_code == 400
    assert 'action="/tilskud/2026/model/"' in response.text
    assert 'action="/tilskud/2026/godkend/"' in response.text
    assert not GrantScheme.objects.filter(year=2099).exists()


def test_bands_can_be_renumbered_and_swapped(client_as, scheme):
    client = client_as("committee_staff")
    first = scheme_data(**bands(("0", "2000", "10.000", "4"), ("2001", "", "12.000", "4")))
    assert client.post("/tilskud/2026/model/", first).status_code == 302
    existing = list(scheme.bands.order_by("lower").values_list("pk", flat=True))
    second = scheme_data(**{
        "bands-TOTAL_FORMS": "2", "bands-INITIAL_FORMS": "2",
        "bands-0-id": str(existing[0]), "bands-0-lower": "2501", "bands-0-upper": "",
        "bands-0-base": "12.000", "bands-0-rate": "4",
        "bands-1-id": str(existing[1]), "bands-1-lower": "0", "bands-1-upper": "2500",
        "bands-1-base": "10.000", "bands-1-rate": "4",
    })  # fmt: skip
    response = client.post("/tilskud/2026/model/", second)
    assert response.status_code == 302
    assert list(scheme.bands.order_by("lower").values_list("lower", "upper")) == [
        (0, 2500), (2501, None),
    ]  # fmt: skip


def test_a_new_year_after_a_leap_day_population_date(client_as, scheme):
    from lokalfora.views.grant_scheme import a_year_later

    scheme.population_date = datetime.date(2024, 2, 29)
    scheme.save()
    assert a_year_later(datetime.date(2024, 2, 29)) == datetime.date(2025, 2, 28)
    page = client_as("committee_staff").get("/tilskud/ny-model/")
    assert page.status_code == 200
    assert 'value="2025-02-28"' in page.text


def test_the_shipped_parameters_are_marked_illustrative_on_every_page(client_as, payable):
    client = client_as("committee_staff")
    for url in ["/tilskud/", "/tilskud/2026/", "/tilskud/2026/model/",
                "/tilskud/2026/opfoelgning/", "/tilskud/2026/opfoelgning/tollose/"]:  # fmt: skip
        assert "Tallene er illustrative" in client.get(url).text, url
    csv_text = client.get("/tilskud/2026/tilskud.csv").content.decode("utf-8-sig")
    assert csv_text.splitlines()[0].endswith(";status;illustrativ")
    assert csv_text.splitlines()[1].endswith(";godkendt;ja")
