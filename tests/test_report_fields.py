"""Report content fields (issue 13): item 亮点, 专家组意见, the 落款, 报告编号, interviewees and the
enterprise profile — through the services, exchange packages and a schema upgrade."""

from __future__ import annotations

from datetime import date

import pytest
from exchange_helpers import seed_visit
from sqlalchemy import create_engine, inspect, text

from xunzhen_app.core.errors import UserError
from xunzhen_app.db import migrate
from xunzhen_app.db.store import open_store
from xunzhen_app.services import enterprises, visits
from xunzhen_app.services.dto import EnterpriseInput, EnterpriseProfile, Interviewee
from xunzhen_app.services.exchange.export import export_package
from xunzhen_app.services.exchange.merge import import_package

PROFILE = EnterpriseProfile(main_products="精密轴承、齿轮箱", employees=860, revenue_wan=126000,
                            certifications="ISO 9001、IATF 16949", introduction="始建于1958年的老牌装备企业。")


@pytest.fixture
def enterprise(store):
    return enterprises.create_enterprise(store, EnterpriseInput(name="太行精密装备有限公司", city="晋城市",
                                                                profile=PROFILE))


@pytest.fixture
def visit(store, enterprise):
    return visits.create_visit(store, visits.NewVisit(enterprise_id=enterprise.id, start_date=date(2025, 5, 20)))


def test_enterprise_profile_is_kept_and_validated(store, enterprise):
    assert enterprises.get_enterprise(store, enterprise.id).profile == PROFILE
    assert PROFILE.scale() == "员工860人，营业收入12.6亿元"
    assert EnterpriseProfile(revenue_wan=8500).scale() == "营业收入8500万元"
    with pytest.raises(enterprises.ValidationError) as err:
        enterprises.update_enterprise(store, enterprise.id, EnterpriseInput(
            name="太行精密装备有限公司", city="晋城市", profile=EnterpriseProfile(employees=-3)))
    assert set(err.value.fields) == {"employees"} and "员工人数" in str(err.value)
    assert enterprises.get_enterprise(store, enterprise.id).profile == PROFILE  # nothing half-changed


def test_strength_opinion_and_signature_fields_round_trip(store, visit):
    visits.set_item_text(store, visit.id, "1.1.1", "strength", "质量目标逐级分解到班组，考核兑现")
    visits.set_visit_field(store, visit.id, "expert_opinion", "专家组一致认为企业质量基础扎实。")
    visits.set_visit_field(store, visit.id, "report_date", date(2025, 5, 28))
    visits.set_visit_field(store, visit.id, "interviewees", [
        Interviewee(" 李建国 ", "总经理"), {"name": "王芳", "position": "质量部部长"}])
    d = visits.get_visit(store, visit.id)
    assert d.assessments["1.1.1"].strength == "质量目标逐级分解到班组，考核兑现"
    assert d.expert_opinion == "专家组一致认为企业质量基础扎实。"
    assert d.organiser == "晋城市市场监督管理局"  # the city's bureau until someone types another
    assert d.report_date == date(2025, 5, 28)
    assert d.interviewees == (Interviewee("李建国", "总经理"), Interviewee("王芳", "质量部部长"))


def test_an_interviewee_needs_a_name(store, visit):
    with pytest.raises(UserError, match="访谈人员第 2 行缺少姓名（职务：质量部部长）"):
        visits.set_visit_field(store, visit.id, "interviewees", [Interviewee("李建国", "总经理"),
                                                                 Interviewee(" ", "质量部部长")])
    assert visits.get_visit(store, visit.id).interviewees == ()


def test_report_number_given_at_first_finalize_and_kept(store, enterprise, visit):
    other = visits.create_visit(store, visits.NewVisit(enterprise_id=enterprise.id, start_date=date(2025, 9, 2)))
    assert visits.get_visit(store, visit.id).report_number == ""
    third = visits.create_visit(store, visits.NewVisit(enterprise_id=enterprise.id))
    visits.set_visit_field(store, visit.id, "report_date", date(2025, 5, 28))
    visits.set_visit_field(store, other.id, "report_date", date(2025, 9, 5))
    for v in (visit, other, third):
        visits.finalize(store, v.id)
    first, second, today = (visits.get_visit(store, v.id) for v in (visit, other, third))
    assert (first.report_number, second.report_number) == ("晋质巡〔2025〕晋城-001", "晋质巡〔2025〕晋城-002")
    assert first.report_date == date(2025, 5, 28) and today.report_date == date.today()
    assert today.report_number == f"晋质巡〔{date.today().year}〕晋城-001"  # a sequence per city and year
    visits.reopen(store, visit.id, "补充资料")
    visits.finalize(store, visit.id)
    again = visits.get_visit(store, visit.id)
    assert (again.report_number, again.report_date) == ("晋质巡〔2025〕晋城-001", date(2025, 5, 28))


def test_a_report_number_another_visit_holds_is_refused(store, enterprise, visit):
    other = visits.create_visit(store, visits.NewVisit(enterprise_id=enterprise.id))
    visits.set_visit_field(store, visit.id, "report_number", " 晋质巡〔2025〕晋城-017 ")
    with pytest.raises(UserError, match="已用于太行精密装备有限公司的前期巡诊"):
        visits.set_visit_field(store, other.id, "report_number", "晋质巡〔2025〕晋城-017")
    assert visits.get_visit(store, visit.id).report_number == "晋质巡〔2025〕晋城-017"
    visits.set_visit_field(store, other.id, "report_date", date(2025, 6, 3))
    visits.finalize(store, other.id)  # the sequence continues above a number typed by hand
    assert visits.get_visit(store, other.id).report_number.endswith("晋城-018")


def _fill(side, vid):
    d = visits.get_visit(side.store, vid)
    enterprises.update_enterprise(side.store, d.enterprise.id, EnterpriseInput(
        name=d.enterprise.name, city=d.enterprise.city, cultivation_type=d.enterprise.cultivation_type,
        profile=PROFILE))
    visits.set_item_text(side.store, vid, "1.1.1", "strength", "首席质量官履职到位")
    visits.set_visit_field(side.store, vid, "expert_opinion", "同意该报告。")
    visits.set_visit_field(side.store, vid, "organiser", "太原市市场监督管理局")
    visits.set_visit_field(side.store, vid, "interviewees", [Interviewee("张伟", "总经理")])
    visits.finalize(side.store, vid)


def test_new_fields_travel_in_packages(expert, bureau, tmp_path):
    vid = seed_visit(expert)
    _fill(expert, vid)
    bureau.trust(expert)
    path = export_package(expert.store, expert.keys, visit_refs=[vid]).write(tmp_path / "p.xzp")
    rep = import_package(bureau.store, bureau.keys, path)
    assert not rep.conflicts and not rep.refused
    mine, theirs = visits.get_visit(expert.store, vid), visits.get_visit(bureau.store, vid)
    for name in ("expert_opinion", "organiser", "report_date", "report_number", "interviewees"):
        assert getattr(theirs, name) == getattr(mine, name), name
    assert theirs.report_number.startswith("晋质巡〔")
    assert theirs.assessments["1.1.1"].strength == "首席质量官履职到位"
    assert theirs.enterprise.profile == PROFILE


def test_store_at_the_previous_head_upgrades_with_its_rows_getting_empty_new_fields(paths):
    engine = create_engine(f"sqlite:///{paths.database}")
    migrate.upgrade(engine, migrate.REVISIONS[-2])
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO enterprise (id, name, uscc, city, county, industry, cultivation_type, honours, contacts,"
            " notes, created_at, updated_at, revision) VALUES ('e1', '旧库企业', NULL, '太原市', '', '', '领军型',"
            " '[]', '[]', '', '2025-05-01 00:00:00+00', '2025-05-01 00:00:00+00', 1)"))
    engine.dispose()
    store = open_store(paths)
    try:
        e = enterprises.get_enterprise(store, "e1")
        assert e.profile == EnterpriseProfile()
        v = visits.create_visit(store, visits.NewVisit(enterprise_id="e1"))
        visits.set_item_text(store, v.id, "1.1.1", "strength", "新字段可写")
        assert visits.get_visit(store, v.id).assessments["1.1.1"].strength == "新字段可写"
    finally:
        store.close()


def test_a_populated_store_goes_down_to_the_previous_head_and_up_again(demo_store, paths):
    """The demo store taken back to the revision before 0009 keeps its visits; upgraded again at the
    next start, their new fields read as empty and can be filled."""
    from alembic import command

    vid = visits.list_visits(demo_store)[0].id
    before = visits.get_visit(demo_store, vid)
    demo_store.close()
    engine = create_engine(f"sqlite:///{paths.database}")
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        command.downgrade(migrate.alembic_config(conn), "0008")  # the revision before 0009 added these fields
        conn.commit()
        assert "strength" not in {c["name"] for c in inspect(conn).get_columns("assessment")}
    engine.dispose()
    store = open_store(paths)
    try:
        after = visits.get_visit(store, vid)
        assert (after.summary, after.report_number, after.interviewees) == \
            (before.summary, before.report_number, before.interviewees)
        assert after.expert_opinion == "" and after.report_date is None and after.organiser == ""
        assert all(a.strength == "" for a in after.assessments.values())
        assert after.enterprise.profile == EnterpriseProfile()
    finally:
        store.close()


def test_visit_rate_on_the_command_line_takes_the_strength(store, visit, capsys):
    from xunzhen_app.cli import main

    store.close()
    args = ["--data-dir", str(store.paths.data_dir), "visit", "rate", visit.id, "1.1.1", "4",
            "--strength", "卓越绩效模式与体系融合运行"]
    assert main(args) == 0
    reopened = open_store(store.paths)
    try:
        a = visits.get_visit(reopened, visit.id).assessments["1.1.1"]
        assert (a.level, a.strength) == (4, "卓越绩效模式与体系融合运行")
    finally:
        reopened.close()
