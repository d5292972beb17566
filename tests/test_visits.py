"""Visits through the services: create, rate, history, finalize, reopen, revisions."""

from datetime import date

import pytest

from xunzhen_app.core.errors import FinalizedError, NotFoundError, UserError
from xunzhen_app.services import experts, visits
from xunzhen_app.services.dto import EnterpriseInput
from xunzhen_app.services.enterprises import ValidationError, create_enterprise, get_enterprise, update_enterprise


@pytest.fixture
def visit(store):
    experts.save_profile(store, "测试专家", "测试单位")
    e = create_enterprise(store, EnterpriseInput(name="测试企业有限公司", city="晋中市", uscc="91350100M000100Y43"))
    return visits.create_visit(store, visits.NewVisit(enterprise_id=e.id, start_date=date(2025, 5, 20),
                                                      team=(experts.profile(store).id,)))


def test_enterprise_validation_names_each_field(store):
    with pytest.raises(ValidationError) as exc:
        create_enterprise(store, EnterpriseInput(name=" ", city="石家庄市", uscc="91350100M000100Y44",
                                                 cultivation_type="优秀型"))
    assert set(exc.value.fields) == {"name", "city", "uscc", "cultivation_type"}
    assert "第 18 位应为“3”" in exc.value.fields["uscc"]
    from xunzhen_app.services.enterprises import list_enterprises

    assert list_enterprises(store) == []


def test_duplicate_uscc_is_refused_with_the_other_enterprise_named(store):
    create_enterprise(store, EnterpriseInput(name="甲公司", city="太原市", uscc="91350100M000100Y43"))
    with pytest.raises(ValidationError, match="已属于企业“甲公司”"):
        create_enterprise(store, EnterpriseInput(name="乙公司", city="太原市", uscc="91350100m000100y43"))


def test_type_is_suggested_from_honours_and_can_be_overridden(store):
    from xunzhen_app.core.domain import Honour, HonourKind

    e = create_enterprise(store, EnterpriseInput(name="丙公司", city="大同市", honours=(Honour(HonourKind.TOWN_CORE),)))
    assert e.cultivation_type == "领军型" == e.suggested_type
    e2 = update_enterprise(store, e.id, EnterpriseInput(name="丙公司", city="大同市", cultivation_type="重点培育型",
                                                         honours=(Honour(HonourKind.TOWN_CORE),)))
    assert e2.cultivation_type == "重点培育型" and e2.suggested_type == "领军型"
    assert e2.revision == 2


def test_rating_and_notes_are_stored_and_scored(store, visit):
    visits.rate_item(store, visit.id, "1.1.1", level=4)
    visits.rate_item(store, visit.id, "3.1.1", level=3)
    visits.rate_item(store, visit.id, "3.1.1", check_passed=False)
    visits.rate_item(store, visit.id, "6.2.1", not_applicable=True)
    visits.set_item_text(store, visit.id, "1.1.1", "problem", "数据靠人工汇总")
    d = visits.get_visit(store, visit.id[:8])
    assert d.assessments["1.1.1"].level == 4 and d.assessments["1.1.1"].problem == "数据靠人工汇总"
    assert d.assessments["6.2.1"].not_applicable
    assert d.result.failed_checks == ("3.1.1",)
    assert d.result.goals[0].score.level == 4 and d.result.goals[0].score.provisional


def test_level_outside_scale_and_unknown_item_are_refused(store, visit):
    with pytest.raises(UserError, match="1–5"):
        visits.rate_item(store, visit.id, "1.1.1", level=6)
    with pytest.raises(NotFoundError, match="没有条目 9.9.9"):
        visits.rate_item(store, visit.id, "9.9.9", level=3)
    with pytest.raises(UserError, match="没有否决项"):
        visits.rate_item(store, visit.id, "1.1.1", check_passed=True)


def test_every_record_has_uuid_timestamps_and_revision(store, visit):
    from xunzhen_app.db.models import Assessment

    visits.rate_item(store, visit.id, "1.1.1", level=2)
    visits.rate_item(store, visit.id, "1.1.1", level=3)
    visits.rate_item(store, visit.id, "1.1.1", level=3)  # no change, no new revision
    with store.session() as s:
        a = s.query(Assessment).one()
        assert len(a.id) == 36 and a.revision == 2 and a.updated_at >= a.created_at


def test_history_records_who_what_old_and_new(store, visit):
    visits.rate_item(store, visit.id, "1.1.1", level=2)
    visits.rate_item(store, visit.id, "1.1.1", level=4)
    h = [e for e in visits.history(store, visit.id) if e.field == "level"]
    assert [(e.old_value, e.new_value) for e in h] == [(None, "2"), ("2", "4")]
    assert all(e.actor == "测试专家" for e in h)


def test_finalized_visit_is_locked_until_reopened_with_a_reason(store, visit):
    visits.rate_item(store, visit.id, "1.1.1", level=3)
    visits.finalize(store, visit.id)
    with pytest.raises(FinalizedError):
        visits.rate_item(store, visit.id, "1.1.1", level=5)
    with pytest.raises(FinalizedError):
        visits.add_plan_row(store, visit.id, measure="新措施")
    assert visits.get_visit(store, visit.id).assessments["1.1.1"].level == 3
    with pytest.raises(UserError, match="必须说明原因"):
        visits.reopen(store, visit.id, "  ")
    visits.reopen(store, visit.id, "企业补充了监督抽查报告")
    visits.rate_item(store, visit.id, "1.1.1", level=4)
    hist = visits.history(store, visit.id)
    reopened = [e for e in hist if e.field == "status" and e.new_value == "草稿"]
    assert reopened and reopened[0].reason == "企业补充了监督抽查报告"
    assert [e.reason for e in hist if e.field == "level"][-1] == "企业补充了监督抽查报告"


def test_plan_rows_and_problems_keep_their_order(store, visit):
    a = visits.add_plan_row(store, visit.id, measure="措施甲", department="质量部", due="2025-09-30")
    b = visits.add_plan_row(store, visit.id, measure="措施乙")
    visits.move_row(store, "plan", b, 0)
    assert [p.measure for p in visits.get_visit(store, visit.id).plan] == ["措施乙", "措施甲"]
    visits.remove_row(store, "plan", b)
    assert [p.id for p in visits.get_visit(store, visit.id).plan] == [a]
    p1 = visits.add_problem(store, visit.id, "问题一", "1.1.1")
    visits.add_problem(store, visit.id, "问题二")
    visits.move_row(store, "problem", p1, 5)
    assert [p.text for p in visits.get_visit(store, visit.id).problems] == ["问题二", "问题一"]


def test_attachments_are_stored_once_by_content(store, visit, tmp_path):
    from xunzhen_app.db.models import Blob

    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"\xff\xd8fake jpeg" * 100)
    a1 = visits.add_attachment(store, visit.id, photo, "1.1.1", "车间")
    a2 = visits.add_attachment(store, visit.id, photo, "1.1.2")
    assert a1.sha256 == a2.sha256 and a1.media_type == "image/jpeg"
    with store.session() as s:
        assert s.query(Blob).count() == 1
    assert visits.attachment_bytes(store, a1.sha256) == photo.read_bytes()
    with pytest.raises(UserError, match="无法读取附件"):
        visits.add_attachment(store, visit.id, tmp_path / "missing.jpg")


def test_follow_up_starts_from_the_previous_visit(store, visit):
    visits.rate_item(store, visit.id, "2.1.1", level=2)
    visits.add_plan_row(store, visit.id, measure="持续改进")
    visits.finalize(store, visit.id)
    follow = visits.create_visit(store, visits.NewVisit(
        enterprise_id=visit.enterprise_id, stage="培育跟踪", start_date=date(2025, 9, 1),
        previous_visit_id=visit.id, copy_previous=True))
    d = visits.get_visit(store, follow.id)
    assert "2.1.1" not in d.assessments and d.suggestion("2.1.1").level == 2 and d.plan[0].measure == "持续改进"
    assert d.previous_visit_id == visit.id and d.row.status == "草稿"
    assert visits.previous_visit(store, follow.id).row.id == visit.id


def test_visit_keeps_its_template_after_a_newer_version_is_installed(store, visit, paths):
    import json

    from xunzhen_app.core.checklist import template_to_dict
    from xunzhen_app.services.checklists import bundled_templates, find_template

    newer = template_to_dict(bundled_templates()[0])
    newer["version"] = "2026.1"
    newer["goals"][0]["title"] = "质量体系成熟（2026版）"
    paths.checklists.mkdir()
    (paths.checklists / "newer.json").write_text(json.dumps(newer, ensure_ascii=False), encoding="utf-8")
    assert find_template(paths).version == "2026.1"
    d = visits.get_visit(store, visit.id)
    assert d.template.version == "2025.1" and d.template.goals[0].title == "质量体系成熟"


def test_unknown_or_ambiguous_visit_ids(store, visit):
    with pytest.raises(NotFoundError, match="没有编号为“ffffffff”的巡诊"):
        visits.get_visit(store, "ffffffff")
    with pytest.raises(NotFoundError, match="太短"):
        visits.get_visit(store, "a")


def test_enterprise_not_found(store):
    with pytest.raises(NotFoundError):
        get_enterprise(store, "nope")


def test_a_removed_problem_or_plan_row_comes_back_at_its_place(store, visit):
    found = (("问题一", None), ("问题二", "1.1.2"), ("问题三", None))
    ids = [visits.add_problem(store, visit.id, text, code) for text, code in found]
    before = visits.get_visit(store, visit.id).problems
    removed = visits.remove_row(store, "problem", ids[1])
    assert [p.text for p in visits.get_visit(store, visit.id).problems] == ["问题一", "问题三"]
    visits.restore(store, removed)
    assert visits.get_visit(store, visit.id).problems == before  # same ids, texts, codes and order
    with pytest.raises(UserError, match="并未删除"):
        visits.restore(store, removed)

    rows = [visits.add_plan_row(store, visit.id, measure=m, department="质量部") for m in ("甲", "乙")]
    plan = visits.get_visit(store, visit.id).plan
    visits.restore(store, visits.remove_row(store, "plan", rows[0]))
    assert visits.get_visit(store, visit.id).plan == plan
    written = [(h.entity, h.field, h.new_value) for h in visits.history(store, visit.id)]
    assert ("plan_item", "measure", "甲") in written[written.index(("plan_item", "*", None)):]  # removed, then back


def test_a_removed_attachment_comes_back_with_the_same_file(store, visit, tmp_path):
    first, second = tmp_path / "一.png", tmp_path / "二.pdf"
    first.write_bytes(b"\x89PNG first")
    second.write_bytes(b"%PDF second")
    a = visits.add_attachment(store, visit.id, first, "1.1.1", "车间")
    visits.add_attachment(store, visit.id, second, "1.1.1")
    before = visits.list_attachments(store, visit.id)
    removed = visits.remove_attachment(store, a.id)
    assert [x.filename for x in visits.list_attachments(store, visit.id)] == ["二.pdf"]
    visits.restore(store, removed)
    assert visits.list_attachments(store, visit.id) == before  # same id, file and caption, first again
    assert visits.attachment_bytes(store, a.sha256) == first.read_bytes()


def test_restoring_into_a_finalized_visit_is_refused(store, visit):
    removed = visits.remove_row(store, "problem", visits.add_problem(store, visit.id, "问题"))
    visits.finalize(store, visit.id)
    with pytest.raises(FinalizedError):
        visits.restore(store, removed)
    assert visits.get_visit(store, visit.id).problems == ()


def test_the_initial_visit_of_an_enterprise_is_found_for_the_new_visit_warning(store, visit):
    assert visits.initial_visit(store, visit.enterprise_id).id == visit.id
    follow_up = visits.create_visit(store, visits.NewVisit(enterprise_id=visit.enterprise_id, stage="培育跟踪",
                                                           previous_visit_id=visit.id))
    assert visits.initial_visit(store, follow_up.enterprise_id).id == visit.id
    other = create_enterprise(store, EnterpriseInput(name="另一家企业", city="晋中市"))
    assert visits.initial_visit(store, other.id) is None


def test_finalize_gaps_list_what_is_missing_and_nothing_when_complete(store, visit):
    gaps = visits.finalize_gaps(visits.get_visit(store, visit.id))
    assert gaps[0].startswith("未评条目 24 项：1.1.1、1.1.2") and gaps[1:] == ["“主要问题”为空", "“一企一策”（帮扶举措）为空"]
    detail = visits.get_visit(store, visit.id)
    for item in detail.template.items():
        visits.rate_item(store, visit.id, item.code, level=3,
                         **({"check_passed": False} if item.check else {}))
    visits.add_problem(store, visit.id, "品牌投入不足")
    visits.add_plan_row(store, visit.id, measure="制定品牌规划")
    assert visits.finalize_gaps(visits.get_visit(store, visit.id)) == ["否决项未通过：3.1.1 近一年无国家/省级监督抽查不合格记录"]
    visits.rate_item(store, visit.id, "3.1.1", check_passed=True)
    assert visits.finalize_gaps(visits.get_visit(store, visit.id)) == []
