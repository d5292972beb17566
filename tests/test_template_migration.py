"""A visit on 2025.1 moved to 2026.1 by item code and text — or left on its version."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from xunzhen_app.cli import main
from xunzhen_app.core.checklist import parse_template, template_to_dict
from xunzhen_app.core.errors import NotFoundError, UserError
from xunzhen_app.services import checklists, template_migration, visits
from xunzhen_app.services.dto import EnterpriseInput
from xunzhen_app.services.enterprises import create_enterprise

OLD = checklists.bundled_templates()[0]


def _items(d):
    return {i["code"]: i for g in d["goals"] for m in g["measures"] for i in m["items"]}


def version_2026():
    """2025.1 with 1.1.2 reworded, 1.1.1 and 1.1.3 swapped, 5.1.2 dropped, 4.1.3 added."""
    d = copy.deepcopy(template_to_dict(OLD))
    d["version"] = "2026.1"
    items = d["goals"][0]["measures"][0]["items"]
    items[0]["text"], items[2]["text"] = items[2]["text"], items[0]["text"]
    items[0]["guidance"], items[2]["guidance"] = items[2].get("guidance"), items[0].get("guidance")
    items[0]["rubric"], items[2]["rubric"] = items[2].get("rubric", {}), items[0].get("rubric", {})
    items[1]["text"] += "（2026年修订）"
    talent = d["goals"][4]["measures"][0]
    talent["items"] = [i for i in talent["items"] if i["code"] != "5.1.2"]
    d["goals"][3]["measures"][0]["items"].append({"code": "4.1.3", "text": "质量战略年度评估并公开发布"})
    return parse_template(d, "2026.1")


@pytest.fixture
def two_versions(store):
    checklists.install(store, version_2026())
    e = create_enterprise(store, EnterpriseInput(name="换版测试有限公司", city="太原市"))
    ids = [visits.create_visit(store, visits.NewVisit(enterprise_id=e.id, template_version="2025.1",
                                                      start_date=date(2025, 6, 1 + n))).id for n in range(2)]
    for vid in ids:
        for n, item in enumerate(OLD.items()):
            visits.rate_item(store, vid, item.code, level=1 + n % 5)
            visits.set_item_text(store, vid, item.code, "evidence", f"记录 {item.code}")
        visits.rate_item(store, vid, "3.1.1", check_passed=True)
        visits.add_problem(store, vid, "首席质量官制度未运行", "5.1.2")
        visits.add_problem(store, vid, "质量管控体系未闭环", "1.1.1")
    return ids


def test_the_mapping_keeps_unchanged_items_and_lists_the_rest():
    kept, rerate, dropped = template_migration.plan_mapping(OLD, version_2026())
    assert ("1.1.1", "1.1.3") in kept and ("1.1.3", "1.1.1") in kept  # renumbered: same wording
    assert ("2.1.1", "2.1.1") in kept and len(kept) == 22
    assert rerate == ["1.1.2", "4.1.3"] and dropped == ["5.1.2"]


def test_a_moved_visit_keeps_unchanged_ratings_and_notes_and_lists_changed_ones(store, two_versions):
    moved, stays = two_versions
    before = visits.get_visit(store, moved).assessments
    stays_before = visits.get_visit(store, stays).assessments
    plan = template_migration.migrate(store, moved, "2026.1")
    assert plan.rerate == ("1.1.2", "4.1.3") and plan.dropped == ("5.1.2",)
    d = visits.get_visit(store, moved)
    assert d.template.version == "2026.1"
    a = d.assessments
    assert (a["2.1.1"].level, a["2.1.1"].evidence) == (before["2.1.1"].level, "记录 2.1.1")
    assert (a["1.1.3"].level, a["1.1.3"].evidence) == (before["1.1.1"].level, "记录 1.1.1")  # followed its text
    assert (a["1.1.1"].level, a["1.1.1"].evidence) == (before["1.1.3"].level, "记录 1.1.3")
    assert a["3.1.1"].check_passed is True
    assert a["1.1.2"].level is None and a["1.1.2"].evidence == "记录 1.1.2"  # reworded: notes stay, rate again
    assert "5.1.2" not in a and "4.1.3" not in a
    assert d.result.unrated == ("1.1.2", "4.1.3")
    assert {p.text: p.item_code for p in d.problems} == {"首席质量官制度未运行": None, "质量管控体系未闭环": "1.1.3"}

    kept = visits.get_visit(store, stays)  # the other visit stays on its version
    assert kept.template.version == "2025.1" and kept.assessments == stays_before
    assert kept.result.unrated == () and len(kept.assessments) == 24


def test_only_a_draft_moves_and_only_to_an_installed_version(store, two_versions):
    moved, _ = two_versions
    with pytest.raises(NotFoundError, match="2027.1"):
        template_migration.plan(store, moved, "2027.1")
    with pytest.raises(UserError, match="已在使用"):
        template_migration.plan(store, moved, "2025.1")
    visits.finalize(store, moved)
    with pytest.raises(UserError, match="只有草稿"):
        template_migration.migrate(store, moved, "2026.1")
    assert visits.get_visit(store, moved).template.version == "2025.1"


def test_a_retired_version_keeps_its_visits_rendering(store, two_versions):
    checklists.set_retired(store, OLD.id, "2025.1")
    d = visits.get_visit(store, two_versions[1])
    assert d.template.version == "2025.1" and d.result.overall.level is not None
    assert checklists.find_usable(store).version == "2026.1"
    with pytest.raises(NotFoundError, match="已停用"):
        e = d.enterprise
        visits.create_visit(store, visits.NewVisit(enterprise_id=e.id, template_version="2025.1"))


def test_the_migrate_command_shows_the_plan_then_moves(capsys, store, two_versions, paths):
    moved = two_versions[0]
    assert main(["--data-dir", str(paths.data_dir), "checklist", "migrate", moved[:8], "--to", "2026.1",
                 "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "22 项沿用原评分和记录（其中 2 项编号改变），2 项需重新评定，1 项在新版本中已删除" in out
    assert "需重新评定：1.1.2、4.1.3" in out and "1.1.1→1.1.3" in out
    assert visits.get_visit(store, moved).template.version == "2025.1"
    assert main(["--data-dir", str(paths.data_dir), "checklist", "migrate", moved[:8], "--to", "2026.1"]) == 0
    assert visits.get_visit(store, moved).template.version == "2026.1"
