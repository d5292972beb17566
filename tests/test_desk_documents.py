"""What the desk writes, read back as the recipient reads it: the 推荐名单汇总表 (openpyxl), a 推荐报告
(python-docx), the roll-up workbook and the one-page 工作进展 (pypdf), and the 附件2 list sent."""

from __future__ import annotations

from datetime import date

import docx
import openpyxl
import pytest
from pypdf import PdfReader

from xunzhen_app.cli import main
from xunzhen_app.core.errors import UserError
from xunzhen_app.services import enterprises, list_submission, programme_rollup, recommendations, visits
from xunzhen_app.services import programme_desk as desk
from xunzhen_app.services.dto import EnterpriseInput


def _recommend_top(store, n: int) -> list[str]:
    names = [c.standing.name for c in desk.benchmark_candidates(store)[:n]]
    for name in names:
        desk.set_pick(store, "推荐", name)
    return names


def test_the_summary_sheet_lists_the_picks_in_order_with_their_levels(demo_store, tmp_path):
    names = _recommend_top(demo_store, 3)
    firm = enterprises.find_enterprise(demo_store, names[1])
    # A note from someone else's spreadsheet that Excel would run as a formula stays text.
    enterprises.update_enterprise(demo_store, firm.id, EnterpriseInput(
        name=firm.name, city=firm.city, cultivation_type=firm.cultivation_type, uscc=firm.uscc, county=firm.county,
        industry=firm.industry, honours=firm.honours, contacts=firm.contacts, profile=firm.profile,
        notes="=HYPERLINK(\"http://x\")"))
    path = recommendations.write_summary_workbook(demo_store, tmp_path / "汇总表.xlsx").path
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value == "质量强国建设领军企业推荐名单汇总表"
    assert "山西省市场监督管理局" in ws["A2"].value
    assert [c.value for c in ws[3]][:3] == ["序号", "企业名称", "统一社会信用代码"]
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    assert [r[1] for r in rows] == names and [r[0] for r in rows] == [1, 2, 3]
    standing = {f.name: f for f in desk.standings(demo_store)}
    assert [r[8] for r in rows] == [standing[n].level for n in names]
    note = ws.cell(row=5, column=14)
    assert note.value == "=HYPERLINK(\"http://x\")" and note.data_type == "s" and note.quotePrefix


def test_an_empty_list_is_refused(demo_store, tmp_path):
    with pytest.raises(UserError, match="推荐名单为空"):
        recommendations.write_summary_workbook(demo_store, tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


def test_the_report_is_drafted_from_the_visits(demo_store, tmp_path):
    name = "塞上黄花食品有限公司"  # 前期巡诊, 培育跟踪 and 成效总结, all finalized
    path = recommendations.write_recommendation_report(demo_store, name, tmp_path / "推荐报告.docx").path
    d = docx.Document(str(path))
    text = "\n".join(p.text for p in d.paragraphs)
    assert [p.text for p in d.paragraphs if p.style.name == "Title"] == ["质量强国建设领军企业推荐报告"]
    for heading in ("一、企业基本情况", "二、质量巡诊与培育过程", "三、质量水平与提升成效", "四、质量管理亮点与典型经验",
                    "六、推荐意见"):
        assert heading in [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert "开展了 3 次已定稿的质量巡诊" in text
    finals = sorted((r for r in visits.list_visits(demo_store) if r.enterprise == name), key=lambda r: r.start_date)
    numbers = [visits.get_visit(demo_store, r.id).report_number for r in finals]
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    assert all(n in cells for n in numbers)
    assert "1 体系成熟" in cells and "6 示范带动" in cells  # short goal names, not 目标1
    latest = visits.get_visit(demo_store, finals[-1].id)
    some_strength = next(a.strength for a in latest.assessments.values() if a.strength)
    assert some_strength in text
    # The demo's 典型案例 of this firm is drafted into the report, under its own heading.
    from xunzhen_app.services.cases import case_of_enterprise

    case = case_of_enterprise(demo_store, latest.enterprise.id)
    assert case is not None and f"典型案例：{case.title}" in [p.text for p in d.paragraphs if p.style.name == "Heading 2"]
    assert case.practices.splitlines()[0].strip() in text
    assert d.sections[0].header.paragraphs[0].text == f"{name}\t领军企业推荐报告"  # not 质量巡诊报告
    body = d.styles["Normal"].element.rPr.rFonts
    assert body.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "仿宋"


def test_no_report_without_a_finalized_visit(demo_store, tmp_path):
    with pytest.raises(UserError, match="还没有已定稿的巡诊"):
        recommendations.write_recommendation_report(demo_store, "晋阳重工精密装备有限公司", tmp_path / "x.docx")


def test_the_progress_pdf_is_one_page_naming_every_city(demo_store, tmp_path):
    desk.set_pick(demo_store, "标杆", "汾州酒业集团有限公司")
    written = programme_rollup.write_rollup(demo_store, tmp_path / "工作进展.pdf")
    reader = PdfReader(str(written.path))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "工作进展（全省）" in text
    for city in ("太原市", "朔州市", "运城市"):
        assert city in text
    assert "汾州酒业集团有限公司" in text and "合计：培育库12家，巡诊20次" in text.replace(" ", "")
    # The reports' bundled faces (services.reports.fonts), embedded: 宋体 body, 黑体 headers.
    fonts = {str(f.get_object()["/BaseFont"]).split("+", 1)[1] for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert {"BousungEG-Light-GB", "WenQuanYiMicroHei-0"} <= fonts


def test_a_city_pdf_lists_its_enterprises(demo_store, tmp_path):
    written = programme_rollup.write_rollup(demo_store, tmp_path / "大同.pdf", city="大同市")
    text = PdfReader(str(written.path)).pages[0].extract_text()
    assert "工作进展（大同市）" in text and "塞上黄花食品有限公司" in text and "太原市" not in text


def test_the_rollup_workbook_has_the_desks_figures(demo_store, tmp_path):
    desk.record_success(demo_store, "汾河新材料科技股份有限公司", "2025-12-20", "等级提升")
    wb = openpyxl.load_workbook(programme_rollup.write_rollup(demo_store, tmp_path / "汇总.xlsx").path)
    assert wb.sheetnames == ["各市进展", "企业情况", "标杆候选", "质量强县"]
    rows = {r[0]: r for r in wb["各市进展"].iter_rows(min_row=3, values_only=True)}
    assert len(rows) == 12
    assert rows["太原市"][1] == 2 and rows["太原市"][19] == "汾河新材料科技股份有限公司" and rows["太原市"][21] == "是"
    counties = list(wb["质量强县"].iter_rows(min_row=2, values_only=True))
    assert len(counties) == 22 and ("大同市", "云州区", 2) in counties
    with pytest.raises(UserError, match=r"\.xlsx（汇总表）或 \.pdf"):
        programme_rollup.write_rollup(demo_store, tmp_path / "汇总.csv")


def test_sending_the_list_before_21_may_meets_the_deadline(demo_store, tmp_path):
    sent = list_submission.send_list(demo_store, "太原市", tmp_path / "附件2.xlsx", "2025-05-20")
    assert sent.rows == 2
    ws = openpyxl.load_workbook(sent.path).active
    assert ws["A1"].value == "质量强省领军企业重点培育名单" and ws["B3"].value
    taiyuan = next(p for p in desk.progress(demo_store) if p.city == "太原市")
    assert taiyuan.list_sent_on == date(2025, 5, 20) and taiyuan.list_in_time
    list_submission.send_list(demo_store, "大同市", tmp_path / "大同.xlsx", "2025-05-25")
    datong = next(p for p in desk.progress(demo_store) if p.city == "大同市")
    assert not datong.list_in_time
    with pytest.raises(UserError, match="没有朔州市的企业"):
        list_submission.send_list(demo_store, "朔州市", tmp_path / "朔州.xlsx")


def test_cli_documents(demo_store, paths, tmp_path, capsys):
    def run(*args):
        code = main(["--data-dir", str(paths.data_dir), *args])
        return code, *capsys.readouterr()

    code, out, err = run("desk", "recommend", "汾州酒业集团有限公司")
    assert code == 0, err
    code, out, err = run("desk", "export-recommendations", "-o", str(tmp_path / "r.xlsx"))
    assert code == 0 and (tmp_path / "r.xlsx").exists()
    code, out, err = run("desk", "recommendation-report", "汾州酒业集团有限公司", "-o", str(tmp_path / "r.pdf"))
    assert code == 2 and ".docx" in err and not (tmp_path / "r.pdf").exists()
    code, out, err = run("desk", "rollup", "--city", "太原市", "-o", str(tmp_path / "t.pdf"))
    assert code == 0 and len(PdfReader(str(tmp_path / "t.pdf")).pages) == 1
    code, out, err = run("desk", "send-list", "--city", "太原市", "-o", str(tmp_path / "a.xlsx"), "--date", "2025-05-19")
    assert code == 0 and "2 家" in out
