"""Uploaded pictures: whatever the bytes, the answer is a safe picture or a Danish refusal."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from holbaek.images import prepare_image


def _base(kind: str) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotated
    exif[0x8825] = {2: (55.0, 43.0, 0.0)}  # GPS
    output = io.BytesIO()
    Image.new("RGB", (64, 48), "red").save(output, format=kind, exif=exif.tobytes())
    return output.getvalue()


BASES = {kind: _base(kind) for kind in ("JPEG", "PNG", "WEBP")}


@pytest.mark.filterwarnings("ignore::UserWarning:PIL.TiffImagePlugin")  # damaged EXIF, on purpose
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(sorted(BASES)),
    changes=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=8),
    cut=st.integers(min_value=0, max_value=100),
)
def test_damaged_pictures_are_refused_or_repaired_never_an_error(kind, changes, cut):
    data = bytearray(BASES[kind])
    for position, value in changes:
        data[position % len(data)] = value
    data = bytes(data[: max(1, len(data) * (100 - cut) // 100)] if cut > 90 else data)
    try:
        result = prepare_image(SimpleUploadedFile("x", data))
    except ValidationError:
        return
    with Image.open(io.BytesIO(result.read())) as saved:
        assert saved.format in {"JPEG", "PNG", "WEBP"}
        assert not saved.getexif().get(0x8825)  # no GPS position survives


def test_the_picture_is_turned_upright_and_loses_its_gps_position():
    result = prepare_image(SimpleUploadedFile("x.jpg", BASES["JPEG"]))
    with Image.open(io.BytesIO(result.read())) as saved:
        assert saved.size == (48, 64)  # orientation 6 applied
        assert not saved.getexif()
