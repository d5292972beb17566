"""The 质量巡诊报告 as PDF: the ``Document`` that ``report_content`` builds, rendered with reportlab."""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, KeepTogether, PageBreak, SimpleDocTemplate, Spacer

from .cjk_paragraph import CJKParagraph
from .document import Cell, Document, Heading, Para, Photo, Radar, Run, Table, Together
from .fonts import register_report_fonts
from .pdf_canvas import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, canvas_maker
from .pdf_styles import RED_HEX, Styles, grid_table
from .radar import radar_chart

CONTENT_WIDTH = A4[0] - MARGIN_LEFT - MARGIN_RIGHT
FRAME_HEIGHT = A4[1] - MARGIN_TOP - MARGIN_BOTTOM
FRAME_PADDING = 6  # reportlab's default Frame padding, top and bottom


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: int


def render_pdf(document: Document) -> RenderedPdf:
    fonts = register_report_fonts()
    # Binary image streams: ASCII85 makes photos 25 % larger and, without
    # reportlab's optional C accelerator, costs most of the rendering time.
    rl_config.useA85 = 0
    out, stats = io.BytesIO(), dict[str, int]()
    doc = SimpleDocTemplate(
        out, pagesize=A4, topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT, title=document.title, author=document.author, subject=document.subject,
        keywords=list(document.keywords), creator="巡诊 Xunzhen", initialFontName=fonts.song,
    )
    writer = _PdfWriter(Styles(fonts), fonts.hei)
    doc.build(writer.story(document), canvasmaker=canvas_maker(fonts.hei, document.header, document.draft, stats,
                                                                  document.report_name))
    return RenderedPdf(out.getvalue(), stats.get("pages", 0))


class _JpegReader(ImageReader):
    """A JPEG whose bytes stand in for its pixels where reportlab only wants an identity.

    reportlab names each image by a digest of its decoded pixels, so it would
    decode every photo for nothing but that; it embeds a JPEG undecoded, so
    the JPEG's own bytes identify it just as well (and twice as fast a report).
    """

    def __init__(self, jpeg: bytes):
        super().__init__(io.BytesIO(jpeg))
        self.jpeg = jpeg
        self._dataA = None  # no alpha channel: what getRGBData would have found for a JPEG

    def getRGBData(self):
        return self.jpeg


class _JpegPhoto(Flowable):
    """A prepared photo drawn centred at a fixed size."""

    def __init__(self, jpeg: bytes, width: float, height: float):
        super().__init__()
        self.jpeg, self.width, self.height, self.hAlign = jpeg, width, height, "CENTER"

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        self.canv.drawImage(_JpegReader(self.jpeg), 0, 0, self.width, self.height)


def markup(content: tuple[Run, ...]) -> str:
    """Runs as reportlab paragraph markup, user text escaped and its line breaks kept."""
    parts = []
    for r in content:
        text = escape(r.text).replace("\n", "<br/>")
        if r.red:
            text = f'<font color="{RED_HEX}">{text}</font>'
        parts.append(text)
    return "".join(parts)


class _PdfWriter:
    def __init__(self, styles: Styles, chart_font: str):
        self.s, self.chart_font = styles, chart_font
        self.para_styles = {"body": styles.body, "plain": styles.plain, "note": styles.note,
                            "caption": styles.caption, "warn": styles.warn, "right": styles.right}
        self.heading_styles = {1: styles.h1, 2: styles.h2, 3: styles.h3}

    def story(self, document: Document) -> list:
        flow, headings = self.cover(document), []
        for block in document.blocks:
            parts, keep = self.parts(block)
            if isinstance(block, Heading):
                headings += parts
                continue
            # Headings stay with what follows: with the whole of a block kept
            # together, else with its first part. (reportlab's keepWithNext
            # does not join a KeepTogether, so it is done here.)
            if keep:
                flow.append(KeepTogether(headings + parts))
            elif headings:
                flow += [KeepTogether(headings + parts[:1])] + parts[1:]
            else:
                flow += parts
            headings = []
        return flow + headings

    def cover(self, document: Document) -> list:
        s, c = self.s, document.cover
        rows = [[CJKParagraph(escape(k), s.cover_label), CJKParagraph(escape(v), s.cover_value)] for k, v in c.fields]
        table = grid_table(rows, [42 * mm, CONTENT_WIDTH - 42 * mm], header_rows=0,
                           extra=[("GRID", (0, 0), (-1, -1), 0, "white"),
                                  ("LINEBELOW", (1, 0), (1, -1), 0.5, "#7a7a7a"),
                                  ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)])
        issuer = [CJKParagraph(escape(line), s.cover_issuer) for line in c.issuer]
        top = [Spacer(1, 16 * mm), CJKParagraph(escape(c.title), s.title), Spacer(1, 4 * mm),
               CJKParagraph(escape(c.subtitle), s.subtitle), Spacer(1, 18 * mm), table]
        bottom = issuer + [Spacer(1, 6 * mm), CJKParagraph(escape(c.source), s.caption)] if c.source else issuer
        # The 落款 and the source sit at the foot of the cover; whatever the
        # table's height, the cover stays one page (the gap shrinks instead).
        used = sum(f.wrap(CONTENT_WIDTH, FRAME_HEIGHT)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                   for f in top + bottom)
        gap = max(6 * mm, FRAME_HEIGHT - 2 * FRAME_PADDING - used - 4)
        return top + [Spacer(1, gap)] + bottom + [PageBreak()]

    def parts(self, block) -> tuple[list, bool]:
        """The flowables of one block, and whether they must stay on one page."""
        if isinstance(block, Heading):
            return [CJKParagraph(escape(block.text), self.heading_styles[block.level])], False
        if isinstance(block, Para):
            return [CJKParagraph(markup(block.content), self.para_styles[block.kind])], False
        if isinstance(block, Table):
            return [self.table(block), Spacer(1, 3 * mm)], block.keep_together
        if isinstance(block, Together):
            return [f for b in block.blocks for f in self.parts(b)[0]], True
        if isinstance(block, Radar):
            chart = radar_chart(self.chart_font, list(block.labels), list(block.values),
                                list(block.previous) if block.previous else None, top=block.top,
                                width=CONTENT_WIDTH, height=100 * mm)
            return [Spacer(1, 2 * mm), chart, CJKParagraph(escape(block.caption), self.s.caption)], True
        if isinstance(block, Photo):
            ratio = min(CONTENT_WIDTH * 0.8 / block.width, 95 * mm / block.height)
            image = _JpegPhoto(block.jpeg, block.width * ratio, block.height * ratio)
            return [image, Spacer(1, 2 * mm), CJKParagraph(escape(block.caption), self.s.caption),
                    Spacer(1, 6 * mm)], True
        raise TypeError(f"unknown block {block!r}")

    def cell(self, c: Cell) -> CJKParagraph:
        s = self.s
        style = s.cell_head if c.head and c.center else s.cell_label if c.head else (
            s.cell_center if c.center else s.cell)
        return CJKParagraph(markup(c.content), style)

    def table(self, t: Table):
        fixed = sum(t.widths)
        widths = [w * mm if w else CONTENT_WIDTH - fixed * mm for w in t.widths]
        rows = [[self.cell(c) for c in row] for row in t.rows]
        extra: list[tuple] = []
        for r, row in enumerate(t.rows):
            for k, c in enumerate(row):
                fill = c.fill or ("#f2f2f2" if c.head and r >= t.header_rows else None)
                if fill:
                    extra.append(("BACKGROUND", (k, r), (k, r), fill))
        extra += [("SPAN", (first, r), (last, r)) for r, first, last in t.spans]
        if t.kind == "form":
            extra += [("TOPPADDING", (0, t.header_rows), (-1, -1), 10),
                      ("BOTTOMPADDING", (0, t.header_rows), (-1, -1), 10)]
        return grid_table(rows, widths, header_rows=t.header_rows, extra=extra)
