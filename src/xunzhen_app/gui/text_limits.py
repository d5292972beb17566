"""Line edits stop at the length the services accept (core.validation.TEXT_LIMITS), so a user
meets the limit while typing rather than as a refusal when saving."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from ..core.validation import TEXT_LIMITS


def limit_lengths(edits: dict[str, QLineEdit]) -> None:
    """``edits`` maps a TEXT_LIMITS key ("enterprise.name") to the line edit that holds it."""
    for key, edit in edits.items():
        edit.setMaxLength(TEXT_LIMITS[key].max_len)
