"""Running the built app as a user would, for the wheel and frozen-app tests."""

import subprocess


def sh(*args, **kw) -> str:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, **kw)
    assert result.returncode == 0, f"{args}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout
