"""The requester attaches files: checked by content, stored privately, downloaded by permission."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from faelles_skabere import mails
from faelles_skabere.models import Attachment
from faelles_skabere.services.sparring_privacy import sparring_request_erase
from tests.factories import make_confirmed_sparring_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def sparring(reference_data):
    return make_confirmed_sparring_request()


def thread(sparring) -> str:
    return mails.thread_url(sparring).removeprefix("http://testserver")


def docx() -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return output.getvalue()


def odt() -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office/>")
    return output.getvalue()


def test_allowed_files_are_stored_privately_and_downloaded_by_link(client, sparring):
    files = [
        SimpleUploadedFile("budget.pdf", b"%PDF-1.7 budget"),
        SimpleUploadedFile("plan.docx", docx()),
        SimpleUploadedFile("referat.odt", odt()),
    ]
    response = client.post(thread(sparring), {"body": "Her er planen", "files": files})
    assert response.status_code == 302
    stored = {a.name: a for a in Attachment.objects.all()}
    assert {name: a.extension for name, a in stored.items()} == {
        "budget.pdf": "pdf",
        "plan.docx": "docx",
        "referat.odt": "odt",
    }
    assert all(a.file.name.startswith("sparring/") for a in stored.values())
    pdf = stored["budget.pdf"]
    download = client.get(f"{thread(sparring)}filer/{pdf.pk}/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert b"".join(download.streaming_content) == b"%PDF-1.7 budget"


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf"), "kan ikke bruges"),
        (SimpleUploadedFile("side.html", b"<html><script>alert(1)</script>"), "kan ikke bruges"),
        (SimpleUploadedFile("tom.pdf", b""), "er tom"),
        (
            SimpleUploadedFile("kaempe.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024)),
            "højst fylde 10 MB",
        ),
        (SimpleUploadedFile("arkiv.zip", b"PK\x03\x04junk"), "kan ikke bruges"),
    ],
    ids=["exe-named-pdf", "html", "empty", "too-large", "plain-zip"],
)
def test_bad_files_are_refused_and_the_text_is_kept(client, sparring, upload, message):
    response = client.post(thread(sparring), {"body": "Se vedhæftet", "files": [upload]})
    assert response.status_code == 400
    assert message in response.text
    assert "Se vedhæftet" in response.text
    assert not Attachment.objects.exists()
    assert not sparring.messages.filter(kind="requester").exists()


def test_at_most_three_files_at_a_time(client, sparring):
    files = [SimpleUploadedFile(f"{n}.pdf", b"%PDF-1.7") for n in range(4)]
    response = client.post(thread(sparring), {"body": "Mange", "files": files})
    assert "Vedhæft højst 3 filer ad gangen." in response.text
    assert not Attachment.objects.exists()


def test_files_are_reachable_only_through_their_own_request(client, client_as, sparring):
    client.post(thread(sparring), {"body": "x", "files": [SimpleUploadedFile("a.pdf", b"%PDF-")]})
    attachment = Attachment.objects.get()
    other = make_confirmed_sparring_request(name="Ole", email="ole@example.org")
    assert client.get(f"{thread(other)}filer/{attachment.pk}/").status_code == 404
    assert client.get(f"/sparring/indbakke/{sparring.pk}/filer/{attachment.pk}/").status_code == 302
    staff = client_as("co_creator")
    assert staff.get(f"/sparring/indbakke/{sparring.pk}/filer/{attachment.pk}/").status_code == 200
    assert staff.get(f"/sparring/indbakke/{other.pk}/filer/{attachment.pk}/").status_code == 404


def test_anonymising_deletes_the_files(client, sparring, django_capture_on_commit_callbacks):
    client.post(thread(sparring), {"body": "x", "files": [SimpleUploadedFile("a.pdf", b"%PDF-")]})
    attachment = Attachment.objects.get()
    storage, name = attachment.file.storage, attachment.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        sparring_request_erase(sparring_request=sparring)
    assert not Attachment.objects.exists()
    assert not storage.exists(name)


def zip_bomb() -> bytes:
    """An OpenDocument whose mimetype member unpacks to 50 MB from a few kB."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", b"a" * (50 * 1024 * 1024))
    return output.getvalue()


def damaged_docx() -> bytes:
    data = bytearray(docx())
    data[40:60] = b"\x00" * 20  # break the compressed data of the first member
    return bytes(data)


@pytest.mark.parametrize("content", [zip_bomb, damaged_docx], ids=["zip-bomb", "damaged"])
def test_hostile_archives_are_refused_without_unpacking(client, sparring, content):
    upload = SimpleUploadedFile("fil.odt", content())
    assert len(upload.read()) < 200_000
    upload.seek(0)
    response = client.post(thread(sparring), {"body": "x", "files": [upload]})
    assert response.status_code in {302, 400}  # never a 500
    if response.status_code == 400:
        assert "kan ikke bruges" in response.text
