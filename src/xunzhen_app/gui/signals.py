"""``emit(signal, *args)``: emit a Qt signal without corrupting Python's ``True``.

PySide6 6.12.0 returns ``True`` from ``SignalInstance.emit()`` without taking
a reference for the caller, so every emit from Python code lowers the
reference count of ``True`` by one. On Python 3.11 (where bools are not yet
immortal) a long session — a few thousand edits — ends in
``Fatal Python error: bool_dealloc``. This helper gives the reference back.
If a later PySide6 fixes the bug the extra reference on ``True`` is harmless
(it is a singleton that is never freed), so no version check is needed.
"""

from __future__ import annotations

import ctypes

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


def emit(signal, *args) -> None:
    result = signal.emit(*args)
    if isinstance(result, bool):
        _incref(result)
