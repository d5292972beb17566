"""`xunzhen visit new/show/rate/attach/finalize/reopen` over real SQLite stores: output, exit codes, nothing half-saved."""

from __future__ import annotations

import json

import pytest

from xunzhen_app.cli import main
from xunzhen_app.services import enterprises, experts, visits
from xunzhen_app.services.dto import EnterpriseInput

SHOW_KEYS = {"id", "enterprise", "stage", "status", "date", "outside_window", "template", "summary", "team", "items", "author", "via", "review"}
ITEM_KEYS = {"code", "text", "level", "not_applicable", "check", "evidence", "problem", "suggestion",
             "strength", "previous_level", "baseline_level", "pending", "provisional_level", "ratings",
             "rated_by", "spread", "consensus_needed", "consensus"}


@pytest.fixture
def data(paths, store):
    enterprises.create_enterprise(store, EnterpriseInput(name="晋阳机械有限公司", city="太原市"))
    return str(paths.data_dir)


def run(capsys, data_dir, *args):
    code = main(["--data-dir", data_dir, *args])
    out, err = capsys.readouterr()
    return code, out, err


def new_visit(capsys, data_dir, *extra) -> str:
    code, out, err = run(capsys, data_dir, "visit", "new", "--enterprise", "晋阳机械有限公司", "--stage", "前期巡诊",
                         "--date", "2026-03-15", "--json", *extra)
    assert code == 0, err
    return json.loads(out)["id"]


def show(capsys, data_dir, visit_id) -> dict:
    code, out, err = run(capsys, data_dir, "visit", "show", visit_id, "--json")
    assert code == 0, err
    return json.loads(out)


def item(shown: dict, code: str) -> dict:
    return next(i for i in shown["items"] if i["code"] == code)


def test_new_then_show_gives_the_documented_shape(capsys, data, store):
    experts.save_profile(store, "王工", "山西省质检院")
    vid = new_visit(capsys, data)
    shown = show(capsys, data, vid[:8])
    assert set(shown) == SHOW_KEYS
    assert (shown["author"]["name"], shown["via"], shown["review"]) == ("王工", [], None)  # created here, not reviewed
    assert (shown["id"], shown["enterprise"], shown["stage"], shown["status"], shown["date"]) == (
        vid, "晋阳机械有限公司", "前期巡诊", "草稿", "2026-03-15")
    assert shown["template"] == {"id": "shanxi-2025-toutou", "version": shown["template"]["version"]}
    assert len(shown["items"]) == 24 and all(set(i) == ITEM_KEYS for i in shown["items"])
    assert item(shown, "1.1.1") == {"code": "1.1.1", "text": item(shown, "1.1.1")["text"], "level": None,
                                    "not_applicable": False, "check": None, "evidence": "", "problem": "",
                                    "suggestion": "", "strength": "", "previous_level": None,
                                    "baseline_level": None,
                                    "pending": False, "provisional_level": None, "ratings": [], "rated_by": [],
                                    "spread": 0, "consensus_needed": False, "consensus": None}
    assert [m.name for m in visits.get_visit(store, vid).team] == ["王工"]  # the user, as the form ticks


def test_new_refuses_bad_input_with_exit_2(capsys, data, store):
    for args, says in [(["--enterprise", "不存在的公司", "--stage", "前期巡诊"], "不存在的公司"),
                       (["--enterprise", "晋阳机械有限公司", "--stage", "中期"], "中期"),
                       (["--enterprise", "晋阳机械有限公司", "--stage", "前期巡诊", "--date", "2026-13-01"], "2026-13-01"),
                       (["--enterprise", "晋阳机械有限公司", "--stage", "前期巡诊", "--template", "nope"], "nope"),
                       (["--enterprise", "晋阳机械有限公司", "--stage", "培育跟踪", "--from", "ffffffff"], "ffffffff")]:
        code, out, err = run(capsys, data, "visit", "new", *args)
        assert code == 2 and says in err and "Traceback" not in err, (args, err)
    assert visits.list_visits(store) == []


def test_new_by_id_and_from_a_previous_visit(capsys, data, store):
    first = new_visit(capsys, data)
    assert run(capsys, data, "visit", "rate", first, "1.1.1", "4", "--evidence", "制度齐全")[0] == 0
    eid = enterprises.list_enterprises(store)[0].id
    code, out, err = run(capsys, data, "visit", "new", "--enterprise", eid[:6], "--stage", "培育跟踪",
                         "--from", first[:8], "--json")
    assert code == 0, err
    follow = show(capsys, data, json.loads(out)["id"])
    assert follow["stage"] == "培育跟踪"
    # A follow-up re-checks: the last level is a pending suggestion, not a copied rating or text.
    assert {k: item(follow, "1.1.1")[k] for k in ("level", "evidence", "previous_level", "pending")} == {
        "level": None, "evidence": "", "previous_level": 4, "pending": True}
    assert visits.get_visit(store, follow["id"]).previous_visit_id == first


def test_rate_levels_checks_and_texts(capsys, data):
    vid = new_visit(capsys, data)
    code, out, err = run(capsys, data, "visit", "rate", vid, "1.1.1", "3", "--evidence", "查阅质量手册",
                         "--problem", "记录不全", "--suggestion", "补齐记录", "--strength", "台账齐全")
    assert code == 0, err
    assert run(capsys, data, "visit", "rate", vid, "3.1.1", "5", "--check", "未通过")[0] == 0
    assert run(capsys, data, "visit", "rate", vid, "6.1.1", "不适用")[0] == 0
    shown = show(capsys, data, vid)
    rated = item(shown, "1.1.1")
    # One expert's visit: the one rating, under the 组长 (this visit has no team row to name them).
    assert [(r["expert"], r["level"]) for r in rated.pop("ratings")] == [("组长", 3)]
    assert rated | {"text": ""} == {
        "code": "1.1.1", "text": "", "level": 3, "not_applicable": False, "check": None,
        "evidence": "查阅质量手册", "problem": "记录不全", "suggestion": "补齐记录", "strength": "台账齐全",
        "previous_level": None,
        "baseline_level": None, "pending": False, "provisional_level": None, "rated_by": ["组长"],
        "spread": 0, "consensus_needed": False, "consensus": None}
    assert (item(shown, "3.1.1")["level"], item(shown, "3.1.1")["check"]) == (5, "未通过")
    assert (item(shown, "6.1.1")["level"], item(shown, "6.1.1")["not_applicable"]) == (None, True)
    assert run(capsys, data, "visit", "rate", vid, "3.1.1", "5", "--check", "通过")[0] == 0
    assert item(show(capsys, data, vid), "3.1.1")["check"] == "通过"


def test_rate_refuses_bad_input_and_saves_nothing_of_it(capsys, data):
    vid = new_visit(capsys, data)
    assert run(capsys, data, "visit", "rate", vid, "1.1.1", "2", "--evidence", "原有记录")[0] == 0
    before = show(capsys, data, vid)
    for args, says in [(["1.1.1", "6", "--evidence", "不该保存"], "1–5"),
                       (["1.1.1", "0"], "1–5"),
                       (["1.1.1", "三级"], "三级"),
                       (["9.9.9", "3"], "9.9.9"),
                       (["1.1.1", "3", "--check", "通过"], "否决项"),
                       (["3.1.1", "3", "--check", "合格"], "合格")]:
        code, out, err = run(capsys, data, "visit", "rate", vid, *args)
        assert code == 2 and says in err and "Traceback" not in err, (args, err)
    code, out, err = run(capsys, data, "visit", "rate", "ffffffff", "1.1.1", "3")
    assert code == 2 and "ffffffff" in err
    assert show(capsys, data, vid) == before


def test_attach_to_an_item_or_the_visit(capsys, data, store, tmp_path):
    vid = new_visit(capsys, data)
    photo = tmp_path / "车间.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    assert run(capsys, data, "visit", "attach", vid, str(photo), "--item", "1.1.1", "--caption", "车间现场")[0] == 0
    assert run(capsys, data, "visit", "attach", vid, str(photo))[0] == 0
    got = visits.list_attachments(store, vid)
    assert [(a.filename, a.item_code, a.caption) for a in got] == [("车间.jpg", "1.1.1", "车间现场"),
                                                                    ("车间.jpg", None, "")]
    for args, says in [([str(tmp_path / "没有.jpg")], "没有.jpg"), ([str(photo), "--item", "9.9"], "9.9")]:
        code, out, err = run(capsys, data, "visit", "attach", vid, *args)
        assert code == 2 and says in err and "Traceback" not in err, (args, err)
    assert len(visits.list_attachments(store, vid)) == 2


def test_finalize_locks_and_reopen_needs_a_reason(capsys, data, tmp_path):
    vid = new_visit(capsys, data)
    assert run(capsys, data, "visit", "rate", vid, "1.1.1", "3")[0] == 0
    assert run(capsys, data, "visit", "finalize", vid)[0] == 0
    assert show(capsys, data, vid)["status"] == "已定稿"
    photo = tmp_path / "a.png"
    photo.write_bytes(b"png")
    for args in (["rate", vid, "1.1.1", "5"], ["attach", vid, str(photo)], ["finalize", vid],
                 ["reopen", vid, "--reason", "  "]):
        code, out, err = run(capsys, data, "visit", *args)
        assert code == 2 and "Traceback" not in err and err.startswith("错误："), (args, err)
    assert item(show(capsys, data, vid), "1.1.1")["level"] == 3
    assert run(capsys, data, "visit", "reopen", vid, "--reason", "企业补交了材料")[0] == 0
    assert run(capsys, data, "visit", "rate", vid, "1.1.1", "5")[0] == 0
    shown = show(capsys, data, vid)
    assert (shown["status"], item(shown, "1.1.1")["level"]) == ("草稿", 5)
    code, out, err = run(capsys, data, "visit", "reopen", vid, "--reason", "再开一次")
    assert code == 2 and "尚未定稿" in err


def test_show_and_open_of_an_unknown_visit_exit_2_without_a_window(capsys, data, monkeypatch):
    from xunzhen_app.gui import app as gui_app

    monkeypatch.setattr(gui_app, "run_gui", lambda *a, **k: pytest.fail("no window for an unknown visit"))
    for args in (["visit", "show", "ffffffff", "--json"], ["open", "ffffffff"]):
        code, out, err = run(capsys, data, *args)
        assert code == 2 and "ffffffff" in err and out == ""


def test_open_starts_the_gui_on_the_resolved_visit(capsys, data, monkeypatch):
    from xunzhen_app.gui import app as gui_app

    vid = new_visit(capsys, data)
    calls = []
    monkeypatch.setattr(gui_app, "run_gui", lambda *a, **k: calls.append((a, k)) or 0)
    assert run(capsys, data, "open", vid[:8])[0] == 0
    assert calls == [((data, None), {"rate_visit": vid})]


def test_the_text_output_names_the_visit_and_each_item(capsys, data):
    code, out, err = run(capsys, data, "visit", "new", "--enterprise", "晋阳机械有限公司", "--stage", "前期巡诊",
                         "--date", "2026-03-15")
    assert code == 0 and out.startswith("已新建巡诊 ") and "晋阳机械有限公司　前期巡诊　2026-03-15" in out
    vid = out.split()[1].split("：")[0]
    assert run(capsys, data, "visit", "rate", vid, "1.1.2", "不适用")[0] == 0
    assert run(capsys, data, "visit", "rate", vid, "3.1.1", "4", "--check", "通过")[0] == 0
    code, out, err = run(capsys, data, "visit", "show", vid)
    lines = out.splitlines()
    # A 前期巡诊 in March is before its window (May): flagged, not refused.
    assert code == 0 and lines[0].startswith("晋阳机械有限公司　前期巡诊（超出阶段时间）　2026-03-15　草稿")
    rows = {line.split()[0]: line.split()[1:3] for line in lines[2:26]}
    assert len(rows) == 24 and lines[26:] == ["", f"作者：{lines[27][3:]}"]  # made here: no relays, no review
    assert rows["1.1.1"][0] == "未评" and rows["1.1.2"][0] == "不适用" and rows["3.1.1"][:2] == ["4", "通过"]
