"""The shared validators (core.validation), and the services refusing what they refuse."""

from datetime import date

import pytest

from xunzhen_app.core.errors import UserError
from xunzhen_app.core.validation import (
    TEXT_LIMITS,
    InvalidValue,
    check_attachment_name,
    check_city,
    check_county,
    check_cultivation_type,
    check_date,
    check_date_range,
    check_field_text,
    check_item_code,
    check_level,
    check_stage,
    check_status,
    check_text,
    check_uscc,
    check_uuid,
)
from xunzhen_app.services import experts, visits
from xunzhen_app.services.dto import EnterpriseInput
from xunzhen_app.services.enterprises import create_enterprise, list_enterprises, validate_enterprise

VALID_USCC = "91350100M000100Y43"


def refused(check, *args, **kwargs) -> InvalidValue:
    with pytest.raises(InvalidValue) as exc:
        check(*args, **kwargs)
    assert isinstance(exc.value, UserError)
    return exc.value


def test_text_length_and_control_characters():
    assert check_text("甲\t乙", field="企业名称", max_len=5) == "甲\t乙"
    assert check_text("第一行\n第二行", field="备注", max_len=10, multiline=True) == "第一行\n第二行"
    err = refused(check_text, "x" * 5000, field="企业名称", max_len=200)
    assert err.field == "企业名称" and str(err) == "企业名称：过长：5000 个字符，上限 200 个"
    assert "换行" in str(refused(check_text, "甲\n乙", field="企业名称", max_len=200))
    assert "U+0007" in str(refused(check_text, "甲\a", field="备注", max_len=200, multiline=True))
    assert "换行" in str(refused(check_text, "甲\r\n乙", field="备注", max_len=200, multiline=True))
    assert "U+202E" in str(refused(check_text, "名称\u202egpj.exe", field="企业名称", max_len=200))
    assert "U+D800" in str(refused(check_text, "\ud800", field="企业名称", max_len=200))
    assert "应为文本" in str(refused(check_text, 12, field="企业名称", max_len=200))


def test_field_text_takes_label_and_limit_from_the_table():
    limit = TEXT_LIMITS["visit.summary"]
    assert limit.multiline and check_field_text("visit.summary", "好\n很好") == "好\n很好"
    err = refused(check_field_text, "visit.summary", "字" * (limit.max_len + 1))
    assert err.field == "总体评价"


def test_uuid_must_be_canonical():
    assert check_uuid("0b8f3c52-6a71-4d3e-9c1b-2f4a5e6d7c8b", field="巡诊编号")
    for bad in ("../../etc/passwd", "0B8F3C52-6A71-4D3E-9C1B-2F4A5E6D7C8B", "0b8f3c526a714d3e9c1b2f4a5e6d7c8b", "", 7):
        err = refused(check_uuid, bad, field="巡诊编号")
        assert err.field == "巡诊编号"


def test_uscc_check_character_and_normalising():
    assert check_uscc(VALID_USCC.lower()) == VALID_USCC
    assert check_uscc(" ") == ""
    err = refused(check_uscc, "91350100M000100Y44")
    assert str(err) == "统一社会信用代码：校验位错误：第 18 位应为“3”，实际为“4”"


def test_city_and_county_from_the_regions_table():
    assert check_city(" 太原市 ") == "太原市"
    assert "不是山西省的地市" in str(refused(check_city, "石家庄市"))
    assert "不能为空" in str(refused(check_city, ""))
    assert check_county("太原市", "小店区") == "小店区"
    assert check_county("阳泉市", "城区") == "城区"  # a name several cities share
    assert check_county("太原市", "") == ""
    # A park or zone the table does not list is a free local name.
    assert check_county("太原市", "太原不锈钢产业园区") == "太原不锈钢产业园区"
    assert "属于太原市，不属于大同市" in str(refused(check_county, "大同市", "小店区"))


def test_vocabularies():
    assert check_cultivation_type("领军型") == "领军型"
    assert "应为：领军型、重点培育型" in str(refused(check_cultivation_type, "优秀型"))
    assert check_stage("培育跟踪") == "培育跟踪"
    assert refused(check_stage, None).field == "巡诊阶段"
    assert check_status("已定稿") == "已定稿"
    assert refused(check_status, "已删除").field == "巡诊状态"


def test_dates_are_plausible_and_ordered():
    assert check_date("2025-05-20", field="开始日期") == date(2025, 5, 20)
    assert "9999" in str(refused(check_date, date(9999, 1, 1), field="开始日期"))
    assert "不是有效日期" in str(refused(check_date, "2025-13-01", field="开始日期"))
    assert refused(check_date, 20250520, field="开始日期").field == "开始日期"
    assert check_date_range("2025-05-20", "2025-05-21") == (date(2025, 5, 20), date(2025, 5, 21))
    assert "早于开始日期" in str(refused(check_date_range, date(2025, 5, 21), date(2025, 5, 20)))


def test_levels_and_item_codes_come_from_the_template():
    assert check_level(3, (1, 2, 3, 4, 5)) == 3 and check_level(None, (1, 2, 3, 4, 5)) is None
    for bad in (9, -3, 0, True, 2.5, "3"):
        assert "应为 1–5" in str(refused(check_level, bad, (1, 2, 3, 4, 5)))
    assert check_item_code("1.1.1", {"1.1.1"}) == "1.1.1"
    assert "没有条目“9.9.9”" in str(refused(check_item_code, "9.9.9", {"1.1.1"}))


def test_attachment_names_are_bare_file_names():
    assert check_attachment_name("现场照片-生产线.png") == "现场照片-生产线.png"
    for bad in ("../x.png", "a/b.png", "a\\b.png", "C:x.png", "..", "", "x\x00.png", "x" * 256 + ".png", "a\tb"):
        refused(check_attachment_name, bad)


def test_enterprise_service_uses_the_validators(store):
    problems = validate_enterprise(EnterpriseInput(name="名" * 5000, city="大同市", county="小店区",
                                                   notes="备注\x07"))
    assert set(problems) == {"name", "county", "notes"}
    with pytest.raises(UserError, match="过长"):
        create_enterprise(store, EnterpriseInput(name="名" * 201, city="太原市"))
    assert list_enterprises(store) == []


@pytest.fixture
def visit(store):
    experts.save_profile(store, "测试专家", "测试单位")
    e = create_enterprise(store, EnterpriseInput(name="测试企业有限公司", city="晋中市", uscc=VALID_USCC))
    return visits.create_visit(store, visits.NewVisit(enterprise_id=e.id, start_date=date(2025, 5, 20),
                                                      team=(experts.profile(store).id,)))


def test_visit_services_use_the_validators(store, visit):
    with pytest.raises(UserError, match="条目 1.1.1 的成熟度等级：应为 1–5，实际为 9"):
        visits.rate_item(store, visit.id, "1.1.1", level=9)
    with pytest.raises(InvalidValue, match="年份 9999"):
        visits.set_visit_field(store, visit.id, "end_date", date(9999, 1, 1))
    with pytest.raises(InvalidValue, match="总体评价"):
        visits.set_visit_field(store, visit.id, "summary", "x" * 10_000_000)
    with pytest.raises(InvalidValue, match="报告编号"):
        visits.set_visit_field(store, visit.id, "report_number", "A\nB")
    with pytest.raises(InvalidValue, match="现场证据"):
        visits.set_item_text(store, visit.id, "1.1.1", "evidence", "\x1b[31m")
    with pytest.raises(InvalidValue, match="没有条目“9.9”"):
        visits.add_problem(store, visit.id, "问题", item_code="9.9")
    with pytest.raises(InvalidValue, match="没有条目"):
        visits.add_plan_row(store, visit.id, measure="措施", goal_codes=["../x"])
    with pytest.raises(InvalidValue, match="附件文件名"):
        visits.add_attachment_bytes(store, visit.id, "../../evil.png", b"x")
    with pytest.raises(InvalidValue, match="专家姓名"):
        experts.add_expert(store, "名" * 61)
    detail = visits.get_visit(store, visit.id)
    assert detail.summary == "" and detail.report_number == "" and detail.problems == () and detail.plan == ()
    assert detail.attachments == () and detail.assessments == {}
    assert detail.row.end_date == date(2025, 5, 20)
    # What the GUI sends in normal use still goes through.
    visits.rate_item(store, visit.id, "1.1.1", level=4)
    visits.add_plan_row(store, visit.id, measure="措施", goal_codes=["1"])
    visits.set_visit_field(store, visit.id, "summary", "总体较好。\n\t继续保持。")
    assert visits.get_visit(store, visit.id).assessments["1.1.1"].level == 4
