"""A reportlab Paragraph that wraps Chinese by ``line_breaking``'s rules and falls back per glyph.

Every paragraph of the report is one of these. Besides the line-breaking
rules, each character the paragraph's face lacks is drawn in the fallback
face (see ``fonts.fallback_font``), so a rare name character never shows as
an empty box.
"""

from __future__ import annotations

from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine

from .fonts import fallback_font
from .line_breaking import break_opportunities

_FUZZ = 1e-6  # reportlab's tolerance for a line that fits exactly
_LINE_BREAK = "\n"  # stands for a <br/> in the character string the rules look at


class CJKParagraph(Paragraph):
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
        glyphs = _glyphs(self.frags)
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        return ParaLines(kind=1, lines=_wrap(glyphs, maxWidths, auto_leading not in ("", "off")))


def _glyphs(frags) -> list[cjkU]:
    """One cjkU per character, each carrying the fragment (font, size, colour) it is drawn with."""
    out, clones = [], {}
    for frag in frags:
        text = frag.text.decode("utf8") if isinstance(frag.text, bytes) else frag.text
        if not text:  # a <br/> or an inline image
            out.append(cjkU(text, frag, "utf8"))
            continue
        for ch in text:
            face = fallback_font(frag.fontName, ch)
            if face != frag.fontName:
                key = (id(frag), face)
                if key not in clones:
                    clones[key] = frag.clone(fontName=face)
                out.append(cjkU(ch, clones[key], "utf8"))
            else:
                out.append(cjkU(ch, frag, "utf8"))
    return out


def _wrap(glyphs: list[cjkU], max_widths: list[float], calc_bounds: bool) -> list:
    chars = "".join(_LINE_BREAK if (not g and hasattr(g.frag, "lineBreak")) else (g or "\ufffc") for g in glyphs)
    allowed = break_opportunities(chars)
    lines: list = []
    start, i, used = 0, 0, 0.0

    def width_at(n: int) -> float:
        return max_widths[min(n, len(max_widths) - 1)]

    while i < len(glyphs):
        g = glyphs[i]
        if chars[i] == _LINE_BREAK:
            lines.append(makeCJKParaLine(glyphs[start:i + 1], width_at(len(lines)), used,
                                         width_at(len(lines)) - used, True, calc_bounds))
            start, i, used = i + 1, i + 1, 0.0
            continue
        limit = width_at(len(lines))
        if used + g.width > limit + _FUZZ and i > start:
            cut = next((j for j in range(i, start, -1) if allowed[j]), i)
            taken = sum(x.width for x in glyphs[start:cut])
            lines.append(makeCJKParaLine(glyphs[start:cut], limit, taken, limit - taken, False, calc_bounds))
            start, i, used = cut, cut, 0.0
            continue
        used += g.width
        i += 1
    if start < len(glyphs):
        limit = width_at(len(lines))
        lines.append(makeCJKParaLine(glyphs[start:], limit, used, limit - used, False, calc_bounds))
    return lines
