"""Exchange packages: signing, verification before any write, idempotent merge,
conflicts, receipts, task packages, sync folder and the CLI."""

from __future__ import annotations

import hashlib
import json
import os
import uuid

import pytest
from exchange_helpers import (
    db_fingerprint,
    make_side,
    members,
    resign,
    rezip,
    seed_visit,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from xunzhen_app.core.errors import UserError
from xunzhen_app.db.models import Assignment, Delivery, VisitHistory
from xunzhen_app.services import visits
from xunzhen_app.services.exchange import (
    conflicts,
    format,
    receipts,
    signing,
    sync,
    tasks,
)
from xunzhen_app.services.exchange.export import export_package, export_task_package
from xunzhen_app.services.exchange.format import PackageError
from xunzhen_app.services.exchange.merge import import_package


@pytest.fixture
def package(expert, bureau, tmp_path):
    """A one-visit package from the expert, whose card the bureau has registered."""
    vid = seed_visit(expert)
    bureau.trust(expert)
    path = export_package(expert.store, expert.keys, visit_refs=[vid]).write(tmp_path / "p.xzp")
    return vid, path


def test_round_trip_and_reimport_is_a_no_op(package, bureau, tmp_path):
    vid, path = package
    rep = import_package(bureau.store, bureau.keys, path)
    assert not rep.already_imported and rep.visit_ids == [vid]
    kinds = {r.entity for r in rep.new}
    assert {"visit", "enterprise", "expert", "assessment", "visit_problem", "attachment", "checklist_template"} <= kinds
    assert not rep.conflicts and not rep.refused
    detail = visits.get_visit(bureau.store, vid)
    assert detail.summary == "" and detail.assessments["1.1.1"].evidence == "质量手册第 3 版"
    assert visits.attachment_bytes(bureau.store, detail.attachments[0].sha256).startswith(b"\x89PNG")

    before = db_fingerprint(bureau.store)
    again = import_package(bureau.store, bureau.keys, path)
    assert again.already_imported and "已导入过" in again.summary()
    assert db_fingerprint(bureau.store) == before


def test_preview_commits_nothing(package, bureau):
    _, path = package
    before = db_fingerprint(bureau.store)
    rep = import_package(bureau.store, bureau.keys, path, preview=True)
    assert rep.preview and rep.new
    assert db_fingerprint(bureau.store) == before


def test_same_content_in_a_new_package_is_unchanged(package, expert, bureau, tmp_path):
    vid, path = package
    import_package(bureau.store, bureau.keys, path)
    second = export_package(expert.store, expert.keys, visit_refs=[vid]).write(tmp_path / "p2.xzp")
    rep = import_package(bureau.store, bureau.keys, second)
    assert not rep.new and not rep.updated and not rep.conflicts and rep.unchanged > 0


def test_their_edit_updates_ours_kept_when_only_we_changed(package, expert, bureau, tmp_path):
    vid, path = package
    import_package(bureau.store, bureau.keys, path)
    visits.set_visit_field(expert.store, vid, "summary", "整体较好")
    p2 = export_package(expert.store, expert.keys, visit_refs=[vid]).write(tmp_path / "p2.xzp")
    rep = import_package(bureau.store, bureau.keys, p2)
    assert [r.entity for r in rep.updated] == ["visit"] and not rep.conflicts
    assert visits.get_visit(bureau.store, vid).summary == "整体较好"

    # Only the bureau edits; an older package from the expert must not undo it.
    visits.set_visit_field(bureau.store, vid, "report_number", "市局-001")
    p3 = export_package(expert.store, expert.keys, visit_refs=[vid]).write(tmp_path / "p3.xzp")
    rep = import_package(bureau.store, bureau.keys, p3)
    assert not rep.updated and not rep.conflicts
    assert visits.get_visit(bureau.store, vid).report_number == "市局-001"


def test_both_changed_keeps_both_and_resolves_field_by_field(package, expert, bureau, tmp_path):
    vid, path = package
    import_package(bureau.store, bureau.keys, path)
    visits.set_visit_field(bureau.store, vid, "summary", "市局意见")
    visits.set_visit_field(expert.store, vid, "summary", "专家意见")
    visits.set_visit_field(expert.store, vid, "report_number", "ZJ-7")
    p2 = export_package(expert.store, expert.keys, visit_refs=[vid]).write(tmp_path / "p2.xzp")
    rep = import_package(bureau.store, bureau.keys, p2)
    assert [r.entity for r in rep.conflicts] == ["visit"]
    assert visits.get_visit(bureau.store, vid).summary == "市局意见"  # nothing overwritten

    [c] = conflicts.list_conflicts(bureau.store)
    diffs = {f.field: (f.local, f.remote) for f in c.fields}
    assert diffs == {"summary": ("市局意见", "专家意见"), "report_number": ("", "ZJ-7")}
    conflicts.resolve_conflict(bureau.store, c.id[:8], {"report_number": conflicts.REMOTE,
                                                       "summary": ("value", "合并后的意见")})
    d = visits.get_visit(bureau.store, vid)
    assert (d.summary, d.report_number) == ("合并后的意见", "ZJ-7")
    assert conflicts.list_conflicts(bureau.store) == []
    assert conflicts.list_conflicts(bureau.store, include_resolved=True)[0].resolved_at is not None
    with bureau.store.session() as s:
        fields = set(s.scalars(select(VisitHistory.field).where(VisitHistory.visit_id == vid)))
    assert {"summary", "report_number"} <= fields  # the resolution is in the visit's history


def test_same_uuid_different_content_from_a_third_party_is_refused(package, expert, bureau, tmp_path):
    vid, path = package
    import_package(bureau.store, bureau.keys, path)
    # A third party sends the same visit id with different content: neither its visit nor ours.
    other = make_side(tmp_path / "other")
    bureau.trust(other)
    blob = members(path.read_bytes())
    data = json.loads(blob["data.json"])
    data["visits"][0]["summary"] = "另一个版本"
    blob["data.json"] = format.canonical_json(data)
    forged = tmp_path / "forged.xzp"
    entries = resign(blob, other.keys, sender=other.keys.card().sender_dict(), package_id=data["visits"][0]["id"])
    forged.write_bytes(rezip(entries))
    before = db_fingerprint(bureau.store)
    with pytest.raises(PackageError, match="无权修改"):
        import_package(bureau.store, bureau.keys, forged)
    assert db_fingerprint(bureau.store) == before
    other.store.close()


# --- bad input: refused, and the database unchanged --------------------------


def _edited(m):
    """A value changed and the member hashes fixed up to match: only the signature is left to catch it."""
    data = json.loads(m["data.json"])
    data["assessments"][0]["level"] = 5
    edited = {**m, "data.json": format.canonical_json(data)}
    mf = json.loads(m["manifest.json"])
    for e in mf["members"]:
        if e["name"] == "data.json":
            e["sha256"] = hashlib.sha256(edited["data.json"]).hexdigest()
            e["size"] = len(edited["data.json"])
    edited["manifest.json"] = format.canonical_json(mf)
    return rezip(edited)


def _bad_types(m, expert):
    data = json.loads(m["data.json"])
    data["visits"][0]["start_date"] = "not a date"
    return rezip(resign({**m, "data.json": format.canonical_json(data)}, expert.keys))


def _with_tombstone(m, expert, changes, **manifest):
    data = json.loads(m["data.json"])
    problem = data["problems"][0]
    tomb = {"entity": "visit_problem", "record_id": str(uuid.uuid4()), "visit_id": problem["visit_id"],
            "revision": 2, "digest": "0" * 64, "deleted_at": "2025-06-01T08:00:00+00:00", **changes}
    if tomb["record_id"] == "ROW":
        tomb["record_id"] = problem["id"]
    data["tombstones"] = [tomb]
    return rezip(resign({**m, "data.json": format.canonical_json(data)}, expert.keys, **manifest))


def _bad(path, tmp_path, expert):
    """name → bytes of a broken variant of the package at ``path``."""
    good = path.read_bytes()
    m = members(good)
    out = {
        "truncated": lambda: good[: len(good) // 2],
        "random bytes": lambda: os.urandom(4096),
        "empty": lambda: b"",
        "member hash mismatch": lambda: rezip({**m, "data.json": m["data.json"].replace(
            "测试精密".encode(), "篡改精密".encode())}),
        "edited JSON value": lambda: _edited(m),
        "future format version": lambda: rezip(resign(m, expert.keys, format_version=99)),
        "wrong format version": lambda: rezip(resign(m, expert.keys, format_version=0)),
        "wrong format name": lambda: rezip(resign(m, expert.keys, format="other")),
        "../ member": lambda: rezip({**m, "../evil.txt": b"x"}),
        "absolute member": lambda: rezip({**m, "/etc/evil": b"x"}),
        "unlisted member": lambda: rezip({**m, "attachments/" + "0" * 64: b"x"}),
        "bad field type": lambda: _bad_types(m, expert),
        "tombstones in format 1": lambda: _with_tombstone(m, expert, {}, format_version=1),
        "tombstone of an undeletable record": lambda: _with_tombstone(m, expert, {"entity": "visit"}),
        "tombstone and row together": lambda: _with_tombstone(m, expert, {"record_id": "ROW"}),
        "tombstone with a bad field": lambda: _with_tombstone(m, expert, {"revision": "2"}),
        # 40 MB of zeros deflate to ~40 kB: refused by the ratio limit before anything is inflated.
        "zip bomb": lambda: rezip({**m, "reports/" + "0" * 36 + ".pdf": b"\0" * (40 * 1024 * 1024)}),
    }
    return out


BAD_CASES = ["truncated", "random bytes", "empty", "member hash mismatch", "edited JSON value",
             "future format version", "wrong format version", "wrong format name", "../ member",
             "absolute member", "unlisted member", "bad field type", "tombstones in format 1",
             "tombstone of an undeletable record", "tombstone and row together", "tombstone with a bad field",
             "zip bomb"]


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_packages_are_refused_and_change_nothing(case, package, expert, bureau, tmp_path):
    _, path = package
    blob = _bad(path, tmp_path, expert)[case]()
    bad = tmp_path / f"bad-{BAD_CASES.index(case)}.xzp"
    bad.write_bytes(blob)
    before = db_fingerprint(bureau.store)
    with pytest.raises(PackageError) as err:
        import_package(bureau.store, bureau.keys, bad)
    assert str(bad) in str(err.value) and "数据库未作任何修改" in str(err.value)
    assert db_fingerprint(bureau.store) == before


def test_too_many_members_is_refused(package, bureau, monkeypatch):
    _, path = package
    monkeypatch.setattr(format, "MAX_MEMBERS", 3)
    before = db_fingerprint(bureau.store)
    with pytest.raises(PackageError, match="成员过多"):
        import_package(bureau.store, bureau.keys, path)
    assert db_fingerprint(bureau.store) == before


def test_unknown_sender_needs_explicit_acceptance(expert, bureau, tmp_path):
    vid = seed_visit(expert)
    path = export_package(expert.store, expert.keys, visit_refs=[vid]).write(tmp_path / "p.xzp")
    before = db_fingerprint(bureau.store)
    with pytest.raises(PackageError, match="未登记.*--accept-unknown"):
        import_package(bureau.store, bureau.keys, path)
    assert db_fingerprint(bureau.store) == before
    rep = import_package(bureau.store, bureau.keys, path, accept_unknown=True)
    assert rep.sender_registered and [c.fingerprint for c in signing.list_cards(bureau.store)] == [expert.keys.fingerprint]


def test_revoked_key_is_refused(package, expert, bureau):
    _, path = package
    signing.revoke_card(bureau.store, expert.keys.fingerprint[:12], "笔记本丢失")
    before = db_fingerprint(bureau.store)
    with pytest.raises(PackageError, match="已被吊销"):
        import_package(bureau.store, bureau.keys, path, accept_unknown=True)
    assert db_fingerprint(bureau.store) == before
    with pytest.raises(UserError, match="已被吊销"):
        signing.import_card(bureau.store, expert.card_file())


def test_encryption_to_the_bureau_and_refusal_for_someone_else(package, expert, bureau, tmp_path):
    vid, _ = package
    bureau_card = signing.parse_card("card", bureau.card_file().read_bytes())
    res = export_package(expert.store, expert.keys, visit_refs=[vid], encrypt_to=bureau_card)
    assert res.encrypted and "测试精密".encode() not in res.data and b"data.json" not in res.data
    path = res.write(tmp_path / "enc.xzp")

    other = make_side(tmp_path / "other")
    other.trust(expert)
    before = db_fingerprint(other.store)
    with pytest.raises(PackageError, match="加密发给另一方"):
        import_package(other.store, other.keys, path)
    assert db_fingerprint(other.store) == before
    other.store.close()

    flipped = bytearray(path.read_bytes())
    flipped[-5] ^= 1
    (tmp_path / "flip.xzp").write_bytes(bytes(flipped))
    with pytest.raises(PackageError, match="无法解密"):
        import_package(bureau.store, bureau.keys, tmp_path / "flip.xzp")
    assert import_package(bureau.store, bureau.keys, path).visit_ids == [vid]


def test_key_files_are_private_and_card_tampering_is_detected(expert, tmp_path):
    key = expert.dir / "keys" / "signing.key"
    assert (key.stat().st_mode & 0o777) == 0o600
    card = json.loads(expert.card_file().read_bytes())
    card["name"] = "冒名者"
    bad = tmp_path / "bad-card.json"
    bad.write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(UserError, match="自签名无效"):
        signing.parse_card(str(bad), bad.read_bytes())


def test_receipt_marks_visits_delivered(package, expert, bureau, tmp_path):
    vid, path = package
    expert.trust(bureau)
    rep = import_package(bureau.store, bureau.keys, path)
    rc = receipts.receipt_for(bureau.store, bureau.keys, rep.package_id[:8]).write(tmp_path / "rc.xzp")
    back = import_package(expert.store, expert.keys, rc)
    assert back.kind == "receipt" and back.delivered == 1
    [d] = receipts.deliveries(expert.store, vid)
    assert d.current and d.recipient == bureau.keys.fingerprint
    visits.set_visit_field(expert.store, vid, "summary", "送达后又改")
    assert not receipts.deliveries(expert.store, vid)[0].current
    with expert.store.session() as s:
        assert s.scalar(select(Delivery.revision)) >= 1


def test_task_package_gives_the_expert_assignments(expert, bureau, tmp_path):
    from xunzhen_app.services import enterprises, experts
    from xunzhen_app.services.dto import EnterpriseInput

    ent = enterprises.create_enterprise(bureau.store, EnterpriseInput(name="任务企业", city="大同市", cultivation_type="重点培育型"))
    x = experts.add_expert(bureau.store, "李专家", "某研究院")
    tasks.assign(bureau.store, ent.id[:8], x.id[:8], stage="前期巡诊")
    expert.trust(bureau)
    path = export_task_package(bureau.store, bureau.keys).write(tmp_path / "task.xzp")
    rep = import_package(expert.store, expert.keys, path)
    assert rep.kind == "task" and not rep.refused
    [a] = tasks.list_assignments(expert.store)
    assert (a.enterprise_name, a.expert_name, a.stage) == ("任务企业", "李专家", "前期巡诊")
    with expert.store.session() as s:
        assert s.scalar(select(Assignment.id)) == a.id


def test_since_last_exports_only_changes(package, expert, bureau, tmp_path):
    vid, _ = package
    expert.trust(bureau)
    fp = bureau.keys.fingerprint
    first = export_package(expert.store, expert.keys, since_last=fp[:10])
    assert first.visit_ids == [vid]
    with pytest.raises(UserError, match="没有新的或修改过的巡诊"):
        export_package(expert.store, expert.keys, since_last=fp)
    visits.set_visit_field(expert.store, vid, "summary", "又改了")
    assert export_package(expert.store, expert.keys, since_last=fp).visit_ids == [vid]


def test_sync_folder_round_trip(expert, bureau, tmp_path):
    vid = seed_visit(expert)
    expert.trust(bureau)
    bureau.trust(expert)
    folder = tmp_path / "share"
    folder.mkdir()
    out = sync.sync_folder(expert.store, expert.keys, folder)
    assert len(out.written) == 1 and not out.imported
    got = sync.sync_folder(bureau.store, bureau.keys, folder)
    assert [r.visit_ids for r in got.imported] == [[vid]] and not got.refused
    back = sync.sync_folder(expert.store, expert.keys, folder)
    assert [r.kind for r in back.imported] == ["receipt"]
    assert receipts.deliveries(expert.store, vid)[0].current
    again = sync.sync_folder(bureau.store, bureau.keys, folder)
    assert not again.imported and not again.refused


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_corruption_is_refused_or_harmless(package, bureau, tmp_path, data):
    _, path = package
    good = path.read_bytes()
    if not _imported(bureau):  # fixtures live across examples: import the good package once
        import_package(bureau.store, bureau.keys, path)
    before = db_fingerprint(bureau.store)
    blob = bytearray(good)
    for _ in range(data.draw(st.integers(1, 8))):
        pos = data.draw(st.integers(0, len(blob) - 1))
        blob[pos] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        blob = blob[: data.draw(st.integers(0, len(blob)))]
    bad = tmp_path / "corrupt.xzp"
    bad.write_bytes(bytes(blob))
    try:
        rep = import_package(bureau.store, bureau.keys, bad)
    except PackageError:
        pass
    else:  # only harmless bytes changed (zip metadata): the same, already imported package
        assert rep.already_imported
    assert db_fingerprint(bureau.store) == before


def _imported(side) -> bool:
    from xunzhen_app.db.models import ImportLog

    with side.store.session() as s:
        return s.scalar(select(ImportLog.id)) is not None


# --- CLI ----------------------------------------------------------------------


def test_cli_keys_export_import_and_refusal(tmp_path, capsys):
    from xunzhen_app.cli import main

    a, b = str(tmp_path / "a"), str(tmp_path / "b")
    side = make_side(tmp_path / "a")
    seed_visit(side)
    side.store.close()
    assert main(["--data-dir", a, "keys", "show"]) == 0
    assert main(["--data-dir", a, "keys", "export-card", "-o", str(tmp_path / "a.card")]) == 0
    assert main(["--data-dir", a, "package", "export", "--all", "-o", str(tmp_path / "all.xzp")]) == 0
    capsys.readouterr()
    assert main(["--data-dir", b, "package", "import", str(tmp_path / "all.xzp")]) == 2
    err = capsys.readouterr().err
    assert "all.xzp" in err and "未登记" in err
    assert main(["--data-dir", b, "keys", "import-card", str(tmp_path / "a.card")]) == 0
    assert main(["--data-dir", b, "package", "import", str(tmp_path / "all.xzp"),
                 "--receipt-dir", str(tmp_path / "rc")]) == 0
    assert "新增" in capsys.readouterr().out
    assert main(["--data-dir", b, "package", "import", str(tmp_path / "all.xzp")]) == 0
    assert "已导入过" in capsys.readouterr().out
    (tmp_path / "junk.xzp").write_bytes(b"not a zip")
    assert main(["--data-dir", b, "package", "import", str(tmp_path / "junk.xzp")]) == 2
    err = capsys.readouterr().err
    assert "junk.xzp" in err and "zip" in err
    assert main(["--data-dir", b, "keys", "list"]) == 0
    fp = json.loads((tmp_path / "a.card").read_text(encoding="utf-8"))["fingerprint"]
    assert main(["--data-dir", b, "keys", "revoke", fp[:8]]) == 0
    assert main(["--data-dir", b, "package", "conflicts"]) == 0
    # Encrypted to b's card file: only b opens it (a new visit, so it is not a re-import).
    assert main(["--data-dir", b, "keys", "export-card", "-o", str(tmp_path / "b.card")]) == 0
    assert main(["--data-dir", a, "package", "export", "--all", "--encrypt-to", str(tmp_path / "b.card"),
                 "-o", str(tmp_path / "enc.xzp")]) == 0
    assert b"data.json" not in (tmp_path / "enc.xzp").read_bytes()
    capsys.readouterr()
    assert main(["--data-dir", b, "package", "import", str(tmp_path / "enc.xzp"), "--accept-unknown"]) == 2
    assert "已被吊销" in capsys.readouterr().err  # a's key was revoked just above
    [rc] = list((tmp_path / "rc").iterdir())
    capsys.readouterr()
    assert main(["--data-dir", a, "package", "import", str(rc), "--accept-unknown"]) == 0
    assert "回执" in capsys.readouterr().out


def test_uscc_clash_is_a_conflict_and_the_rest_imports(package, expert, bureau, tmp_path):
    import random

    from xunzhen_app.services import enterprises
    from xunzhen_app.services.demo import fictional_uscc
    from xunzhen_app.services.dto import EnterpriseInput

    vid, path = package
    import_package(bureau.store, bureau.keys, path)
    uscc = fictional_uscc("140105", random.Random(7))
    enterprises.create_enterprise(bureau.store, EnterpriseInput(name="市局自建企业", city="太原市",
                                                                cultivation_type="领军型", uscc=uscc))
    ent_id = visits.get_visit(expert.store, vid).enterprise.id
    old = enterprises.get_enterprise(expert.store, ent_id)
    enterprises.update_enterprise(expert.store, ent_id, EnterpriseInput(
        name=old.name, city=old.city, cultivation_type=old.cultivation_type, uscc=uscc))
    visits.set_visit_field(expert.store, vid, "summary", "同一包里的其他修改")
    p2 = export_package(expert.store, expert.keys, visit_refs=[vid]).write(tmp_path / "p2.xzp")
    rep = import_package(bureau.store, bureau.keys, p2)
    assert [(r.entity, r.id) for r in rep.conflicts] == [("enterprise", ent_id)] and not rep.refused
    assert "市局自建企业" in rep.conflicts[0].reason
    assert [r.entity for r in rep.updated] == ["visit"]  # the rest of the package imported
    assert visits.get_visit(bureau.store, vid).summary == "同一包里的其他修改"
    assert enterprises.get_enterprise(bureau.store, ent_id).uscc in (None, "")  # ours kept

    [c] = conflicts.list_conflicts(bureau.store)
    assert c.kind == "key_clash" and not c.is_deletion and "市局自建企业" in c.reason
    assert {f.field: f.remote for f in c.fields} == {"uscc": uscc}
    before = db_fingerprint(bureau.store)
    with pytest.raises(UserError, match="市局自建企业"):
        conflicts.resolve_conflict(bureau.store, c.id, {"uscc": conflicts.REMOTE})
    assert db_fingerprint(bureau.store) == before
    assert conflicts.resolve_conflict(bureau.store, c.id).resolved_at is not None  # keep ours


# --- deletions (format 2 tombstones) ----------------------------------------


def _visit_with_parts(expert, bureau, tmp_path, name="p1.xzp"):
    """A visit with a problem, a plan row and a photo, imported by the bureau."""
    vid = seed_visit(expert)
    visits.add_plan_row(expert.store, vid, measure="完善质量目标分解", department="质量部")
    bureau.trust(expert)
    path = export_package(expert.store, expert.keys, visit_refs=[vid], reports=False).write(tmp_path / name)
    import_package(bureau.store, bureau.keys, path)
    return vid, path


def _parts(store, vid):
    d = visits.get_visit(store, vid)
    return d.problems, d.plan, d.attachments


def test_deletions_travel_and_stale_copies_stay_deleted(expert, bureau, tmp_path):
    vid, p1 = _visit_with_parts(expert, bureau, tmp_path)
    problems, plan, photos = _parts(expert.store, vid)
    visits.remove_row(expert.store, "problem", problems[0].id)
    visits.remove_row(expert.store, "plan", plan[0].id)
    visits.remove_attachment(expert.store, photos[0].id)
    p2 = export_package(expert.store, expert.keys, visit_refs=[vid], reports=False).write(tmp_path / "p2.xzp")
    assert json.loads(members(p2.read_bytes())["manifest.json"])["format_version"] == format.FORMAT_VERSION

    rep = import_package(bureau.store, bureau.keys, p2)
    assert sorted(r.entity for r in rep.deleted) == ["attachment", "plan_item", "visit_problem"]
    assert not rep.conflicts and "删除 3" in rep.summary()
    assert _parts(bureau.store, vid) == ((), (), ())
    with bureau.store.session() as s:
        gone = set(s.scalars(select(VisitHistory.entity).where(VisitHistory.visit_id == vid,
                                                                VisitHistory.new_value.is_(None))))
    assert {"visit_problem", "plan_item", "attachment"} <= gone  # the deletions are in the visit's history
    # Nothing new to send back: the bureau holds what the expert holds.
    with pytest.raises(UserError, match="没有新的或修改过的巡诊"):
        export_package(bureau.store, bureau.keys, since_last=expert.keys.fingerprint)

    before = db_fingerprint(bureau.store)
    assert import_package(bureau.store, bureau.keys, p2).already_imported
    assert db_fingerprint(bureau.store) == before
    # The first package again under a new id (a copy left in a sync folder): the rows stay deleted.
    stale = tmp_path / "stale.xzp"
    stale.write_bytes(rezip(resign(members(p1.read_bytes()), expert.keys, package_id=str(uuid.uuid4()))))
    rep = import_package(bureau.store, bureau.keys, stale)
    assert not rep.new and not rep.conflicts and not rep.deleted
    assert _parts(bureau.store, vid) == ((), (), ())


def test_deletion_arriving_before_the_row_keeps_it_deleted(expert, bureau, tmp_path):
    vid = seed_visit(expert)
    bureau.trust(expert)
    p1 = export_package(expert.store, expert.keys, visit_refs=[vid], reports=False).write(tmp_path / "p1.xzp")
    problem = visits.get_visit(expert.store, vid).problems[0]
    visits.remove_row(expert.store, "problem", problem.id)
    p2 = export_package(expert.store, expert.keys, visit_refs=[vid], reports=False).write(tmp_path / "p2.xzp")
    rep = import_package(bureau.store, bureau.keys, p2)  # a sync folder gives no order
    assert rep.deletions_noted == 1 and not rep.deleted
    rep = import_package(bureau.store, bureau.keys, p1)
    assert not rep.conflicts and visits.get_visit(bureau.store, vid).problems == ()


def test_undone_deletion_travels_back(expert, bureau, tmp_path):
    vid, _ = _visit_with_parts(expert, bureau, tmp_path)
    removed = visits.remove_row(expert.store, "problem", _parts(expert.store, vid)[0][0].id)
    p2 = export_package(expert.store, expert.keys, visit_refs=[vid], reports=False).write(tmp_path / "p2.xzp")
    import_package(bureau.store, bureau.keys, p2)
    visits.restore(expert.store, removed)  # the GUI's undo, after the deletion was sent
    p3 = export_package(expert.store, expert.keys, visit_refs=[vid], reports=False).write(tmp_path / "p3.xzp")
    assert json.loads(members(p3.read_bytes())["data.json"])["tombstones"] == []
    rep = import_package(bureau.store, bureau.keys, p3)
    assert [r.entity for r in rep.new] == ["visit_problem"] and not rep.conflicts
    assert [p.text for p in visits.get_visit(bureau.store, vid).problems] == ["质量目标未分解到班组"]


@pytest.mark.parametrize("pick", ["local", "remote"])
def test_deletion_of_a_row_changed_here_is_a_conflict(pick, expert, bureau, tmp_path):
    vid, _ = _visit_with_parts(expert, bureau, tmp_path)
    problem = visits.get_visit(bureau.store, vid).problems[0]
    visits.update_problem(bureau.store, problem.id, "市局补充：目标未分解到班组和岗位")
    visits.remove_row(expert.store, "problem", problem.id)
    p2 = export_package(expert.store, expert.keys, visit_refs=[vid], reports=False).write(tmp_path / "p2.xzp")
    rep = import_package(bureau.store, bureau.keys, p2)
    assert [(r.entity, r.id) for r in rep.conflicts] == [("visit_problem", problem.id)] and not rep.deleted
    assert [p.text for p in visits.get_visit(bureau.store, vid).problems] == ["市局补充：目标未分解到班组和岗位"]

    [c] = conflicts.list_conflicts(bureau.store)
    assert c.kind == "deleted_remotely" and c.is_deletion and c.label.startswith("市局补充")
    assert c.fields == (conflicts.FieldDiff("*", "存在", "已删除"),)
    with pytest.raises(UserError, match="整条记录"):
        conflicts.resolve_conflict(bureau.store, c.id, {"text": conflicts.REMOTE})
    conflicts.resolve_conflict(bureau.store, c.id, {"*": pick})
    left = visits.get_visit(bureau.store, vid).problems
    assert [p.text for p in left] == ([] if pick == "remote" else ["市局补充：目标未分解到班组和岗位"])
    assert conflicts.list_conflicts(bureau.store) == []
    # Importing the same deletion again (another package carrying it) does not reopen a decided conflict.
    again = tmp_path / "again.xzp"
    again.write_bytes(rezip(resign(members(p2.read_bytes()), expert.keys, package_id=str(uuid.uuid4()))))
    rep = import_package(bureau.store, bureau.keys, again)
    assert not rep.deleted and not rep.conflicts


def test_edit_of_a_row_deleted_here_is_a_conflict(expert, bureau, tmp_path):
    vid, _ = _visit_with_parts(expert, bureau, tmp_path)
    problem = visits.get_visit(bureau.store, vid).problems[0]
    visits.remove_row(bureau.store, "problem", problem.id)
    visits.update_problem(expert.store, problem.id, "专家改写的问题")
    p2 = export_package(expert.store, expert.keys, visit_refs=[vid], reports=False).write(tmp_path / "p2.xzp")
    rep = import_package(bureau.store, bureau.keys, p2)
    assert [(r.entity, r.id) for r in rep.conflicts] == [("visit_problem", problem.id)]
    assert visits.get_visit(bureau.store, vid).problems == ()  # our deletion holds until decided

    [c] = conflicts.list_conflicts(bureau.store)
    assert c.kind == "deleted_locally" and c.fields == (conflicts.FieldDiff("*", "已删除", "存在"),)
    conflicts.resolve_conflict(bureau.store, c.id, default=conflicts.REMOTE)
    assert [p.text for p in visits.get_visit(bureau.store, vid).problems] == ["专家改写的问题"]


def test_deletion_in_a_reopened_finalized_visit_travels(expert, bureau, tmp_path):
    vid, _ = _visit_with_parts(expert, bureau, tmp_path)
    visits.finalize(expert.store, vid)
    p2 = export_package(expert.store, expert.keys, visit_refs=[vid], reports=False).write(tmp_path / "p2.xzp")
    import_package(bureau.store, bureau.keys, p2)
    visits.reopen(expert.store, vid, "删除重复的问题")
    visits.remove_row(expert.store, "problem", visits.get_visit(expert.store, vid).problems[0].id)
    visits.finalize(expert.store, vid)
    p3 = export_package(expert.store, expert.keys, visit_refs=[vid], reports=False).write(tmp_path / "p3.xzp")
    rep = import_package(bureau.store, bureau.keys, p3)  # as updates do, a merge applies it to the finalized copy
    assert [r.entity for r in rep.deleted] == ["visit_problem"] and not rep.conflicts
    d = visits.get_visit(bureau.store, vid)
    assert d.problems == () and d.row.status == visits.get_visit(expert.store, vid).row.status


def test_format_1_package_without_tombstones_imports_as_before(package, expert, bureau, tmp_path):
    vid, path = package
    m = members(path.read_bytes())
    data = json.loads(m["data.json"])
    assert data.pop("tombstones") == []
    del data["attestations"]  # format 3: the sender's record signatures
    assert data.pop("reviews") == []  # format 4: a bureau's reviews
    assert data.pop("member_ratings") == []  # format 5: team members' own ratings
    assert data.pop("cases") == []  # format 6: 典型案例
    assert data.pop("successes") == [] and data.pop("list_submissions") == []  # format 7: desk records
    data["history"] = [{"id": str(uuid.uuid4()), "visit_id": vid, "actor": "市局管理员", "field": "summary"}]
    old = tmp_path / "v1.xzp"
    old.write_bytes(rezip(resign({**m, "data.json": format.canonical_json(data)}, expert.keys, format_version=1)))
    rep = import_package(bureau.store, bureau.keys, old)
    assert rep.visit_ids == [vid] and not rep.refused and not rep.deleted
    with bureau.store.session() as s:  # history is written here, never taken from a package
        assert set(s.scalars(select(VisitHistory.actor))) == {f"导入自 {rep.sender_name}"}


def test_exported_package_carries_the_report_pdf(package, expert):
    import io

    from pypdf import PdfReader

    vid, path = package
    pdf = members(path.read_bytes())[f"reports/{vid}.pdf"]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "测试精密机械有限公司" in text
    bare = export_package(expert.store, expert.keys, visit_refs=[vid], reports=False)
    assert not any(n.startswith("reports/") for n in members(bare.data))


def test_cli_prints_deletions_and_resolves_a_deletion_conflict(expert, bureau, tmp_path, capsys):
    from xunzhen_app.cli import main

    vid, _ = _visit_with_parts(expert, bureau, tmp_path)
    problems, plan, _photos = _parts(bureau.store, vid)
    visits.update_problem(bureau.store, problems[0].id, "市局改过的问题")
    visits.remove_row(expert.store, "problem", problems[0].id)
    visits.remove_row(expert.store, "plan", plan[0].id)
    out = tmp_path / "p2.xzp"
    assert main(["--data-dir", str(expert.dir), "package", "export", "--visit", vid, "--no-reports",
                 "-o", str(out)]) == 0
    assert not any(n.startswith("reports/") for n in members(out.read_bytes()))
    capsys.readouterr()
    assert main(["--data-dir", str(bureau.dir), "package", "import", str(out)]) == 0
    text = capsys.readouterr().out
    assert "删除 1" in text and "删除：plan_item" in text and "冲突：visit_problem" in text and "对方已删除该记录" in text
    assert main(["--data-dir", str(bureau.dir), "package", "conflicts"]) == 0
    assert "原因：对方已删除该记录" in capsys.readouterr().out
    [c] = conflicts.list_conflicts(bureau.store)
    assert main(["--data-dir", str(bureau.dir), "package", "resolve", c.id[:8], "--take", "*=remote"]) == 0
    assert visits.get_visit(bureau.store, vid).problems == ()
