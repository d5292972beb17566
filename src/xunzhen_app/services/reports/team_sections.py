"""What a report says about an expert team (issue 16): who assessed which goals, the consensus
record (合议记录) of the items rated more than once, and the 专家组意见 signed by every member.

Shared by the PDF and the Word report through report_content's document model; a visit without a
team (no member has a key fingerprint) gets none of it, so its report reads as before.
"""

from __future__ import annotations

from ..dto import VisitDetail
from ..team import consensus_items, is_team_visit
from ..team_assignments import LEAD, describe_assignment
from .document import Para, Table, cell, runs


def assignment_table(d: VisitDetail) -> Table | None:
    """专家组分工: each member, their unit and what they assessed (the goals by title)."""
    if not is_team_visit(d):
        return None
    titles = {g.code: g.title for g in d.template.goals}
    rows = [tuple(cell(h, center=True, head=True) for h in ("专家", "单位", "角色", "负责评价"))]
    for m in d.team:
        if m.role == LEAD and not m.goals and not m.items:
            duty = "组织评价，负责其余条目并记录合议"
        else:
            goals = tuple(f"{g} {titles.get(g, '')}".strip() for g in m.goals)
            duty = describe_assignment(goals, m.items)
        rows.append((cell(m.name), cell(m.organisation), cell(m.role, center=True), cell(duty)))
    return Table(tuple(rows), (26, 44, 16, 0))


def consensus_table(d: VisitDetail) -> Table | None:
    """合议记录: every item more than one expert rated — each rating, the consensus and its note."""
    items = consensus_items(d)
    if not items:
        return None
    rows = [tuple(cell(h, center=True, head=True) for h in ("条目", "各专家独立评定", "合议等级", "合议说明"))]
    for a in items:
        given = "；".join(f"{r.expert} {r.value}" for r in a.all_ratings)
        if a.consensus is not None:
            level, note = f"{a.consensus.level} {d.template.scale.name(a.consensus.level)}", a.consensus.note
        elif a.consensus_needed:
            level, note = "待合议", "评定不一致，暂按平均值计分"
        else:
            level, note = "评定一致", ""
        rows.append((cell(a.item_code, center=True), cell(given), cell(level, center=True), cell(note)))
    return Table(tuple(rows), (16, 0, 30, 50))


def opinion_signatures(d: VisitDetail) -> list[Para]:
    """Under the 专家组意见 of a team visit: every member signs, not the 组长 alone."""
    if not is_team_visit(d):
        return []
    return [Para(runs("专家组成员签字："), "right")] + [Para(runs(f"{m.name}（{m.role}）__________"), "right")
                                                     for m in d.team]
