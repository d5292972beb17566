"""Which checklist templates are installed, and the snapshot a visit was filled with.

A template is installed when it is bundled with the app, placed as JSON in the data
folder's ``checklists``, or stored in the database — imported from an Excel workbook,
received in a package, or snapshotted by a visit. Retiring a version stops it being
offered for new visits; its visits keep rendering from their snapshot.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import resources_access
from ..core.checklist import Template, load_template_file, parse_template, template_to_dict
from ..core.errors import NotFoundError, TemplateError, UserError
from ..db.models import ChecklistTemplate, RetiredTemplate, Visit
from ..paths import AppPaths

DEFAULT_TEMPLATE_ID = "shanxi-2025-toutou"


def _version_key(version: str):
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.\-]", version))


@lru_cache(maxsize=1)
def bundled_templates() -> tuple[Template, ...]:
    return tuple(
        parse_template(json.loads(node.read_text(encoding="utf-8")), f"resources/checklists/{node.name}")
        for node in resources_access.listing("checklists")
        if node.name.endswith(".json")
    )


def user_templates(paths: AppPaths) -> tuple[list[Template], list[TemplateError]]:
    """Templates the user placed in the data folder; broken ones are reported, not fatal."""
    found, problems = [], []
    if paths.checklists.is_dir():
        for file in sorted(paths.checklists.glob("*.json")):
            try:
                found.append(load_template_file(file))
            except TemplateError as exc:
                problems.append(exc)
    return found, problems


def available_templates(paths: AppPaths) -> list[Template]:
    mine, _ = user_templates(paths)
    by_key = {t.key: t for t in (*bundled_templates(), *mine)}
    return sorted(by_key.values(), key=lambda t: (t.id, _version_key(t.version)))


def find_template(paths: AppPaths, template_id: str | None = None, version: str | None = None) -> Template:
    template_id = template_id or DEFAULT_TEMPLATE_ID
    matches = [t for t in available_templates(paths) if t.id == template_id and version in (None, t.version)]
    if not matches:
        wanted = f"{template_id} {version}" if version else template_id
        known = "、".join(f"{t.id} {t.version}" for t in available_templates(paths))
        raise NotFoundError(f"没有检查表模板“{wanted}”；已安装：{known}")
    return matches[-1]


def _digest(content: dict) -> str:
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def snapshot_problem(row: dict, known: str | None = None) -> str:
    """Why a snapshot from outside (a package) cannot be trusted, or "": it must be a valid template
    whose id, version, title and hash are the ones its content gives. ``known``: the hash of the
    snapshot of that id and version already stored (checked when it was stored)."""
    key = f"{row.get('template_id')} 版本 {row.get('version')}"
    digest = _digest(row["content"])
    if digest != row["sha256"]:
        return f"检查表模板 {key} 的内容与其声明的哈希不符"
    if known == digest:
        return ""  # the very content we hold: valid already, and id/version/title are the hash's too
    try:
        template = parse_template(row["content"], f"模板 {key}")
    except TemplateError as exc:
        return str(exc)
    if (template.id, template.version, template.title) != (row["template_id"], row["version"], row["title"]):
        return f"检查表模板 {key} 的编号、版本或标题与其内容不符"
    return ""


def snapshot(session: Session, template: Template) -> None:
    """Keep the template in the store so the visit renders the same forever."""
    content = template_to_dict(template)
    digest = _digest(content)
    row = session.get(ChecklistTemplate, (template.id, template.version))
    if row is None:
        session.add(
            ChecklistTemplate(
                template_id=template.id, version=template.version, title=template.title, content=content, sha256=digest
            )
        )
    elif row.sha256 != digest:
        raise UserError(
            f"检查表模板 {template.id} 版本 {template.version} 的内容与此前使用的同版本不同；修改模板时请提高版本号"
        )


@lru_cache(maxsize=32)
def _parse_snapshot(template_id: str, version: str, digest: str, content_json: str) -> Template:
    return parse_template(json.loads(content_json), f"数据库中的模板 {template_id} {version}")


def stored_template(session: Session, template_id: str, version: str) -> Template:
    row = session.get(ChecklistTemplate, (template_id, version))
    if row is None:
        raise NotFoundError(f"数据库中没有检查表模板 {template_id} {version}")
    return _parse_snapshot(template_id, version, row.sha256, json.dumps(row.content, ensure_ascii=False))


# -- the installation as the template manager shows it -------------------------

BUNDLED, DATA_FOLDER, STORED = "内置", "数据文件夹", "已导入"


@dataclass(frozen=True)
class InstalledTemplate:
    template: Template
    origin: str  # BUNDLED, DATA_FOLDER or STORED (an Excel import, a package, or a visit's snapshot)
    retired: bool
    visits: int  # visits filled on this version

    @property
    def key(self) -> tuple[str, str]:
        return self.template.key


def _stored(session: Session) -> list[Template]:
    return [stored_template(session, tid, version)
            for tid, version in session.execute(select(ChecklistTemplate.template_id, ChecklistTemplate.version))]


def installed_templates(store) -> list[InstalledTemplate]:
    """Every installed version, ordered by id and version; the files win over a stored copy
    of the same version (they are the same content, or snapshot() would have refused)."""
    mine, _ = user_templates(store.paths)
    origin: dict[tuple[str, str], tuple[Template, str]] = {}
    with store.session() as s:
        for t in _stored(s):
            origin[t.key] = (t, STORED)
        for t in mine:
            origin[t.key] = (t, DATA_FOLDER)
        for t in bundled_templates():
            origin[t.key] = (t, BUNDLED)
        retired = {tuple(r) for r in s.execute(select(RetiredTemplate.template_id, RetiredTemplate.version))}
        counts = dict(((tid, v), n) for tid, v, n in s.execute(
            select(Visit.template_id, Visit.template_version, func.count()).group_by(
                Visit.template_id, Visit.template_version)))
    return [InstalledTemplate(t, where, key in retired, counts.get(key, 0))
            for key, (t, where) in sorted(origin.items(), key=lambda kv: (kv[0][0], _version_key(kv[0][1])))]


def usable_templates(store) -> list[Template]:
    """What a new visit may use: every installed version not retired."""
    return [i.template for i in installed_templates(store) if not i.retired]


def find_usable(store, template_id: str | None = None, version: str | None = None) -> Template:
    """The newest usable version of a template (or the version asked for)."""
    template_id = template_id or DEFAULT_TEMPLATE_ID
    usable = usable_templates(store)
    matches = [t for t in usable if t.id == template_id and version in (None, t.version)]
    if not matches:
        wanted = f"{template_id} {version}" if version else template_id
        known = "、".join(f"{t.id} {t.version}" for t in usable) or "无"
        raise NotFoundError(f"没有可用的检查表模板“{wanted}”（已停用的版本不能用于新巡诊）；可用：{known}")
    return matches[-1]


def get_installed(store, template_id: str, version: str | None = None) -> Template:
    """Any installed version, retired ones included (to export or show it)."""
    found = [i.template for i in installed_templates(store)
             if i.template.id == template_id and version in (None, i.template.version)]
    if not found:
        wanted = f"{template_id} {version}" if version else template_id
        raise NotFoundError(f"没有检查表模板“{wanted}”")
    return found[-1]


ALREADY_INSTALLED = "该版本已安装，内容相同"


def install_problem(store, template: Template) -> str | None:
    """Why installing would change nothing (ALREADY_INSTALLED) or be refused; None if it can be."""
    installed = {i.key: i.template for i in installed_templates(store)}
    if template.key not in installed:
        return None
    if template_to_dict(installed[template.key]) == template_to_dict(template):
        return ALREADY_INSTALLED
    return (f"已安装检查表模板 {template.id} 版本 {template.version}，且内容不同；"
            "修改模板时请在“信息”表中提高版本号")


def install(store, template: Template) -> bool:
    """Store the template so every page and package can use it; False when that exact
    version is already installed. The same version with other content is refused."""
    problem = install_problem(store, template)
    if problem == ALREADY_INSTALLED:
        return False
    if problem:
        raise UserError(problem)
    with store.session() as s:
        snapshot(s, template)
    return True


def set_retired(store, template_id: str, version: str, retired: bool = True) -> None:
    """Retire a version (no longer offered for new visits) or bring it back."""
    get_installed(store, template_id, version)
    with store.session() as s:
        row = s.get(RetiredTemplate, (template_id, version))
        if retired and row is None:
            s.add(RetiredTemplate(template_id=template_id, version=version, actor=store.actor or ""))
        elif not retired and row is not None:
            s.delete(row)
