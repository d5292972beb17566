"""Guards the PySide6 pin: a release whose signal emit leaks references to True
kills the app mid-visit on Python 3.11 (PySide6 6.12.0 did)."""

import subprocess
import sys
import textwrap

PROBE = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        changed = Signal(object)

    e = Emitter()
    e.changed.connect(lambda value: None)
    before = sys.getrefcount(True)
    for i in range(5000):
        e.changed.emit(i)
    print(sys.getrefcount(True) - before)
""")


def test_emitting_signals_does_not_corrupt_python():
    # In a child process: the faulty release aborts the interpreter outright.
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-500:]
    assert abs(int(result.stdout.strip())) < 50
