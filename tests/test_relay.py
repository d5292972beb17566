"""Three (and four) installations end to end, real packages between real stores: an expert's work relayed
by the city (and a county) to the province with its authorship intact, the review loop between the city
and the expert, and hostile relays refused with exit 2 and an unchanged store."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from exchange_helpers import Side, members, resign, rezip, seed_visit
from store_digest import store_digest

from xunzhen_app.cli import main
from xunzhen_app.db.models import KeyCard
from xunzhen_app.db.store import open_store
from xunzhen_app.paths import AppPaths
from xunzhen_app.services import experts, reviews, visits
from xunzhen_app.services.exchange import format, relay, signing
from xunzhen_app.services.exchange.export import export_package
from xunzhen_app.services.exchange.merge import import_package
from xunzhen_app.services.exchange.records import SINCE_VERSION


def _side(root: Path, name: str, organisation: str) -> Side:
    paths = AppPaths(root).ensure()
    store = open_store(paths)
    experts.save_profile(store, name, organisation)
    return Side(store, signing.load_or_create_keys(paths, store), root)


def _register(*pairs: tuple[Side, Side]) -> None:
    for a, b in pairs:  # each side of a pair registers the other's card
        a.trust(b)
        b.trust(a)


@pytest.fixture
def sides(tmp_path):
    made = {"expert": _side(tmp_path / "expert", "张测试", "测试大学"),
            "county": _side(tmp_path / "county", "小店区市场监管局", "小店区"),
            "city": _side(tmp_path / "city", "太原市市场监管局", "太原市"),
            "province": _side(tmp_path / "province", "山西省市场监管局", "山西省")}
    yield made
    for side in made.values():
        side.store.close()


def _send(src: Side, dst: Side, tmp_path: Path, vid: str, name: str) -> Path:
    path = export_package(src.store, src.keys, visit_refs=[vid], reports=False).write(tmp_path / f"{name}.xzp")
    import_package(dst.store, dst.keys, path)
    return path


def _cli(side: Side, *argv) -> int:
    return main(["--data-dir", str(side.dir), *argv])


def _show(side: Side, vid: str, capsys) -> dict:
    capsys.readouterr()
    assert _cli(side, "visit", "show", vid, "--json") == 0
    return json.loads(capsys.readouterr().out)


def _finalized_visit(side: Side) -> str:
    vid = seed_visit(side)
    visits.finalize(side.store, vid)
    return vid


def _expert_at(side: Side, expert: Side) -> bool:
    with side.store.session() as s:
        return s.get(KeyCard, expert.keys.fingerprint) is not None


def test_the_province_sees_the_experts_visit_via_the_city(sides, tmp_path, capsys):
    e, c, p = sides["expert"], sides["city"], sides["province"]
    _register((e, c), (c, p))
    vid = _finalized_visit(e)
    _send(e, c, tmp_path, vid, "to-city")
    reviews.review_visit(c.store, vid, "已审核", "", "太原市市场监管局")  # the city's own record travels on
    _send(c, p, tmp_path, vid, "to-province")

    shown = _show(p, vid, capsys)
    assert shown["author"] == {"name": "张测试", "organisation": "测试大学", "fingerprint": e.keys.fingerprint}
    assert shown["via"] == ["太原市市场监管局"]
    assert shown["review"]["status"] == "已审核" and shown["review"]["by"] == "太原市市场监管局"
    assert not _expert_at(p, e)  # the province registered only the city
    assert _show(c, vid, capsys)["via"] == []  # the city had it from its author


def test_a_deletion_in_a_relayed_visit_travels_signed_by_its_author(sides, tmp_path, capsys):
    e, c, p = sides["expert"], sides["city"], sides["province"]
    _register((e, c), (c, p))
    vid = seed_visit(e)
    [problem] = visits.get_visit(e.store, vid).problems
    visits.remove_row(e.store, "problem", problem.id)
    visits.finalize(e.store, vid)
    _send(e, c, tmp_path, vid, "to-city")
    _send(c, p, tmp_path, vid, "to-province")  # refused before: the tombstone went under the city's name
    assert visits.get_visit(p.store, vid).problems == ()
    assert _show(p, vid, capsys)["via"] == ["太原市市场监管局"]


def test_county_city_province_is_a_chain_of_vouching(sides, tmp_path, capsys):
    e, k, c, p = sides["expert"], sides["county"], sides["city"], sides["province"]
    _register((e, k), (k, c), (c, p))
    vid = _finalized_visit(e)
    _send(e, k, tmp_path, vid, "to-county")
    _send(k, c, tmp_path, vid, "to-city")
    _send(c, p, tmp_path, vid, "to-province")
    shown = _show(p, vid, capsys)
    assert shown["author"]["name"] == "张测试" and shown["author"]["fingerprint"] == e.keys.fingerprint
    assert shown["via"] == ["小店区市场监管局", "太原市市场监管局"]
    assert _show(c, vid, capsys)["via"] == ["小店区市场监管局"]
    assert not _expert_at(p, e) and not _expert_at(c, e)


def test_a_city_that_alters_a_finalized_visit_is_refused_at_the_province(sides, tmp_path, capsys):
    e, c, p = sides["expert"], sides["city"], sides["province"]
    _register((e, c), (c, p))
    vid = _finalized_visit(e)
    _send(e, c, tmp_path, vid, "to-city")
    visits.reopen(c.store, vid, "市局改一下")  # what the city cannot do to someone else's visit, tried anyway
    visits.set_visit_field(c.store, vid, "summary", "市局改写的总体评价")
    visits.finalize(c.store, vid)
    altered = export_package(c.store, c.keys, visit_refs=[vid], reports=False).write(tmp_path / "altered.xzp")
    before = store_digest(p.store.paths.database)
    capsys.readouterr()
    assert _cli(p, "package", "import", str(altered)) == 2
    err = capsys.readouterr().err
    assert "altered.xzp" in err and vid in err and "作者是“张测试”" in err and "与作者签名的版本不同" in err
    assert store_digest(p.store.paths.database) == before


def test_a_returned_visit_is_amended_and_sent_again(sides, tmp_path, capsys):
    e, c = sides["expert"], sides["city"]
    _register((e, c))
    vid = _finalized_visit(e)
    _send(e, c, tmp_path, vid, "first")
    capsys.readouterr()
    assert _cli(c, "visit", "review", vid[:8], "--status", "退回", "--note", "1.1.1 证据不足，请补充") == 0
    _send(c, e, tmp_path, vid, "returned")  # the city's next package to the expert

    capsys.readouterr()
    assert _cli(e, "visit", "list", "--json") == 0
    assert [r["review"] for r in json.loads(capsys.readouterr().out)] == ["退回"]  # the mark in the list
    at_expert = _show(e, vid, capsys)["review"]
    assert (at_expert["status"], at_expert["note"], at_expert["by"]) == ("退回", "1.1.1 证据不足，请补充", "太原市市场监管局")
    assert _cli(e, "visit", "reopen", vid, "--reason", "按市局退回意见补充") == 0
    assert _cli(e, "visit", "rate", vid, "1.1.1", "4", "--evidence", "补充：班组质量目标分解表") == 0
    assert _cli(e, "visit", "finalize", vid) == 0
    _send(e, c, tmp_path, vid, "amended")

    item = next(i for i in _show(c, vid, capsys)["items"] if i["code"] == "1.1.1")
    assert (item["level"], item["evidence"]) == (4, "补充：班组质量目标分解表")
    assert reviews.review_of(c.store, vid).amended  # the desk can tell it was amended since 退回
    reviews.review_visit(c.store, vid, "已审核", "", "太原市市场监管局")
    _send(c, e, tmp_path, vid, "approved")
    assert _show(e, vid, capsys)["review"]["status"] == "已审核"


def test_a_return_reaches_the_expert_with_a_task_package_and_with_a_sync(sides, tmp_path, capsys):
    from xunzhen_app.services import enterprises
    from xunzhen_app.services.dto import EnterpriseInput
    from xunzhen_app.services.exchange import sync, tasks
    from xunzhen_app.services.exchange.export import export_task_package

    e, c = sides["expert"], sides["city"]
    _register((e, c))
    vid = _finalized_visit(e)
    _send(e, c, tmp_path, vid, "first")
    reviews.review_visit(c.store, vid, "退回", "请补充 1.1.1 的证据", "太原市市场监管局")
    ent = enterprises.create_enterprise(c.store, EnterpriseInput(name="新任务企业", city="太原市", cultivation_type="领军型"))
    me_at_city = experts.profile(e.store).id  # the expert's own profile, which came with its visit
    tasks.assign(c.store, ent.id[:8], me_at_city[:8], stage="前期巡诊")
    task = export_task_package(c.store, c.keys).write(tmp_path / "task.xzp")
    import_package(e.store, e.keys, task)
    assert _show(e, vid, capsys)["review"]["note"] == "请补充 1.1.1 的证据"

    # The sync folder: the review counts as a change of the visit, so the city's next sync sends it.
    reviews.review_visit(c.store, vid, "已审核", "", "太原市市场监管局")
    folder = tmp_path / "sync"
    folder.mkdir()
    sync.sync_folder(c.store, c.keys, folder, recipients=[e.keys.fingerprint])
    sync.sync_folder(e.store, e.keys, folder, recipients=[])
    assert _show(e, vid, capsys)["review"]["status"] == "已审核"


def test_a_self_review_from_the_expert_does_not_count(sides, tmp_path):
    e, c = sides["expert"], sides["city"]
    _register((e, c))
    vid = _finalized_visit(e)
    reviews.review_visit(e.store, vid, "已审核", "", "张测试")
    _send(e, c, tmp_path, vid, "self")
    assert reviews.review_of(c.store, vid) is None


# --- hostile relays -------------------------------------------------------------------------------


def _relayed(sides, tmp_path) -> tuple[dict[str, bytes], Side, Side, str]:
    e, c, p = sides["expert"], sides["city"], sides["province"]
    _register((e, c), (c, p))
    vid = _finalized_visit(e)
    _send(e, c, tmp_path, vid, "to-city")
    blob = export_package(c.store, c.keys, visit_refs=[vid], reports=False).data
    return members(blob), c, p, vid


def _forged_vouching(m, c, vid):
    data = json.loads(m["data.json"])
    data["vouchings"][0]["card"]["name"] = "冒名专家"  # the city never signed this name
    return data, True


def _unregistered_relay(m, c, vid):
    data = json.loads(m["data.json"])
    stranger = signing.KeyPair(*_fresh_keys(), name="外市局", organisation="")
    card = data["vouchings"][0]["card"]
    data["vouchings"] = [relay.vouch(stranger, card)]
    return data, True


def _no_vouching(m, c, vid):
    data = json.loads(m["data.json"])
    del data["vouchings"]  # the expert's attestation, with nobody's word for the expert's key
    return data, True


def _altered_record(m, c, vid):
    data = json.loads(m["data.json"])
    data["visits"][0]["summary"] = "转发途中改写"
    return data, False  # the expert's attestation kept as it was: it no longer matches


def _fresh_keys():
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    return Ed25519PrivateKey.generate(), X25519PrivateKey.generate()


@pytest.mark.parametrize("case, message", [
    (_forged_vouching, "担保签名无效"),
    (_unregistered_relay, "在本机未登记"),
    (_altered_record, "没有与其内容相符的签名"),
    (_no_vouching, "没有已登记的转发方为其密钥卡担保"),
])
def test_hostile_relays_are_refused_and_change_nothing(case, message, sides, tmp_path, capsys):
    m, c, p, vid = _relayed(sides, tmp_path)
    data, _ = case(m, c, vid)
    # Re-signed by the city as a whole (the manifest), its attestations left as they were.
    body = resign({**m, "data.json": format.canonical_json(data)}, c.keys, attest=False, package_id=str(uuid.uuid4()))
    path = tmp_path / "hostile.xzp"
    path.write_bytes(rezip(body))
    before = store_digest(p.store.paths.database)
    capsys.readouterr()
    assert _cli(p, "package", "import", str(path)) == 2
    err = capsys.readouterr().err
    assert "hostile.xzp" in err and message in err and "Traceback" not in err
    assert store_digest(p.store.paths.database) == before


def test_a_format_3_relay_of_an_unregistered_author_is_refused(sides, tmp_path, capsys):
    """Format 3 had no vouchings: an author's attestation from a relay counts only for a key registered here."""
    m, c, p, vid = _relayed(sides, tmp_path)
    data = json.loads(m["data.json"])
    del data["vouchings"]
    for part in [name for name in data if SINCE_VERSION.get(name, 1) > 3]:
        assert data.pop(part) == [], part  # sections of later formats, empty in this package
    body = resign({**m, "data.json": format.canonical_json(data)}, c.keys, attest=False,
                  package_id=str(uuid.uuid4()), format_version=3)
    path = tmp_path / "v3.xzp"
    path.write_bytes(rezip(body))
    before = store_digest(p.store.paths.database)
    capsys.readouterr()
    assert _cli(p, "package", "import", str(path)) == 2
    assert "由未登记的密钥" in capsys.readouterr().err
    assert store_digest(p.store.paths.database) == before
    p.trust(sides["expert"])  # registered here, the expert's own signature is enough
    assert _cli(p, "package", "import", str(path)) == 0
    assert _show(p, vid, capsys)["via"] == ["太原市市场监管局"]
