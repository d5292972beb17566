"""Benchmark: import 1,000 single-visit packages, then re-import them (a no-op).

Targets (issues 5 and 10): import < 30 s, re-import < 10 s, on SQLite and on PostgreSQL, with the
ownership checks, validation and record attestations of exchange format 3 in place.

    uv run python benchmarks/import_packages.py [--count 1000 | --smoke] [--pg-url URL | --no-pg] [--no-reports]

Without --pg-url a private PostgreSQL server is started as in the tests
(tests/pg.py). Each package is a realistic visit: every checklist item rated
with evidence, problems, plan rows and a photo — made from one visit built
through the services, re-keyed with fresh UUIDs, attested and signed again,
carrying its 质量巡诊报告 PDF as exported packages do (``--no-reports``: without).
Exporting that visit with and without the PDF is timed too.
"""

from __future__ import annotations

import argparse
import compileall
import copy
import json
import os
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import event

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from xunzhen_app.db.store import open_store  # noqa: E402
from xunzhen_app.paths import AppPaths  # noqa: E402
from xunzhen_app.services import experts, visits  # noqa: E402
from xunzhen_app.services.exchange import signing  # noqa: E402
from xunzhen_app.services.exchange.export import export_package, seal_package  # noqa: E402
from xunzhen_app.services.exchange.format import ATTACHMENT_DIR, DATA, REPORT_DIR, sha256  # noqa: E402
from xunzhen_app.services.exchange.merge import import_package, verify_package  # noqa: E402
from xunzhen_app.services.exchange.ownership import own_attestation  # noqa: E402


def template_package(root: Path):
    from xunzhen_app.services import enterprises
    from xunzhen_app.services.checklists import find_template
    from xunzhen_app.services.dto import EnterpriseInput

    paths = AppPaths(root / "expert").ensure()
    store = open_store(paths)
    keys = signing.load_or_create_keys(paths, store)
    me = experts.save_profile(store, "基准专家", "基准单位")
    ent = enterprises.create_enterprise(store, EnterpriseInput(name="基准企业", city="太原市", cultivation_type="领军型"))
    v = visits.create_visit(store, visits.NewVisit(enterprise_id=ent.id, team=(me.id,)))
    for n, item in enumerate(find_template(paths).items()):
        visits.rate_item(store, v.id, item.code, level=1 + n % 5)
        visits.set_item_text(store, v.id, item.code, "evidence", f"证据材料 {item.code}：质量手册、记录抽查")
    for n in range(3):
        visits.add_problem(store, v.id, f"问题 {n}：质量目标未逐级分解")
        visits.add_plan_row(store, v.id, measure=f"措施 {n}", department="质量部", due="2025-12-31")
    export_package(store, keys, visit_refs=[v.id])  # warm-up: fonts and reportlab load once per process
    timings, pkgs = {}, {}
    for reports in (False, True):
        t = time.perf_counter()
        pkgs[reports] = export_package(store, keys, visit_refs=[v.id], reports=reports)
        timings[reports] = time.perf_counter() - t
    print(f"export of one visit: {timings[True] * 1000:.0f} ms with its report PDF, "
          f"{timings[False] * 1000:.0f} ms without")
    verified = verify_package("template", pkgs[True].data, keys)
    store.close()
    return keys, verified


def rekey(data: dict, n: int, pdf: bytes | None, keys) -> tuple[dict, dict[str, bytes]]:
    """A copy of one visit's data with fresh ids, its own enterprise and its own photo (and the report)."""
    d = copy.deepcopy(data)
    ids: dict[str, str] = {}

    def new(old: str) -> str:
        return ids.setdefault(old, str(uuid.uuid4()))

    for section in ("enterprises", "visits", "visit_experts", "assessments", "problems", "plan_items",
                    "attachments"):
        for row in d.get(section, []):
            row["id"] = new(row["id"])
    for section in ("visits", "visit_experts", "assessments", "problems", "plan_items", "attachments"):
        for row in d.get(section, []):
            for col in ("visit_id", "enterprise_id"):
                if col in row and row[col] in ids:
                    row[col] = ids[row[col]]
    d["enterprises"][0]["name"] = f"基准企业 {n:04d}"
    photo = f"photo {n}".encode() * 100
    for a in d["attachments"]:
        a["sha256"], a["size"] = sha256(photo), len(photo)
    d["attestations"] = [own_attestation(keys, d)]  # the expert vouches for its records, as an export does
    members = {ATTACHMENT_DIR + sha256(photo): photo}
    if pdf is not None:
        members[f"{REPORT_DIR}{d['visits'][0]['id']}.pdf"] = pdf
    return d, members


class Statements:
    """Counts the SQL statements the engine sends (an executemany counts once: one round trip)."""

    def __init__(self, engine):
        self.n = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *_args) -> None:
        self.n += 1


def server_cpu(server) -> float | None:
    """CPU seconds of the private PostgreSQL server: the postmaster, its live children, and the
    children it has reaped (each connection's backend ends in the postmaster's cutime/cstime)."""
    if server is None:
        return None
    try:
        pid = int((server.data / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    tick = os.sysconf("SC_CLK_TCK")

    def times(p: int, with_children: bool) -> int:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0
        # utime, stime, cutime, cstime are fields 14–17 of /proc/PID/stat (11–14 after the name).
        return sum(int(x) for x in fields[11:15 if with_children else 13])

    total = times(pid, True)
    for child in Path("/proc").iterdir():
        if child.name.isdigit():
            try:
                ppid = int(Path(child, "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            if ppid == pid:
                total += times(int(child.name), False)
    return total / tick


class Meter:
    """Wall time, this process's CPU, the server's CPU and the statements of one timed loop."""

    def __init__(self, statements: Statements, server):
        self.statements, self.server = statements, server

    def __enter__(self):
        self.t, self.c, self.n = time.perf_counter(), time.process_time(), self.statements.n
        self.sc = server_cpu(self.server)
        return self

    def __exit__(self, *exc):
        self.wall, self.cpu = time.perf_counter() - self.t, time.process_time() - self.c
        self.count = self.statements.n - self.n
        after = server_cpu(self.server)
        self.server_cpu = after - self.sc if after is not None and self.sc is not None else None


def run(label: str, url: str | None, files: list[Path], root: Path, sender_card, server=None) -> dict:
    paths = AppPaths(root / f"bureau-{label}").ensure()
    store = open_store(paths, url)
    keys = signing.load_or_create_keys(paths, store)
    with store.session() as s:
        signing.register_card(s, sender_card)
    statements = Statements(store.engine)
    with Meter(statements, server) as first:
        for f in files:
            rep = import_package(store, keys, f)
            assert rep.new and not rep.refused and not rep.conflicts, rep.summary()
    with Meter(statements, server) as again:
        for f in files:
            assert import_package(store, keys, f).already_imported
    store.close()
    return {"backend": label, "first": first, "again": again}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--pg-url")
    ap.add_argument("--no-pg", action="store_true")
    ap.add_argument("--no-reports", action="store_true", help="packages without the report PDF")
    ap.add_argument("--smoke", action="store_true", help="3 packages: only that it runs")
    args = ap.parse_args()
    if args.smoke:
        args.count = 3
    # As installed, the app runs from compiled bytecode; with PYTHONDONTWRITEBYTECODE set (some
    # sandboxes) every module would be compiled again inside the timed loops. Compile it first.
    compileall.compile_dir(str(ROOT / "src" / "xunzhen_app"), quiet=1)
    print(f"bytecode compiled (PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r} "
          "only stops writing it, not reading it)")
    root = Path(tempfile.mkdtemp(prefix="xunzhen-bench-"))
    try:
        return _bench(args, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _bench(args, root: Path) -> int:
    keys, verified = template_package(root)
    data = {k: [dict(r) for r in v] for k, v in verified.sections.items()}
    raw = json.loads(verified.raw.members[DATA])
    pdf = None if args.no_reports else next(b for n, b in verified.raw.members.items() if n.startswith(REPORT_DIR))
    t = time.perf_counter()
    files = []
    for n in range(args.count):
        d, members = rekey(raw, n, pdf, keys)
        _, blob = seal_package(keys, "data", d, members, None)
        f = root / "out" / f"p{n:04d}.xzp"
        f.parent.mkdir(exist_ok=True)
        f.write_bytes(blob)
        files.append(f)
    size = sum(f.stat().st_size for f in files) / len(files)
    print(f"{args.count} packages written in {time.perf_counter() - t:.1f} s, "
          f"{size / 1024:.0f} KiB each, {len(data['assessments'])} items rated per visit")
    results = [run("sqlite", None, files, root, keys.card())]
    server = None
    if not args.no_pg:
        url = args.pg_url
        if url is None:
            from pg import PgServer

            try:
                server = PgServer()
            except (RuntimeError, OSError) as exc:
                print(f"PostgreSQL skipped: no private server could be started ({exc}); give --pg-url")
            else:
                url = server.create_database()
        try:
            if url is not None:
                results.append(run("postgresql", url, files, root, keys.card(), server))
        finally:
            if server:
                server.stop()
    n = args.count
    for r in results:
        first, again = r["first"], r["again"]
        ok1 = "OK" if first.wall < 30 * n / 1000 else "OVER TARGET"
        ok2 = "OK" if again.wall < 10 * n / 1000 else "OVER TARGET"
        print(f"{r['backend']:<11} import {n}: {first.wall:6.1f} s (target < {30 * n / 1000:g} s, {ok1})   "
              f"re-import (no-op): {again.wall:5.1f} s (target < {10 * n / 1000:g} s, {ok2})")
        # CPU time and statements: on a shared machine the wall time also holds others' load.
        for what, m in (("import", first), ("re-import", again)):
            server = f", server CPU {m.server_cpu:.1f} s" if m.server_cpu is not None else ""
            print(f"{'':<11} {what}: this process's CPU {m.cpu:.1f} s{server}, "
                  f"{m.count} SQL statements ({m.count / n:.1f} a package)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
