"""Report and export benchmarks (run on demand: `uv run python benchmarks/bench_reports.py`).

1. The whole `xunzhen report VISIT -o FILE.pdf` process against LibreOffice
   converting the app's own .docx of the same report to PDF with a warm
   profile — the way a report would otherwise be made. Median of several
   alternating pairs in one run, after a warm-up of each; bytecode is compiled
   first (target: the process at most half LibreOffice's time).
2. An in-process report, as the second export in the GUI (target < 0.3 s).
3. A zip of 100 reports, as the bureau desk exports them (target < 30 s).
4. A summary workbook over 1,000 visits (target < 5 s).

The visit has 24 rated items with text and 10 phone-sized photos. Set-up
(creating the data) is not timed. ``--smoke``: one small photo, one pair, a zip
of 2 reports and a workbook over 20 visits — only that it runs (tests/test_benchmarks.py).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
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
from xunzhen_app.services import checklists, demo_text, reports, visits
from xunzhen_app.services.demo import fictional_uscc
from xunzhen_app.services.dto import EnterpriseInput
from xunzhen_app.services.enterprises import create_enterprise

PHOTOS = 10


def phone_photo(seed: int, width: int = 4000) -> bytes:
    """A 4000×3000 JPEG of about the size a phone produces (or smaller, for the smoke run)."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    height = width * 3 // 4
    img = Image.effect_noise((width // 4, height // 4), 40).convert("RGB").resize((width, height))
    draw = ImageDraw.Draw(img)
    for _ in range(40):
        x, y = rng.randrange(width), rng.randrange(height)
        draw.rectangle((x, y, x + rng.randrange(200, 900), y + rng.randrange(200, 700)),
                       fill=tuple(rng.randrange(256) for _ in range(3)))
    img = img.filter(ImageFilter.GaussianBlur(1))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=92)
    return out.getvalue()


def full_visit(store, photos: int = PHOTOS, width: int = 4000) -> tuple[str, list[bytes]]:
    rng = random.Random(7)
    ent = create_enterprise(store, EnterpriseInput(name="基准测试精密制造有限公司", city="太原市", cultivation_type="领军型",
                                                   uscc=fictional_uscc("140105", rng), industry="高端装备制造"))
    vid = visits.create_visit(store, visits.NewVisit(enterprise_id=ent.id, start_date=date(2025, 6, 3),
                                                     end_date=date(2025, 6, 4))).id
    template = visits.get_visit(store, vid).template
    scale = template.scale
    # Every item with every text, as the heaviest report a visit produces (the demo's own wording).
    for item in template.items():
        level = rng.randint(2, 4)
        visits.rate_item(store, vid, item.code, level=level)
        if item.check is not None:
            visits.rate_item(store, vid, item.code, check_passed=True)
        visits.set_item_text(store, vid, item.code, "evidence", demo_text.evidence(item, level, scale))
        visits.set_item_text(store, vid, item.code, "problem", demo_text.finding(item, level, scale, rng))
        visits.set_item_text(store, vid, item.code, "suggestion", demo_text.suggestion(item.code, ()))
        visits.set_item_text(store, vid, item.code, "strength", demo_text.strength(item, 4, scale, "轴承", rng))
    for item in list(template.items())[:5]:
        visits.add_problem(store, vid, demo_text.finding(item, 2, scale, rng), item.code)
    for item in list(template.items())[:4]:
        text = demo_text.ITEMS[item.code]
        visits.add_plan_row(store, vid, measure=text.action, department=text.department, due="2025-10-31",
                            expected_outcome=f"{text.topic}达到{scale.name(4)}")
    made = [phone_photo(n, width) for n in range(photos)]
    for n, data in enumerate(made):
        visits.add_attachment_bytes(store, vid, f"现场照片{n + 1}.jpg", data, None, f"现场照片 {n + 1}：生产线与检验区")
    return vid, made


def compile_bytecode() -> None:
    """Compile the app and its packages once, as an installed app is (PYTHONDONTWRITEBYTECODE may be set)."""
    import compileall
    import sysconfig

    import xunzhen_app

    for folder in (Path(xunzhen_app.__file__).parent, Path(sysconfig.get_paths()["purelib"])):
        compileall.compile_dir(folder, quiet=2, workers=0)  # quiet=2: templates that are not Python stay silent


def timed(command: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, timeout=300, env=env)
    return time.perf_counter() - start


def process_vs_libreoffice(data_dir: Path, vid: str, docx: Path, out_dir: Path, pairs: int = 5,
                           warm_up: bool = True) -> None:
    report = [sys.executable, "-m", "xunzhen_app", "--data-dir", str(data_dir), "report", vid,
              "-o", str(out_dir / "process.pdf")]
    env = dict(os.environ, XUNZHEN_CACHE_DIR=str(out_dir / "cache"))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    convert = None
    if soffice is not None:
        # A private profile so a running LibreOffice does not interfere; the
        # warm-up run creates it, so every timed run finds it ready.
        profile = out_dir / "lo-profile"
        convert = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                   "--outdir", str(out_dir / "lo"), str(docx)]
        if warm_up:
            timed(convert)
    if warm_up:
        timed(report, env)  # page cache, font cache
    ours, theirs = [], []
    for _ in range(pairs):
        ours.append(timed(report, env))
        if convert is not None:
            theirs.append(timed(convert))
    mine = statistics.median(ours)
    print(f"`xunzhen report` whole process: median {mine:.2f} s of {pairs} ({min(ours):.2f}–{max(ours):.2f} s)")
    if convert is None:
        print("LibreOffice comparison skipped: LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
        return
    lo = statistics.median(theirs)
    print(f"LibreOffice .docx → PDF of the app's own Word report, warm profile: median {lo:.2f} s of {pairs} "
          f"({min(theirs):.2f}–{max(theirs):.2f} s) — the process takes {mine / lo:.2f}× LibreOffice's time "
          f"[target ≤ 0.5: {'ok' if mine <= lo / 2 else 'MISSED'}]")


def zip_of_reports(store, tmp: Path, count: int = 100) -> None:
    bulk_visits(store, count)
    ids = [v.id for v in visits.list_visits(store)][:count]
    start, cpu = time.perf_counter(), time.process_time()
    result = reports.export_pdf_zip(store, ids, tmp / "reports.zip")
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    size = (tmp / "reports.zip").stat().st_size / 1e6
    print(f"Zip of {len(result.written)} reports (bureau desk): {took:.1f} s ({cpu:.1f} s of CPU), {size:.1f} MB "
          f"[target < 30 s: {'ok' if took < 30 else 'MISSED'}]")


def bulk_visits(store, count: int) -> None:
    """1,000 complete visits (two per enterprise) inserted directly; the services would take minutes."""
    rng = random.Random(11)
    template = checklists.find_template(store.paths)
    codes = [i.code for i in template.items()]
    # The demo's wording, one text of each kind per item, drawn at random below.
    evidence = [demo_text.evidence(i, 3, template.scale) for i in template.items()]
    problems = [demo_text.finding(i, 2, template.scale, rng) for i in template.items()]
    suggestions = [demo_text.suggestion(code, ()) for code in codes]
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
                                                    evidence=rng.choice(evidence), problem=rng.choice(problems),
                                                    suggestion=rng.choice(suggestions)))
                for pos, p in enumerate(rng.sample(problems, 3)):
                    v.problems.append(VisitProblem(position=pos, text=p))
    with store.session() as s:
        # Finalize in one statement; the history tracking refuses child rows on a finalized visit.
        s.execute(update(Visit).values(status="已定稿"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--smoke", action="store_true", help="tiny sizes: only that the benchmark runs")
    args = ap.parse_args()
    n_photos, width, pairs, zipped, summed = (1, 400, 1, 2, 20) if args.smoke else (PHOTOS, 4000, 5, 100, 1000)
    if not args.smoke:
        compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="xunzhen-bench-") as tmp:
        tmp = Path(tmp)
        os.environ["XUNZHEN_CACHE_DIR"] = str(tmp / "cache")
        store = open_store(AppPaths(tmp / "report").ensure())
        vid, photos = full_visit(store, n_photos, width)
        start = time.perf_counter()
        first = reports.write_visit_pdf(store, vid, tmp / "report-cold.pdf")
        cold = time.perf_counter() - start
        warm, cpu = [], []
        for _ in range(3):
            start, started_cpu = time.perf_counter(), time.process_time()
            reports.render_visit_pdf_bytes(store, vid)
            warm.append(time.perf_counter() - start)
            cpu.append(time.process_time() - started_cpu)
        again = statistics.median(warm)
        print(f"PDF report, 24 items, {n_photos} photos ({sum(map(len, photos)) / 1e6:.1f} MB of originals): "
              f"{cold:.2f} s first in process, {again:.2f} s as the next export (median of 3; "
              f"{statistics.median(cpu):.2f} s of CPU) "
              f"[target < 0.3 s: {'ok' if again < 0.3 else 'MISSED'}]; {first.pages} pages, {first.size / 1e6:.2f} MB")
        start = time.perf_counter()
        docx = reports.write_visit_docx(store, vid, tmp / "report.docx").path
        print(f"Word report of the same visit: {time.perf_counter() - start:.2f} s in process")
        store.close()
        process_vs_libreoffice(tmp / "report", vid, docx, tmp, pairs, warm_up=not args.smoke)

        store = open_store(AppPaths(tmp / "zip").ensure())
        zip_of_reports(store, tmp, zipped)
        store.close()

        store = open_store(AppPaths(tmp / "summary").ensure())
        bulk_visits(store, summed)
        start = time.perf_counter()
        written = reports.write_workbook(store, reports.ExportSelection(), tmp / "summary.xlsx")
        took = time.perf_counter() - start
        print(f"Summary workbook over {summed:,} visits ({written.rows} enterprises): {took:.2f} s, "
              f"{written.size / 1e6:.2f} MB  [target < 5 s: {'ok' if took < 5 else 'MISSED'}]")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
