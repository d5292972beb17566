"""Which visits an export covers, and loading them in one session.

Loading many visits one ``get_visit`` call at a time costs a transaction
each; a summary over 1,000 visits loads them here in a few queries instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ...core.collation import region_key
from ...core.domain import VisitStatus
from ...core.errors import UserError
from ...db.models import Visit, VisitExpert
from .. import visits as visit_service
from ..dto import EnterpriseInfo, VisitDetail
from ..enterprises import EnterpriseFilter, list_enterprises


@dataclass(frozen=True)
class ExportSelection:
    """Visits named one by one, or every visit matching the filters (all of them when none is set)."""

    visit_refs: tuple[str, ...] = ()
    city: str = ""
    cultivation_type: str = ""
    stage: str = ""
    status: str = ""
    # The summary's 成熟度汇总 and 问题清单 take each enterprise's latest finalized visit; with this,
    # a later draft stands in (marked). Asking for 草稿 by status, or naming the visits one by one
    # (the 汇总台 exports the rows it shows), means the same.
    include_drafts: bool = False

    @property
    def summary_includes_drafts(self) -> bool:
        return self.include_drafts or self.status == VisitStatus.DRAFT or bool(self.visit_refs)

    @property
    def single_visit(self) -> bool:
        return len(self.visit_refs) == 1


def resolve_visit_ids(store, selection: ExportSelection) -> list[str]:
    if selection.visit_refs:
        with store.session() as s:
            return [visit_service.resolve_visit(s, ref).id for ref in selection.visit_refs]
    flt = visit_service.VisitFilter(city=selection.city, cultivation_type=selection.cultivation_type,
                                    stage=selection.stage, status=selection.status)
    return [row.id for row in visit_service.list_visits(store, flt)]


def load_details(store, visit_ids: list[str]) -> list[VisitDetail]:
    """Full details for many visits, in the order given."""
    if not visit_ids:
        return []
    found: dict[str, VisitDetail] = {}
    with store.session() as s:
        # SQLite allows a limited number of bound parameters; chunk the IN list.
        for start in range(0, len(visit_ids), 500):
            chunk = visit_ids[start:start + 500]
            q = (select(Visit).where(Visit.id.in_(chunk)).options(
                selectinload(Visit.enterprise), selectinload(Visit.team).selectinload(VisitExpert.expert),
                selectinload(Visit.assessments), selectinload(Visit.problems), selectinload(Visit.plan),
                selectinload(Visit.attachments)))
            for v in s.scalars(q):
                found[v.id] = visit_service._detail(s, v)
    missing = [vid for vid in visit_ids if vid not in found]
    if missing:
        raise UserError(f"没有编号为“{missing[0]}”的巡诊")
    return [found[vid] for vid in visit_ids]


def enterprises_for(store, selection: ExportSelection, details: list[VisitDetail]) -> list[EnterpriseInfo]:
    """The 附件2 list: the enterprises the filters name (visited or not), or those of the named visits."""
    if selection.visit_refs:
        seen: dict[str, EnterpriseInfo] = {}
        for d in details:
            seen.setdefault(d.enterprise.id, d.enterprise)
        return sorted(seen.values(), key=lambda e: region_key(e.city, e.name))
    if selection.stage or selection.status:
        visited = {d.enterprise.id for d in details}
    else:
        visited = None
    rows = list_enterprises(store, EnterpriseFilter(city=selection.city, cultivation_type=selection.cultivation_type))
    return [e for e in rows if visited is None or e.id in visited]


__all__ = ["ExportSelection", "resolve_visit_ids", "load_details", "enterprises_for"]
