from xunzhen_app.services.enterprises import EnterpriseFilter, list_enterprises


def test_filters_by_city_type_text_and_visit_status(demo_store):
    everyone = list_enterprises(demo_store)
    assert len(everyone) == 12
    assert {e.city for e in list_enterprises(demo_store, EnterpriseFilter(city="大同市"))} == {"大同市"}
    leading = list_enterprises(demo_store, EnterpriseFilter(cultivation_type="领军型"))
    assert leading and all(e.cultivation_type == "领军型" for e in leading) and len(leading) < 12
    assert [e.name for e in list_enterprises(demo_store, EnterpriseFilter(text="汾州"))] == ["汾州酒业集团有限公司"]
    drafts = list_enterprises(demo_store, EnterpriseFilter(visit_status="草稿"))
    assert drafts and all(e.latest_visit_status == "草稿" for e in drafts)
    assert list_enterprises(demo_store, EnterpriseFilter(visit_status="未巡诊")) == []


def _annex2(path, n):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "企业名称", "所属地市", "培育类型", "备注"])
    for k in range(n):
        ws.append([k + 1, f"名单企业{k + 1}有限公司", "太原市", "领军型", ""])
    wb.save(path)
    return path


def test_import_reports_each_row_and_a_stop_rolls_everything_back(store, tmp_path):
    from xunzhen_app.services.enterprise_import import import_enterprises

    f = _annex2(tmp_path / "名单.xlsx", 3)
    calls = []
    report = import_enterprises(store, f, progress=lambda done, total: calls.append((done, total)) or True)
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)] and len(report.created) == 3 and not report.cancelled

    f = _annex2(tmp_path / "更长.xlsx", 5)
    # A stop even at the very last call, before the commit, leaves the table as it was.
    report = import_enterprises(store, f, progress=lambda done, total: done < total)
    assert report.cancelled and report.created == [] and report.summary() == "已取消，未导入任何企业"
    assert sorted(e.name for e in list_enterprises(store)) == [f"名单企业{k}有限公司" for k in (1, 2, 3)]


def test_cli_import_is_unchanged_by_the_progress_callback(capsys, paths, tmp_path):
    from xunzhen_app.cli import main

    f = _annex2(tmp_path / "名单.xlsx", 2)
    assert main(["--data-dir", str(paths.data_dir), "enterprise", "import", str(f)]) == 0
    assert "导入完成：新增 2 家，更新 0 家" in capsys.readouterr().out
