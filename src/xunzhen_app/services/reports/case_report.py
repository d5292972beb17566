"""A 典型案例 as a document (services.cases): the same ``Document`` model as the 质量巡诊报告, so the
PDF (reportlab) and the Word file (python-docx) have its fonts, styles and page decoration."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from ..cases import LABELS, CaseStudyInfo
from ..report_numbers import default_organiser
from . import WrittenFile
from .atomic import write_atomically
from .document import Block, Cover, Document, Heading, Para, Photo, runs
from .photos import print_photo
from .report_content import cn_date, cn_number

REPORT_NAME = "典型案例"


def build_case_document(info: CaseStudyInfo, photo_bytes: Callable[[str], bytes], on: date | None = None) -> Document:
    blocks: list[Block] = []
    sections = [(LABELS[key], getattr(info, key)) for key in ("background", "practices", "results", "lessons")]
    for n, (label, text) in enumerate(((label, text) for label, text in sections if text.strip()), start=1):
        blocks.append(Heading(1, f"{cn_number(n)}、{label}"))
        blocks += [Para(runs(line.strip())) for line in text.splitlines() if line.strip()]
    links = []
    if info.goals:
        links.append("关联培育目标：" + "；".join(f"{code} {title}".strip() for code, title in info.goals))
    if info.visits:
        links.append("关联巡诊：" + "；".join(f"{v.stage}（{cn_date(v.start_date)}）" for v in info.visits))
    if links:
        blocks.append(Heading(1, f"{cn_number(len([s for s in sections if s[1].strip()]) + 1)}、关联目标与巡诊"))
        blocks += [Para(runs(line), "plain") for line in links]
    shown = 0
    for p in info.photos:
        prepared = print_photo(p.sha256, partial(photo_bytes, p.sha256))
        if prepared is not None:
            shown += 1
            blocks.append(Photo(prepared.jpeg, prepared.width, prepared.height, f"图{shown}　{p.caption or p.filename}"))
    fields = (("企业名称", info.enterprise), ("所属地市", info.city), ("培育类型", info.cultivation_type),
              ("入选情况", "已入选" if info.selected else "待遴选"))
    # A drafted title has a main line and a "——" line naming the firm: the cover sets them apart.
    main, dash, rest = info.title.partition("——")
    cover = Cover(title=main if dash else info.title, subtitle=f"——{rest}" if dash else REPORT_NAME, fields=fields,
                  issuer=(default_organiser(info.city), cn_date(on or date.today())), source="")
    return Document(cover, tuple(blocks), header=info.enterprise, draft=False, title=f"{REPORT_NAME}：{info.title}",
                    author=info.enterprise, subject=REPORT_NAME, keywords=(REPORT_NAME, info.enterprise, info.city),
                    report_name=REPORT_NAME)


def write_case(store, ref: str, path: Path) -> WrittenFile:
    """The case as .docx or .pdf, chosen by ``path``'s extension."""
    from ...core.errors import UserError
    from .. import cases, visits

    suffix = Path(path).suffix.lower()
    if suffix not in (".docx", ".pdf"):
        raise UserError(f"不支持的文件类型“{suffix or Path(path).name}”：典型案例可导出为 .docx 或 .pdf")
    document = build_case_document(cases.get_case(store, ref), lambda sha: visits.attachment_bytes(store, sha))
    if suffix == ".pdf":
        from .pdf_report import render_pdf

        rendered = render_pdf(document)
        final = write_atomically(Path(path), lambda out: out.write(rendered.data))
        return WrittenFile(final, len(rendered.data), pages=rendered.pages)
    from .docx_report import render_docx

    data = render_docx(document)
    final = write_atomically(Path(path), lambda out: out.write(data))
    return WrittenFile(final, len(data))
