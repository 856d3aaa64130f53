"""Editors write news: drafts, publishing, a checked picture with alt text, and clean text."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.utils import timezone
from PIL import Image

from lokalfora.models import NewsPost
from tests.factories import NewsPostFactory
from tests.matrix import ROLE_NAMES
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db

NEWS = {
    "title": "Nyt legepladsprojekt",
    "summary": "Vi samler idéer til legepladsen.",
    "body": "## Mød op\n\nVi mødes **tirsdag**.",
    "image_alt": "",
}


def picture(kind="PNG", size=(40, 30), exif=False, name=None) -> SimpleUploadedFile:
    image = Image.new("RGB", size, "green")
    output = io.BytesIO()
    extra = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "Telefonfirma"  # Make
        data[0x8825] = {2: (55.0, 43.0, 0.0)}  # GPS position
        extra["exif"] = data.tobytes()
    image.save(output, format=kind, **extra)
    extension = {"PNG": "png", "JPEG": "jpg", "GIF": "gif"}[kind]
    return SimpleUploadedFile(name or f"foto.{extension}", output.getvalue())


@pytest.fixture
def editor(client_as):
    return client_as("editor_this")


def post_news(client, data, url="/lokalomraader/tollose/nyheder/ny/", **files):
    return client.post(url, data | files)


def test_a_draft_is_saved_and_shown_only_to_editors_and_staff(editor, client, area):
    response = post_news(editor, NEWS | {"action": "draft"})
    assert response.status_code == 302
    post = NewsPost.objects.get()
    assert post.published_at is None
    assert editor.get(f"/lokalomraader/tollose/nyheder/{post.pk}/").status_code == 200
    editor.logout()
    assert client.get(f"/lokalomraader/tollose/nyheder/{post.pk}/").status_code == 404
    assert "Nyt legepladsprojekt" not in client.get("/lokalomraader/tollose/").text
    assert "Nyt legepladsprojekt" not in client.get("/nyheder/rss/").text
    assert "Nyt legepladsprojekt" not in client.get("/soeg/", {"q": "legepladsprojekt"}).text


def test_publishing_puts_the_post_on_the_area_page_and_renders_markdown(editor, client, area):
    post_news(editor, NEWS | {"action": "publish"})
    post = NewsPost.objects.get()
    assert post.is_published
    editor.logout()
    page = client.get(f"/lokalomraader/tollose/nyheder/{post.pk}/").text
    assert "<h2>Mød op</h2>" in page
    assert "<strong>tirsdag</strong>" in page
    assert (
        f"/lokalomraader/tollose/nyheder/{post.pk}/" in client.get("/lokalomraader/tollose/").text
    )


def test_unpublishing_hides_the_post_again(editor, area):
    post_news(editor, NEWS | {"action": "publish"})
    post = NewsPost.objects.get()
    editor.post(
        f"/lokalomraader/tollose/nyheder/{post.pk}/rediger/", NEWS | {"action": "unpublish"}
    )
    assert NewsPost.objects.get().published_at is None


def test_saving_a_published_post_keeps_its_publication_date(editor, area):
    post_news(editor, NEWS | {"action": "publish"})
    post = NewsPost.objects.get()
    editor.post(
        f"/lokalomraader/tollose/nyheder/{post.pk}/rediger/",
        NEWS | {"title": "Rettet", "action": "draft"},
    )
    saved = NewsPost.objects.get()
    assert (saved.title, saved.published_at) == ("Rettet", post.published_at)


def test_a_picture_is_re_encoded_without_metadata_and_served_with_its_post(editor, client, area):
    upload = picture("JPEG", size=(3000, 1000), exif=True)
    response = post_news(
        editor, NEWS | {"image_alt": "Børn på legepladsen", "action": "publish"}, image_file=upload
    )
    assert response.status_code == 302
    post = NewsPost.objects.get()
    assert post.image.name.startswith(f"nyheder/{area.forum.pk}/")
    with Image.open(post.image.path) as stored:
        assert stored.size == (1600, 533)
        assert not stored.getexif()
    editor.logout()
    image = client.get(f"/lokalomraader/tollose/nyheder/{post.pk}/billede/")
    assert image.status_code == 200
    assert image["Content-Type"] == "image/jpeg"
    page = client.get(f"/lokalomraader/tollose/nyheder/{post.pk}/").text
    assert 'alt="Børn på legepladsen"' in page


def test_a_drafts_picture_is_not_public(editor, client, area):
    post_news(editor, NEWS | {"image_alt": "Et hus", "action": "draft"}, image_file=picture())
    post = NewsPost.objects.get()
    assert editor.get(f"/lokalomraader/tollose/nyheder/{post.pk}/billede/").status_code == 200
    editor.logout()
    assert client.get(f"/lokalomraader/tollose/nyheder/{post.pk}/billede/").status_code == 404


@pytest.mark.parametrize(
    ("upload", "alt", "message"),
    [
        (picture(), "", "Skriv en kort beskrivelse af billedet"),
        (SimpleUploadedFile("foto.png", b"%PDF-1.4 ikke et billede"), "x", "ikke et billede"),
        (picture("GIF", name="foto.png"), "x", "JPEG, PNG eller WebP"),
        (
            SimpleUploadedFile("stor.jpg", b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 1)),
            "x",
            "højst fylde 5 MB",
        ),
    ],
    ids=["no-alt", "not-an-image", "gif", "too-large"],
)
def test_bad_pictures_are_refused_and_the_text_is_kept(editor, area, upload, alt, message):
    response = post_news(editor, NEWS | {"image_alt": alt, "action": "publish"}, image_file=upload)
    assert response.status_code == 200
    assert message in response.text
    assert "Nyt legepladsprojekt" in response.text
    assert not NewsPost.objects.exists()


@pytest.mark.parametrize("field", ["title", "summary", "image_alt"])
def test_html_in_any_text_field_is_refused_with_a_danish_message(editor, area, field):
    response = post_news(editor, NEWS | {field: "<script>alert(1)</script>", "action": "draft"})
    assert response.status_code == 200
    assert "Skriv almindelig tekst uden HTML-koder" in response.text
    assert not NewsPost.objects.exists()


def test_the_markdown_body_takes_angle_brackets_and_shows_html_as_text(editor, client, area):
    body = "Se <https://holbaek.dk> og skriv til <karen@example.org>.\n\n<script>alert(1)</script>"
    response = post_news(editor, NEWS | {"body": body, "action": "publish"})
    assert response.status_code == 302
    post = NewsPost.objects.get()
    editor.logout()
    page = client.get(post.get_absolute_url()).text
    assert '<a href="https://holbaek.dk" rel="nofollow noopener noreferrer">' in page
    assert '<a href="mailto:karen@example.org"' in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


def test_an_unknown_action_is_explained_and_nothing_is_saved(editor, area):
    response = post_news(editor, NEWS | {"action": "slet-alt"})
    assert response.status_code == 200
    assert "Vælg, om nyheden skal gemmes som kladde eller offentliggøres." in response.text
    assert not NewsPost.objects.exists()


def test_over_long_text_is_refused(editor, area):
    response = post_news(editor, NEWS | {"body": "x" * 10_001, "action": "draft"})
    assert "Skriv højst 10000 tegn." in response.text
    response = post_news(editor, NEWS | {"title": "x" * 151, "action": "draft"})
    assert response.status_code == 200
    assert not NewsPost.objects.exists()


def test_replacing_removing_and_deleting_clear_the_picture_files(
    editor, area, django_capture_on_commit_callbacks
):
    url = "/lokalomraader/tollose/nyheder/{}/rediger/"
    with django_capture_on_commit_callbacks(execute=True):
        post_news(editor, NEWS | {"image_alt": "Et hus", "action": "publish"}, image_file=picture())
        post = NewsPost.objects.get()
        storage, first = post.image.storage, post.image.name
        editor.post(
            url.format(post.pk),
            NEWS | {"image_alt": "Et andet hus", "action": "draft", "image_file": picture()},
        )
    second = NewsPost.objects.get().image.name
    assert second != first
    assert not storage.exists(first)
    assert storage.exists(second)
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(url.format(post.pk), NEWS | {"remove_image": "on", "action": "draft"})
    post = NewsPost.objects.get()
    assert (post.image.name, post.image_alt) == ("", "")
    assert not storage.exists(second)
    with django_capture_on_commit_callbacks(execute=True):
        post_news(editor, NEWS | {"image_alt": "Et hus", "action": "draft"}, image_file=picture())
        third = NewsPost.objects.latest("pk")
        editor.post(f"/lokalomraader/tollose/nyheder/{third.pk}/slet/")
    assert not NewsPost.objects.filter(pk=third.pk).exists()
    assert not storage.exists(third.image.name)


def test_the_database_refuses_a_picture_without_alt_text(area):
    with pytest.raises(IntegrityError):
        NewsPostFactory(forum=area.forum, title="x", image="nyheder/x.png", draft=True)


def test_an_editor_cannot_touch_another_forums_news(client_as, other_area):
    post = NewsPostFactory(forum=other_area.forum, title="Jyderup")
    editor = client_as("editor_this")
    assert editor.get(f"/lokalomraader/jyderup/nyheder/{post.pk}/rediger/").status_code == 403
    assert editor.post(f"/lokalomraader/jyderup/nyheder/{post.pk}/slet/").status_code == 403
    # A post is only reachable under its own area's address.
    assert editor.get(f"/lokalomraader/tollose/nyheder/{post.pk}/rediger/").status_code == 404
    assert NewsPost.objects.filter(pk=post.pk).exists()


def test_the_editors_news_list_runs_a_constant_number_of_queries(editor, area):
    NewsPostFactory(forum=area.forum, title="Først", body="tekst")
    address = "/lokalomraader/tollose/nyheder/"

    def grow():
        NewsPost.objects.bulk_create(
            NewsPost(forum=area.forum, title=f"Nyhed {n}", summary="x", published_at=timezone.now())
            for n in range(500)
        )

    assert_constant_queries(editor, address, grow, limit=14)


# Who reaches a draft's pages and a published post's editing pages.
DRAFT_READERS = {
    "editor_this", "co_creator", "process_consultant", "committee_staff", "staff_admin", "admin",
}  # fmt: skip
POST_EDITORS = {"editor_this", "staff_admin", "admin"}


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_news_permission_matrix(client_as, area, role):
    draft = NewsPostFactory(
        forum=area.forum, title="Kladde", image="nyheder/x.png", image_alt="Et hus", draft=True
    )
    draft.image.storage.save("nyheder/x.png", picture())
    published = NewsPostFactory(forum=area.forum, title="Ude")
    client = client_as(role)
    base = "/lokalomraader/tollose/nyheder"
    reads = {
        f"{base}/{draft.pk}/": role in DRAFT_READERS,
        f"{base}/{draft.pk}/billede/": role in DRAFT_READERS,
        f"{base}/{published.pk}/": True,
    }
    for url, allowed in reads.items():
        assert client.get(url).status_code == (200 if allowed else 404), (url, role)
    for url in [f"{base}/{published.pk}/rediger/", f"{base}/{published.pk}/slet/"]:
        status = client.get(url).status_code
        if role in POST_EDITORS:
            assert status == 200, (url, role)
        else:
            assert status == (302 if role == "anonymous" else 403), (url, role)
    status = client.post(f"{base}/{published.pk}/slet/").status_code
    assert NewsPost.objects.filter(pk=published.pk).exists() is (role not in POST_EDITORS)
    assert status == (302 if role in POST_EDITORS | {"anonymous"} else 403)


def test_the_editors_news_list_is_paginated(editor, area):
    NewsPost.objects.bulk_create(
        NewsPost(forum=area.forum, title=f"Nyhed {n}", summary="x") for n in range(60)
    )
    first = editor.get("/lokalomraader/tollose/nyheder/").text
    assert first.count("/slet/") == 50
    assert "?side=2" in first
    assert editor.get("/lokalomraader/tollose/nyheder/?side=2").text.count("/slet/") == 10


def corrupt_exif_jpeg() -> SimpleUploadedFile:
    """A JPEG whose EXIF data makes Pillow's exif_transpose raise struct.error (fuzzed)."""
    path = Path(__file__).parents[1] / "files" / "corrupt-exif.jpg"
    return SimpleUploadedFile("foto.jpg", path.read_bytes())


def mpo_picture() -> SimpleUploadedFile:
    """A phone-style JPEG with a second picture inside (Pillow calls it MPO)."""
    output = io.BytesIO()
    first, second = Image.new("RGB", (40, 30), "green"), Image.new("RGB", (40, 30), "blue")
    first.save(output, format="MPO", save_all=True, append_images=[second])
    return SimpleUploadedFile("telefon.jpg", output.getvalue())


@pytest.mark.filterwarnings("ignore::UserWarning:PIL.TiffImagePlugin")  # damaged EXIF, on purpose
@pytest.mark.parametrize("upload", [corrupt_exif_jpeg, mpo_picture], ids=["corrupt-exif", "mpo"])
def test_awkward_but_real_photos_never_cause_an_error(editor, area, upload):
    response = post_news(
        editor, NEWS | {"image_alt": "Et foto", "action": "draft"}, image_file=upload()
    )
    assert response.status_code in {200, 302}
    if response.status_code == 200:
        assert "ikke et billede" in response.text
    else:
        with Image.open(NewsPost.objects.get().image.path) as stored:
            assert stored.format == "JPEG"


def test_a_phone_jpeg_with_a_preview_is_accepted(editor, area):
    response = post_news(
        editor, NEWS | {"image_alt": "Et foto", "action": "draft"}, image_file=mpo_picture()
    )
    assert response.status_code == 302
    assert NewsPost.objects.get().image.name.endswith(".jpg")


def test_a_picture_with_too_many_pixels_is_refused_before_decoding(editor, area):
    huge = io.BytesIO()
    Image.new("1", (10_000, 5_000)).save(huge, format="PNG")  # 50 Mpx, a few kB
    response = post_news(
        editor,
        NEWS | {"image_alt": "x", "action": "draft"},
        image_file=SimpleUploadedFile("stor.png", huge.getvalue()),
    )
    assert "for mange pixels" in response.text
    assert not NewsPost.objects.exists()
