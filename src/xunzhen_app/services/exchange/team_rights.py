"""What a team member's package may bring into a visit (issue 16).

A member's own ratings (``member_rating`` rows) are the member's records, not the visit's parts: the
member's installation authors and signs them, so two members never write the same row and their
packages merge without conflicts, in any order. Such a row is taken only

- signed by the member it names (``rater``), who is on the visit's team as held here,
- for an item the 组长 assigned that member (a whole goal or the item itself),
- while the visit is open: the 组长's 定稿 closes members' edits, and a member's package arriving after
  it with a new or changed rating is refused whole (``MEMBERS_CLOSED``), so nothing of it lands half.

Anything else is refused row by row, with the reason in the import report.
"""

from __future__ import annotations

from sqlalchemy import select

from ...db.models import VisitExpert
from ..checklists import stored_template
from ..team_assignments import assigned_items

MEMBERS_CLOSED = "组长已定稿该巡诊，不再接收成员的评定（如需补充，请组长说明原因重新打开巡诊后再导入）"


def member_rating_problem(session, row: dict, writer: str, template_key: tuple[str, str] | None) -> str:
    """Why this member rating cannot be taken here, or ""."""
    if row["rater"] != writer:
        return "评定人与签发该评定的安装不符"
    member = session.scalar(select(VisitExpert).where(VisitExpert.visit_id == row["visit_id"],
                                                      VisitExpert.fingerprint == writer))
    if member is None:
        return "评定人不在该巡诊的专家组中"
    if template_key is None:
        return "巡诊的检查表不存在"
    if row["item_code"] not in assigned_items(stored_template(session, *template_key), member):
        return f"条目 {row['item_code']} 未分配给该成员"
    return ""
