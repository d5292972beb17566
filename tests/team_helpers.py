"""Three installations of an expert team — the 组长 and two members — exchanging real packages."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from exchange_helpers import Side, make_side, seed_visit

from xunzhen_app.cli import main
from xunzhen_app.services import experts
from xunzhen_app.services.exchange import signing
from xunzhen_app.services.exchange.export import export_package
from xunzhen_app.services.exchange.merge import import_package


def person(root: Path, name: str, organisation: str) -> Side:
    side = make_side(root)
    experts.save_profile(side.store, name, organisation)
    side.keys = signing.load_or_create_keys(side.store.paths, side.store)  # the card carries the name
    return side


@dataclass
class Team:
    lead: Side
    li: Side  # member: goals 4 and 5
    wang: Side  # member: goal 5 and item 1.1.1
    visit_id: str
    root: Path
    sent: int = 0

    def package(self, side: Side) -> Path:
        self.sent += 1
        path = self.root / f"p{self.sent}.xzp"
        export_package(side.store, side.keys, visit_refs=[self.visit_id], reports=False).write(path)
        return path


def make_team(root: Path) -> Team:
    lead = person(root / "lead", "张测试", "测试大学")
    seed = seed_visit(lead)  # the 组长 张测试 and one visit with 1.1.1 rated 3
    li = person(root / "li", "李审核", "山西大学")
    wang = person(root / "wang", "王质量", "太重集团")
    for a in (lead, li, wang):
        for b in (lead, li, wang):
            if a is not b:
                a.trust(b)
    team = Team(lead, li, wang, seed, root)
    assert cli(lead, "visit", "team", seed, "--add", str(li.card_file()), "--goals", "4,5")[0] == 0
    assert cli(lead, "visit", "team", seed, "--add", wang.keys.fingerprint[:16], "--goals", "5",
               "--items", "1.1.1")[0] == 0
    return team


def cli(side: Side, *args: str) -> tuple[int, str]:
    """Run `xunzhen --data-dir <side> …` in-process; (exit code, stdout + stderr)."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--data-dir", str(side.store.paths.data_dir), *args])
    return code, out.getvalue() + err.getvalue()


def shown(side: Side, visit_id: str) -> dict:
    code, out = cli(side, "visit", "show", visit_id, "--json")
    assert code == 0, out
    return json.loads(out)


def item(data: dict, code: str) -> dict:
    return next(i for i in data["items"] if i["code"] == code)


def receive(side: Side, path: Path):
    return import_package(side.store, side.keys, path)
