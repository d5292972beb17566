"""统一社会信用代码 (GB 32100-2015) validation, including its check character."""

from __future__ import annotations

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_VALUE = {ch: i for i, ch in enumerate(CHARSET)}


def check_character(first17: str) -> str:
    total = sum(_VALUE[ch] * w for ch, w in zip(first17, WEIGHTS))
    return CHARSET[(31 - total % 31) % 31]


def uscc_problem(code: str) -> str | None:
    """None when the code is valid, else a Chinese sentence saying what is wrong."""
    code = code.strip()
    if len(code) != 18:
        return f"统一社会信用代码应为 18 位，实际为 {len(code)} 位"
    for pos, ch in enumerate(code, 1):
        if ch not in _VALUE:
            hint = "（字母须大写，且不使用 I、O、Z、S、V）" if ch.isalpha() else ""
            return f"统一社会信用代码第 {pos} 位“{ch}”不是允许的字符{hint}"
    if not code[2:8].isdigit():
        return "统一社会信用代码第 3–8 位应为行政区划代码（6 位数字）"
    expected = check_character(code[:17])
    if code[17] != expected:
        return f"统一社会信用代码校验位错误：第 18 位应为“{expected}”，实际为“{code[17]}”"
    return None


def normalize_uscc(code: str) -> str:
    return code.strip().upper()
