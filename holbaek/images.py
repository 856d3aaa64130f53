"""Pictures uploaded by volunteers and staff: checked by content, re-encoded without metadata.

The file's name and the browser's content type are not trusted. Pillow must be
able to read the whole picture as JPEG, PNG or WebP. It is then turned the right
way up, shrunk to at most MAX_SIDE pixels and saved anew, which drops EXIF data
such as the GPS position a phone writes into a photo.
"""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 1600
# Phones often write JPEGs with an embedded preview or depth map, which Pillow calls MPO.
FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP"}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}

# Pillow refuses to decode pictures over twice this size (decompression bombs).
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

NOT_AN_IMAGE = _("Filen er ikke et billede, eller billedet er ødelagt.")
TOO_MANY_PIXELS = _("Billedet har for mange pixels. Det må højst have 40 millioner.")


def prepare_image(uploaded) -> ContentFile:
    """A safe copy of an uploaded picture, or a ValidationError in Danish."""
    if uploaded.size > MAX_BYTES:
        raise ValidationError(
            _("Billedet fylder %(size)s MB. Det må højst fylde 5 MB."),
            code="too_large",
            params={"size": f"{uploaded.size / 1024 / 1024:.1f}".replace(".", ",")},
        )
    try:
        image = Image.open(uploaded)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels") from error
    except Exception as error:  # Pillow raises many kinds for files that are not pictures
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from error
    kind = FORMATS.get(image.format or "")
    if kind is None:
        raise ValidationError(_("Billedet skal være JPEG, PNG eller WebP."), code="type")
    if image.width * image.height > MAX_PIXELS:
        raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels")
    try:
        return _re_encode(image, kind)
    except Exception as error:  # damaged pixel data or EXIF in an otherwise valid header
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from error


def _re_encode(image, kind: str) -> ContentFile:
    image.load()
    try:
        upright = ImageOps.exif_transpose(image)
    except Exception:  # broken orientation data: keep the picture as it is stored
        upright = image
    upright.thumbnail((MAX_SIDE, MAX_SIDE))
    if kind == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    output = io.BytesIO()
    upright.save(output, format=kind, optimize=True)
    return ContentFile(output.getvalue(), name=f"billede.{EXTENSIONS[kind]}")


def content_type(name: str) -> str:
    return CONTENT_TYPES.get(name.rsplit(".", 1)[-1].lower(), "application/octet-stream")
