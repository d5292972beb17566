"""The review loop on one installation: `visit review`, its rules, and what `visit show --json` says."""

from __future__ import annotations

import json

from exchange_helpers import seed_visit
from store_digest import store_digest

from xunzhen_app.cli import main
from xunzhen_app.services import reviews, visits


def _cli(side, *argv) -> int:
    return main(["--data-dir", str(side.dir), *argv])


def _show(side, visit_id, capsys) -> dict:
    capsys.readouterr()
    assert _cli(side, "visit", "show", visit_id, "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_review_is_recorded_updated_and_shown(bureau, capsys):
    vid = seed_visit(bureau)
    visits.finalize(bureau.store, vid)
    assert _show(bureau, vid, capsys)["review"] is None
    assert _cli(bureau, "visit", "review", vid[:8], "--status", "退回", "--note", "1.1.1 缺少证据") == 0
    shown = _show(bureau, vid, capsys)
    assert {k: shown["review"][k] for k in ("status", "note", "by")} == {
        "status": "退回", "note": "1.1.1 缺少证据", "by": "张测试"}  # the installation's profile name
    assert set(shown["review"]) == {"status", "note", "by", "at"}
    assert shown["author"]["fingerprint"] == bureau.keys.fingerprint and shown["via"] == []

    assert _cli(bureau, "visit", "review", vid, "--status", "已审核") == 0
    with bureau.store.session() as s:
        state = reviews.review_states(s, [vid, "no-such-visit"])
        from xunzhen_app.db.models import VisitReview

        [row] = s.query(VisitReview).all()  # the same record, a new revision: it travels as an update
        assert row.revision == 2
    assert list(state) == [vid] and state[vid].status == "已审核" and not state[vid].amended


def test_amending_after_a_review_is_noted(bureau):
    vid = seed_visit(bureau)
    visits.finalize(bureau.store, vid)
    reviews.review_visit(bureau.store, vid, "退回", "请补充", "市局")
    visits.reopen(bureau.store, vid, "按退回意见修改")
    assert reviews.review_of(bureau.store, vid).amended


def test_bad_reviews_are_refused_with_exit_2_and_change_nothing(bureau, capsys):
    vid = seed_visit(bureau)
    assert _cli(bureau, "visit", "review", vid, "--status", "已审核") == 2  # a draft
    assert "尚未定稿" in capsys.readouterr().err
    visits.finalize(bureau.store, vid)
    before = store_digest(bureau.store.paths.database)
    for argv, message in [(["--status", "通过"], "审核状态“通过”无效"),
                          (["--status", "退回"], "退回时请在审核意见中写明"),
                          (["--status", "退回", "--note", "x" * 2001], "审核意见：过长"),
                          (["--status", "已审核", "--note", "a\x07b"], "控制字符")]:
        assert _cli(bureau, "visit", "review", vid, *argv) == 2
        assert message in capsys.readouterr().err
    assert _cli(bureau, "visit", "review", "ffffffff", "--status", "已审核") == 2
    assert "巡诊" in capsys.readouterr().err
    assert store_digest(bureau.store.paths.database) == before
