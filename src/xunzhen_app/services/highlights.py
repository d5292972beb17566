"""An enterprise's 亮点 and improvement figures from a visit and its 前期 baseline: what the 成效总结
report's conclusion names and a 典型案例 is drafted from. One place, so the two say the same."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dto import VisitDetail


@dataclass(frozen=True)
class Highlight:
    code: str  # the item it was recorded on
    text: str


@dataclass(frozen=True)
class Improvement:
    """An item (or a goal, or the overall level: ``code`` "") rated higher than at the baseline."""

    code: str
    title: str
    before: float
    after: float

    def describe(self) -> str:
        return f"{self.title}由 {_n(self.before)} 级提升至 {_n(self.after)} 级"


def _n(level: float) -> str:
    return f"{level:.2f}".rstrip("0").rstrip(".")


def short_text(text: str, limit: int = 16) -> str:
    """An item's requirement up to its first pause, for a sentence that names many items."""
    head = re.split(r"[，。；：,;:（(]", text, maxsplit=1)[0].strip()
    return head if len(head) <= limit else head[:limit - 1] + "…"


def highlights(detail: VisitDetail) -> list[Highlight]:
    """The item 亮点 the experts recorded, in the checklist's order."""
    order = {item.code: n for n, item in enumerate(detail.template.items())}
    found = [Highlight(code, a.strength.strip()) for code, a in detail.assessments.items() if a.strength.strip()]
    return sorted(found, key=lambda h: order.get(h.code, len(order)))


def item_improvements(detail: VisitDetail) -> list[Improvement]:
    """Items rated higher now than at the 前期 baseline, the largest rise first."""
    base = detail.baseline
    if base is None:
        return []
    out = []
    for item in detail.template.items():
        now, first = detail.ratings.get(item.code), base.ratings.get(item.code)  # a team: its consensus
        if now is not None and now.level is not None and first is not None and first.level is not None \
                and now.level > first.level:
            out.append(Improvement(item.code, f"条目 {item.code}（{short_text(item.text)}）", first.level, now.level))
    return sorted(out, key=lambda i: i.before - i.after)


def goal_improvements(detail: VisitDetail) -> list[Improvement]:
    """培育目标 (and the overall level, code "") whose level rose from the 前期 baseline."""
    base = detail.baseline
    if base is None:
        return []
    pairs = [(g.code, g.title, b.score.level, g.score.level)
             for g, b in zip(detail.result.goals, base.result.goals, strict=False) if g.code == b.code]
    pairs.append(("", "总体成熟度", base.result.overall.level, detail.result.overall.level))
    return [Improvement(code, title, float(before), float(after)) for code, title, before, after in pairs
            if before is not None and after is not None and after > before]
