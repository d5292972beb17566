"""reportlab's parsed fonts, kept in the user cache so a report does not parse 15 MB of fonts each run.

Parsing the three faces' metrics (every glyph's width and code point) costs
about 0.15 s of CPU per process; loading the cached result about a third
less (most of what remains is rebuilding the 35,000-entry tables). The
cache file is named by a hash of the font's bytes and the reportlab version,
so a changed font or reportlab never meets a stale entry. The font bytes
themselves are not cached (they are read anyway, to subset them into the
PDF). Any problem with the cache — missing, unreadable, from another
reportlab — falls back to parsing. The cache is the user's own folder; what
it holds is no more trusted than the user's other files.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from .user_cache import cache_file, store_in_cache

# Attributes that are rebuilt rather than pickled: the font bytes, the
# per-document subsetting state, and the face's unit-scaling function.
_NOT_KEPT = ("_ttf_data", "state", "_pdfScale", "face")


def load_font(name: str, data: bytes, label: str) -> TTFont:
    """The TTFont ``name`` for the font file ``data`` (``label`` names the cache file)."""
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    path = cache_file("fonts", f"{label}-{reportlab.Version}-{digest}.pickle")
    try:
        font_state, face_state = pickle.loads(path.read_bytes())
        return _restore(name, data, font_state, face_state)
    except Exception:  # whatever is wrong with the entry (missing, truncated, another layout): parse
        font = TTFont(name, io.BytesIO(data), subfontIndex=0)
        _store(path, font)
        return font


def _restore(name: str, data: bytes, font_state: dict, face_state: dict) -> TTFont:
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(face_state)
    face._ttf_data = data
    scale = 1000 / face.unitsPerEm
    face._pdfScale = (lambda x: x) if face.unitsPerEm == 1000 else (lambda x: x * scale)
    font = TTFont.__new__(TTFont)
    font.__dict__.update(font_state)
    font.fontName, font.face, font.state = name, face, WeakKeyDictionary()
    return font


def _store(path: Path, font: TTFont) -> None:
    state = ({k: v for k, v in font.__dict__.items() if k not in _NOT_KEPT},
             {k: v for k, v in font.face.__dict__.items() if k not in _NOT_KEPT})
    try:
        data = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):  # a reportlab whose faces do not pickle
        return
    store_in_cache(path, data)
