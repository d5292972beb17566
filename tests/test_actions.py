"""一企一策 actions over a real SQLite store: fields and checks, progress, overdue, carrying them
through 前期 → 培育跟踪 → 成效总结 with their history, 核验结果, the CLI and exchange packages."""

import json
from datetime import date

import pytest

from xunzhen_app.cli import main
from xunzhen_app.core.actions import ActionStatus, is_overdue, parse_deadline_text, status_text
from xunzhen_app.core.errors import FinalizedError, NotFoundError, UserError
from xunzhen_app.services import actions, experts, visits
from xunzhen_app.services.dto import EnterpriseInput
from xunzhen_app.services.enterprises import create_enterprise


@pytest.fixture
def initial(store):
    experts.save_profile(store, "测试专家", "测试单位")
    e = create_enterprise(store, EnterpriseInput(name="测试企业有限公司", city="晋中市", cultivation_type="重点培育型"))
    return visits.create_visit(store, visits.NewVisit(enterprise_id=e.id, start_date=date(2025, 5, 20),
                                                      team=(experts.profile(store).id,))).id


def follow_up(store, previous: str, stage="培育跟踪", on=date(2025, 9, 10)) -> str:
    return visits.create_visit(store, visits.NewVisit(
        enterprise_id=visits.get_visit(store, previous).row.enterprise_id, stage=stage, start_date=on,
        previous_visit_id=previous, copy_previous=True)).id


@pytest.mark.parametrize(("text", "expected"), [
    ("2025年10月底", date(2025, 10, 31)), ("2025年2月", date(2025, 2, 28)), ("2025-09-30", date(2025, 9, 30)),
    ("2025年12月5日", date(2025, 12, 5)), ("2025年底", date(2025, 12, 31)), ("2025年上半年", date(2025, 6, 30)),
    ("2025.11", date(2025, 11, 30)), ("年底", None), ("长期", None), ("2025年13月", None), ("", None),
])
def test_old_text_deadlines_become_dates_where_they_name_one(text, expected):
    assert parse_deadline_text(text) == expected


def test_overdue_means_past_due_and_not_done():
    today = date(2025, 9, 1)
    assert is_overdue(date(2025, 8, 31), "进行中", today) and is_overdue(date(2025, 8, 31), "未开始", today)
    assert not is_overdue(date(2025, 9, 1), "进行中", today)  # due today is not late yet
    assert not any(is_overdue(date(2025, 8, 31), s, today) for s in ("已完成", "已核验", "已取消"))
    assert not is_overdue(None, "未开始", today)
    assert status_text("进行中", date(2025, 8, 31), today) == "进行中（逾期）"


def test_an_action_has_its_fields_checked_against_the_template_and_type(store, initial):
    aid = visits.add_plan_row(store, initial, measure="开展QC小组活动", category="质量管理工具培训", department="质量部",
                              owner="张伟", due="2025-10-31", expected_outcome="成立3个QC小组",
                              item_codes=["1.1.1", "1.1.1", "2.1.1"], goal_codes=["1"])
    [row] = visits.get_visit(store, initial).plan
    assert (row.id, row.category, row.owner, row.due, row.item_codes, row.goal_codes, row.status) == (
        aid, "质量管理工具培训", "张伟", date(2025, 10, 31), ("1.1.1", "2.1.1"), ("1",), "未开始")
    with pytest.raises(UserError, match="不适用于重点培育型企业.*质量管理工具培训、质量基础设施、品牌建设规划"):
        visits.update_plan_row(store, aid, category="一企一策帮扶策略")
    with pytest.raises(UserError, match="完成时限.*不是有效日期"):
        visits.update_plan_row(store, aid, due="10月底")
    with pytest.raises(UserError, match="没有条目“9.9.9”"):
        visits.update_plan_row(store, aid, item_codes=["9.9.9"])
    with pytest.raises(UserError, match="状态“完成了”无效"):
        visits.update_plan_row(store, aid, status="完成了")
    assert visits.get_visit(store, initial).plan == (row,)  # nothing of a refused edit was saved
    assert actions.categories("领军型") == ("一企一策帮扶策略",)


def test_status_changes_and_notes_are_dated_progress_and_history(store, initial):
    aid = visits.add_plan_row(store, initial, measure="建立供应商分级机制", due="2025-08-31")
    actions.update_action(store, aid[:8], status="进行中", note="已完成供应商摸底", on=date(2025, 7, 1))
    actions.update_action(store, aid, note="形成分级办法初稿", on=date(2025, 8, 10))
    row = actions.update_action(store, aid, due="2025-09-30", owner="李芳")
    assert [(n.date, n.note, n.status) for n in row.progress] == [
        (date(2025, 7, 1), "已完成供应商摸底", "进行中"), (date(2025, 8, 10), "形成分级办法初稿", "进行中")]
    assert (row.due, row.owner) == (date(2025, 9, 30), "李芳")
    assert row.overdue(date(2025, 10, 1)) and not row.overdue(date(2025, 9, 30))
    changed = {(h.field, h.new_value) for h in visits.history(store, initial) if h.entity == "plan_item"}
    assert {("status", "进行中"), ("due", "2025-09-30"), ("owner", "李芳")} <= changed
    with pytest.raises(NotFoundError, match="没有编号为“ffffffff”的帮扶举措"):
        actions.update_action(store, "ffffffff", status="已完成")


def test_open_actions_carry_through_the_year_with_their_history(store, initial):
    keep = visits.add_plan_row(store, initial, measure="质量数据平台", due="2025-10-31")
    done = visits.add_plan_row(store, initial, measure="首席质量官培训", due="2025-08-31")
    dropped = visits.add_plan_row(store, initial, measure="申报质量奖", due="2025-12-31")
    actions.update_action(store, keep, status="进行中", note="一期立项", on=date(2025, 5, 21))
    actions.update_action(store, dropped, status="已取消", note="企业暂缓申报", on=date(2025, 5, 21))
    visits.finalize(store, initial)
    with pytest.raises(FinalizedError):
        actions.update_action(store, keep, note="定稿后不能再改")

    track = follow_up(store, initial)
    carried = {r.measure: r for r in visits.get_visit(store, track).plan}
    assert set(carried) == {"质量数据平台", "首席质量官培训"}  # the cancelled one stays behind
    assert carried["质量数据平台"].carried_from_id == keep and carried["首席质量官培训"].carried_from_id == done
    assert [n.note for n in carried["质量数据平台"].progress] == ["一期立项"]
    assert carried["质量数据平台"].status == "进行中" and carried["质量数据平台"].result == ""
    actions.update_action(store, carried["首席质量官培训"].id, status="已完成", note="全员参训", on=date(2025, 9, 10))
    actions.record_result(store, carried["首席质量官培训"].id, "已完成并见效", "培训考核合格率100%")
    actions.record_result(store, carried["质量数据平台"].id, "部分完成", "一期上线，二期未启动")
    with pytest.raises(UserError, match="核验结果“很好”无效"):
        actions.record_result(store, carried["质量数据平台"].id, "很好")
    own = visits.add_plan_row(store, track, measure="新增举措")
    with pytest.raises(UserError, match="只有从上一次巡诊延续下来的举措才有核验结果"):
        actions.record_result(store, own, "未完成")
    actions.update_action(store, carried["首席质量官培训"].id, status="已核验")
    visits.finalize(store, track)

    summary = follow_up(store, track, "成效总结", date(2025, 12, 10))
    rows = {r.measure: r for r in visits.get_visit(store, summary).plan}
    assert set(rows) == {"质量数据平台", "新增举措"}  # the verified one is closed
    platform = rows["质量数据平台"]
    assert platform.carried_from_id == carried["质量数据平台"].id and platform.result == ""
    assert [n.note for n in platform.progress] == ["一期立项"]
    # The earlier visits keep the actions as they were then.
    assert visits.get_visit(store, track).plan[0].result == "部分完成"
    assert visits.get_visit(store, initial).plan[0].status == "进行中"


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_plan_cli_lists_and_updates_with_exit_2_on_bad_input(store, initial, paths, capsys):
    aid = visits.add_plan_row(store, initial, measure="开展QC小组活动", owner="张伟", due="2020-01-31",
                              item_codes=["1.1.1"], goal_codes=["1"])
    actions.update_action(store, aid, status="进行中", note="已成立小组", on=date(2020, 1, 2))
    store.close()
    d = str(paths.data_dir)
    code, out, _ = run(capsys, "plan", "list", initial[:8], "--json", "--data-dir", d)
    assert code == 0
    [a] = json.loads(out)
    assert {k: a[k] for k in ("id", "measure", "owner", "due", "status", "overdue", "item_codes", "goal_codes",
                              "progress")} == {
        "id": aid, "measure": "开展QC小组活动", "owner": "张伟", "due": "2020-01-31", "status": "进行中",
        "overdue": True, "item_codes": ["1.1.1"], "goal_codes": ["1"],
        "progress": [{"date": "2020-01-02", "note": "已成立小组", "status": "进行中", "attachments": []}]}

    for args, message in ((["--status", "完成"], "举措状态“完成”无效"), (["--due", "2025/13/01"], "完成时限"),
                          (["--note", "a\x1bb"], "进展记录")):
        code, _, err = run(capsys, "plan", "update", aid[:8], *args, "--data-dir", d)
        assert code == 2 and message in err
    code, _, err = run(capsys, "plan", "update", "abcdef12", "--status", "已完成", "--data-dir", d)
    assert code == 2 and "没有编号为“abcdef12”的帮扶举措" in err
    code, out, _ = run(capsys, "plan", "list", initial, "--json", "--data-dir", d)
    assert json.loads(out)[0]["status"] == "进行中" and len(json.loads(out)[0]["progress"]) == 1  # unchanged

    code, out, _ = run(capsys, "plan", "update", aid[:8], "--status", "已完成", "--due", "2025-06-30",
                       "--owner", "李芳", "--note", "已验收", "--data-dir", d)
    assert code == 0 and "已完成" in out
    [a] = json.loads(run(capsys, "plan", "list", initial, "--json", "--data-dir", d)[1])
    assert (a["status"], a["due"], a["owner"], a["overdue"]) == ("已完成", "2025-06-30", "李芳", False)
    assert a["progress"][-1]["note"] == "已验收" and a["progress"][-1]["status"] == "已完成"
    code, out, _ = run(capsys, "plan", "list", initial, "--data-dir", d)
    assert code == 0 and "开展QC小组活动" in out


def test_actions_travel_in_packages(expert, bureau, tmp_path):
    from exchange_helpers import seed_visit

    from xunzhen_app.services.exchange.export import export_package
    from xunzhen_app.services.exchange.merge import import_package

    vid = seed_visit(expert)
    aid = visits.add_plan_row(expert.store, vid, measure="完善质量目标分解", owner="王强", due="2025-10-31",
                              item_codes=["1.1.1"], goal_codes=["1"])
    actions.update_action(expert.store, aid, status=ActionStatus.IN_PROGRESS.value, note="已分解到车间",
                          on=date(2025, 6, 1))
    bureau.trust(expert)
    path = export_package(expert.store, expert.keys, visit_refs=[vid], reports=False).write(tmp_path / "a.xzp")
    import_package(bureau.store, bureau.keys, path)
    assert visits.get_visit(bureau.store, vid).plan == visits.get_visit(expert.store, vid).plan


def test_overdue_actions_are_marked_in_the_report_and_on_the_bureau_desk(store, initial):
    from xunzhen_app.services.bureau import overview
    from xunzhen_app.services.reports.document import Table
    from xunzhen_app.services.reports.report_content import build_document

    visits.add_plan_row(store, initial, measure="开展QC小组活动", category="质量管理工具培训", due="2025-05-10",
                               status="进行中")
    visits.add_plan_row(store, initial, measure="规划品牌建设", category="品牌建设规划", due="2025-05-10",
                        status="已完成")
    visits.add_plan_row(store, initial, measure="计量能力提升", category="质量基础设施", due="2025-11-30")
    doc = build_document(visits.get_visit(store, initial), None, lambda sha: b"")
    [plan] = [b for b in doc.blocks if isinstance(b, Table) and b.rows[0][1].text == "帮扶举措"]
    texts = [[c.text for c in row] for row in plan.rows]
    # Grouped by 附件1's categories in their order; overdue as at the visit (2025-05-20), in red.
    assert [t[0] for t in texts[1:] if t[1] == ""] == ["质量管理工具培训", "质量基础设施", "品牌建设规划"]
    assert [(t[1], t[5]) for t in texts if t[0].isdigit()] == [
        ("开展QC小组活动", "进行中（逾期）"), ("计量能力提升", "未开始"), ("规划品牌建设", "已完成")]
    red = [c.content[0].red for row in plan.rows for c in row[5:] if c.text.endswith("（逾期）")]
    assert red == [True]
    [row] = overview(store)
    assert row.overdue_actions == 2  # as at today, the November one is late too


def test_plan_update_records_a_result_all_or_nothing(store, initial, paths, capsys):
    aid = visits.add_plan_row(store, initial, measure="质量数据平台", due="2025-10-31")
    visits.finalize(store, initial)
    track = follow_up(store, initial)
    [carried] = visits.get_visit(store, track).plan
    store.close()
    d = str(paths.data_dir)
    code, _, err = run(capsys, "plan", "update", carried.id[:8], "--result", "已完成并见效", "--status", "好了",
                       "--data-dir", d)
    assert code == 2 and "举措状态“好了”无效" in err
    code, _, err = run(capsys, "plan", "update", aid[:8], "--result", "部分完成", "--data-dir", d)
    assert code == 2 and "只有从上一次巡诊延续下来的举措才有核验结果" in err  # the 前期 row is the original
    [a] = json.loads(run(capsys, "plan", "list", track, "--json", "--data-dir", d)[1])
    assert (a["result"], a["status"]) == (None, "未开始")  # nothing of the refused command was saved
    code, _, _ = run(capsys, "plan", "update", carried.id[:8], "--result", "部分完成", "--result-note", "一期上线",
                     "--status", "进行中", "--data-dir", d)
    [a] = json.loads(run(capsys, "plan", "list", track, "--json", "--data-dir", d)[1])
    assert code == 0 and (a["result"], a["result_note"], a["status"], a["carried_from"]) == (
        "部分完成", "一期上线", "进行中", aid)
