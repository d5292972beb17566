import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_generated_forms_match_their_ui_sources():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "build_forms.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
