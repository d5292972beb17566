"""Report and export benchmarks (run on demand: `uv run --group bench python benchmarks/bench_reports.py`).

1. A full 质量巡诊报告: 24 rated items with text and 10 phone-sized photos (target < 2 s).
2. The same content as a .docx (python-docx) converted to PDF by LibreOffice headless,
   which is how reports are made today; the ratio of the two is printed.
3. A summary workbook over 1,000 visits (target < 5 s).

Set-up (creating the data) is not timed.
"""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import update

from xunzhen_app.db.models import Assessment, Enterprise, Visit, VisitProblem
from xunzhen_app.db.store import open_store
from xunzhen_app.paths import AppPaths
from xunzhen_app.services import checklists, reports, visits
from xunzhen_app.services.demo import EVIDENCE, PLAN, PROBLEMS, SUGGESTIONS, fictional_uscc
from xunzhen_app.services.dto import EnterpriseInput
from xunzhen_app.services.enterprises import create_enterprise

PHOTOS = 10


def phone_photo(seed: int) -> bytes:
    """A 4000×3000 JPEG of about the size a phone produces."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    img = Image.effect_noise((1000, 750), 40).convert("RGB").resize((4000, 3000))
    draw = ImageDraw.Draw(img)
    for _ in range(40):
        x, y = rng.randrange(4000), rng.randrange(3000)
        draw.rectangle((x, y, x + rng.randrange(200, 900), y + rng.randrange(200, 700)),
                       fill=tuple(rng.randrange(256) for _ in range(3)))
    img = img.filter(ImageFilter.GaussianBlur(1))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=92)
    return out.getvalue()


def full_visit(store) -> tuple[str, list[bytes]]:
    rng = random.Random(7)
    ent = create_enterprise(store, EnterpriseInput(name="基准测试精密制造有限公司", city="太原市", cultivation_type="领军型",
                                                   uscc=fictional_uscc("140105", rng), industry="高端装备制造"))
    vid = visits.create_visit(store, visits.NewVisit(enterprise_id=ent.id, start_date=date(2025, 6, 3),
                                                     end_date=date(2025, 6, 4))).id
    template = visits.get_visit(store, vid).template
    for i, item in enumerate(template.items()):
        visits.rate_item(store, vid, item.code, level=rng.randint(2, 5))
        if item.check is not None:
            visits.rate_item(store, vid, item.code, check_passed=True)
        for field, texts in (("evidence", EVIDENCE), ("problem", PROBLEMS), ("suggestion", SUGGESTIONS)):
            visits.set_item_text(store, vid, item.code, field, texts[i % len(texts)] * 2)
    for p in PROBLEMS:
        visits.add_problem(store, vid, p)
    for measure, dept, deadline, outcome in PLAN:
        visits.add_plan_row(store, vid, measure=measure, department=dept, deadline=deadline, expected_outcome=outcome)
    photos = [phone_photo(n) for n in range(PHOTOS)]
    for n, data in enumerate(photos):
        visits.add_attachment_bytes(store, vid, f"现场照片{n + 1}.jpg", data, None, f"现场照片 {n + 1}：生产线与检验区")
    return vid, photos


def write_docx(store, vid: str, photos: list[bytes], path: Path) -> None:
    """The same content as the PDF report, the way a Word template would hold it."""
    from docx import Document
    from docx.shared import Mm

    d = visits.get_visit(store, vid)
    doc = Document()
    doc.add_heading("质量巡诊报告", 0)
    for label, value in (("企业名称", d.enterprise.name), ("统一社会信用代码", d.enterprise.uscc),
                         ("所属地市", d.enterprise.city), ("报告编号", d.report_number)):
        doc.add_paragraph(f"{label}：{value}")
    doc.add_heading("三、质量成熟度评价", 1)
    table = doc.add_table(rows=1, cols=3)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text, table.rows[0].cells[2].text = "编号", "培育目标", "等级"
    for g in d.result.goals:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = g.code, g.title, f"{g.score.level:.1f}"
    doc.add_heading("六、逐项评价明细", 1)
    for item in d.template.items():
        a = d.assessments[item.code]
        t = doc.add_table(rows=4, cols=2)
        for row, (label, value) in zip(t.rows, ((item.code, item.text), ("佐证材料", a.evidence),
                                                ("问题", a.problem), ("改进建议", a.suggestion))):
            row.cells[0].text, row.cells[1].text = label, value
    doc.add_heading("七、附件", 1)
    for n, data in enumerate(photos):
        doc.add_picture(io.BytesIO(data), width=Mm(120))
        doc.add_paragraph(f"图{n + 2} 现场照片 {n + 1}")
    doc.save(path)


def libreoffice_seconds(docx: Path, out_dir: Path) -> float | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    profile = out_dir / "lo-profile"  # a private profile so a running LibreOffice does not interfere
    start = time.perf_counter()
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out_dir), str(docx)], check=True, capture_output=True, timeout=300)
    return time.perf_counter() - start


def bulk_visits(store, count: int) -> None:
    """1,000 complete visits (two per enterprise) inserted directly; the services would take minutes."""
    rng = random.Random(11)
    template = checklists.find_template(store.paths)
    codes = [i.code for i in template.items()]
    cities = ["太原市", "大同市", "长治市", "晋城市", "晋中市", "运城市", "临汾市", "吕梁市"]
    with store.session() as s:
        checklists.snapshot(s, template)
        for n in range(count // 2):
            e = Enterprise(name=f"基准企业{n:04d}质量科技有限公司", city=rng.choice(cities),
                           cultivation_type=rng.choice(["领军型", "重点培育型"]), uscc=fictional_uscc("140105", rng),
                           honours=[], contacts=[], notes="基准测试数据")
            s.add(e)
            for k in range(2):
                v = Visit(enterprise=e, template_id=template.id, template_version=template.version,
                          stage="前期巡诊" if k == 0 else "培育跟踪", status="草稿",
                          start_date=date(2025, 5, 1) + timedelta(days=n % 30 + 120 * k),
                          end_date=date(2025, 5, 2) + timedelta(days=n % 30 + 120 * k),
                          methods=["资料收集", "实地调研", "深度访谈"], interviewees=[], report_number=f"B-{n}-{k}")
                s.add(v)
                for code in codes:
                    v.assessments.append(Assessment(item_code=code, level=rng.randint(1, 5),
                                                    check_passed=True if code == "3.1.1" else None,
                                                    evidence=rng.choice(EVIDENCE), problem=rng.choice(PROBLEMS),
                                                    suggestion=rng.choice(SUGGESTIONS)))
                for pos, p in enumerate(rng.sample(PROBLEMS, 3)):
                    v.problems.append(VisitProblem(position=pos, text=p))
    with store.session() as s:
        # Finalize in one statement; the history tracking refuses child rows on a finalized visit.
        s.execute(update(Visit).values(status="已定稿"))


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="xunzhen-bench-") as tmp:
        tmp = Path(tmp)
        store = open_store(AppPaths(tmp / "report").ensure())
        vid, photos = full_visit(store)
        start = time.perf_counter()
        first = reports.write_visit_pdf(store, vid, tmp / "report-cold.pdf")
        cold = time.perf_counter() - start
        start = time.perf_counter()
        reports.write_visit_pdf(store, vid, tmp / "report.pdf")
        warm = time.perf_counter() - start
        print(f"PDF report, 24 items, {PHOTOS} photos ({sum(map(len, photos)) / 1e6:.1f} MB of originals): "
              f"{cold:.2f} s first in process (font loading included), {warm:.2f} s next; "
              f"{first.pages} pages, {first.size / 1e6:.2f} MB  [target < 2 s: {'ok' if cold < 2 else 'MISSED'}]")

        docx = tmp / "report.docx"
        try:
            write_docx(store, vid, photos, docx)
        except ImportError:
            print("LibreOffice comparison skipped: python-docx is missing (uv run --group bench …)")
        else:
            lo = libreoffice_seconds(docx, tmp)
            if lo is None:
                print("LibreOffice comparison skipped: LibreOffice is not installed "
                      "(apt-get install libreoffice-writer-nogui)")
            else:
                print(f"LibreOffice headless .docx → PDF (same content): {lo:.2f} s "
                      f"(cold start included) — {lo / cold:.1f}× the reportlab report")
        store.close()

        store = open_store(AppPaths(tmp / "summary").ensure())
        bulk_visits(store, 1000)
        start = time.perf_counter()
        written = reports.write_workbook(store, reports.ExportSelection(), tmp / "summary.xlsx")
        took = time.perf_counter() - start
        print(f"Summary workbook over 1,000 visits ({written.rows} enterprises): {took:.2f} s, "
              f"{written.size / 1e6:.2f} MB  [target < 5 s: {'ok' if took < 5 else 'MISSED'}]")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
