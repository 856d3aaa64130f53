"""The personal-data check before publishing (holbaek/privacy.py): what it holds, what it
lets through, and the attachments it cannot read."""

import io
import zipfile

import pytest

from holbaek import privacy


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mit CPR-nummer er 010190-1234.", ["cpr"]),
        ("cpr 0101901234", ["cpr"]),
        ("Skriv til anna@example.org", ["email"]),
        ("Skriv til anna (at) example.org", ["email"]),
        ("Ring på 12 34 56 78, hvis du vil", ["phone"]),
        ("Ring på 12345678.", ["phone"]),
        ("Ring på +45 1234 5678", ["phone"]),
        ("tlf. 12-34-56-78", ["phone"]),
        ("Perioden 2026-2027 og 2026 2028", []),
        ("Vi søger 1.250.000 kr. den 12.05.2026 kl. 19.30", []),
        ("Vi er 40 km/t for og 320 medlemmer", []),
        ("", []),
    ],
)
def test_findings(text, expected):
    assert privacy.findings(text) == expected


def test_an_impossible_date_is_not_a_cpr_number():
    assert privacy.findings("Sag 329901-1234") == []  # there is no 32nd day


def _zipped(member, xml):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, xml)
    buffer.seek(0)
    return buffer


def test_docx_and_odt_text_is_read():
    docx = _zipped("word/document.xml", "<w><t>Ring 12 34 56 78</t></w>")
    assert privacy.findings(privacy.document_text(docx, "docx")) == ["phone"]
    odt = _zipped("content.xml", "<o><p>Ingen tal her</p></o>")
    assert "Ingen tal her" in privacy.document_text(odt, "odt")
    assert privacy.findings(privacy.document_text(odt, "odt")) == []


def test_a_number_split_over_runs_and_a_letterhead_are_read():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w><r><t>CPR 010190-</t></r><r><t>1234</t></r></w>")
        archive.writestr("word/header1.xml", "<w><t>formand@example.org</t></w>")
    buffer.seek(0)
    assert privacy.findings(privacy.document_text(buffer, "docx")) == ["cpr", "email"]


def test_what_the_check_cannot_read_is_none_so_a_person_looks():
    assert privacy.document_text(io.BytesIO(b"\x89PNG\r\n\x1a\n"), "png") is None
    assert privacy.document_text(io.BytesIO(b"%PDF-1.4 broken"), "pdf") is None
    bomb = _zipped("word/document.xml", '<!DOCTYPE x [<!ENTITY a "aaaa">]><w>&a;</w>')
    assert privacy.document_text(bomb, "docx") is None  # defusedxml refuses entities


def test_a_pdf_text_layer_is_read():
    from weasyprint import HTML

    pdf = HTML(string="<p>Kontakt: 010190-1234</p>").write_pdf()
    assert privacy.findings(privacy.document_text(io.BytesIO(pdf), "pdf")) == ["cpr"]
