"""`xunzhen report VISIT… -o FILE.pdf|FILE.docx|FILE.zip` and `xunzhen export xlsx … -o FILE.xlsx`."""

from __future__ import annotations

import sys
from pathlib import Path

from ..core.domain import CultivationType, Stage, VisitStatus
from ..core.errors import UserError
from .context import store_for


def register(sub, common) -> None:
    rep = sub.add_parser("report", help="生成一次巡诊的质量巡诊报告（PDF 或可编辑的 Word 文档）", parents=[common])
    rep.add_argument("visit", nargs="+", help="巡诊编号（可只写前几位）；给多次时输出 .zip")
    rep.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf|FILE.docx|FILE.zip",
                     help="输出的 PDF 文件、Word 文档（.docx），或装有每次巡诊一份 PDF 的 .zip 文件")
    rep.set_defaults(handler=_report)

    exp = sub.add_parser("export", help="导出 Excel 工作簿", parents=[common])
    ecmds = exp.add_subparsers(dest="export_command", metavar="格式", required=True)
    xl = ecmds.add_parser("xlsx", help="一次巡诊的明细，或多次巡诊的汇总（附件2名单、成熟度汇总、问题清单）",
                          parents=[common])
    xl.add_argument("--visit", action="append", default=[], metavar="VISIT",
                    help="巡诊编号；给一次为单次巡诊明细，给多次为这几次的汇总")
    xl.add_argument("--all", action="store_true", help="全部巡诊的汇总")
    xl.add_argument("--city", default="", help="只含该地市，如 太原市")
    xl.add_argument("--type", dest="cultivation_type", default="", help="只含该培育类型：领军型 或 重点培育型")
    xl.add_argument("--stage", default="", help="只含该巡诊阶段：前期巡诊、培育跟踪、成效总结")
    xl.add_argument("--status", default="", help="只含该状态：草稿 或 已定稿")
    xl.add_argument("--include-drafts", action="store_true",
                    help="成熟度汇总和问题清单也采用尚未定稿的巡诊（标为“草稿”）；默认只用每家企业最近一次已定稿的巡诊")
    xl.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx", help="输出的 Excel 文件")
    xl.set_defaults(handler=_export_xlsx)


def _check_suffix(path: Path, suffix: str) -> None:
    if path.suffix.lower() != suffix:
        raise UserError(f"输出文件 {path} 的扩展名应为 {suffix}")


def _report(args) -> int:
    from ..services import reports

    if args.output.suffix.lower() == ".zip":
        return _report_zip(args)
    if len(args.visit) > 1:
        raise UserError(f"给了 {len(args.visit)} 次巡诊，输出文件 {args.output} 的扩展名应为 .zip")
    suffix = args.output.suffix.lower()
    if suffix == ".docx":
        written = reports.write_visit_docx(store_for(args), args.visit[0], args.output)
        print(f"已生成可编辑的报告：{written.path}（{written.size // 1024 + 1} KB）")
        return 0
    if suffix != ".pdf":
        raise UserError(f"输出文件 {args.output} 的扩展名应为 .pdf、.docx 或 .zip")
    written = reports.write_visit_pdf(store_for(args), args.visit[0], args.output)
    print(f"已生成报告：{written.path}（{written.pages} 页，{written.size // 1024 + 1} KB）")
    return 0


def _report_zip(args) -> int:
    from ..services import reports

    result = reports.export_pdf_zip(store_for(args), args.visit, args.output)
    for visit, message in result.failed:
        print(f"巡诊 {visit} 未生成报告：{message}", file=sys.stderr)
    if not result.written:
        raise UserError(f"没有生成任何报告，未写入 {args.output}")
    print(f"已生成 {args.output}（{len(result.written)} 份报告）")
    return 2 if result.failed else 0


def _export_xlsx(args) -> int:
    from ..services import reports

    _check_suffix(args.output, ".xlsx")
    filters = any((args.city, args.cultivation_type, args.stage, args.status))
    if not args.visit and not args.all and not filters:
        raise UserError("请指定导出范围：--visit 巡诊编号、--all，或 --city / --type / --stage / --status")
    if args.visit and (args.all or filters):
        raise UserError("--visit 不能与 --all 或筛选条件同时使用")
    if args.cultivation_type and args.cultivation_type not in set(CultivationType):
        raise UserError(f"培育类型“{args.cultivation_type}”无效，应为：{'、'.join(CultivationType)}")
    for value, allowed, label in ((args.stage, Stage, "巡诊阶段"), (args.status, VisitStatus, "状态")):
        if value and value not in set(allowed):
            raise UserError(f"{label}“{value}”无效，应为：{'、'.join(allowed)}")
    selection = reports.ExportSelection(visit_refs=tuple(args.visit), city=args.city,
                                        cultivation_type=args.cultivation_type, stage=args.stage, status=args.status,
                                        include_drafts=args.include_drafts)
    written = reports.write_workbook(store_for(args), selection, args.output)
    what = "单次巡诊明细" if selection.single_visit else f"汇总，{written.rows} 家企业"
    print(f"已导出：{written.path}（{what}）")
    return 0
