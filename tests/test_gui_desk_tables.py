"""The desk's tables read without a legend: goal names in the score headers, 专家组 and 否决 columns,
packages counted in visits and enterprises, senders named as the key registry knows them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from xunzhen_app.db.models import ImportLog, KeyCard
from xunzhen_app.gui.bureau_models import ImportLogModel, OverviewModel
from xunzhen_app.services import bureau, visits


def _headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_overview_headers_name_the_goals_and_show_experts_and_vetoes(qtbot, demo_store):
    hedong = next(r for r in visits.list_visits(demo_store) if r.enterprise == "河东盐湖化工有限公司")
    model = OverviewModel()
    model.set_rows(bureau.overview(demo_store))
    headers = _headers(model)
    assert headers[-6:] == ["体系成熟", "技术先进", "风险管控", "能力卓越", "质量人才", "示范带动"]
    assert "专家组" in headers and "否决" in headers and not any(h.startswith("目标") for h in headers)
    row = next(n for n in range(model.rowCount()) if model.row_at(n).visit_id == hedong.id)
    veto = model.index(row, headers.index("否决")).data()
    assert veto.startswith("未通过 ") and "3.1.1" in veto
    assert "王建平" in model.index(row, headers.index("专家组")).data()
    assert model.headerData(len(headers) - 6, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "1 质量体系成熟"


def test_import_history_counts_visits_and_names_the_registered_sender(qtbot, store):
    with store.session() as s:
        s.add(KeyCard(fingerprint="ab" * 32, name="太原市市场监督管理局", signing_key="k", encryption_key="k"))
        s.add(ImportLog(package_id="p1", kind="sync", sender="ab" * 32, sender_name="zhangsan", file_sha256="0" * 64,
                        report={"new": [{"entity": "visit"}] + [{"entity": "assessment"}] * 110,
                                "updated": [{"entity": "enterprise"}], "visit_ids": ["v1"]}))
    model = ImportLogModel()
    model.set_rows(bureau.import_history(store))
    headers = _headers(model)
    values = dict(zip(headers, (model.index(0, c).data() for c in range(len(headers)))))
    assert values["发送者"] == "太原市市场监督管理局"
    assert (values["巡诊（次）"], values["其中新增"], values["企业（家）"]) == ("1", "1", "1")
