"""Templates travel: a task package carries the bureau's usable templates, an expert's
package each visit's template snapshot; what arrives is installed on the other side."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from xunzhen_app.core.checklist import load_template_file
from xunzhen_app.services import bureau as bureau_service
from xunzhen_app.services import checklists, enterprises, experts, visits
from xunzhen_app.services.dto import EnterpriseInput
from xunzhen_app.services.exchange import tasks
from xunzhen_app.services.exchange.export import export_package, export_task_package
from xunzhen_app.services.exchange.merge import import_package

FOUR = load_template_file(Path(__file__).parent / "data" / "four-level-template.json")


def test_a_task_package_carries_the_usable_templates_and_the_expert_can_use_them(expert, bureau, tmp_path):
    checklists.install(bureau.store, FOUR)
    checklists.install(bureau.store, replace(FOUR, version="2025.9", title="旧版"))
    checklists.set_retired(bureau.store, "county-four", "2025.9")
    ent = enterprises.create_enterprise(bureau.store, EnterpriseInput(name="任务企业", city="大同市"))
    x = experts.add_expert(bureau.store, "李专家", "某研究院")
    tasks.assign(bureau.store, ent.id[:8], x.id[:8], stage="前期巡诊")
    expert.trust(bureau)
    path = export_task_package(bureau.store, bureau.keys).write(tmp_path / "task.xzp")
    report = import_package(expert.store, expert.keys, path)
    assert not report.refused
    usable = {t.key for t in checklists.usable_templates(expert.store)}
    assert ("county-four", "2026.1") in usable and ("county-four", "2025.9") not in usable
    [mine] = [i for i in checklists.installed_templates(expert.store) if i.key == ("county-four", "2026.1")]
    assert mine.origin == checklists.STORED and mine.template == FOUR
    vid = visits.create_visit(expert.store, visits.NewVisit(enterprise_id=ent.id, template_id="county-four")).id
    visits.rate_item(expert.store, vid, "1.1.1", level=4)
    assert visits.get_visit(expert.store, vid).template.scale.top == 4


def test_an_experts_package_carries_the_snapshot_its_visit_was_filled_with(expert, bureau, tmp_path):
    checklists.install(expert.store, FOUR)  # e.g. imported from the county's workbook on the laptop
    experts.save_profile(expert.store, "王专家", "某研究院")
    ent = enterprises.create_enterprise(expert.store, EnterpriseInput(name="县域企业", city="晋中市"))
    vid = visits.create_visit(expert.store, visits.NewVisit(enterprise_id=ent.id, template_id="county-four")).id
    for code, level in (("1.1.1", 4), ("1.1.2", 3), ("2.1.1", 2), ("2.1.2", 3), ("3.1.1", 4)):
        visits.rate_item(expert.store, vid, code, level=level)
    visits.rate_item(expert.store, vid, "1.1.2", check_passed=True)
    bureau.trust(expert)
    path = export_package(expert.store, expert.keys, visit_refs=[vid], reports=False).write(tmp_path / "data.xzp")
    report = import_package(bureau.store, bureau.keys, path, accept_unknown=True)
    assert not report.refused
    d = visits.get_visit(bureau.store, vid)
    assert d.template == FOUR and d.result.overall.level == visits.get_visit(expert.store, vid).result.overall.level
    [row] = bureau_service.overview(bureau.store)
    assert row.levels == ("起步", "成长", "成熟", "卓越") and row.overall.band_name == "成熟"
    assert ("county-four", "2026.1") in {i.key for i in checklists.installed_templates(bureau.store)}
