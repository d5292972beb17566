"""Pack the PyInstaller one-folder build into the Linux tarball.

    uv run python packaging/linux/build_tarball.py [--dist dist/xunzhen] [--out dist]

writes OUT/xunzhen-<version>-linux-<machine>.tar.gz holding one folder,
xunzhen-<version>/, with the app folder (xunzhen/), xunzhen.desktop,
xunzhen.png (256 px) and install.sh. The version is the package's, as in the spec.
Standard library only, so it runs with any Python 3.11.
"""

from __future__ import annotations

import argparse
import platform
import re
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def package_version() -> str:
    # Read rather than imported: importing xunzhen_app would need its dependencies installed.
    text = (ROOT / "src" / "xunzhen_app" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.M).group(1)


def normalised(info: tarfile.TarInfo) -> tarfile.TarInfo:
    """Owned by root with plain permissions, so unpacking as any user gives that user's files."""
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    if not info.issym():
        info.mode = 0o755 if info.isdir() or info.mode & 0o111 else 0o644
    return info


def build(app: Path, out_dir: Path) -> Path:
    if not (app / "Xunzhen").is_file() or not (app / "xunzhen").is_file():
        raise SystemExit(f"{app} is not a one-folder build: run pyinstaller packaging/xunzhen.spec first")
    version = package_version()
    top = f"xunzhen-{version}"
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{top}-linux-{platform.machine()}.tar.gz"
    partial = target.with_name(target.name + ".part")
    with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
        tar.add(app, f"{top}/xunzhen", filter=normalised)
        tar.add(HERE / "xunzhen.desktop", f"{top}/xunzhen.desktop", filter=normalised)
        tar.add(ROOT / "resources" / "icons" / "xunzhen-256.png", f"{top}/xunzhen.png", filter=normalised)
        tar.add(HERE / "install.sh", f"{top}/install.sh", filter=normalised)
    partial.replace(target)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "xunzhen", help="the one-folder build")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="folder for the tarball")
    args = parser.parse_args()
    print(build(args.dist, args.out))


if __name__ == "__main__":
    main()
