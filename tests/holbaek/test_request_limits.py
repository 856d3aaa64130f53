"""A request body larger than any form takes is refused before it is read."""

import io
import math
from pathlib import Path

import pytest
from django.conf import settings

from holbaek import limits

MIB = 1024 * 1024
README = Path(__file__).resolve().parents[2] / "README.md"


class Unreadable(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def readable(self):
        return True

    def readinto(self, buffer):
        raise AssertionError("the request body was read")


@pytest.mark.django_db
def test_an_oversized_upload_is_refused_with_413_before_it_is_read(client, reference_data):
    response = client.generic(
        "POST",
        "/sparring/",
        CONTENT_LENGTH=str(200 * MIB),
        CONTENT_TYPE="multipart/form-data; boundary=xyz",
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413
    assert "fylder for meget" in response.text
    assert 'lang="da"' in response.text


@pytest.mark.django_db
def test_a_body_within_the_limit_is_read_as_usual(client, reference_data):
    response = client.post("/sparring/", {"name": "Karen Jensen"})
    assert response.status_code == 400  # the form with its errors, the name kept
    assert "Karen Jensen" in response.text


@pytest.mark.django_db
def test_a_body_without_a_length_is_refused(client, reference_data):
    response = client.generic(
        "POST",
        "/sparring/",
        HTTP_TRANSFER_ENCODING="chunked",
        CONTENT_TYPE="multipart/form-data; boundary=xyz",
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 411


def test_the_limit_is_the_largest_form_plus_a_margin():
    assert settings.MIDDLEWARE[0] == "holbaek.middleware.RequestBodyLimitMiddleware"
    largest_form = settings.DATA_UPLOAD_MAX_NUMBER_FILES * limits.MAX_FILE_BYTES
    assert largest_form == 100 * MIB
    assert largest_form < settings.MAX_REQUEST_BYTES <= largest_form + 5 * MIB
    # The reverse proxy's cap in the README is the same number, rounded up to whole MiB.
    proxy_cap = math.ceil(settings.MAX_REQUEST_BYTES / MIB)
    assert f"client_max_body_size {proxy_cap}m" in README.read_text()
