"""Calibration of an expert team's ratings across the programme (issue 16).

Where more than one expert rated an item of a visit independently, each expert's rating is compared
with the others' mean on that item and with the item's agreed level: the consensus (合议) the 组长
recorded, or the level all ratings share (an item still 待合议 has none yet). Per expert, across every
visit this store holds: the mean signed deviation from the others and from the agreed level
(positive: rates higher), and how many items each rests on. An expert is **flagged** when the mean
deviation from the agreed level reaches ``THRESHOLD`` levels over at least ``MIN_ITEMS`` items —
consistently apart, not one disagreement — and the items behind it are listed. The deviation from the
others is shown but does not flag: where two experts rate an item it is the same figure with opposite
signs for both, so it cannot say which of them is apart; the team's consensus can. The items whose
ratings spread widest across the programme are candidates for clearer rubric text.

Why these figures (README, “Calibration”): on the 1–5 scale half a level moves a score across a
named band's boundary (3.4 规范级 → 3.9 先进级 rounds to another band at 3.5); one rating's deviation
from the others has a spread of about one level, so the mean of 16 has a standard error of about
0.25 and a mean of 0.5 is two standard errors away from an unbiased expert — with fewer items a
couple of disagreements alone would flag someone.

Experts are told apart by key fingerprint (a member's ``rater``; for the 组长's own rating, the
visit's author), so one person counts once however many 组长 added them; names come from this
store's key registry.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from statistics import fmean

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..db.models import KeyCard, MemberRating, RecordAuthor, Visit
from .checklists import stored_template
from .team_assignments import LEAD, own_fingerprint

THRESHOLD = 0.5  # levels: mean signed deviation that flags an expert
MIN_ITEMS = 16  # items a mean must rest on before it can flag anyone
SHOWN_ITEMS = 20  # rows of the 校准 list of widest spreads


@dataclass(frozen=True)
class RatingDeviation:
    """One of an expert's ratings against the others on the same item."""

    visit_id: str
    enterprise: str
    item_code: str
    level: int
    others_mean: float
    consensus: int | None  # the agreed level: the 合议, or what every rating gave; None while 待合议

    @property
    def from_others(self) -> float:
        return self.level - self.others_mean


@dataclass(frozen=True)
class ExpertCalibration:
    key: str  # key fingerprint (or expert id where none is known)
    name: str
    items: int  # rated alongside others
    mean_from_others: float | None
    consensus_items: int  # of those, with an agreed level
    mean_from_consensus: float | None
    flagged: bool
    behind: tuple[RatingDeviation, ...]  # the items the figures rest on, widest deviation first

    @property
    def direction(self) -> str:
        figure = self.mean_from_consensus
        return "" if not figure else "偏高" if figure > 0 else "偏低"


@dataclass(frozen=True)
class ItemSpread:
    template_id: str
    code: str
    text: str
    instances: int  # visits where more than one expert rated it
    mean_spread: float
    max_spread: int
    pending: int  # of those, still 待合议


@dataclass(frozen=True)
class Calibration:
    experts: tuple[ExpertCalibration, ...]  # flagged first, then by how far apart
    items: tuple[ItemSpread, ...]  # widest mean spread first
    threshold: float = THRESHOLD
    min_items: int = MIN_ITEMS


def _flagged(mean: float | None, n: int) -> bool:
    return mean is not None and n >= MIN_ITEMS and abs(mean) >= THRESHOLD


def calibration(store) -> Calibration:
    me = own_fingerprint(store)
    with store.session() as s:
        team_visits = select(MemberRating.visit_id).distinct()
        visits = list(s.scalars(select(Visit).where(Visit.id.in_(team_visits)).options(
            selectinload(Visit.enterprise), selectinload(Visit.assessments),
            selectinload(Visit.member_ratings).selectinload(MemberRating.expert),
            selectinload(Visit.team))))
        authors = {a.record_id: a.author for a in s.scalars(select(RecordAuthor).where(
            RecordAuthor.entity == "visit", RecordAuthor.record_id.in_([v.id for v in visits])))} if visits else {}
        names = {k.fingerprint: k.name for k in s.scalars(select(KeyCard))}
        ratings: dict[str, list[RatingDeviation]] = defaultdict(list)
        shown_name: dict[str, str] = {}
        spreads: dict[tuple[str, str], list[tuple[int, bool]]] = defaultdict(list)
        texts: dict[tuple[str, str], str] = {}
        for v in visits:
            template = stored_template(s, v.template_id, v.template_version)
            lead_key = authors.get(v.id, me)
            lead = next((m for m in v.team if m.role == LEAD), None)
            lead_name = names.get(lead_key) or (lead.expert.name if lead is not None else LEAD)
            by_item: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
            consensus: dict[str, int | None] = {}
            for a in v.assessments:
                consensus[a.item_code] = a.consensus_level
                if a.level is not None:
                    by_item[a.item_code].append((lead_key, lead_name, a.level))
            for m in v.member_ratings:
                if m.level is not None:
                    by_item[m.item_code].append((m.rater, names.get(m.rater) or m.expert.name, m.level))
            for code, given in by_item.items():
                if len(given) < 2:
                    continue
                levels = [lv for _k, _n, lv in given]
                agreed = consensus.get(code)
                pending = agreed is None and len(set(levels)) > 1
                if agreed is None and not pending:
                    agreed = levels[0]  # all alike: that is the item's level
                spreads[(v.template_id, code)].append((max(levels) - min(levels), pending))
                try:
                    texts[(v.template_id, code)] = template.item(code).text
                except KeyError:
                    texts[(v.template_id, code)] = ""
                for n, (key, name, level) in enumerate(given):
                    others = levels[:n] + levels[n + 1:]
                    shown_name.setdefault(key, name)
                    ratings[key].append(RatingDeviation(v.id, v.enterprise.name, code, level, fmean(others), agreed))
    experts = []
    for key, devs in ratings.items():
        with_consensus = [d for d in devs if d.consensus is not None]
        from_others = fmean(d.from_others for d in devs)
        from_consensus = fmean(d.level - d.consensus for d in with_consensus if d.consensus is not None) \
            if with_consensus else None
        flagged = _flagged(from_consensus, len(with_consensus))
        behind = tuple(sorted(devs, key=lambda d: (-abs(d.from_others), d.enterprise, d.item_code)))
        experts.append(ExpertCalibration(key, shown_name[key], len(devs), from_others, len(with_consensus),
                                         from_consensus, flagged, behind))
    experts.sort(key=lambda e: (not e.flagged, -abs(e.mean_from_consensus or 0), e.name))
    items = [ItemSpread(t, code, texts[(t, code)], len(found), fmean(sp for sp, _ in found), max(sp for sp, _ in found),
                      sum(p for _, p in found)) for (t, code), found in spreads.items()]
    items.sort(key=lambda i: (-i.mean_spread, -i.max_spread, i.code))
    return Calibration(tuple(experts), tuple(items[:SHOWN_ITEMS]))


def calibration_json(c: Calibration) -> dict:
    """What `xunzhen calibration --json` prints."""
    return {
        "threshold": c.threshold, "min_items": c.min_items,
        "experts": [{"expert": e.name, "key": e.key, "items": e.items, "mean_from_others": e.mean_from_others,
                     "consensus_items": e.consensus_items, "mean_from_consensus": e.mean_from_consensus,
                     "flagged": e.flagged, "direction": e.direction,
                     "behind": [{"visit": d.visit_id, "enterprise": d.enterprise, "item": d.item_code,
                                 "level": d.level, "others_mean": d.others_mean, "consensus": d.consensus}
                                for d in e.behind]} for e in c.experts],
        "items": [{"template": i.template_id, "code": i.code, "text": i.text, "instances": i.instances,
                   "mean_spread": i.mean_spread, "max_spread": i.max_spread, "pending": i.pending} for i in c.items],
    }
