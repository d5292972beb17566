"""The `xunzhen` command: output shapes, exit codes and Chinese messages."""

import json
import subprocess
import sys

import pytest
from openpyxl import Workbook

from xunzhen_app import __version__
from xunzhen_app.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data_dir(paths, _demo_database):
    import shutil

    shutil.copy(_demo_database, paths.database)
    return str(paths.data_dir)


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0 and __version__ in capsys.readouterr().out


def test_usage_error_exits_1_in_chinese(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["score"])
    assert exc.value.code == 1 and "用法错误" in capsys.readouterr().err


def test_checklist_show_json_shape(capsys):
    code, out, _ = run(capsys, "checklist", "show", "--json")
    data = json.loads(out)
    assert code == 0 and data["id"] == "shanxi-2025-toutou" and data["version"] == "2025.1"
    assert [g["code"] for g in data["goals"]] == ["1", "2", "3", "4", "5", "6"]
    item = data["goals"][0]["measures"][0]["items"][0]
    assert item["code"] == "1.1.1" and item["text"].startswith("建立融合先进管理模式")
    assert sum(len(m["items"]) for g in data["goals"] for m in g["measures"]) == 24


def test_checklist_list_and_unknown_template(capsys):
    code, out, _ = run(capsys, "checklist", "list")
    assert code == 0 and "shanxi-2025-toutou" in out and "24" in out
    code, _, err = run(capsys, "checklist", "show", "no-such")
    assert code == 2 and "没有检查表模板“no-such”" in err


def test_checklist_validate_names_the_problem(capsys, tmp_path):
    f = tmp_path / "t.json"
    f.write_text('{"format": 1}', encoding="utf-8")
    code, _, err = run(capsys, "checklist", "validate", str(f))
    assert code == 2 and str(f) in err and "$.scale" in err


def test_visit_list_and_score_json(capsys, data_dir):
    code, out, _ = run(capsys, "--data-dir", data_dir, "visit", "list", "--json")
    visits = json.loads(out)
    assert code == 0 and len(visits) == 20
    assert {"id", "enterprise", "date", "stage", "status"} <= set(visits[0])
    assert {v["stage"] for v in visits} == {"前期巡诊", "培育跟踪", "成效总结"}
    assert {v["status"] for v in visits} == {"草稿", "已定稿"}
    code, out, _ = run(capsys, "visit", "list", "--data-dir", data_dir)  # options after the subcommand too
    assert code == 0 and visits[0]["id"][:8] in out

    code, out, _ = run(capsys, "--data-dir", data_dir, "score", visits[0]["id"][:8], "--json")
    score = json.loads(out)
    assert code == 0 and len(score["goals"]) == 6
    g = score["goals"][0]
    assert {"code", "title", "level", "index", "provisional", "failed_checks"} <= set(g)
    assert isinstance(g["level"], float) and isinstance(g["index"], int)
    assert "level" in score["overall"] and "failed_checks" in score["overall"]


def test_score_of_unknown_visit_exits_2(capsys, data_dir):
    code, _, err = run(capsys, "--data-dir", data_dir, "score", "deadbeef")
    assert code == 2 and "没有编号为“deadbeef”的巡诊" in err


def test_demo_fills_every_stage_and_status(capsys, paths):
    code, out, _ = run(capsys, "--data-dir", str(paths.data_dir), "demo")
    assert code == 0 and "12 家企业" in out
    code, _, err = run(capsys, "--data-dir", str(paths.data_dir), "demo")
    assert code == 2 and "已有企业数据" in err


def _annex2(path, rows, with_uscc=True):
    wb = Workbook()
    ws = wb.active
    ws.append(["质量强省领军企业重点培育名单"])
    ws.append(["序号", "企业名称", "所属地市", "培育类型", "备注"] + (["统一社会信用代码"] if with_uscc else []))
    for r in rows:
        ws.append(r)
    wb.save(path)


def test_enterprise_import_all_or_nothing(capsys, paths, tmp_path):
    f = tmp_path / "名单.xlsx"
    _annex2(f, [
        [1, "甲公司", "太原市", "领军型", "", "91350100M000100Y43"],
        [2, "乙公司", "石家庄市", "重点培育型", "", ""],
        [3, "丙公司", "大同市", "优秀型", "", "91350100M000100Y44"],
    ])
    d = str(paths.data_dir)
    code, _, err = run(capsys, "--data-dir", d, "enterprise", "import", str(f))
    assert code == 2 and "第 4 行" in err and "石家庄市" in err and "第 5 行" in err and "校验位" in err
    code, out, _ = run(capsys, "--data-dir", d, "enterprise", "list", "--json")
    assert json.loads(out) == []

    code, out, _ = run(capsys, "--data-dir", d, "enterprise", "import", str(f), "--skip-invalid")
    assert code == 0 and "新增 1 家" in out and "跳过无效行 2 行" in out
    code, out, _ = run(capsys, "--data-dir", d, "enterprise", "list", "--json")
    listed = json.loads(out)
    assert [(e["name"], e["city"], e["cultivation_type"], e["uscc"]) for e in listed] == [
        ("甲公司", "太原市", "领军型", "91350100M000100Y43")]


def test_enterprise_import_updates_on_second_run(capsys, paths, tmp_path):
    f = tmp_path / "名单.xlsx"
    _annex2(f, [[1, "甲公司", "太原市", "领军型", "首批"]], with_uscc=False)
    d = str(paths.data_dir)
    assert run(capsys, "--data-dir", d, "enterprise", "import", str(f))[0] == 0
    _annex2(f, [[1, "甲公司", "太原市", "重点培育型", "调整"]], with_uscc=False)
    code, out, _ = run(capsys, "--data-dir", d, "enterprise", "import", str(f))
    assert code == 0 and "更新 1 家" in out


def test_enterprise_import_of_a_non_excel_file(capsys, paths, tmp_path):
    f = tmp_path / "名单.xlsx"
    f.write_bytes(b"this is not a zip")
    code, _, err = run(capsys, "--data-dir", str(paths.data_dir), "enterprise", "import", str(f))
    assert code == 2 and "是文本或 CSV 文件" in err and "另存为 .xlsx" in err and str(f) in err
    wrong = tmp_path / "other.xlsx"
    wb = Workbook()
    wb.active.append(["a", "b"])
    wb.save(wrong)
    code, _, err = run(capsys, "--data-dir", str(paths.data_dir), "enterprise", "import", str(wrong))
    assert code == 2 and "找不到附件2的表头" in err


def test_backup_and_restore_commands(capsys, paths, tmp_path, data_dir):
    target = tmp_path / "备份.sqlite3"
    assert run(capsys, "--data-dir", data_dir, "backup", str(target))[0] == 0
    code, out, _ = run(capsys, "--data-dir", data_dir, "restore", str(target))
    assert code == 0 and "已从" in out
    code, _, err = run(capsys, "--data-dir", data_dir, "restore", str(tmp_path / "missing.sqlite3"))
    assert code == 2 and "不存在" in err


def test_db_option_takes_a_url(capsys, tmp_path):
    url = f"sqlite:///{tmp_path / 'other.db'}"
    code, out, _ = run(capsys, "--db", url, "enterprise", "list", "--json")
    assert code == 0 and json.loads(out) == [] and (tmp_path / "other.db").exists()
    code, _, err = run(capsys, "--db", "nosuchdriver://x", "visit", "list")
    assert code == 2 and "无法打开数据库" in err


def test_python_dash_m_runs_the_same_command():
    out = subprocess.run([sys.executable, "-m", "xunzhen_app", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and __version__ in out.stdout


def test_each_subcommand_is_registered_by_the_module_the_lazy_table_names():
    import argparse
    import importlib

    from xunzhen_app import cli

    for module in cli.COMMAND_GROUPS:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"xunzhen_app.cli.{module}").register(sub, argparse.ArgumentParser(add_help=False))
        assert {name for name, m in cli.COMMAND_MODULES.items() if m == module} == set(sub.choices), module


def test_a_subcommand_imports_only_its_own_module(tmp_path):
    probe = ("import sys; from xunzhen_app.cli import main; main(['--data-dir', sys.argv[1], 'report', 'x', '-o', "
             "sys.argv[1] + '/r.pdf']); print(sorted(m for m in sys.modules if m.startswith('xunzhen_app.cli.')))")
    out = subprocess.run([sys.executable, "-c", probe, str(tmp_path)], capture_output=True, text=True)
    assert out.stdout.split("\n")[-2] == "['xunzhen_app.cli.context', 'xunzhen_app.cli.report_cmds']", out
