"""Population figures from CSV: the whole file is checked first, previewed, then imported."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from holbaek import roles
from lokalfora import population_import
from lokalfora.models import LocalArea, PopulationFigure
from lokalfora.services.population import population_figures_import
from tests.factories import give_mfa, login, make_user

pytestmark = pytest.mark.django_db


def csv_for(reference_data, changes=None, drop=(), extra="", header="område;dato;antal;kilde"):
    """A file with every area; `changes` replaces a line's text per area slug."""
    changes = changes or {}
    lines = [header]
    for area in LocalArea.objects.order_by("name"):
        if area.slug in drop:
            continue
        lines.append(changes.get(area.slug, f"{area.name};2026-01-01;1000;Danmarks Statistik"))
    return ("\n".join(lines) + "\n" + extra).encode("utf-8")


def test_a_good_file_is_previewed_then_imported(reference_data):
    parsed = population_import.parse(
        csv_for(reference_data, {"jyderup": "Jyderup;01.01.2026;5.012;Danmarks Statistik"})
    )
    assert parsed.ok
    changes = {change.row.area.slug: change for change in population_import.preview(parsed)}
    assert changes["jyderup"].previous.count == 4924
    assert changes["jyderup"].row.count == 5012
    assert not PopulationFigure.objects.filter(reference_date=datetime.date(2026, 1, 1)).exists()
    assert population_figures_import(parsed=parsed) == 18
    jyderup = LocalArea.objects.with_public_details().get(slug="jyderup")
    assert jyderup.current_population.count == 5012
    assert jyderup.current_population.reference_date == datetime.date(2026, 1, 1)


def test_areas_are_found_by_name_short_name_or_alias(reference_data):
    data = csv_for(
        reference_data,
        {
            "stestrup": "Kr. Eskilstrup;2026-01-01;900;",
            "holbaek-by": "holbaek-by;2026-01-01;27500;",
        },
    )
    parsed = population_import.parse(data)
    assert parsed.ok, parsed.errors


@pytest.mark.parametrize(
    ("changes", "extra", "message"),
    [
        ({"oro": "Atlantis;2026-01-01;10;"}, "", "ukendt område »Atlantis«"),
        ({"oro": "Orø;2026-01-01;4,5;"}, "", "antallet »4,5« er ikke et helt tal"),
        ({"oro": "Orø;2026-01-01;-5;"}, "", "antallet er negativt"),
        ({"oro": "Orø;2099-01-01;900;"}, "", "ligger i fremtiden"),
        ({"oro": "Orø;i går;900;"}, "", "datoen »i går« kan ikke læses"),
        ({}, "Orø;2026-01-01;900;\n", "Orø står også i linje"),
    ],
    ids=["unknown-area", "not-whole", "negative", "future", "bad-date", "duplicate"],
)
def test_every_bad_line_is_named_and_nothing_is_imported(reference_data, changes, extra, message):
    before = PopulationFigure.objects.count()
    parsed = population_import.parse(csv_for(reference_data, changes, extra=extra))
    assert not parsed.ok
    assert any(message in error for error in parsed.errors), parsed.errors
    with pytest.raises(ValueError, match="without errors"):
        population_figures_import(parsed=parsed)
    assert PopulationFigure.objects.count() == before


def test_several_errors_are_all_listed_and_missing_areas_too(reference_data):
    parsed = population_import.parse(
        csv_for(
            reference_data,
            {"oro": "Orø;2026-01-01;x;", "tuse": "Tuse;2099-01-01;-1;"},
            drop=("jyderup", "gislinge"),
        )
    )
    assert len(parsed.errors) == 3
    assert parsed.errors[-1] == "Disse områder mangler i filen: Gislinge, Jyderup."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"navn,tal\nOr\xc3\xb8,5\n", "Første linje skal være overskrifterne"),
        ("område;dato;antal\n".encode("latin-1") + b"\xf8", "UTF-8"),
        (b"omr\xc3\xa5de;dato;antal\n", "ingen linjer"),
    ],
)
def test_unreadable_files(reference_data, data, message):
    parsed = population_import.parse(data)
    assert any(message in error for error in parsed.errors), parsed.errors


def test_comma_separated_english_headers_work(reference_data):
    data = csv_for(reference_data, header="area,date,count,source").replace(b";", b",")
    assert population_import.parse(data).ok


def test_the_staff_page_previews_then_imports(client_as, reference_data):
    staff = client_as("committee_staff")
    upload = SimpleUploadedFile("tal.csv", csv_for(reference_data))
    preview = staff.post("/tilskud/befolkningstal/", {"file": upload})
    assert preview.status_code == 200
    assert "Det her ændres" in preview.text
    assert not PopulationFigure.objects.filter(reference_date=datetime.date(2026, 1, 1)).exists()
    token = preview.context["token"]
    done = staff.post("/tilskud/befolkningstal/", {"confirm": token})
    assert done.status_code == 302
    assert PopulationFigure.objects.filter(reference_date=datetime.date(2026, 1, 1)).count() == 18


def test_the_staff_page_lists_errors_and_a_tampered_preview_imports_nothing(
    client_as, reference_data
):
    staff = client_as("committee_staff")
    bad = SimpleUploadedFile("tal.csv", csv_for(reference_data, {"oro": "Orø;2026-01-01;x;"}))
    response = staff.post("/tilskud/befolkningstal/", {"file": bad})
    assert response.status_code == 400
    assert "Intet er importeret" in response.text
    assert "antallet »x« er ikke et helt tal" in response.text
    tampered = staff.post("/tilskud/befolkningstal/", {"confirm": "forfalsket"})
    assert tampered.status_code == 400
    assert "Forhåndsvisningen er udløbet eller ugyldig" in tampered.text


def test_a_preview_can_only_be_confirmed_by_the_person_who_saw_it(client, reference_data):
    alice = give_mfa(make_user("alice@example.org", role=roles.COMMITTEE_STAFF))
    bob = give_mfa(make_user("bob@example.org", role=roles.COMMITTEE_STAFF))
    login(client, alice)
    upload = SimpleUploadedFile("tal.csv", csv_for(reference_data))
    token = client.post("/tilskud/befolkningstal/", {"file": upload}).context["token"]
    client.logout()
    login(client, bob)
    response = client.post("/tilskud/befolkningstal/", {"confirm": token})
    assert response.status_code == 400
    assert not PopulationFigure.objects.filter(reference_date=datetime.date(2026, 1, 1)).exists()


@pytest.mark.parametrize(
    "role", ["anonymous", "citizen", "editor_this", "co_creator", "committee_staff", "admin"]
)
def test_who_may_import(client_as, reference_data, role):
    response = client_as(role).get("/tilskud/befolkningstal/")
    if role in {"committee_staff", "admin"}:
        assert response.status_code == 200
    else:
        assert response.status_code in {302, 403}


def test_the_command_previews_and_imports_with_confirmation(reference_data, tmp_path, capsys):
    path = tmp_path / "tal.csv"
    path.write_bytes(csv_for(reference_data))
    call_command("import_population", str(path))
    assert "Intet er importeret endnu" in capsys.readouterr().out
    call_command("import_population", str(path), "--bekraeft")
    assert "18 befolkningstal importeret." in capsys.readouterr().out
    path.write_bytes(csv_for(reference_data, {"oro": "Orø;2026-01-01;x;"}))
    with pytest.raises(CommandError, match="Intet er importeret"):
        call_command("import_population", str(path), "--bekraeft")


def test_old_mac_line_endings_and_broken_quotes_get_answers_not_errors(reference_data):
    assert population_import.parse(csv_for(reference_data).replace(b"\n", b"\r")).ok
    broken = population_import.parse(b'omr\xc3\xa5de;dato;antal\n"Or\xc3\xb8;2026-01-01;5\n')
    assert not broken.ok


def test_a_count_too_large_for_an_area_is_refused(reference_data):
    parsed = population_import.parse(
        csv_for(reference_data, {"oro": "Orø;2026-01-01;99999999999999999999;"})
    )
    assert any("for stort til et lokalområde" in error for error in parsed.errors)


def test_csv_downloads_never_start_a_cell_with_a_formula(client, reference_data):
    from holbaek.csvsafe import cell

    assert cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert cell("Orø") == "Orø"
    assert cell(-5) == -5
    LocalArea.objects.filter(slug="oro").update(name="=1+1")
    from django.utils import timezone

    text = client.get(f"/tilskud/{timezone.localdate().year}/tilskud.csv").content.decode()
    assert "\n'=1+1;" in text
