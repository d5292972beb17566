"""Sending and receiving a city's 附件2 list (质量强省领军企业重点培育名单) to the province, due 5月21日: the list is
written in the province's form (services.reports.xlsx_summary.annex2) and the sending recorded, which
is what the programme desk judges the deadline by."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from ..core.errors import UserError
from ..core.validation import check_city, check_date
from ..db.models import ListSubmission
from .enterprises import EnterpriseFilter, list_enterprises
from .reports.atomic import write_atomically
from .reports.xlsx_summary import annex2


@dataclass(frozen=True)
class SentList:
    path: Path
    rows: int
    sent_on: date


def send_list(store, city: str, path: Path, sent_on=None) -> SentList:
    city = check_city(city)
    on = check_date(sent_on, field="报送日期") if sent_on is not None else date.today()
    firms = list_enterprises(store, EnterpriseFilter(city=city))
    if not firms:
        raise UserError(f"培育库中没有{city}的企业，未导出名单")
    wb = Workbook()
    annex2(wb.active, firms)
    final = write_atomically(Path(path), wb.save)
    with store.session() as s:
        s.add(ListSubmission(city=city, sent_on=on, file_name=final.name[-255:], enterprises=len(firms)))
    return SentList(final, len(firms), on)


def record_received(store, per_city: dict[str, int], received_on, file_name: str) -> list[str]:
    """The province's side: a 附件2 list it imported counts as each of its cities' list, sent on
    ``received_on`` (the date it arrived, which the 5月21日 deadline judges). Returns the cities."""
    on = check_date(received_on, field="收到日期")
    with store.session() as s:
        for city, count in per_city.items():
            s.add(ListSubmission(city=city, sent_on=on, file_name=file_name[-255:], enterprises=count))
    return list(per_city)
