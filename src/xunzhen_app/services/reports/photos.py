"""Photos for print: scaled to what an A4 page can show and re-encoded as JPEG.

Site photos come straight from phones (4000 px, 5 MB each). At the largest
size a report shows them (about 150 mm wide) 1,400 px is over 230 dpi, so
scaling down and JPEG quality 75 keeps 20 photos well under 10 MB without a
visible loss on paper. Pillow does the decoding and re-encoding; reportlab
then embeds the JPEG as it is.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

MAX_PIXELS = 1400
JPEG_QUALITY = 75


@dataclass(frozen=True)
class PrintPhoto:
    jpeg: bytes
    width: int
    height: int


def prepare_photo(data: bytes) -> PrintPhoto | None:
    """The photo ready for the PDF, or None when the bytes are not an image Pillow can read."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as source:
            # For a JPEG, let the decoder scale down by 1/2–1/8 while decoding:
            # several times faster than decoding 12 megapixels and resizing.
            source.draft("RGB", (MAX_PIXELS, MAX_PIXELS))
            img = ImageOps.exif_transpose(source)  # phones store rotation in EXIF
            if img.mode != "RGB":
                img = img.convert("RGB")
            img.thumbnail((MAX_PIXELS, MAX_PIXELS))
            out = io.BytesIO()
            img.save(out, "JPEG", quality=JPEG_QUALITY)
            return PrintPhoto(out.getvalue(), img.width, img.height)
    except (UnidentifiedImageError, OSError, ValueError):
        return None
