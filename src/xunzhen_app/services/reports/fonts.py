"""The report's three bundled faces, registered once with reportlab and embedded (subset) in every PDF.

GB/T 9704 practice sets body text in 宋体/仿宋, first-level headings in 黑体
and second-level ones in 楷体. Free, embeddable TrueType faces of those styles:

- 宋体: AR PL SungtiL GB (gbsn00lp.ttf, Arphic Public License);
- 楷体: AR PL KaitiM GB (gkai00mp.ttf, Arphic Public License);
- 黑体: WenQuanYi Micro Hei (wqy-microhei.ttc, Apache-2.0), the app's screen
  font already.

The two Arphic faces cover GB 2312 only, so a character they lack (a rare
name character such as 喆 or 堃) is drawn in the 黑体 face, which covers
GBK and more (``fallback_font``). Each face has one weight; bold is mapped
to the face itself rather than faked.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from ... import resources_access


@dataclass(frozen=True)
class ReportFonts:
    song: str  # body text, table cells
    kai: str   # second-level headings, captions, notes
    hei: str   # title, first-level headings, table headers, page decoration


FONTS = ReportFonts(song="XZSong", kai="XZKai", hei="XZHei")
FONT_FILES = {
    FONTS.song: "fonts/gbsn00lp.ttf",
    FONTS.kai: "fonts/gkai00mp.ttf",
    FONTS.hei: "fonts/wqy-microhei.ttc",
}
_FALLBACK = {FONTS.song: FONTS.hei, FONTS.kai: FONTS.hei}


@lru_cache(maxsize=1)
def register_report_fonts() -> ReportFonts:
    from reportlab.graphics import shapes
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    from .font_cache import load_font

    for name, resource in FONT_FILES.items():
        # Read through importlib.resources so a wheel or a frozen app works too.
        data = resources_access.read_bytes(resource)
        pdfmetrics.registerFont(load_font(name, data, resource.rsplit("/", 1)[-1].split(".")[0]))
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(name, bold, italic, name)
    # reportlab graphics start every drawing in Times-Roman; a drawing that sets
    # its own fonts would still leave an unembedded base-14 reference behind.
    shapes.STATE_DEFAULTS["fontName"] = FONTS.hei
    return FONTS


@cache
def _glyphs(font_name: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


def fallback_font(font_name: str, char: str) -> str:
    """The face to draw ``char`` in: ``font_name`` itself unless it lacks the glyph."""
    fallback = _FALLBACK.get(font_name)
    if fallback is None or ord(char) in _glyphs(font_name) or char.isspace():
        return font_name
    return fallback
