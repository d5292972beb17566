"""典型案例 in exchange packages (format 6): an expert's case reaches the bureau's desk with its photos,
an edited case updates the bureau's copy and keeps its 入选, a relay passes it on with its authorship,
someone else's change is a proposal, a tampered or malformed case is refused with exit 2 and an
unchanged store, a second case for one enterprise is refused by itself, and a format-5 package still
imports."""

from __future__ import annotations

import io
import json
import uuid
from pathlib import Path

import pytest
from exchange_helpers import Side, members, resign, rezip, seed_visit
from PIL import Image
from store_digest import store_digest

from xunzhen_app.cli import main
from xunzhen_app.db.models import Blob
from xunzhen_app.db.store import open_store
from xunzhen_app.paths import AppPaths
from xunzhen_app.services import cases, experts
from xunzhen_app.services.exchange import signing
from xunzhen_app.services.exchange.export import export_package
from xunzhen_app.services.exchange.format import canonical_json
from xunzhen_app.services.exchange.merge import import_package
from xunzhen_app.services.exchange.proposals import accept_proposal, list_proposals


def _side(root: Path, name: str, organisation: str) -> Side:
    paths = AppPaths(root).ensure()
    store = open_store(paths)
    experts.save_profile(store, name, organisation)
    return Side(store, signing.load_or_create_keys(paths, store), root)


@pytest.fixture
def sides(tmp_path):
    made = {"expert": _side(tmp_path / "expert", "张测试", "测试大学"),
            "city": _side(tmp_path / "city", "太原市市场监管局", "太原市"),
            "province": _side(tmp_path / "province", "山西省市场监管局", "山西省")}
    for a, b in (("expert", "city"), ("city", "province")):
        made[a].trust(made[b])
        made[b].trust(made[a])
    yield made
    for side in made.values():
        side.store.close()


def _cli(side: Side, *argv) -> int:
    return main(["--data-dir", str(side.dir), *argv])


def _cases(side: Side, capsys) -> list[dict]:
    capsys.readouterr()
    assert _cli(side, "case", "list", "--json") == 0
    return json.loads(capsys.readouterr().out)


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "navy").save(out, "JPEG")
    return out.getvalue()


def _drafted(expert: Side) -> tuple[str, str]:
    vid = seed_visit(expert)
    case = cases.draft_case(expert.store, "测试精密机械有限公司")
    cases.add_photo(expert.store, case.id, "车间.jpg", _jpeg(), caption="改进后的车间")
    return vid, case.id


def _export(side: Side, path: Path, **scope) -> Path:
    return export_package(side.store, side.keys, reports=False, **scope).write(path)


def test_expert_case_reaches_the_bureau_and_keeps_its_selection(sides, tmp_path, capsys):
    expert, city = sides["expert"], sides["city"]
    vid, case_id = _drafted(expert)
    assert _cli(expert, "package", "export", "--visit", vid, "--no-reports", "-o", str(tmp_path / "1.xzp")) == 0
    assert _cli(city, "package", "import", str(tmp_path / "1.xzp")) == 0
    [got] = _cases(city, capsys)
    assert got["id"] == case_id and got["enterprise"] == "测试精密机械有限公司" and got["visits"] == [vid]
    assert [p["caption"] for p in got["photos"]] == ["现场.png", "改进后的车间"] and got["selected"] is False
    with city.store.session() as s:  # the photo's content came with it
        assert s.get(Blob, got["photos"][1]["sha256"]).data == _jpeg()
    assert _cli(city, "case", "select", case_id[:8]) == 0
    assert _cases(city, capsys)[0]["selected"] is True

    # The expert edits the case; the next sync (only what changed) carries it, and 入选 stays the bureau's.
    cases.update_case(expert.store, case_id, title="以目标分解带动质量提升的典型做法")
    capsys.readouterr()
    assert _cli(expert, "package", "export", "--since-last", city.keys.fingerprint, "--no-reports",
                "-o", str(tmp_path / "2.xzp")) == 0
    assert _cli(city, "package", "import", str(tmp_path / "2.xzp")) == 0
    [got] = _cases(city, capsys)
    assert got["title"] == "以目标分解带动质量提升的典型做法" and got["selected"] is True
    assert got["selected_at"] is not None


def test_a_relay_passes_the_case_on_and_others_changes_are_proposals(sides, tmp_path, capsys):
    expert, city, province = sides["expert"], sides["city"], sides["province"]
    vid, case_id = _drafted(expert)
    import_package(city.store, city.keys, _export(expert, tmp_path / "1.xzp", visit_refs=[vid]))
    cases.set_selected(city.store, case_id)  # a local choice: no new version of the expert's record
    report = import_package(province.store, province.keys, _export(city, tmp_path / "2.xzp", visit_refs=[vid]))
    assert not report.refused and not report.proposals
    [got] = _cases(province, capsys)
    assert got["id"] == case_id and got["selected"] is False  # the city's 入选 is not the province's
    assert len(got["photos"]) == 2

    # The city edits the expert's case: at the expert it is a proposal, the case unchanged until accepted.
    cases.update_case(city.store, case_id, title="市局改写的题目")
    report = import_package(expert.store, expert.keys, _export(city, tmp_path / "3.xzp", visit_refs=[vid]))
    assert [(p.entity, p.id) for p in report.proposals] == [("case_study", case_id)]
    assert cases.get_case(expert.store, case_id).title != "市局改写的题目"
    [proposal] = list_proposals(expert.store)
    assert proposal.entity == "case_study"
    accept_proposal(expert.store, proposal.id)  # the author takes it: its own edit, a new revision
    assert cases.get_case(expert.store, case_id).title == "市局改写的题目"


def _altered(path: Path, keys, change, *, attest: bool, **manifest) -> Path:
    """The package with its data changed, under a package id of its own (else it counts as imported)."""
    entries = members(path.read_bytes())
    data = json.loads(entries["data.json"])
    change(data)
    entries["data.json"] = canonical_json(data)
    package_id = str(uuid.uuid4())
    out = path.with_name(f"{package_id}.xzp")
    out.write_bytes(rezip(resign(entries, keys, attest=attest, package_id=package_id, **manifest)))
    return out


def test_a_tampered_case_is_refused_whole(sides, tmp_path, capsys):
    expert, city = sides["expert"], sides["city"]
    vid, _ = _drafted(expert)
    path = _export(expert, tmp_path / "1.xzp", visit_refs=[vid])

    def retitle(data):
        data["cases"][0]["title"] = "篡改后的题目"

    tampered = _altered(path, expert.keys, retitle, attest=False)  # the manifest re-signed, the attestation not
    before = store_digest(city.store.paths.database)
    capsys.readouterr()
    assert _cli(city, "package", "import", str(tampered)) == 2
    assert "没有与其内容相符的签名" in capsys.readouterr().err
    assert store_digest(city.store.paths.database) == before


@pytest.mark.parametrize(("change", "message"), [
    (lambda c: c["photos"][0].update(sha256="../../etc/passwd"), "照片内容摘要"),
    (lambda c: c["photos"][0].update(filename="../车间.jpg"), "附件文件名"),
    (lambda c: c.update(visit_ids=["not-a-visit"]), "关联巡诊"),
    (lambda c: c.update(goal_codes=["1; DROP"]), "关联培育目标"),
    (lambda c: c.update(title=""), "题目"),
])
def test_a_malformed_case_is_refused_naming_the_field(sides, tmp_path, capsys, change, message):
    expert, city = sides["expert"], sides["city"]
    vid, _ = _drafted(expert)
    path = _export(expert, tmp_path / "1.xzp", visit_refs=[vid])
    bad = _altered(path, expert.keys, lambda data: change(data["cases"][0]), attest=True)
    before = store_digest(city.store.paths.database)
    capsys.readouterr()
    assert _cli(city, "package", "import", str(bad)) == 2
    err = capsys.readouterr().err
    assert "data.json 的 cases 中记录" in err and message in err
    assert store_digest(city.store.paths.database) == before


def test_a_format_5_package_imports_and_a_second_case_is_refused_by_itself(sides, tmp_path, capsys):
    expert, city = sides["expert"], sides["city"]
    vid, case_id = _drafted(expert)
    path = _export(expert, tmp_path / "1.xzp", visit_refs=[vid])

    def older(data):
        del data["cases"]
        del data["successes"], data["list_submissions"]  # format 7

    old = _altered(path, expert.keys, older, attest=False, format_version=5)
    assert _cli(city, "package", "import", str(old)) == 0
    assert _cases(city, capsys) == []
    # A format-5 package carrying a case is broken: refused as an unknown part.
    assert _cli(city, "package", "import", str(_altered(path, expert.keys, lambda d: None, attest=False,
                                                        format_version=5))) == 2
    assert "未知部分" in capsys.readouterr().err

    # The city drafts its own case for the enterprise; the expert's then cannot stand beside it.
    own = cases.draft_case(city.store, "测试精密机械有限公司")
    capsys.readouterr()
    assert _cli(city, "package", "import", "--preview", str(path)) == 0
    assert "拒收：case_study" in capsys.readouterr().out
    assert _cli(city, "package", "import", "--json", str(path)) == 0
    report = json.loads(capsys.readouterr().out)
    report = report[0] if isinstance(report, list) else report
    [refused] = report["refused"]
    assert refused["entity"] == "case_study" and refused["id"] == case_id
    assert refused["reason"] == ("企业“测试精密机械有限公司”在本机已有典型案例（本机起草，每家企业只有一份），"
                                 "“张测试”起草的这一份未导入")
    assert report["visit_ids"] == [vid]  # the rest of the package imported
    assert [c["id"] for c in _cases(city, capsys)] == [own.id]


def test_a_second_experts_case_for_the_same_enterprise_names_both_authors(sides, tmp_path):
    expert, city = sides["expert"], sides["city"]
    other = _side(tmp_path / "other", "李测试", "太原理工大学")
    city.trust(other)
    uscc = "91140100MA0K8W1B2K"
    vid = seed_visit(expert, uscc=uscc)
    first = cases.draft_case(expert.store, "测试精密机械有限公司")
    other_vid = seed_visit(other, uscc=uscc)  # the same enterprise (by its code), drafted on its own
    cases.draft_case(other.store, "测试精密机械有限公司")
    import_package(city.store, city.keys, _export(expert, tmp_path / "1.xzp", visit_refs=[vid]))
    report = import_package(city.store, city.keys, _export(other, tmp_path / "2.xzp", visit_refs=[other_vid]))
    [refused] = report.refused
    assert refused.reason == ("企业“测试精密机械有限公司”在本机已有典型案例（“张测试”起草，每家企业只有一份），"
                              "“李测试”起草的这一份未导入")
    assert report.visit_ids == [other_vid]
    assert [c.id for c in cases.list_cases(city.store)] == [first.id]
    other.store.close()
