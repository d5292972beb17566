"""A reportlab Paragraph that wraps Chinese by ``line_breaking``'s rules and falls back per glyph.

Every paragraph of the report is one of these. Besides the line-breaking
rules, each character the paragraph's face lacks is drawn in the fallback
face (see ``fonts.fallback_font``), so a rare name character never shows as
an empty box.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import FragLine, ParaLines, cjkU

from .fonts import fallback_font
from .line_breaking import break_opportunities

_FUZZ = 1e-6  # reportlab's tolerance for a line that fits exactly
_LINE_BREAK = "\n"  # stands for a <br/> in the character string the rules look at


class CJKParagraph(Paragraph):
    def __init__(self, *args, **kwargs):
        self._lines_by_width: dict[tuple, ParaLines] = {}
        self._glyph_list: list | None = None
        super().__init__(*args, **kwargs)

    def breakLinesCJK(self, maxWidths):
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        self.height = 0
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara  # the second half of a paragraph split across pages
        style = self.style
        if not self.frags:
            return ParaLines(kind=0, fontSize=style.fontSize, fontName=style.fontName, textColor=style.textColor,
                             lines=[], ascent=style.fontSize, descent=-0.2 * style.fontSize)
        # reportlab wraps a paragraph several times at the same width (a table
        # measures its cells, then KeepTogether, then the frame), so the lines
        # are remembered per width. The styles use fixed leading (no
        # autoLeading), so line heights need no per-glyph bounds.
        key = tuple(maxWidths)
        if key not in self._lines_by_width:
            if self._glyph_list is None:
                self._glyph_list = _glyphs(self.frags)
            self._lines_by_width[key] = ParaLines(kind=1, lines=_wrap(self._glyph_list, maxWidths))
        return self._lines_by_width[key]


class _Glyph(str):
    """One character with the fragment it is drawn with and its width.

    reportlab's cjkU measures each character through the general stringWidth;
    looking the width up in the face's table directly makes wrapping, which
    runs several times per paragraph, several times faster.
    """
    frag: object
    width: float


def _glyph(ch: str, frag, widths: dict[int, float], default: float) -> _Glyph:
    g = _Glyph(ch)
    g.frag, g.width = frag, widths.get(ord(ch), default) * frag.fontSize * 0.001
    return g


def _glyphs(frags) -> list:
    """One glyph per character, each carrying the fragment (font, size, colour) it is drawn with."""
    out, clones = [], {}
    for frag in frags:
        text = frag.text.decode("utf8") if isinstance(frag.text, bytes) else frag.text
        if not text:  # a <br/> or an inline image
            out.append(cjkU(text, frag, "utf8"))
            continue
        for ch in text:
            face_name = fallback_font(frag.fontName, ch)
            if face_name != frag.fontName:
                key = (id(frag), face_name)
                if key not in clones:
                    clones[key] = frag.clone(fontName=face_name)
                use = clones[key]
            else:
                use = frag
            face = getFont(use.fontName).face
            out.append(_glyph(ch, use, face.charWidths, face.defaultWidth))
    return out


def _line(glyphs: list, max_width: float, used: float, line_break: bool) -> FragLine:
    """One laid-out line: runs of glyphs sharing a fragment become its words.

    What reportlab's makeCJKParaLine builds, without its per-character font
    metric look-ups, which made it the slowest step of the whole report.
    """
    words: list = []
    run: list[str] = []
    frag: Any = None
    for g in glyphs:
        if g.frag is not frag:
            if run:
                words.append(frag.clone(text="".join(run)))
            frag, run = g.frag, []
        run.append(g)
    if frag is not None:
        words.append(frag.clone(text="".join(run)))
    metrics = [(f.fontSize, *_ascent_descent(f.fontName, f.fontSize)) for f in {id(w): w for w in words}.values()]
    size = max((m[0] for m in metrics), default=0)
    ascent = max((m[1] for m in metrics), default=0)
    descent = min((m[2] for m in metrics), default=0)
    return FragLine(kind=1, extraSpace=max_width - used, wordCount=1, words=words, fontSize=size, ascent=ascent,
                    descent=descent, maxWidth=max_width, currentWidth=used, lineBreak=line_break)


_METRICS: dict[tuple[str, float], tuple[float, float]] = {}


def _ascent_descent(font: str, size: float) -> tuple[float, float]:
    key = (font, size)
    if key not in _METRICS:
        _METRICS[key] = getAscentDescent(font, size)
    return _METRICS[key]


def _wrap(glyphs: list, max_widths: list[float]) -> list[FragLine]:
    chars = "".join(_LINE_BREAK if (not g and hasattr(g.frag, "lineBreak")) else (g or "\ufffc") for g in glyphs)
    allowed = break_opportunities(chars)
    lines: list[FragLine] = []
    start, i, used = 0, 0, 0.0
    last_width = max_widths[-1]

    while i < len(glyphs):
        limit = max_widths[len(lines)] if len(lines) < len(max_widths) else last_width
        if chars[i] == _LINE_BREAK:
            lines.append(_line(glyphs[start:i + 1], limit, used, True))
            start, i, used = i + 1, i + 1, 0.0
            continue
        width = glyphs[i].width
        if used + width > limit + _FUZZ and i > start:
            cut = next((j for j in range(i, start, -1) if allowed[j]), i)
            taken = sum(x.width for x in glyphs[start:cut]) if cut != i else used
            lines.append(_line(glyphs[start:cut], limit, taken, False))
            start, i, used = cut, cut, 0.0
            continue
        used += width
        i += 1
    if start < len(glyphs):
        limit = max_widths[len(lines)] if len(lines) < len(max_widths) else last_width
        lines.append(_line(glyphs[start:], limit, used, False))
    return lines
