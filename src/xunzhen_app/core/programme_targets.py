"""The targets of 晋市监发〔2025〕100号 the programme desk measures each city and the province against."""

from __future__ import annotations

from datetime import date

# 四（二）: each city puts 不少于 10 家 enterprises in its 培育库 and reports the list (附件2) 于 5 月 21 日前.
MIN_ENTERPRISES = 10
LIST_DUE = date(2025, 5, 21)
# 一（二）: by the end of December each city 至少培育成功1个; the province forms 3–5 国内领先 质量标杆企业.
MIN_SUCCESSES = 1
BENCHMARKS_MIN, BENCHMARKS_MAX = 3, 5
# 市监质发〔2024〕62号 三（二）: each province recommends 不超过5家 to the national level.
MAX_RECOMMENDATIONS = 5

BENCHMARK, RECOMMENDED = "标杆", "推荐"  # the two kinds of the province's picks (db.models.DeskPick)
