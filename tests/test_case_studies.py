"""典型案例 over a real chain 前期 → 培育跟踪 → 成效总结: drafted from the 亮点 and the rise from the baseline,
edited (checked, all or nothing), selected by the bureau, exported as .docx (read back with python-docx)
and PDF (read back with pypdf), and the CLI with exit 2 on bad input."""

from __future__ import annotations

import io
import json
import re
from datetime import date

import docx
import pytest
from PIL import Image
from pypdf import PdfReader

from xunzhen_app.cli import main
from xunzhen_app.core.errors import UserError
from xunzhen_app.services import actions, cases, visits
from xunzhen_app.services.dto import EnterpriseInput, EnterpriseProfile
from xunzhen_app.services.enterprises import create_enterprise
from xunzhen_app.services.reports.case_report import write_case


def _jpeg(colour) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 200), colour).save(out, "JPEG")
    return out.getvalue()


def _follow(store, previous, on):
    return visits.create_visit(store, visits.NewVisit(enterprise_id="", stage="", start_date=on,
                                                      previous_visit_id=previous, copy_previous=True)).id


@pytest.fixture
def chain(store):
    return make_chain(store)


def make_chain(store):
    """An enterprise's finalized 前期 → 培育跟踪 → 成效总结 with 亮点, a carried action, a photo."""
    e = create_enterprise(store, EnterpriseInput(
        name="晋阳机械有限公司", city="太原市", county="小店区", cultivation_type="领军型",
        profile=EnterpriseProfile(main_products="矿山机械")))
    initial = visits.create_visit(store, visits.NewVisit(enterprise_id=e.id, start_date=date(2025, 5, 20))).id
    visits.rate_item(store, initial, "1.1.1", level=2)
    visits.rate_item(store, initial, "2.1.1", level=3)
    visits.add_problem(store, initial, "质量目标未分解到班组", "1.1.1")
    aid = visits.add_plan_row(store, initial, measure="建立质量目标分解考核制度", due="2025-10-31")
    visits.add_attachment_bytes(store, initial, "车间.jpg", _jpeg("navy"), caption="前期巡诊现场")
    visits.finalize(store, initial)
    track = _follow(store, initial, date(2025, 9, 10))
    visits.rate_item(store, track, "1.1.1", level=3)
    visits.finalize(store, track)
    summary = _follow(store, track, date(2025, 12, 8))
    visits.rate_item(store, summary, "1.1.1", level=4, texts={"strength": "质量目标逐级分解到班组并按月考核"})
    visits.rate_item(store, summary, "2.1.1", level=4, texts={"strength": "建成全流程质量追溯系统"})
    [carried] = actions.list_actions(store, summary)
    actions.update_action(store, carried.id, status="已完成", result="已完成并见效")
    visits.set_visit_field(store, summary, "summary", "企业质量管理水平提升明显。")
    visits.finalize(store, summary)
    assert aid
    return e.id, (initial, track, summary)


def test_draft_from_the_highlights_and_the_figures(store, chain):
    eid, visit_ids = chain
    case = cases.draft_case(store, "晋阳机械有限公司")
    assert case.title == "“一企一策”推动质量体系成熟提升——晋阳机械有限公司质量提升典型案例"
    assert "晋阳机械有限公司位于太原市小店区，是“头雁行动”领军型培育企业，主营矿山机械。" in case.background
    assert "前期质量巡诊时，企业总体成熟度为" in case.background and "质量目标未分解到班组" in case.background
    assert case.practices.startswith("1. 建立质量目标分解考核制度")
    assert "质量体系成熟由 2 级提升至 4 级" in case.results and "质量技术先进由 3 级提升至 4 级" in case.results
    assert "经核验完成并见效 1 项" in case.results and "企业质量管理水平提升明显。" in case.results
    assert case.lessons == "1. 质量目标逐级分解到班组并按月考核（条目 1.1.1）\n2. 建成全流程质量追溯系统（条目 2.1.1）"
    assert case.goal_codes == ("1", "2") and [v.id for v in case.visits] == list(visit_ids)
    assert [p.caption for p in case.photos] == ["前期巡诊现场"] and not case.selected
    with pytest.raises(UserError, match="已有典型案例"):
        cases.draft_case(store, eid)


def test_edits_are_checked_and_all_or_nothing(store, chain):
    eid, visit_ids = chain
    case = cases.draft_case(store, eid)
    cases.update_case(store, case.id[:8], title="质量目标分解到班组的实践", goal_codes=["1"])
    with pytest.raises(UserError, match="案例题目不能为空"):
        cases.update_case(store, case.id, title="  ", lessons="不应保存")
    with pytest.raises(UserError, match="可推广经验"):
        cases.update_case(store, case.id, results="新成效", lessons="a\x1bb")
    with pytest.raises(UserError):
        cases.update_case(store, case.id, goal_codes=["9"])
    other = create_enterprise(store, EnterpriseInput(name="大同煤机有限公司", city="大同市"))
    stranger = visits.create_visit(store, visits.NewVisit(enterprise_id=other.id, start_date=date(2025, 5, 21))).id
    with pytest.raises(UserError, match="不属于企业“晋阳机械有限公司”"):
        cases.update_case(store, case.id, visit_ids=[stranger])
    got = cases.get_case(store, case.id)
    assert (got.title, got.goal_codes, got.results) == ("质量目标分解到班组的实践", ("1",), case.results)
    cases.set_selected(store, case.id)
    assert cases.list_cases(store, selected_only=True)[0].selected_at is not None
    again = cases.draft_case(store, eid, replace=True)  # re-drafted: texts anew, 入选 kept
    assert again.id == case.id and again.selected and again.title != "质量目标分解到班组的实践"


def test_exports_read_back(store, chain, tmp_path):
    eid, _ = chain
    case = cases.draft_case(store, eid)
    cases.add_photo(store, case.id, "成果.jpg", _jpeg("darkgreen"), caption="质量追溯系统上线")
    word = docx.Document(str(write_case(store, case.id, tmp_path / "案例.docx").path))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["一、背景", "二、主要做法", "三、取得成效", "四、可推广经验", "五、关联目标与巡诊"]
    text = "\n".join(p.text for p in word.paragraphs)
    assert "“一企一策”推动质量体系成熟提升\n——晋阳机械有限公司质量提升典型案例" in text  # the cover's two lines
    assert "质量体系成熟由 2 级提升至 4 级" in text and "图2　质量追溯系统上线" in text
    assert len(word.inline_shapes) == 2
    assert "".join(p.text for p in word.sections[0].header.paragraphs).endswith("\t典型案例")
    assert word.styles["Normal"].element.rPr.rFonts.get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "仿宋"

    written = write_case(store, case.id, tmp_path / "案例.pdf")
    reader = PdfReader(written.path)
    assert written.pages == len(reader.pages) >= 2
    pages = [re.sub(r"\s+", "", p.extract_text() or "") for p in reader.pages]
    assert pages[0].startswith("“一企一策”推动质量体系成熟提升") and "晋阳机械有限公司" in pages[0]
    assert "二、主要做法" in "".join(pages) and "图1前期巡诊现场" in "".join(pages)
    assert pages[1].endswith(f"晋阳机械有限公司典型案例第2页共{len(pages)}页")
    with pytest.raises(UserError, match="典型案例可导出为 .docx 或 .pdf"):
        write_case(store, case.id, tmp_path / "案例.txt")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_draft_list_select_export_and_bad_input(store, chain, paths, capsys, tmp_path):
    store.close()
    d = ("--data-dir", str(paths.data_dir))
    code, out, err = run(capsys, "case", "draft", "晋阳机械有限公司", "--json", *d)
    assert code == 0, err
    drafted = json.loads(out)
    assert set(drafted) == {"id", "enterprise", "enterprise_id", "city", "cultivation_type", "title", "background",
                            "practices", "results", "lessons", "goal_codes", "visits", "photos", "selected",
                            "selected_at"}
    cid = drafted["id"]
    code, _, err = run(capsys, "case", "draft", "晋阳机械有限公司", *d)
    assert code == 2 and "已有典型案例" in err and "--replace" in err
    code, _, err = run(capsys, "case", "draft", "没有这家企业", *d)
    assert code == 2 and "没有这家企业" in err
    code, out, _ = run(capsys, "case", "select", cid[:8], *d)
    assert code == 0 and "已入选" in out
    [listed] = json.loads(run(capsys, "case", "list", "--json", *d)[1])
    assert listed["selected"] and listed["id"] == cid
    code, out, _ = run(capsys, "case", "select", cid[:8], "--off", *d)
    assert code == 0 and json.loads(run(capsys, "case", "list", "--selected", "--json", *d)[1]) == []
    code, _, err = run(capsys, "case", "select", "abcdef12", *d)
    assert code == 2 and "没有编号为“abcdef12”的典型案例" in err
    code, out, err = run(capsys, "case", "export", cid[:8], "-o", str(tmp_path / "案例.pdf"), *d)
    assert code == 0 and (tmp_path / "案例.pdf").exists(), err
    code, _, err = run(capsys, "case", "export", cid[:8], "-o", str(tmp_path / "案例.odt"), *d)
    assert code == 2 and ".docx 或 .pdf" in err and not (tmp_path / "案例.odt").exists()
    code, out, _ = run(capsys, "case", "list", *d)
    assert code == 0 and "晋阳机械有限公司" in out


def test_the_demo_year_ends_in_a_selected_case(demo_store):
    [case] = cases.list_cases(demo_store)
    assert case.selected and len(case.visits) == 3 and case.lessons.startswith("1. ")
    assert "与前期巡诊相比" in case.results
