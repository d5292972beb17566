"""Photos for print: scaled to what an A4 page can show and re-encoded as JPEG.

Site photos come straight from phones (4000 px, 5 MB each). At the largest
size a report shows them (about 150 mm wide) 1,400 px is over 230 dpi, so
scaling down and JPEG quality 75 keeps 20 photos well under 10 MB without a
visible loss on paper. Pillow does the decoding and re-encoding; reportlab
then embeds the JPEG as it is.
"""

from __future__ import annotations

import io
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .user_cache import cache_file, store_in_cache

MAX_PIXELS = 1400
JPEG_QUALITY = 75
CACHED_PHOTOS = 64  # about 15 MB of prepared JPEGs at most


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


_prepared: OrderedDict[str, PrintPhoto | None] = OrderedDict()
CACHED_FILES = 1000  # prepared photos kept on disk, about 200 MB


def print_photo(sha256: str, load: Callable[[], bytes]) -> PrintPhoto | None:
    """``prepare_photo`` of the attachment ``sha256``, remembered in this process and in the user cache.

    Attachments are stored by content hash, so an entry never goes stale.
    Re-encoding a phone photo is most of a report's time; with the prepared
    JPEG remembered, the second export in the app (preview, then 导出PDF,
    then 导出Word) and the next `xunzhen report` of the visit skip it.
    """
    if sha256 in _prepared:
        _prepared.move_to_end(sha256)
        return _prepared[sha256]
    path = cache_file("photos", f"{sha256}-{MAX_PIXELS}-{JPEG_QUALITY}.jpg")
    photo = _read_cached(path)
    if photo is None:
        photo = prepare_photo(load())
        if photo is not None:
            store_in_cache(path, photo.jpeg, keep=CACHED_FILES)
    _prepared[sha256] = photo
    if len(_prepared) > CACHED_PHOTOS:
        _prepared.popitem(last=False)
    return photo


def _read_cached(path: Path) -> PrintPhoto | None:
    from PIL import Image, UnidentifiedImageError

    try:
        data = path.read_bytes()
        with Image.open(io.BytesIO(data)) as img:  # reads the header only
            return PrintPhoto(data, img.width, img.height)
    except (OSError, UnidentifiedImageError):
        return None


def forget_prepared_photos() -> None:
    """Empty this process's memory of prepared photos (the disk cache stays), e.g. after a batch of reports."""
    _prepared.clear()
