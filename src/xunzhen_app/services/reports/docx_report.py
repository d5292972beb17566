"""The 质量巡诊报告 as an editable Word file: the same ``Document`` the PDF renders, written with python-docx.

Experts polish the wording in Word or WPS before they submit, so the file
uses Word's own means: built-in heading styles (标题 1–3, so the navigation
pane and a table of contents work), real tables with a repeated header row,
page numbers as PAGE/NUMPAGES fields in the footer, the radar as an image.
Styles name the faces Word and WPS users have — 仿宋 for the body, 黑体 and
楷体 for the headings — via ``w:eastAsia``; nothing is embedded.
"""

from __future__ import annotations

import io

from docx import Document as new_docx
from docx.enum.section import WD_SECTION_START
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .document import Cell, Document, Heading, Para, Photo, Radar, Run, Table, Together
from .radar import radar_png

BODY_FACE, HEI_FACE, KAI_FACE, LATIN_FACE = "仿宋", "黑体", "楷体", "Times New Roman"
RED = RGBColor(0xC0, 0x00, 0x00)
GREY = RGBColor(0x59, 0x59, 0x59)
PAGE_W, PAGE_H = Mm(210), Mm(297)
MARGINS = dict(top_margin=Mm(37), bottom_margin=Mm(35), left_margin=Mm(28), right_margin=Mm(26))
TEXT_WIDTH_MM = 210 - 28 - 26
TABLE_STYLE, TABLE_TEXT = "Table Grid", "表格文字"
_PARA_STYLES = {"body": "Normal", "plain": "Normal", "note": "注释", "caption": "Caption", "warn": TABLE_TEXT,
                "right": "Normal"}


def render_docx(document: Document) -> bytes:
    doc = new_docx()
    _set_up_styles(doc)
    _set_up_page(doc, document)
    writer = _DocxWriter(doc)
    writer.cover(document)
    for block in document.blocks:
        writer.block(block)
    props = doc.core_properties
    props.title, props.author, props.subject = document.title, document.author, document.subject
    props.keywords = "，".join(document.keywords)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _faces(style_or_run, east_asia: str, size: float | None = None, bold: bool | None = None) -> None:
    font = style_or_run.font
    font.name = LATIN_FACE
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    # Theme fonts win over named ones in Word, so the heading styles' theme references go.
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:eastAsia"), east_asia)


def _set_up_styles(doc) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    _faces(normal, BODY_FACE, 12)
    normal.paragraph_format.line_spacing = Pt(22)
    normal.paragraph_format.space_after = Pt(3)
    for name, face, size, bold in (("Title", HEI_FACE, 26, False), ("Heading 1", HEI_FACE, 16, False),
                                   ("Heading 2", KAI_FACE, 15, False), ("Heading 3", BODY_FACE, 14, True)):
        style = styles[name]
        _faces(style, face, size, bold)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.italic = False
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.space_before = Pt(12 if name == "Heading 1" else 8)
        style.paragraph_format.space_after = Pt(6)
    title = styles["Title"]
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    border = title.element.pPr.find(qn("w:pBdr"))  # the template underlines titles in blue
    if border is not None:
        title.element.pPr.remove(border)
    caption = styles["Caption"]
    _faces(caption, KAI_FACE, 10.5, False)
    caption.font.color.rgb = GREY
    caption.font.italic = False
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    note = styles.add_style("注释", WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = normal
    _faces(note, KAI_FACE, 10.5)
    note.font.color.rgb = GREY
    note.paragraph_format.line_spacing = Pt(16)
    cell = styles.add_style(TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    _faces(cell, BODY_FACE, 10.5)
    cell.paragraph_format.line_spacing = Pt(15)
    cell.paragraph_format.space_after = Pt(0)
    for name in ("Header", "Footer"):
        _faces(styles[name], BODY_FACE, 9)
        # The template's tab stops are for Letter paper; the header sets its own.
        styles[name].paragraph_format.tab_stops.clear_all()


def _set_up_page(doc, document: Document) -> None:
    section = doc.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = PAGE_W, PAGE_H
    for key, value in MARGINS.items():
        setattr(section, key, value)
    section.header_distance, section.footer_distance = Mm(22), Mm(20)
    section.different_first_page_header_footer = True  # the cover has neither
    header = section.header.paragraphs[0]
    header.text = document.header + ("（草稿）" if document.draft else "")
    header.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    header.add_run(f"\t{document.report_name}")
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("第 ")
    _field(footer, "PAGE")
    footer.add_run(" 页 共 ")
    _field(footer, "NUMPAGES")
    footer.add_run(" 页")


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word, WPS and LibreOffice compute when they lay the pages out."""
    def char(kind: str):
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    paragraph.add_run()._r.append(char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    paragraph.add_run()._r.append(char("separate"))
    paragraph.add_run("1")
    paragraph.add_run()._r.append(char("end"))


def _shade(cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill.lstrip("#"))
    cell._tc.get_or_add_tcPr().append(shd)


def _repeat_as_header(row) -> None:
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


def _paragraph(container, style_id: str | None = None, text: str = ""):
    """A new paragraph in ``container`` with its style set by id.

    python-docx's ``style=`` looks the style up by scanning every style of
    the document for each paragraph (seconds for a report); the id is known.
    """
    p = container.add_paragraph(text)
    if style_id:
        p._p.get_or_add_pPr().style = style_id
    return p


class _DocxWriter:
    def __init__(self, doc):
        self.doc = doc
        self.ids = {name: doc.styles[name].style_id for name in
                    ("Title", "Heading 1", "Heading 2", "Heading 3", "Caption", "注释", TABLE_TEXT)}

    def runs(self, paragraph, content: tuple[Run, ...]) -> None:
        for r in content:
            lines = r.text.split("\n")
            for n, line in enumerate(lines):
                run = paragraph.add_run(line)
                if r.red:
                    run.font.color.rgb = RED
                if r.bold:
                    run.bold = True
                if n < len(lines) - 1:
                    run.add_break(WD_BREAK.LINE)

    def cover(self, document: Document) -> None:
        c, doc = document.cover, self.doc
        doc.add_paragraph().paragraph_format.space_before = Pt(60)
        _paragraph(doc, self.ids["Title"], c.title)
        sub = doc.add_paragraph(c.subtitle)
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _faces(sub.runs[0], KAI_FACE, 16)
        sub.paragraph_format.space_after = Pt(48)
        table = doc.add_table(rows=0, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for label, value in c.fields:
            cells = table.add_row().cells
            for cell, text, face in ((cells[0], label, HEI_FACE), (cells[1], value, BODY_FACE)):
                p = cell.paragraphs[0]
                _faces(p.add_run(text), face, 14)
                p.paragraph_format.space_after = Pt(4)
        self.widths(table, (48, 0))
        doc.add_paragraph().paragraph_format.space_before = Pt(90)
        for line in c.issuer:
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _faces(p.add_run(line), KAI_FACE, 15)
        if c.source:
            _paragraph(doc, self.ids["Caption"], c.source).paragraph_format.space_before = Pt(18)
        doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)

    def block(self, block, keep: bool = False) -> None:
        doc = self.doc
        if isinstance(block, Heading):
            # The style keeps headings with the next paragraph too; said again on
            # the paragraph because LibreOffice honours only the direct setting.
            _paragraph(doc, self.ids[f"Heading {block.level}"], block.text).paragraph_format.keep_with_next = True
        elif isinstance(block, Para):
            p = _paragraph(doc, self.ids.get(_PARA_STYLES[block.kind]))
            if block.kind == "body":
                p.paragraph_format.first_line_indent = Pt(24)  # two characters
            elif block.kind == "right":
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            self.runs(p, block.content)
            p.paragraph_format.keep_with_next = keep or None
        elif isinstance(block, Table):
            self.table(block, keep)
        elif isinstance(block, Together):
            for n, inner in enumerate(block.blocks):
                self.block(inner, keep=n < len(block.blocks) - 1)
        elif isinstance(block, Radar):
            self.picture(radar_png(block), TEXT_WIDTH_MM, block.caption)
        elif isinstance(block, Photo):
            width = min(TEXT_WIDTH_MM * 0.8, 95 * block.width / block.height)
            self.picture(block.jpeg, width, block.caption)
        else:
            raise TypeError(f"unknown block {block!r}")

    def picture(self, data: bytes, width_mm: float, caption: str) -> None:
        self.doc.add_picture(io.BytesIO(data), width=Mm(width_mm))
        pic = self.doc.paragraphs[-1]
        pic.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pic.paragraph_format.keep_with_next = True
        pic.paragraph_format.first_line_indent = Pt(0)
        pic.paragraph_format.line_spacing = 1.0  # an exact line height would crop the picture to one line
        _paragraph(self.doc, self.ids["Caption"], caption)

    def widths(self, table, widths_mm: tuple[float, ...]) -> None:
        fixed = sum(widths_mm)
        widths = [Mm(w if w else TEXT_WIDTH_MM - fixed) for w in widths_mm]
        table.autofit = False
        for column, width in zip(table.columns, widths):
            column.width = width  # the grid, which LibreOffice and WPS lay out by
        for row in table.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = width

    def table(self, t: Table, keep: bool) -> None:
        cols = len(t.widths)
        table = self.doc.add_table(rows=len(t.rows), cols=cols)
        table.style = TABLE_STYLE
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        self.widths(table, t.widths)
        for r, (row, cells) in enumerate(zip(table.rows, t.rows)):
            if r < t.header_rows:
                _repeat_as_header(row)
            if t.kind == "form" and r >= t.header_rows:
                row.height = Mm(11)
            for target, c in zip(row.cells, cells):
                self.cell(target, c, r < t.header_rows)
                if keep or t.keep_together:
                    for p in target.paragraphs:
                        p.paragraph_format.keep_with_next = r < len(t.rows) - 1 or keep
        for r, first, last in t.spans:
            merged = table.cell(r, first).merge(table.cell(r, last))
            # merge() joins the cells' paragraphs; the spanned cells were empty.
            for extra in merged.paragraphs[1:]:
                extra._element.getparent().remove(extra._element)
        _paragraph(self.doc, self.ids[TABLE_TEXT])  # Word runs two adjacent tables into one otherwise

    def cell(self, target, c: Cell, header: bool) -> None:
        p = target.paragraphs[0]
        p._p.get_or_add_pPr().style = self.ids[TABLE_TEXT]
        if c.center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if c.head:
            for r in c.content:
                run = p.add_run(r.text)
                _faces(run, HEI_FACE)
                if r.red:
                    run.font.color.rgb = RED
        else:
            self.runs(p, c.content)
        fill = c.fill or ("#e8eef6" if header else "#f2f2f2" if c.head else None)
        if fill:
            _shade(target, fill)
