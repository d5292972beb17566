"""The bureau desk's service: overview with scores, the spread per goal, batch preview and import."""

from __future__ import annotations

import pytest
from exchange_helpers import db_fingerprint, seed_visit

from xunzhen_app.services import bureau, visits
from xunzhen_app.services.exchange.export import export_package


@pytest.fixture
def bureau_side(bureau):
    """The conftest ``bureau`` installation; the name ``bureau`` is the service module here."""
    return bureau


def _packages(expert, folder, names):
    folder.mkdir(exist_ok=True)
    out = []
    for n, name in enumerate(names):
        vid = seed_visit(expert, name)
        visits.rate_item(expert.store, vid, "2.1.1", level=n + 2)
        out.append(export_package(expert.store, expert.keys, visit_refs=[vid]).write(folder / f"{n}.xzp"))
    return out


def test_overview_scores_match_the_visit_and_distribution_counts_each_enterprise_once(demo_store):
    rows = bureau.overview(demo_store)
    assert len(rows) == len(visits.list_visits(demo_store))
    one = rows[0]
    detail = visits.get_visit(demo_store, one.visit_id)
    assert [g.level for g in one.goals] == [g.score.level for g in detail.result.goals]
    assert one.overall.level == detail.result.overall.level

    dist = bureau.score_distribution(rows)
    enterprises = {r.enterprise_id for r in rows}
    assert [d.title for d in dist][-1] == "总体"
    for d in dist:
        assert sum(d.counts) + d.unscored == len(enterprises)
        assert d.low is None or d.low <= d.median <= d.high


def test_distribution_uses_the_latest_visit_of_each_enterprise(demo_store):
    rows = bureau.overview(demo_store)
    eid = next(r.enterprise_id for r in rows if r.stage == "成效总结")
    mine = [r for r in rows if r.enterprise_id == eid]
    latest = max(mine, key=lambda r: r.start_date)
    [total] = [d for d in bureau.score_distribution(mine) if d.code == ""]
    assert total.counts[latest.overall.band - 1] == 1 and sum(total.counts) == 1


def test_preview_changes_nothing_and_flags_the_unknown_sender(expert, bureau_side, tmp_path):
    paths = _packages(expert, tmp_path / "in", ["甲机械有限公司", "乙机械有限公司"])
    (tmp_path / "in" / "junk.xzp").write_bytes(b"not a zip")
    before = db_fingerprint(bureau_side.store)
    files = bureau.package_files([tmp_path / "in"])
    assert [f.name for f in files] == ["0.xzp", "1.xzp", "junk.xzp"]
    seen = []
    batch = bureau.preview_packages(bureau_side.store, bureau_side.keys, files, lambda d, t: seen.append((d, t)) or True)
    assert db_fingerprint(bureau_side.store) == before
    good, second, junk = batch.previews
    assert good.importable and good.unknown_sender.fingerprint == expert.keys.fingerprint
    assert (good.unknown_sender.name, good.unknown_sender.organisation) == (expert.keys.name, expert.keys.organisation)
    assert [r.entity for r in good.report.new].count("visit") == 1
    assert not junk.importable and "被拒绝" in junk.error
    assert seen[-1] == (3, 3)

    bureau_side.trust(expert)
    again = bureau.preview_packages(bureau_side.store, bureau_side.keys, paths)
    assert all(p.unknown_sender is None for p in again.previews)


def test_import_accepts_unknown_senders_only_where_agreed_and_stops_when_asked(expert, bureau_side, tmp_path):
    paths = _packages(expert, tmp_path / "in", ["甲机械有限公司", "乙机械有限公司", "丙机械有限公司"])
    batch = bureau.import_packages(bureau_side.store, bureau_side.keys, paths, accept_unknown=[paths[1]],
                                   progress=lambda done, total: done < 2)
    assert batch.cancelled and batch.not_started == (paths[2],)
    assert len(batch.reports) == 1 and len(batch.errors) == 1 and "未登记" in str(batch.errors[0])
    assert [r.enterprise for r in bureau.overview(bureau_side.store)] == ["乙机械有限公司"]
    [log] = bureau.import_history(bureau_side.store)
    assert log.file_name == "1.xzp" and log.new > 0 and log.conflicts == 0
