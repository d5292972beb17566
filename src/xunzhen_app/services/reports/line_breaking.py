"""Where a line of Chinese text may break (禁则, after GB/T 15834 and common typesetting practice).

Chinese breaks between any two characters, except that

- a line never starts with closing punctuation (，。、；：？！）》」』”’ …);
- a line never ends with an opening mark (（《「『“‘ …);
- a number with its units stays whole: "2025年11月底", "3.1.1", "85%", "12个月";
- a Latin word or code stays whole ("ISO9001", "GB/T"), and so do "——" and "……".

reportlab's own CJK wrapping knows only part of the first rule (it lacks
，；：？！》”’) and none of the others, so ``CJKParagraph`` wraps with this.
"""

from __future__ import annotations

import re

NO_LINE_START = frozenset("，。、；：？！）》」』”’〉】〕］｝…—·%％‰,.;:!?)]}")
NO_LINE_END = frozenset("（《「『“‘〈【〔［｛([{")

_NUMBER = r"[0-9０-９]+(?:[.．:：/\-－~～][0-9０-９]+)*"
_UNIT = (r"(?:个月|万元|亿元|年|月|日|号|时|分|秒|%|％|‰|个|天|周|项|次|家|人|名|页|元|万|亿|倍|级|条|份|台|套|吨|件|"
         r"℃|kg|mm|cm|m|t)")
_KEEP_WHOLE = re.compile(
    rf"(?:{_NUMBER}{_UNIT}?)+(?:底|初|末|中旬|上旬|下旬)?"  # 2025年11月底, 3.1.1, 12个月
    r"|[A-Za-z][A-Za-z0-9_.@/+\-]*"                        # ISO9001, GB/T, e-mail
    r"|—+|…+"
)


def break_opportunities(text: str) -> list[bool]:
    """``allowed[i]`` is True when a line may end just before ``text[i]`` (``allowed[0]`` is False)."""
    n = len(text)
    allowed = [i > 0 for i in range(n)]
    for i in range(1, n):
        if text[i] in NO_LINE_START or text[i - 1] in NO_LINE_END:
            allowed[i] = False
    for match in _KEEP_WHOLE.finditer(text):
        for i in range(match.start() + 1, match.end()):
            allowed[i] = False
    return allowed
