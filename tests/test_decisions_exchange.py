"""A city's 培育成功 decisions and 附件2 submissions travel to the province as the city's own records
(exchange format "successes" / "list_submissions"), so the province's desk counts them per city; the
province's own 标杆 picks stay its own."""

from __future__ import annotations

import json

import pytest
from exchange_helpers import make_side, members, resign, rezip, seed_visit
from store_digest import store_digest

from xunzhen_app.cli import main
from xunzhen_app.core import programme_targets as targets
from xunzhen_app.services import programme_desk as desk
from xunzhen_app.services import visits

CITY_FIRM = "汾河测试装备有限公司"
PROVINCE_FIRM = "省测试标杆企业有限公司"


def _cli(side, *argv) -> int:
    return main(["--data-dir", str(side.dir), *argv])


@pytest.fixture
def sides(tmp_path):
    city, province = make_side(tmp_path / "city"), make_side(tmp_path / "province")
    visits.finalize(city.store, seed_visit(city, CITY_FIRM))
    visits.finalize(province.store, seed_visit(province, PROVINCE_FIRM))
    desk.set_pick(province.store, targets.BENCHMARK, PROVINCE_FIRM)
    province.trust(city)
    city.trust(province)
    yield city, province
    city.store.close()
    province.store.close()


def _send(city, province, tmp_path, name: str) -> int:
    """The city's sync to the province: what changed since its last package (a decision counts)."""
    path = tmp_path / name
    assert _cli(city, "package", "export", "--since-last", province.keys.fingerprint, "-o", str(path)) == 0
    return _cli(province, "package", "import", str(path))


def _taiyuan(province, capsys) -> dict:
    capsys.readouterr()
    assert _cli(province, "desk", "progress", "--city", "太原市", "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    return row


def test_decisions_and_the_list_reach_the_province_and_a_revocation_follows(sides, tmp_path, capsys):
    city, province = sides
    assert _taiyuan(province, capsys)["successes"]["count"] == 0
    assert _cli(city, "enterprise", "success", CITY_FIRM, "--date", "2025-05-10", "--reason", "两次巡诊等级提升") == 0
    assert _cli(city, "desk", "send-list", "--city", "太原市", "-o", str(tmp_path / "附件2.xlsx"),
                "--date", "2025-05-20") == 0
    assert _send(city, province, tmp_path, "first.zip") == 0
    shown = _taiyuan(province, capsys)
    assert shown["successes"]["count"] == 1 and shown["successes"]["enterprises"] == [CITY_FIRM]
    assert shown["list"] == {"sent_on": "2025-05-20", "due": targets.LIST_DUE.isoformat(), "in_time": True}
    assert desk.picks(province.store, targets.BENCHMARK) == [
        f.id for f in desk.standings(province.store) if f.name == PROVINCE_FIRM]
    # The decision is the city's: the province cannot withdraw it.
    assert _cli(province, "enterprise", "success", CITY_FIRM, "--off") == 2

    assert _cli(city, "enterprise", "success", CITY_FIRM, "--off") == 0  # no visit changed: the decision did
    assert _send(city, province, tmp_path, "second.zip") == 0
    shown = _taiyuan(province, capsys)
    assert shown["successes"]["count"] == 0 and shown["list"]["sent_on"] == "2025-05-20"
    assert len(desk.picks(province.store, targets.BENCHMARK)) == 1  # the province's pick untouched


@pytest.mark.parametrize(("section", "field", "value", "message"), [
    ("successes", "decided_on", "1890-01-01", "认定日期"),
    ("successes", "reason", "理" * 2001, "认定理由"),
    ("successes", "reason", "  ", "认定理由不能为空"),
    ("successes", "enterprise_id", "not-a-uuid", "不是有效的编号"),
    ("list_submissions", "city", "火星市", "所属地市"),
    ("list_submissions", "id", "x" * 36, "不是有效的编号"),
])
def test_a_tampered_record_is_refused_and_changes_nothing(sides, tmp_path, capsys, section, field, value, message):
    city, province = sides
    desk.record_success(city.store, CITY_FIRM, "2025-05-10", "两次巡诊等级提升")
    assert _cli(city, "desk", "send-list", "--city", "太原市", "-o", str(tmp_path / "附件2.xlsx")) == 0
    path = tmp_path / "city.zip"
    assert _cli(city, "package", "export", "--all", "-o", str(path)) == 0
    entries = members(path.read_bytes())
    data = json.loads(entries["data.json"])
    data[section][0][field] = value
    entries["data.json"] = json.dumps(data, ensure_ascii=False).encode()
    bad = tmp_path / "bad.zip"
    bad.write_bytes(rezip(resign(entries, city.keys)))  # signed anew: only the value is wrong
    before = store_digest(province.store.paths.database)
    capsys.readouterr()
    assert _cli(province, "package", "import", str(bad)) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert store_digest(province.store.paths.database) == before


def test_a_decision_changed_after_the_city_signed_it_is_refused(sides, tmp_path, capsys):
    city, province = sides
    desk.record_success(city.store, CITY_FIRM, "2025-05-10", "两次巡诊等级提升")
    path = tmp_path / "city.zip"
    assert _cli(city, "package", "export", "--all", "-o", str(path)) == 0
    entries = members(path.read_bytes())
    data = json.loads(entries["data.json"])
    data["successes"][0]["reason"] = "另一个理由"
    entries["data.json"] = json.dumps(data, ensure_ascii=False).encode()
    bad = tmp_path / "bad.zip"
    bad.write_bytes(rezip(resign(entries, city.keys, attest=False)))  # the attestation no longer matches
    before = store_digest(province.store.paths.database)
    assert _cli(province, "package", "import", str(bad)) == 2
    assert store_digest(province.store.paths.database) == before
    assert _taiyuan(province, capsys)["successes"]["count"] == 0


def test_decisions_made_before_migration_0016_are_kept_as_synced_records(tmp_path):
    from sqlalchemy import create_engine, text

    from xunzhen_app.db import migrate
    from xunzhen_app.db.store import open_store
    from xunzhen_app.paths import AppPaths

    paths = AppPaths(tmp_path / "old").ensure()
    engine = create_engine(f"sqlite:///{paths.database}")
    migrate.upgrade(engine, "0015")
    eid = "11111111-2222-4333-8444-555555555555"
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO enterprise (id, created_at, updated_at, revision, name, city, county, industry, cultivation_type,"
            " honours, contacts, notes) VALUES (:id, '2025-05-01 00:00:00', '2025-05-01 00:00:00', 1, :name, '太原市',"
            " '', '', '领军型', '[]', '[]', '')"), {"id": eid, "name": CITY_FIRM})
        conn.execute(text("INSERT INTO cultivation_success (enterprise_id, decided_on, reason, decided_by, recorded_at)"
                          " VALUES (:id, '2025-05-10', '两次巡诊等级提升', '市局', '2025-05-10 08:00:00')"), {"id": eid})
        conn.execute(text("INSERT INTO list_submission (id, city, sent_on, file_name, enterprises, recorded_at) VALUES"
                          " ('l1', '太原市', '2025-05-20', '附件2.xlsx', 12, '2025-05-20 08:00:00')"))
    engine.dispose()
    store = open_store(paths)
    try:
        [row] = desk.progress(store, "太原市")
        assert row.successes == (CITY_FIRM,) and str(row.list_sent_on) == "2025-05-20"
        with store.engine.connect() as conn:
            [(rid, revoked, revision)] = conn.execute(text("SELECT id, revoked, revision FROM cultivation_success")).all()
            assert len(rid) == 36 and not revoked and revision == 1
        assert desk.withdraw_success(store, CITY_FIRM) == CITY_FIRM
        assert desk.progress(store, "太原市")[0].successes == ()
    finally:
        store.close()


def test_a_decision_on_an_enterprise_unknown_here_is_refused_by_itself(sides, tmp_path, capsys):
    city, province = sides
    desk.record_success(city.store, CITY_FIRM, "2025-05-10", "两次巡诊等级提升")
    assert _cli(city, "desk", "send-list", "--city", "太原市", "-o", str(tmp_path / "附件2.xlsx"),
                "--date", "2025-05-20") == 0
    path = tmp_path / "city.zip"
    assert _cli(city, "package", "export", "--all", "-o", str(path)) == 0
    entries = members(path.read_bytes())
    data = json.loads(entries["data.json"])
    for section in ("enterprises", "visits", "visit_experts", "assessments", "problems", "attachments", "plan_items"):
        data[section] = []  # the decision's enterprise is neither in the package nor at the province
    entries = {k: v for k, v in entries.items() if not k.startswith(("attachments/", "reports/"))}
    entries["data.json"] = json.dumps(data, ensure_ascii=False).encode()
    bad = tmp_path / "bad.zip"
    bad.write_bytes(rezip(resign(entries, city.keys)))
    capsys.readouterr()
    assert _cli(province, "package", "import", str(bad), "--json") == 0
    [report] = json.loads(capsys.readouterr().out)
    assert [(r["entity"], r["label"], r["reason"]) for r in report["refused"]] == [
        ("cultivation_success", "两次巡诊等级提升", "引用的记录不存在（enterprise_id）")]
    shown = _taiyuan(province, capsys)
    assert shown["successes"]["count"] == 0 and shown["list"]["sent_on"] == "2025-05-20"  # the list still came
