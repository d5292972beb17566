"""A value typed while resolving a conflict goes through the same validators as every other value:
an invalid one is refused with a Chinese message naming it, and nothing changes."""

from __future__ import annotations

import pytest
from exchange_helpers import db_fingerprint, seed_visit

from xunzhen_app.core.errors import UserError
from xunzhen_app.services import visits
from xunzhen_app.services.exchange import conflicts
from xunzhen_app.services.exchange.export import export_package
from xunzhen_app.services.exchange.merge import import_package


@pytest.fixture
def both_edited(expert, bureau, tmp_path):
    """The bureau and the expert both changed the visit's summary and the rating of 1.1.1."""
    vid = seed_visit(expert)
    bureau.trust(expert)
    import_package(bureau.store, bureau.keys, export_package(expert.store, expert.keys, visit_refs=[vid])
                   .write(tmp_path / "p1.xzp"))
    visits.set_visit_field(bureau.store, vid, "summary", "市局意见")
    visits.rate_item(bureau.store, vid, "1.1.1", level=2)
    visits.set_visit_field(expert.store, vid, "summary", "专家意见")
    visits.rate_item(expert.store, vid, "1.1.1", level=4)
    rep = import_package(bureau.store, bureau.keys, export_package(expert.store, expert.keys, visit_refs=[vid])
                         .write(tmp_path / "p2.xzp"))
    assert sorted(r.entity for r in rep.conflicts) == ["assessment", "visit"]
    return vid, {c.entity: c for c in conflicts.list_conflicts(bureau.store)}


@pytest.mark.parametrize(("entity", "field", "value", "message"), [
    ("visit", "summary", "意见\x07含响铃", "控制字符 U+0007"),
    ("visit", "summary", "长" * 20_001, "过长"),
    ("visit", "stage", "随便巡诊", "阶段"),
    ("assessment", "level", 9, "等级"),
    ("assessment", "evidence", "证据\u202e反转", "控制字符 U+202E"),
])
def test_an_invalid_edited_value_is_refused_and_nothing_changes(both_edited, bureau, entity, field, value, message):
    vid, open_conflicts = both_edited
    before = db_fingerprint(bureau.store)
    c = open_conflicts[entity]
    with pytest.raises(UserError) as exc:
        conflicts.resolve_conflict(bureau.store, c.id, {field: ("value", value)})
    text = str(exc.value)
    assert "解决后的值无效" in text and message in text and "未作任何修改" in text, text
    assert db_fingerprint(bureau.store) == before
    assert {x.id for x in conflicts.list_conflicts(bureau.store)} == {x.id for x in open_conflicts.values()}
    d = visits.get_visit(bureau.store, vid)
    assert (d.summary, d.assessments["1.1.1"].level) == ("市局意见", 2)


def test_a_valid_edited_value_still_resolves(both_edited, bureau):
    vid, open_conflicts = both_edited
    conflicts.resolve_conflict(bureau.store, open_conflicts["assessment"].id, {"level": ("value", 3)})
    conflicts.resolve_conflict(bureau.store, open_conflicts["visit"].id, {"summary": ("value", "合并：市局与专家意见")})
    d = visits.get_visit(bureau.store, vid)
    assert (d.summary, d.assessments["1.1.1"].level) == ("合并：市局与专家意见", 3)
    assert conflicts.list_conflicts(bureau.store) == []


def test_the_dialog_shows_the_refusal_of_a_typed_level_and_changes_nothing(qtbot, expert, bureau, tmp_path):
    pytest.importorskip("pytestqt")
    from gui_helpers import make_ctx, settle
    from PySide6.QtCore import Qt

    from xunzhen_app.gui.bureau_page import BureauPage

    vid = seed_visit(expert)
    bureau.trust(expert)
    import_package(bureau.store, bureau.keys, export_package(expert.store, expert.keys, visit_refs=[vid])
                   .write(tmp_path / "p1.xzp"))
    visits.rate_item(bureau.store, vid, "1.1.1", level=2)
    visits.rate_item(expert.store, vid, "1.1.1", level=4)
    import_package(bureau.store, bureau.keys, export_package(expert.store, expert.keys, visit_refs=[vid])
                   .write(tmp_path / "p2.xzp"))
    ctx = make_ctx(bureau.store, tmp_path)
    page = BureauPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: page.conflicts.rowCount() == 1, timeout=10000)
    before = db_fingerprint(bureau.store)
    dialog = page.resolve_conflict(page.conflicts.row_at(0))
    model, view = dialog.model, dialog.ui.fieldTable
    row = [model.data(model.index(r, 0)) for r in range(model.rowCount())].index("等级")
    qtbot.waitExposed(dialog)
    rect = view.visualRect(model.index(row, 3))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(view, Qt.Key.Key_F2)  # edit the 采用的值 cell
    qtbot.waitUntil(lambda: view.focusWidget() is not None and view.focusWidget() is not view, timeout=10000)
    editor = view.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "9")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # leaves the cell: the typed value is taken
    qtbot.waitUntil(lambda: model.data(model.index(row, 3)) == "9", timeout=10000)
    qtbot.mouseClick(dialog.ui.resolveButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.errorLabel.isVisible(), timeout=10000)
    text = dialog.ui.errorLabel.text()
    assert "解决后的值无效" in text and "等级" in text and "未作任何修改" in text, text
    assert dialog.isVisible() and dialog.ui.resolveButton.isEnabled()
    assert db_fingerprint(bureau.store) == before
    dialog.reject()
    ctx.tasks.flush()
