"""A hostile corpus against a bureau's store, built here: each package is refused through the CLI
with exit code 2 and a Chinese message naming the file, and the store is unchanged (a digest of
every row before and after)."""

from __future__ import annotations

import json
import struct
import uuid
import zipfile

import pytest
from exchange_helpers import db_fingerprint, members, resign, rezip, seed_visit
from sqlalchemy import select

from xunzhen_app.cli import main
from xunzhen_app.db.models import ImportLog, Visit, VisitHistory
from xunzhen_app.services.exchange import format, proposals, receipts, signing
from xunzhen_app.services.exchange.export import export_package, seal_package
from xunzhen_app.services.exchange.merge import import_package

DEEP = 100_000  # far beyond json's recursion limit


def _deep(value: bytes = b"0") -> bytes:
    return b"[" * DEEP + value + b"]" * DEEP


def _data(entries: dict[str, bytes]) -> dict:
    return json.loads(entries["data.json"])


def _with_data(entries: dict[str, bytes], data: dict, keys, **manifest) -> bytes:
    return rezip(resign({**entries, "data.json": format.canonical_json(data)}, keys, **manifest))


def _with_raw_data(entries: dict[str, bytes], raw: bytes, keys) -> bytes:
    # Stored, not deflated: brackets compress far beyond the ratio limit, which would refuse them first.
    return rezip(resign({**entries, "data.json": raw}, keys, package_id=str(uuid.uuid4())), zipfile.ZIP_STORED)


def _deep_manifest(entries: dict[str, bytes], keys) -> bytes:
    body = resign(entries, keys, package_id=str(uuid.uuid4()))
    mb = body["manifest.json"][:-1] + b',"x":' + _deep() + b"}"
    return rezip({**body, "manifest.json": mb, "manifest.sig": keys.sign(mb)}, zipfile.ZIP_STORED)


def _overstated_compressed_size(entries: dict[str, bytes], keys) -> bytes:
    """A 20 MB report of zeros (deflates ~1000×), its compressed size overstated in the central directory
    so that the ratio looks like 100: the directory lies, the bytes in the file do not."""
    name = f"reports/{uuid.uuid4()}.pdf"
    blob = bytearray(rezip(resign({**entries, name: b"\0" * (20 * 1024 * 1024)}, keys, package_id=str(uuid.uuid4()))))
    pos = blob.index(b"PK\x01\x02")  # central directory entries
    while True:
        n = struct.unpack("<H", blob[pos + 28:pos + 30])[0]
        if blob[pos + 46:pos + 46 + n].decode() == name:
            break
        pos = blob.index(b"PK\x01\x02", pos + 4)
    struct.pack_into("<I", blob, pos + 20, 20 * 1024 * 1024 // 100)
    return bytes(blob)


@pytest.fixture
def corpus(expert, bureau, tmp_path):
    """The expert's genuine package (imported by the bureau) and the pieces to forge others from."""
    vid = seed_visit(expert)
    bureau.trust(expert)
    expert.trust(bureau)
    good = export_package(expert.store, expert.keys, visit_refs=[vid], reports=False).write(tmp_path / "good.xzp")
    assert main(["--data-dir", str(bureau.dir), "package", "import", str(good)]) == 0
    return vid, members(good.read_bytes())


def _fresh(entries, keys, **manifest):
    """The same package under a new id, so it is not a re-import."""
    return rezip(resign(entries, keys, package_id=str(uuid.uuid4()), **manifest))


def _revision(entries, keys, value):
    data = _data(entries)
    data["visits"][0]["revision"] = value
    return _with_data(entries, data, keys, package_id=str(uuid.uuid4()))


def _poisoned_template(entries, keys, rehash: bool):
    from xunzhen_app.services.checklists import _digest  # noqa: PLC2701 - the test forges the hash on purpose

    data = _data(entries)
    tpl = data["templates"][0]
    tpl["content"]["scale"]["levels"][0]["descriptor"] = "被篡改的等级说明"
    if rehash:
        tpl["sha256"] = _digest(tpl["content"])
    return _with_data(entries, data, keys, package_id=str(uuid.uuid4()))


# name → (build(entries, expert keys) → bytes, expected words in the message)
CASES = {
    "deep manifest": (lambda m, k: _deep_manifest(m, k), "嵌套层数超过上限"),
    "deep data.json": (lambda m, k: _with_raw_data(m, b'{"visits":' + _deep() + b"}", k), "嵌套层数超过上限"),
    "deep string-free data.json": (lambda m, k: _with_raw_data(m, b"{" * DEEP, k), "嵌套层数超过上限"),
    "huge integer": (lambda m, k: _with_raw_data(m, b'{"visits":' + b"9" * 100_000 + b"}", k), "不是有效的 JSON"),
    "overstated compressed size": (_overstated_compressed_size, "压缩大小超出"),
    "revision 2^31-1": (lambda m, k: _revision(m, k, 2**31 - 1), "修订号"),
    "revision jump": (lambda m, k: _revision(m, k, 5000), "高出 1000 以上"),
    "template with a false hash": (lambda m, k: _poisoned_template(m, k, rehash=False), "声明的哈希不符"),
    "template rehashed, other content": (lambda m, k: _poisoned_template(m, k, rehash=True), "与本机同版本的不同"),
    "sender name of 5000 characters": (
        lambda m, k: _fresh(m, k, sender={**k.card().sender_dict(), "name": "张" * 5000}), "超过 60 个字符"),
}


def _edit(entries, keys, section: str, changes: dict, index: int = 0) -> bytes:
    """The expert's package with one record's values changed, signed and attested again by the expert."""
    data = _data(entries)
    row = data[section][index]
    for k, v in changes.items():
        if callable(v):
            v(row)
        else:
            row[k] = v
    return _with_data(entries, data, keys, package_id=str(uuid.uuid4()))


def _valued(section: str, words: str, **changes):
    return (lambda m, k: _edit(m, k, section, changes), words)


# Values that type-check but mean nothing to the app: refused whole, naming section, record and field.
CASES |= {
    "level 9": _valued("assessments", "成熟度等级", level=9),
    "level -3": _valued("assessments", "成熟度等级", level=-3),
    "item code outside the template": _valued("assessments", "检查表中没有条目", item_code="9.9.9"),
    "problem item code outside the template": _valued("problems", "检查表中没有条目", item_code="X"),
    "invalid USCC": _valued("enterprises", "统一社会信用代码", uscc="91140100MA0000000X"),
    "unknown city": _valued("enterprises", "所属地市", city="火星市"),
    "county of another city": _valued("enterprises", "不属于", county="平遥县"),
    "unknown 培育类型": _valued("enterprises", "培育类型", cultivation_type="随便型"),
    "unknown honour": _valued("enterprises", "荣誉", honours=[{"kind": "诺贝尔奖", "name": "x"}]),
    "contact with extra keys": _valued("enterprises", "联系人", contacts=[{"name": "甲", "password": "x"}]),
    "enterprise name of 5000 characters": _valued("enterprises", "超过 200 个字符", name="企" * 5000),
    "unknown status": _valued("visits", "巡诊状态", status="已删除"),
    "unknown stage": _valued("visits", "巡诊阶段", stage="第九阶段"),
    "year 9999": _valued("visits", "年份 9999", start_date="9999-01-01", end_date="9999-01-02"),
    "end before start": _valued("visits", "早于开始日期", start_date="2025-06-02", end_date="2025-06-01"),
    "unknown method": _valued("visits", "巡诊方式", methods=["占卜"]),
    "control character in a summary": _valued("visits", "控制字符", summary="总体\x00良好"),
    # 10 MB of one character deflate ~1000×: refused before it is inflated.
    "10 MB summary": _valued("visits", "压缩比异常", summary="好" * (10 * 1024 * 1024 // 3)),
    "30,000-character summary": _valued("visits", "过长", summary="".join(str(n) for n in range(8000))[:30000]),
    "bidi override in a name": _valued("experts", "专家姓名", name="张\u202e三"),
    "non-UUID id": _valued("problems", "不是有效的编号", id="problem-1"),
    "id holding ../": _valued("attachments", "不是有效的编号", id="../../etc/passwd-0000000000000000000"),
    "attachment name with a path": _valued("attachments", "路径分隔符", filename="../../evil.png"),
    "negative position": _valued("problems", "排列位置", position=-1),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_package_is_refused_and_changes_nothing(case, corpus, expert, bureau, tmp_path, capsys):
    build, words = CASES[case]
    _, entries = corpus
    bad = tmp_path / f"hostile-{list(CASES).index(case)}.xzp"
    bad.write_bytes(build(entries, expert.keys))
    before = db_fingerprint(bureau.store)
    capsys.readouterr()
    assert main(["--data-dir", str(bureau.dir), "package", "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and words in err and "数据库未作任何修改" in err, err
    assert db_fingerprint(bureau.store) == before


def test_deep_key_card_is_refused(bureau, tmp_path, capsys):
    card = tmp_path / "deep.card"
    card.write_bytes(b'{"format":' + b"[" * 5000 + b"]" * 5000 + b"}")  # under the size limit: depth refuses it
    before = db_fingerprint(bureau.store)
    assert main(["--data-dir", str(bureau.dir), "keys", "import-card", str(card)]) == 2
    err = capsys.readouterr().err
    assert str(card) in err and "嵌套层数超过上限" in err
    assert db_fingerprint(bureau.store) == before


def _receipt(keys, recipient: str, data: dict) -> bytes:
    return seal_package(keys, "receipt", data, {}, recipient)[1]


def _deep_receipt(keys, recipient: str) -> bytes:
    entries = members(_receipt(keys, recipient, {}))
    return rezip(resign({**entries, "data.json": b'{"receipt_for":' + _deep(b'"x"') + b"}"}, keys),
                 zipfile.ZIP_STORED)


def _receipt_cases(expert, bureau, other, vid, sent_id, received_id):
    accepted = [["visit", vid, 1]]
    body = {"accepted": accepted, "visits": {vid: 1}, "conflicts": [], "refused": []}
    fp = expert.keys.fingerprint
    return {
        # The bureau confirms a package the expert never sent: it would set what both sides agree on.
        "receipt for a package never sent": (_receipt(bureau.keys, fp, {**body, "receipt_for": str(uuid.uuid4())}),
                                             "不是本机发出的"),
        # ... or one the expert received (the bureau's own), which the expert only noted.
        "receipt for a package received": (_receipt(bureau.keys, fp, {**body, "receipt_for": received_id}),
                                           "不是本机发出的"),
        # A third installation confirms the expert's package to the bureau.
        "receipt from someone else": (_receipt(other.keys, fp, {**body, "receipt_for": sent_id}), "另一接收方"),
        "receipt with another digest": (_receipt(bureau.keys, fp, {**body, "receipt_for": sent_id,
                                                                   "receipt_for_sha256": "0" * 64}), "内容不符"),
        "deep receipt": (_deep_receipt(bureau.keys, fp), "嵌套层数超过上限"),
        "receipt revision 2^31-1": (_receipt(bureau.keys, fp, {**body, "receipt_for": sent_id,
                                                               "visits": {vid: 2**31 - 1}}), "修订号"),
    }


def test_forged_receipts_are_refused(expert, bureau, tmp_path, capsys):
    from exchange_helpers import make_side

    vid = seed_visit(expert)
    bureau.trust(expert)
    expert.trust(bureau)
    other = make_side(tmp_path / "other")
    expert.trust(other)
    bureau_fp = bureau.keys.fingerprint
    sent = export_package(expert.store, expert.keys, reports=False, since_last=bureau_fp[:12])
    # A package from the bureau that the expert imports: its id is in the expert's export log as "held".
    from xunzhen_app.services import enterprises
    from xunzhen_app.services.dto import EnterpriseInput

    enterprises.create_enterprise(bureau.store, EnterpriseInput(name="市局企业", city="太原市", cultivation_type="领军型"))
    bvid = seed_visit(bureau, "市局自己的巡诊企业")
    received = export_package(bureau.store, bureau.keys, visit_refs=[bvid], reports=False).write(tmp_path / "b.xzp")
    received_id = import_package(expert.store, expert.keys, received).package_id

    cases = _receipt_cases(expert, bureau, other, vid, sent.package_id, received_id)
    for n, (name, (blob, words)) in enumerate(cases.items()):
        bad = tmp_path / f"receipt-{n}.xzp"
        bad.write_bytes(blob)
        before = db_fingerprint(expert.store)
        capsys.readouterr()
        assert main(["--data-dir", str(expert.dir), "package", "import", str(bad)]) == 2, name
        err = capsys.readouterr().err
        assert str(bad) in err and words in err, (name, err)
        assert db_fingerprint(expert.store) == before, name
    # The genuine receipt still works.
    rep = import_package(bureau.store, bureau.keys, sent.write(tmp_path / "sent.xzp"))
    rc = receipts.receipt_for(bureau.store, bureau.keys, rep.package_id).write(tmp_path / "rc.xzp")
    assert import_package(expert.store, expert.keys, rc).delivered == 1
    other.store.close()


def test_sender_name_comes_from_the_registry(expert, bureau, tmp_path):
    vid = seed_visit(expert)
    bureau.trust(expert)
    registered = signing.list_cards(bureau.store)[0].name
    entries = members(export_package(expert.store, expert.keys, visit_refs=[vid], reports=False).data)
    claimed = {**expert.keys.card().sender_dict(), "name": "市局管理员"}
    path = tmp_path / "claims.xzp"
    path.write_bytes(rezip(resign(entries, expert.keys, sender=claimed)))
    rep = import_package(bureau.store, bureau.keys, path)
    assert rep.sender_name == registered != "市局管理员" and "市局管理员" not in rep.summary()
    with bureau.store.session() as s:
        assert s.scalar(select(ImportLog.sender_name)) == registered
        actors = set(s.scalars(select(VisitHistory.actor)))
    assert not any("市局管理员" in a for a in actors)


def test_sync_and_batch_import_carry_on_past_a_refused_package(expert, bureau, tmp_path, capsys):
    seed_visit(expert)
    bureau.trust(expert)
    expert.trust(bureau)
    folder = tmp_path / "share"
    folder.mkdir()
    good = export_package(expert.store, expert.keys, reports=False, since_last=bureau.keys.fingerprint)
    entries = members(good.data)
    bad = folder / "xunzhen-data-00000000-bad.xzp"  # sorted before the good one
    bad.write_bytes(_with_raw_data(entries, b'{"visits":' + _deep() + b"}", expert.keys))
    good.write(folder / "xunzhen-data-zzzzzzzz-good.xzp")
    before = db_fingerprint(bureau.store)
    capsys.readouterr()
    assert main(["--data-dir", str(bureau.dir), "sync", "--folder", str(folder), "--to", "none"]) == 2
    out = capsys.readouterr()
    assert bad.name in out.err and "嵌套层数超过上限" in out.err
    assert "导入 1" in out.out and "拒收 1" in out.out
    assert db_fingerprint(bureau.store) != before

    # The same in one `package import` with several files.
    other_vid = seed_visit(expert, "第二家企业")
    second = export_package(expert.store, expert.keys, visit_refs=[other_vid], reports=False).write(tmp_path / "2.xzp")
    assert main(["--data-dir", str(bureau.dir), "package", "import", str(bad), str(second)]) == 2
    out = capsys.readouterr()
    assert bad.name in out.err and "已导入" in out.out


# --- ownership: who may change what -------------------------------------------------------------


@pytest.fixture
def owned(expert, bureau, tmp_path):
    """Expert A's finalized visit, imported by the bureau; expert B is registered there too."""
    from exchange_helpers import make_side

    from xunzhen_app.services import visits

    vid = seed_visit(expert)
    visits.finalize(expert.store, vid)
    other = make_side(tmp_path / "other")
    for side in (expert, other):
        bureau.trust(side)
        side.trust(bureau)
    path = export_package(expert.store, expert.keys, visit_refs=[vid], reports=False).write(tmp_path / "a.xzp")
    import_package(bureau.store, bureau.keys, path)
    yield vid, members(path.read_bytes()), other
    other.store.close()


def _as(keys, entries, edit, **kw) -> bytes:
    """A's package edited by ``edit(data)`` and sent (signed and attested) by ``keys``."""
    data = _data(entries)
    edit(data)
    return _with_data(entries, data, keys, package_id=str(uuid.uuid4()),
                      sender=keys.card().sender_dict(), **kw)


def _summary(data):
    data["visits"][0]["summary"] = "改写他人的已定稿巡诊"
    data["visits"][0]["revision"] += 1
    for a in data["assessments"]:
        a["level"], a["revision"] = 1, a["revision"] + 1


def _tombstone_problem(data):
    p = data["problems"].pop(0)
    data["tombstones"] = [{"entity": "visit_problem", "record_id": p["id"], "visit_id": p["visit_id"],
                           "revision": p["revision"] + 1, "digest": _digest_of(p),
                           "deleted_at": "2025-06-01T08:00:00+00:00"}]


def _digest_of(row):
    from xunzhen_app.db.tracking import content_digest

    return content_digest(row)


def _rename_expert(data):
    data["experts"][0]["name"] = "冒名顶替"
    data["experts"][0]["revision"] += 1


def _unsigned_edit(entries, keys):
    """A's own key, A's manifest, but a rating changed after A attested it."""
    data = _data(entries)
    data["assessments"][0]["evidence"] = "事后篡改的证据"
    return rezip(resign({**entries, "data.json": format.canonical_json(data)}, keys, attest=False,
                        package_id=str(uuid.uuid4())))


def _history_in_format_3(entries, keys):
    data = _data(entries)
    data["history"] = [{"id": str(uuid.uuid4()), "visit_id": data["visits"][0]["id"], "actor": "市局管理员",
                        "at": "2020-01-01T00:00:00+00:00", "field": "summary"}]
    return _with_data(entries, data, keys, package_id=str(uuid.uuid4()))


# name → (build(A's entries, A's keys, B's keys) → bytes, expected words in the message)
OWNERSHIP_CASES = {
    "another expert rewrites a finalized visit": (lambda m, a, b: _as(b, m, _summary), "发送方无权修改"),
    "another expert tombstones its problems": (lambda m, a, b: _as(b, m, _tombstone_problem), "无权修改或删除"),
    "another expert renames the expert": (lambda m, a, b: _as(b, m, _rename_expert), "发送方无权修改"),
    "the author rewrites its finalized visit without reopening": (lambda m, a, b: _as(a, m, _summary), "已定稿"),
    "a record changed after it was attested": (lambda m, a, b: _unsigned_edit(m, a), "没有与其内容相符的签名"),
    "back-dated history in format 3": (lambda m, a, b: _history_in_format_3(m, a), "未知部分"),
}


@pytest.mark.parametrize("case", list(OWNERSHIP_CASES))
def test_ownership_breach_is_refused_and_changes_nothing(case, owned, expert, bureau, tmp_path, capsys):
    build, words = OWNERSHIP_CASES[case]
    _, entries, other = owned
    bad = tmp_path / f"owner-{list(OWNERSHIP_CASES).index(case)}.xzp"
    bad.write_bytes(build(entries, expert.keys, other.keys))
    before = db_fingerprint(bureau.store)
    capsys.readouterr()
    assert main(["--data-dir", str(bureau.dir), "package", "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and words in err and "数据库未作任何修改" in err, err
    assert db_fingerprint(bureau.store) == before


def test_history_is_written_by_the_receiver_not_taken_from_a_package(owned, expert, bureau):
    vid, _, _ = owned
    with bureau.store.session() as s:
        rows = list(s.scalars(select(VisitHistory).where(VisitHistory.visit_id == vid)))
    assert rows and {r.actor for r in rows} == {f"导入自 {signing.list_cards(bureau.store)[0].name}"}
    assert {r.new_value for r in rows} == {"新建"}  # one row per record it inserted, none of the expert's


def test_reopened_with_reason_the_author_changes_its_visit(owned, expert, bureau, tmp_path):
    from xunzhen_app.services import visits

    vid, _, _ = owned
    visits.reopen(expert.store, vid, "企业补充了资料")
    visits.set_visit_field(expert.store, vid, "summary", "补充资料后的结论")
    visits.finalize(expert.store, vid)
    path = export_package(expert.store, expert.keys, visit_refs=[vid], reports=False).write(tmp_path / "r.xzp")
    rep = import_package(bureau.store, bureau.keys, path)
    assert [r.entity for r in rep.updated] == ["visit"] and not rep.proposals
    assert visits.get_visit(bureau.store, vid).summary == "补充资料后的结论"
    with bureau.store.session() as s:
        assert s.get(Visit, vid).reopen_reason == "企业补充了资料"


def test_task_package_grants_visits_and_an_edit_of_the_bureaus_enterprise_is_a_proposal(
        expert, bureau, tmp_path, capsys):
    from exchange_helpers import make_side

    from xunzhen_app.services import enterprises, experts, visits
    from xunzhen_app.services.dto import EnterpriseInput
    from xunzhen_app.services.exchange import tasks
    from xunzhen_app.services.exchange.export import export_task_package

    ent = enterprises.create_enterprise(bureau.store, EnterpriseInput(
        name="培育库企业", city="大同市", cultivation_type="重点培育型", notes="市局备注"))
    x = experts.add_expert(bureau.store, "李专家", "某研究院")
    tasks.assign(bureau.store, ent.id[:8], x.id[:8])
    other = make_side(tmp_path / "other")
    for side in (expert, other):
        bureau.trust(side)
        side.trust(bureau)
    card = signing.parse_card("card", expert.card_file().read_bytes())
    task = export_task_package(bureau.store, bureau.keys, encrypt_to=card).write(tmp_path / "task.xzp")
    import_package(expert.store, expert.keys, task)

    me = experts.save_profile(expert.store, "张测试", "测试大学")
    vid = visits.create_visit(expert.store, visits.NewVisit(enterprise_id=ent.id, team=(me.id,))).id
    old = enterprises.get_enterprise(expert.store, ent.id)
    enterprises.update_enterprise(expert.store, ent.id, EnterpriseInput(
        name=old.name, city=old.city, cultivation_type=old.cultivation_type, notes="专家建议：补充联系人"))
    path = export_package(expert.store, expert.keys, visit_refs=[vid], reports=False).write(tmp_path / "v.xzp")
    capsys.readouterr()
    assert main(["--data-dir", str(bureau.dir), "package", "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "修改建议 1" in out and "新增" in out
    assert enterprises.get_enterprise(bureau.store, ent.id).notes == "市局备注"  # never overwritten
    assert main(["--data-dir", str(bureau.dir), "package", "proposals"]) == 0
    listing = capsys.readouterr().out
    registered = {c.fingerprint: c.name for c in signing.list_cards(bureau.store)}[expert.keys.fingerprint]
    assert f"{registered} 建议修改 enterprise" in listing and "专家建议：补充联系人" in listing
    [p] = proposals.list_proposals(bureau.store)
    assert main(["--data-dir", str(bureau.dir), "package", "accept", p.id[:8]]) == 0
    assert enterprises.get_enterprise(bureau.store, ent.id).notes == "专家建议：补充联系人"
    assert main(["--data-dir", str(bureau.dir), "package", "accept", p.id[:8]]) == 2
    assert "已于" in capsys.readouterr().err

    # Expert B was not assigned this enterprise: its visit for it is refused whole.
    them = experts.save_profile(other.store, "王其他", "其他单位")
    import_package(other.store, other.keys, export_package(bureau.store, bureau.keys, everything=True,
                                                            reports=False).write(tmp_path / "all.xzp"))
    bvid = visits.create_visit(other.store, visits.NewVisit(enterprise_id=ent.id, team=(them.id,))).id
    theirs = export_package(other.store, other.keys, visit_refs=[bvid], reports=False).write(tmp_path / "b.xzp")
    before = db_fingerprint(bureau.store)
    assert main(["--data-dir", str(bureau.dir), "package", "import", str(theirs)]) == 2
    assert "没有通过市局任务包分配给发送方" in capsys.readouterr().err
    assert db_fingerprint(bureau.store) == before
    other.store.close()


def test_a_rejected_proposal_stays_rejected(owned, expert, bureau, tmp_path, capsys):
    """The bureau edits the expert's visit and sends it back: at the expert it is only a proposal."""
    from xunzhen_app.services import visits

    vid, _, _ = owned
    visits.reopen(bureau.store, vid, "市局复核")
    visits.set_visit_field(bureau.store, vid, "summary", "市局改写的结论")
    back = export_package(bureau.store, bureau.keys, visit_refs=[vid], reports=False).write(tmp_path / "back.xzp")
    rep = import_package(expert.store, expert.keys, back)
    assert {r.entity for r in rep.proposals} == {"visit"} and not rep.updated
    assert visits.get_visit(expert.store, vid).summary == ""
    [p] = proposals.list_proposals(expert.store)
    assert main(["--data-dir", str(expert.dir), "package", "reject", p.id[:8], "--note", "结论以专家组为准"]) == 0
    assert proposals.list_proposals(expert.store) == []
    assert proposals.list_proposals(expert.store, include_decided=True)[0].decision == "rejected"
    again = rezip(resign(members(back.read_bytes()), bureau.keys, package_id=str(uuid.uuid4())))
    (tmp_path / "again.xzp").write_bytes(again)
    rep = import_package(expert.store, expert.keys, tmp_path / "again.xzp")  # decided once: stays decided
    assert not rep.proposals and proposals.list_proposals(expert.store) == []
