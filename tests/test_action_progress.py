"""一企一策 progress notes with photos and documents, and each action's history, over a real chain
前期 → 培育跟踪 → 成效总结: stored like visit attachments (names and sizes checked, all or nothing),
carried on with the action, in packages, on the CLI, and in the 进展与历史 dialog of 评价总结."""

from __future__ import annotations

import json
from datetime import date

import pytest
from gui_helpers import make_ctx, settle, type_chinese
from PySide6.QtCore import Qt

from xunzhen_app.cli import main
from xunzhen_app.core.errors import FinalizedError, UserError
from xunzhen_app.services import actions, attachment_store, experts, visits
from xunzhen_app.services.dto import EnterpriseInput
from xunzhen_app.services.enterprises import create_enterprise

PHOTO = b"\x89PNG\r\n\x1a\n" + "QC小组活动现场".encode()


def _follow(store, previous, on):
    return visits.create_visit(store, visits.NewVisit(enterprise_id="", stage="", start_date=on,
                                                      previous_visit_id=previous, copy_previous=True)).id


@pytest.fixture
def initial(store):
    experts.save_profile(store, "测试专家", "测试单位")
    e = create_enterprise(store, EnterpriseInput(name="测试企业有限公司", city="晋中市", cultivation_type="重点培育型"))
    vid = visits.create_visit(store, visits.NewVisit(enterprise_id=e.id, start_date=date(2025, 5, 20))).id
    aid = visits.add_plan_row(store, vid, measure="开展QC小组活动", owner="张伟", due="2025-10-31")
    return vid, aid


def test_a_note_carries_photos_which_follow_the_action_into_the_follow_up(store, initial):
    vid, aid = initial
    actions.update_action(store, aid, status="进行中", note="已成立小组", on=date(2025, 5, 25),
                          attachments=[("小组活动.png", PHOTO), ("活动记录.pdf", "%PDF-1.4 记录".encode())])
    [row] = actions.list_actions(store, vid)
    [note] = row.progress
    assert [(a.filename, a.media_type, a.size) for a in note.attachments] == [
        ("小组活动.png", "image/png", len(PHOTO)), ("活动记录.pdf", "application/pdf", len("%PDF-1.4 记录".encode()))]
    assert visits.get_visit(store, vid).attachments == ()  # not among the visit's own photos (nor its report's)
    visits.finalize(store, vid)

    track = _follow(store, vid, date(2025, 9, 10))
    [carried] = actions.list_actions(store, track)
    [copied] = carried.progress
    assert [a.filename for a in copied.attachments] == ["小组活动.png", "活动记录.pdf"]
    assert {a.id for a in copied.attachments}.isdisjoint(a.id for a in note.attachments)  # the follow-up's own rows
    assert visits.attachment_bytes(store, copied.attachments[0].sha256) == PHOTO

    actions.update_action(store, carried.id, status="已完成", note="活动成果发布", on=date(2025, 9, 10),
                          attachments=[("发布会.png", PHOTO)])
    summary = _follow(store, track, date(2025, 12, 5))
    [last] = actions.list_actions(store, summary)
    assert [[a.filename for a in n.attachments] for n in last.progress] == [
        ["小组活动.png", "活动记录.pdf"], ["发布会.png"]]


def test_bad_files_save_nothing(store, initial, monkeypatch):
    vid, aid = initial
    with pytest.raises(UserError, match="附件文件名"):
        actions.update_action(store, aid, note="照片", attachments=[("../../etc/passwd", PHOTO)])
    monkeypatch.setattr(attachment_store, "MAX_ATTACHMENT_BYTES", 10)
    with pytest.raises(UserError, match="超过"):
        actions.update_action(store, aid, status="进行中", note="大照片", attachments=[("大.png", PHOTO)])
    [row] = actions.list_actions(store, vid)
    assert (row.status, row.progress) == ("未开始", ())
    visits.finalize(store, vid)
    monkeypatch.undo()
    with pytest.raises(FinalizedError):
        actions.update_action(store, aid, note="定稿后", attachments=[("小.png", PHOTO)])


def test_history_follows_the_action_back_through_the_visits(store, initial):
    vid, aid = initial
    visits.update_plan_row(store, aid, owner="李芳")
    visits.finalize(store, vid)
    track = _follow(store, vid, date(2025, 9, 10))
    [carried] = actions.list_actions(store, track)
    actions.update_action(store, carried.id, status="进行中", due="2025-11-30", note="推进中")
    history = actions.action_history(store, carried.id[:8])
    assert history.action.id == carried.id
    changes = [(c.visit_stage, c.field, c.old_value, c.new_value) for c in history.changes]
    assert ("前期巡诊", "措施", None, "开展QC小组活动") in changes  # created in the 前期
    assert ("前期巡诊", "责任人", "张伟", "李芳") in changes
    assert ("培育跟踪", "状态", "未开始", "进行中") in changes and ("培育跟踪", "完成时限", "2025-10-31", "2025-11-30") in changes
    assert all(c.field != "progress" for c in history.changes)  # the notes show as notes
    assert changes.index(("前期巡诊", "责任人", "张伟", "李芳")) < changes.index(("培育跟踪", "状态", "未开始", "进行中"))


def test_photos_of_notes_travel_in_packages(expert, bureau, tmp_path):
    from exchange_helpers import seed_visit

    from xunzhen_app.services.exchange.export import export_package
    from xunzhen_app.services.exchange.merge import import_package

    vid = seed_visit(expert)
    aid = visits.add_plan_row(expert.store, vid, measure="完善质量目标分解")
    actions.update_action(expert.store, aid, note="已分解到车间", attachments=[("分解表.png", PHOTO)])
    bureau.trust(expert)
    path = export_package(expert.store, expert.keys, visit_refs=[vid], reports=False).write(tmp_path / "a.xzp")
    import_package(bureau.store, bureau.keys, path)
    [row] = actions.list_actions(bureau.store, vid)
    [photo] = row.progress[0].attachments
    assert visits.attachment_bytes(bureau.store, photo.sha256) == PHOTO


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_attaches_files_to_the_note_and_refuses_a_missing_one(store, initial, paths, capsys, tmp_path):
    vid, aid = initial
    store.close()
    d = str(paths.data_dir)
    photo = tmp_path / "现场.png"
    photo.write_bytes(PHOTO)
    code, _, err = run(capsys, "plan", "update", aid[:8], "--note", "已开展", "--attach", str(photo),
                       "--attach", str(tmp_path / "没有.png"), "--data-dir", d)
    assert code == 2 and "无法读取附件" in err and "没有.png" in err
    code, out, _ = run(capsys, "plan", "list", vid, "--json", "--data-dir", d)
    assert json.loads(out)[0]["progress"] == []  # nothing of the refused command
    code, _, err = run(capsys, "plan", "update", aid[:8], "--note", "已开展", "--attach", str(photo), "--data-dir", d)
    assert code == 0, err
    [a] = json.loads(run(capsys, "plan", "list", vid, "--json", "--data-dir", d)[1])
    assert a["progress"][0]["attachments"] == [
        {"filename": "现场.png", "size": len(PHOTO), "sha256": a["progress"][0]["attachments"][0]["sha256"]}]


def test_history_dialog_from_the_plan_table(qtbot, store, initial, tmp_path):
    from xunzhen_app.gui.summary import SummaryPage

    pytest.importorskip("pytestqt")
    vid, aid = initial
    actions.update_action(store, aid, status="进行中", note="已成立小组", on=date(2025, 5, 25),
                          attachments=[("小组活动.png", PHOTO)])
    ctx = make_ctx(store, tmp_path)
    page = SummaryPage(ctx)
    qtbot.addWidget(page)
    page.resize(1180, 700)
    page.show()
    page.open_visit(vid)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=5000)
    page.ui.tabs.setCurrentWidget(page.ui.planTab)
    view = page.ui.planView
    rect = view.visualRect(page.planModel.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(page.planHistoryButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.action_history is not None and page.action_history.notesTable.rowCount() == 1,
                    timeout=5000)
    dialog = page.action_history
    assert "开展QC小组活动" in dialog.heading.text()
    assert [dialog.notesTable.item(0, c).text() for c in range(4)] == ["2025-05-25", "进行中", "已成立小组", "小组活动.png"]
    fields = {dialog.changesTable.item(r, 3).text() for r in range(dialog.changesTable.rowCount())}
    assert {"措施", "责任人", "状态"} <= fields

    photo = tmp_path / "验收.png"
    photo.write_bytes(PHOTO)
    dialog.set_files([photo])  # what 附件… hands over once the file dialog closes
    dialog.statusCombo.setCurrentText("已完成")
    dialog.noteEdit.setFocus()
    type_chinese(dialog.noteEdit, ["通过", "验收"])
    qtbot.keyClick(dialog.noteEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.notesTable.rowCount() == 2, timeout=5000)
    assert [dialog.notesTable.item(1, c).text() for c in (1, 2, 3)] == ["已完成", "通过验收", "验收.png"]
    assert dialog.noteEdit.text() == "" and dialog.chosenLabel.text() == ""
    qtbot.waitUntil(lambda: page.planModel.rows()[0].status == "已完成", timeout=5000)  # the table follows
    dialog.close()
    settle(qtbot, ctx)

    visits.finalize(store, vid)
    page.reload()
    qtbot.waitUntil(lambda: page.locked, timeout=5000)
    view.setCurrentIndex(page.planModel.index(0, 0))
    qtbot.mouseClick(page.planHistoryButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.action_history is not dialog and page.action_history.notesTable.rowCount() == 2,
                    timeout=5000)
    locked = page.action_history
    assert not locked.addButton.isEnabled() and "已定稿" in locked.chosenLabel.text()
    locked.grab().save(str(tmp_path / "history.png"))
    locked.close()
    settle(qtbot, ctx)


def test_a_carried_copy_does_not_repeat_the_fields_in_the_history(store, initial):
    vid, aid = initial
    visits.finalize(store, vid)
    track = _follow(store, vid, date(2025, 9, 10))
    [carried] = actions.list_actions(store, track)
    history = actions.action_history(store, carried.id)
    assert [(c.visit_stage, c.field) for c in history.changes if c.field == "措施"] == [("前期巡诊", "措施")]
