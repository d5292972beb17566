"""JSON from outside (a package, a key card), bounded in size and depth before it is parsed.

``json.loads`` recurses once per nesting level: ten thousand ``[`` are a
RecursionError (a traceback, not a message), and a few hundred megabytes of
text are parsed before anything could refuse them. So the size is checked
first, then the nesting depth is measured on the bytes with strings removed,
and only then is the text parsed.
"""

from __future__ import annotations

import json
import re

# A JSON string, with escapes: its content may hold brackets that do not nest anything.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")


class JsonRefused(ValueError):
    """Why a JSON text was not parsed, in Chinese; the caller adds which file it was."""


def nesting_depth_exceeds(raw: bytes, max_depth: int) -> bool:
    """True when the brackets of ``raw`` nest deeper than ``max_depth`` (or do not pair up).

    Each pass removes the innermost ``[]`` pairs and then the innermost ``{}`` pairs with
    ``bytes.replace`` (C speed, also on hundreds of megabytes), which is one or two levels:
    so depth ≤ ``max_depth`` always passes, depth > 2 × ``max_depth`` is always refused, and
    either is far below the depth at which ``json.loads`` would run out of stack.
    """
    brackets = _STRING.sub(b"", raw).translate(None, _NOT_BRACKET)
    for _ in range(max_depth):
        if not brackets:
            return False
        brackets = brackets.replace(b"[]", b"").replace(b"{}", b"")
    return bool(brackets)


def load_bounded(raw: bytes, *, max_bytes: int, max_depth: int):
    """Parse ``raw`` as UTF-8 JSON if it is at most ``max_bytes`` long and ``max_depth`` deep."""
    if len(raw) > max_bytes:
        raise JsonRefused(f"超过大小上限（{len(raw):,} 字节，上限 {max_bytes:,}）")
    if nesting_depth_exceeds(raw, max_depth):
        raise JsonRefused(f"嵌套层数超过上限 {max_depth}（或括号不配对）")
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise JsonRefused(f"不是 UTF-8 文本（{exc.reason}）") from None
    except ValueError as exc:  # JSONDecodeError, and integers over Python's digit limit
        raise JsonRefused(f"不是有效的 JSON（{exc}）") from None
