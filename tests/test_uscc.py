import pytest

from xunzhen_app.core.uscc import check_character, uscc_problem

# The worked example printed in GB 32100-2015, and lower-case input normalised elsewhere.
VALID = ["91350100M000100Y43"]


@pytest.mark.parametrize("code", VALID)
def test_valid_codes(code):
    assert uscc_problem(code) is None, uscc_problem(code)


def test_wrong_check_character_says_which_is_expected():
    code = "91350100M000100Y44"
    assert uscc_problem(code) == "统一社会信用代码校验位错误：第 18 位应为“3”，实际为“4”"


@pytest.mark.parametrize("code, fragment", [
    ("91350100M000100Y4", "应为 18 位，实际为 17 位"),
    ("91350100M0001O0Y43", "第 14 位“O”"),
    ("91350100m000100Y43", "第 9 位“m”"),
    ("913501A0M000100Y43", "行政区划代码"),
])
def test_malformed_codes(code, fragment):
    assert fragment in uscc_problem(code)


def test_check_character_of_a_constructed_code():
    body = "91140100MA0K123456"[:17]
    assert uscc_problem(body + check_character(body)) is None
