"""Importing a 100,000-row 附件2 list with `xunzhen enterprise import` (target < 30 s, < 500 MB RSS).

Writes the list with openpyxl's write-only mode (not timed), then runs the real command in a
child process on a new store and prints its wall time and the child's peak resident memory.
The sources are compiled first so the time is the import's, not the bytecode compiler's; the
child's CPU time is printed too, since wall time on a shared machine measures the neighbours.

    uv run python benchmarks/import_xlsx.py [--rows N | --smoke]
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import xunzhen_app
from xunzhen_app.core.regions import cities
from xunzhen_app.core.uscc import check_character


def fictional_uscc(n: int) -> str:
    body = f"91140100{n:09d}"
    return body + check_character(body)


def write_list(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("附件2")
    ws.append(["质量强省领军企业重点培育名单"])
    ws.append(["序号", "企业名称", "所属地市", "培育类型", "备注", "统一社会信用代码"])
    names = cities()
    for n in range(rows):
        ws.append([n + 1, f"基准测试企业{n + 1:06d}有限公司", names[n % len(names)],
                   "领军型" if n % 5 == 0 else "重点培育型", "第一批" if n % 3 else "", fictional_uscc(n)])
    wb.save(path)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--smoke", action="store_true", help="20 rows: only that it runs")
    args = ap.parse_args()
    if args.smoke:
        args.rows = 20
    compileall.compile_dir(str(Path(xunzhen_app.__file__).parent), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        book, data = Path(tmp) / "名单.xlsx", Path(tmp) / "data"
        write_list(book, args.rows)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "xunzhen_app", "--data-dir", str(data),
                               "enterprise", "import", str(book)], env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak_mb, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
        if done.returncode != 0:
            print(done.stdout, done.stderr, file=sys.stderr)
            return 1
        print(done.stdout.strip().splitlines()[-1])
        print(f"{args.rows} rows ({book.stat().st_size / 2**20:.1f} MB xlsx): {seconds:.1f} s "
              f"({cpu:.1f} s CPU; wall time is only meaningful on a quiet machine), peak RSS {peak_mb:.0f} MB (targets: < 30 s, < 500 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
