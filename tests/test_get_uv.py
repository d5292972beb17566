"""tools/get-uv.sh: finds uv, or installs it into a private venv — also where pip is refused (PEP 668)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parents[1] / "tools" / "get-uv.sh"

# A stand-in for Debian's python3: `pip install` into the system is refused (externally managed);
# `-m venv DIR` works only once python3-venv is "installed" (a marker the fake apt-get leaves);
# the venv's own pip "installs" uv by writing a uv command.
FAKE_PYTHON = """#!/bin/bash
if [ "$1 $2" = "-m pip" ]; then echo "error: externally-managed-environment" >&2; exit 1; fi
if [ "$1 $2" = "-m venv" ]; then
  if [ -n "$NEEDS_VENV_PACKAGE" ] && [ ! -e "$FAKE_ROOT/python3-venv" ]; then
    mkdir -p "$3"; echo "ensurepip is not available" >&2; exit 1
  fi
  mkdir -p "$3/bin"
  printf '#!/bin/bash\\n[ "$1 $2 $3" = "-m pip install" ] && printf "#!/bin/sh\\\\necho uv 9.9\\\\n" > "%s/bin/uv" && chmod +x "%s/bin/uv"\\n' "$3" "$3" > "$3/bin/python"
  chmod +x "$3/bin/python"
  exit 0
fi
exit 2
"""
FAKE_APT = """#!/bin/bash
echo "apt-get $*" >> "$FAKE_ROOT/apt.log"
[ "$1" = install ] && touch "$FAKE_ROOT/python3-venv"
exit 0
"""


@pytest.fixture
def machine(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, text in (("python3", FAKE_PYTHON), ("apt-get", FAKE_APT), ("id", "#!/bin/sh\necho 0\n")):
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(0o755)
    for tool in ("bash", "dirname", "mkdir", "rm", "chmod", "touch", "cat", "sh", "printf"):
        target = next(Path(d) / tool for d in ("/usr/bin", "/bin") if (Path(d) / tool).exists())
        (bin_dir / tool).symlink_to(target)
    home = tmp_path / "home"
    home.mkdir()
    return tmp_path, {"PATH": str(bin_dir), "HOME": str(home), "FAKE_ROOT": str(tmp_path)}


def get_uv(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=30)


def test_installs_uv_into_a_private_venv_where_pip_is_refused(machine):
    root, env = machine
    result = get_uv(env)
    assert result.returncode == 0, result.stderr
    folder = Path(result.stdout.strip())
    assert folder == Path(env["HOME"]) / ".local/share/xunzhen-uv/bin"
    assert subprocess.run([str(folder / "uv")], capture_output=True, text=True).stdout.strip() == "uv 9.9"
    assert not (root / "apt.log").exists()
    again = get_uv(env)  # the second run finds it and installs nothing
    assert again.returncode == 0 and again.stdout.strip() == str(folder) and not again.stderr


def test_installs_python3_venv_first_where_it_is_missing(machine):
    root, env = machine
    result = get_uv({**env, "NEEDS_VENV_PACKAGE": "1"})
    assert result.returncode == 0, result.stderr
    assert (root / "apt.log").read_text().splitlines() == ["apt-get update -qq", "apt-get install -y -qq python3-venv"]
    assert (Path(result.stdout.strip()) / "uv").exists()


def test_an_installed_uv_is_used_as_it_is(machine):
    root, env = machine
    own = root / "own-uv"
    own.mkdir()
    (own / "uv").write_text("#!/bin/sh\n")
    (own / "uv").chmod(0o755)
    result = get_uv({**env, "PATH": f"{own}{os.pathsep}{env['PATH']}"})
    assert result.returncode == 0 and result.stdout.strip() == str(own)
    assert not (Path(env["HOME"]) / ".local/share/xunzhen-uv").exists()
