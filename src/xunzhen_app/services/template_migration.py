"""Moving a draft visit to a newer version of its checklist template (2025.1 → 2026.1).

Items are mapped by code and text: an item whose text (and check) is unchanged keeps
its rating, check and notes, under its new code if it was renumbered; an item whose
code stayed but whose wording changed keeps the notes but loses its rating, and is
listed for re-rating with the items that are new. Items the new version dropped lose
their rating; problems and attachments that pointed at them keep their text but no
longer name an item. When the scale itself changed, every rated item is re-rated.
A visit that is not moved simply stays on its version.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.checklist import Item, Template
from ..core.domain import VisitStatus
from ..core.errors import UserError
from ..db.models import Attachment, VisitProblem
from . import checklists
from .dto import VisitRow
from .visits import VisitFilter, list_visits, resolve_visit


@dataclass(frozen=True)
class MigrationPlan:
    visit_id: str
    source: tuple[str, str]  # (template id, version) the visit is on
    target: tuple[str, str]
    kept: tuple[tuple[str, str], ...]  # (old code, new code): rating and notes carried over
    rerate: tuple[str, ...]  # new codes to rate again: wording changed, or new in this version
    dropped: tuple[str, ...]  # old codes the new version no longer has
    scale_changed: bool

    def summary(self) -> str:
        moved = sum(1 for old, new in self.kept if old != new)
        text = (f"{len(self.kept)} 项沿用原评分和记录" + (f"（其中 {moved} 项编号改变）" if moved else "")
                + f"，{len(self.rerate)} 项需重新评定，{len(self.dropped)} 项在新版本中已删除")
        return text + ("；新版本的量表不同，原有等级全部需重新评定" if self.scale_changed else "")


def _same(a: Item, b: Item) -> bool:
    return a.text == b.text and a.check == b.check


def _scale_key(t: Template) -> tuple:
    return tuple((lv.level, lv.name) for lv in t.scale.levels)


def plan_mapping(old: Template, new: Template) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """(kept (old, new) code pairs, new codes to re-rate, old codes dropped)."""
    old_items = {i.code: i for i in old.items()}
    new_codes = [i.code for i in new.items()]
    matched: dict[str, str] = {}  # new code → old code
    for item in new.items():  # the same code with the same wording
        before = old_items.get(item.code)
        if before is not None and _same(before, item):
            matched[item.code] = before.code
    for item in new.items():  # the same wording under another code: renumbered
        if item.code not in matched:
            used = set(matched.values())
            match = next((o for o in old.items() if o.code not in used and _same(o, item)), None)
            if match is not None:
                matched[item.code] = match.code
    kept = [(matched[c], c) for c in new_codes if c in matched]
    rerate = [c for c in new_codes if c not in matched]
    dropped = [c for c in old_items if c not in matched.values() and c not in new_codes]
    return kept, rerate, dropped


def plan(store, visit_ref: str, version: str) -> MigrationPlan:
    with store.session() as s:
        v = resolve_visit(s, visit_ref)
        old = checklists.stored_template(s, v.template_id, v.template_version)
        visit_id = v.id
        members = [m.expert.name for m in v.team if m.fingerprint]
        if members or v.member_ratings:
            # The members rate on their own laptops against this version; moving the visit here would
            # leave their ratings and assignments naming items of a checklist the visit no longer uses.
            raise UserError(f"该巡诊有专家组成员（{'、'.join(members) or '已有成员评定'}）在各自电脑上按检查表版本 "
                            f"{v.template_version} 评定，不能更换版本；请先在“专家组”中移除成员，或在下一次巡诊使用新版本")
    new = checklists.find_usable(store, old.id, version)
    if new.version == old.version:
        raise UserError(f"该巡诊已在使用检查表 {old.id} 版本 {old.version}")
    kept, rerate, dropped = plan_mapping(old, new)
    return MigrationPlan(visit_id, old.key, new.key, tuple(kept), tuple(rerate), tuple(dropped),
                         _scale_key(old) != _scale_key(new))


def migrate(store, visit_ref: str, version: str) -> MigrationPlan:
    """Move a draft visit to ``version`` of its template, as ``plan`` describes; one transaction."""
    p = plan(store, visit_ref, version)
    new = checklists.find_usable(store, p.target[0], p.target[1])
    with store.session() as s:
        v = resolve_visit(s, p.visit_id)
        if v.status != VisitStatus.DRAFT:
            raise UserError("只有草稿状态的巡诊可以更换检查表版本；已定稿的巡诊请先“重新打开”")
        if (v.template_id, v.template_version) != p.source:
            raise UserError("该巡诊的检查表版本刚被修改过，请重新查看")
        checklists.snapshot(s, new)
        renamed = {old: code for old, code in p.kept}
        rerate = set(p.rerate)
        moving = []
        for a in list(v.assessments):
            if a.item_code in renamed:
                if p.scale_changed:
                    a.level, a.not_applicable, a.check_passed = None, False, None
                if renamed[a.item_code] != a.item_code:
                    moving.append(a)
            elif a.item_code in rerate:
                a.level, a.not_applicable, a.check_passed = None, False, None  # the notes stay, the rating goes
            else:
                v.assessments.remove(a)
        # Two steps, so swapping two codes never meets the one-row-per-item constraint.
        for a in moving:
            a.item_code = "~" + renamed[a.item_code]
        s.flush()
        for a in moving:
            a.item_code = a.item_code[1:]
        known = {i.code for i in new.items()}
        linked: list[VisitProblem | Attachment] = [*v.problems, *v.attachments]
        for row in linked:
            if row.item_code in renamed:
                row.item_code = renamed[row.item_code]
            elif row.item_code is not None and row.item_code not in known:
                row.item_code = None
        v.template_version = new.version
    return p



def drafts_on(store, template_id: str, version: str) -> list[VisitRow]:
    """The visits that could be moved off a version: its drafts."""
    return [v for v in list_visits(store, VisitFilter(status=VisitStatus.DRAFT.value))
            if (v.template_id, v.template_version) == (template_id, version)]


def newer_versions(store, template_id: str, version: str) -> list[str]:
    """Usable versions of the same template a visit could move to, newest first."""
    return [t.version for t in reversed(checklists.usable_templates(store))
            if t.id == template_id and t.version != version]
