"""Pictures uploaded by volunteers and staff: checked by content, re-encoded without metadata.

The file's name and the browser's content type are not trusted. Pillow must be
able to read the whole picture as JPEG, PNG or WebP. It is then turned the right
way up, shrunk to at most MAX_SIDE pixels and saved anew, which drops EXIF data
such as the GPS position a phone writes into a photo.
"""

import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # Refuse decompression bombs before decoding them.
MAX_SIDE = 1600
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}


def prepare_image(uploaded) -> ContentFile:
    """A safe copy of an uploaded picture, or a ValidationError in Danish."""
    if uploaded.size > MAX_BYTES:
        raise ValidationError(
            _("Billedet fylder %(size)s MB. Det må højst fylde 5 MB."),
            code="too_large",
            params={"size": f"{uploaded.size / 1024 / 1024:.1f}".replace(".", ",")},
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(uploaded)
            kind = image.format
            if kind not in FORMATS:
                raise ValidationError(_("Billedet skal være JPEG, PNG eller WebP."), code="type")
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(_("Billedet har for mange pixels."), code="too_many_pixels")
            image.load()
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        OSError,
        SyntaxError,
        ValueError,
        Warning,
    ) as error:
        raise ValidationError(
            _("Filen er ikke et billede, eller billedet er ødelagt."), code="not_an_image"
        ) from error
    image = ImageOps.exif_transpose(image)
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    if kind == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    output = io.BytesIO()
    image.save(output, format=kind, optimize=True)
    return ContentFile(output.getvalue(), name=f"billede.{FORMATS[kind]}")


def content_type(name: str) -> str:
    return CONTENT_TYPES.get(name.rsplit(".", 1)[-1].lower(), "application/octet-stream")
