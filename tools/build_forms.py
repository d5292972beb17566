"""Compile Qt Designer forms: ui/NAME.ui → src/xunzhen_app/gui/forms/ui_NAME.py.

The .ui files are the sources; the generated modules are committed (the app
needs neither .ui files nor QtUiTools at run time) and never edited by hand.
`--check` fails when a generated module is missing or differs from what its
.ui compiles to now — the test suite runs it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "ui"
OUT_DIR = ROOT / "src" / "xunzhen_app" / "gui" / "forms"
HEADER = "# Generated from ui/{name} by tools/build_forms.py — do not edit; edit the .ui and rebuild.\n"


def _uic() -> str:
    exe = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-uic")
    if exe is None:
        raise SystemExit("pyside6-uic not found; run through `uv run`")
    return exe


def compile_form(ui_file: Path) -> str:
    out = subprocess.run([_uic(), "--no-autoconnection", str(ui_file)], check=True, capture_output=True, text=True)
    return HEADER.format(name=ui_file.name) + out.stdout


def target(ui_file: Path) -> Path:
    return OUT_DIR / f"ui_{ui_file.stem}.py"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only check that generated forms are up to date")
    args = parser.parse_args(argv)
    stale = []
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "__init__.py").touch()
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        code, dest = compile_form(ui_file), target(ui_file)
        if dest.exists() and dest.read_text(encoding="utf-8") == code:
            continue
        if args.check:
            stale.append(f"{dest.relative_to(ROOT)} is out of date with ui/{ui_file.name}")
        else:
            dest.write_text(code, encoding="utf-8")
            print(f"wrote {dest.relative_to(ROOT)}")
    orphans = [p for p in OUT_DIR.glob("ui_*.py") if not (UI_DIR / f"{p.stem[3:]}.ui").exists()]
    stale += [f"{p.relative_to(ROOT)} has no ui/{p.stem[3:]}.ui" for p in orphans]
    for line in stale:
        print(line, file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
