"""An imported package in the units a bureau counts — visits and enterprises — rather than records
(“新增 111 条” counts every rating and photo of every visit as one)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class PackageCounts:
    visits: int  # visits the package brought or changed
    new_visits: int
    enterprises: int  # enterprises added or changed
    new_enterprises: int

    def describe(self) -> str:
        if not (self.visits or self.enterprises):
            return "没有新的巡诊或企业"
        parts = []
        if self.visits:
            parts.append(f"巡诊 {self.visits} 次" + (f"（其中新增 {self.new_visits} 次）" if self.new_visits else ""))
        if self.enterprises:
            parts.append(f"企业 {self.enterprises} 家" + (f"（其中新增 {self.new_enterprises} 家）" if self.new_enterprises else ""))
        return "、".join(parts)


def _entity(ref) -> str:
    return ref.get("entity", "") if isinstance(ref, dict) else ref.entity


def package_counts(new: Iterable, updated: Iterable, visit_ids: Iterable[str]) -> PackageCounts:
    """From an import report's new and updated records (RecordRef or their JSON form) and the visits it touched."""
    new, updated = list(new), list(updated)
    new_visits = sum(_entity(r) == "visit" for r in new)
    new_enterprises = sum(_entity(r) == "enterprise" for r in new)
    return PackageCounts(len(set(visit_ids)), new_visits, new_enterprises + sum(_entity(r) == "enterprise" for r in updated),
                         new_enterprises)


def total(counts: Iterable[PackageCounts]) -> PackageCounts:
    counts = list(counts)
    return PackageCounts(*(sum(getattr(c, f) for c in counts) for f in ("visits", "new_visits", "enterprises",
                                                                        "new_enterprises")))
