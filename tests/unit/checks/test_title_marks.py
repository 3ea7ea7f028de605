"""make check: title-marks — 《》 only for works (GB/T 15834-2011 4.15, A.13).

The termbase's kind says what a term is: honours, campaigns, programmes, events and
slogans never take 《》; works (newspapers, books, films) do.
"""

from __future__ import annotations

import pytest

TERMBASE = (
    "english\tchinese\tkind\tstatus\tnote\n"
    "The Beautiful River\t美丽河道\thonour\t\t\n"
    "Best Micro-movie Award\t最佳微电影奖\thonour\t\t\n"
    "V-Level Water Treatment\t五水共治\tcampaign\t\t\n"
    "Seeding to Strong\t育苗强苗\tprogramme\t\t\n"
    "Happy Canal Walk\t快乐运河行\tevent\t\t\n"
    "Output Hero\t亩产英雄\tslogan\t\t\n"
    "People's Daily\t人民日报\twork\t\t\n"
    "Guxin River\t古新河\triver\t\t\n"
)


@pytest.mark.parametrize("msgid, msgstr, expected", [
    ("Guxin River was awarded the first batch of \"The Beautiful River\".",
     "古新河获评全市首批《美丽河道》。", "《美丽河道》: 美丽河道 is an honour"),
    ("It won the \"Best Micro-movie Award\".", "荣获《最佳微电影奖》。", "is an honour"),
    ("By seizing \"V-Level Water Treatment\", it renovated the roads.", "抓住《五水共治》的契机，改造了道路。",
     "五水共治 is a campaign"),
    ("The training program \"Seeding to Strong\" every year.", "每年实施《育苗强苗》培养计划。",
     "育苗强苗 is a programme"),
    ("Initiating the Happy Canal Walk.", "开展《快乐运河行》活动。", "快乐运河行 is an event"),
    ("The street has become the \"Output Hero\".", "成为《亩产英雄》。", "亩产英雄 is a slogan"),
    # the term anywhere inside the marks: 《“育苗强苗”培养计划》 is still a programme
    ("The training program \"Seeding to Strong\".", "《“育苗强苗”培养计划》。", "育苗强苗 is a programme"),
])
def test_non_work_in_title_marks_is_a_finding(checks, msgid: str, msgstr: str, expected: str) -> None:
    po = checks.write([checks.entry(msgid, msgstr)], termbase=TERMBASE)
    status, findings = checks.run()
    finding = checks.only(findings, "title-marks")
    assert status == 1 and finding["line"] == checks.line_of(po, msgid)
    assert expected in finding["message"] and "GB/T 15834-2011" in finding["message"]
    assert "locales/zh_CN/termbase.tsv:" in finding["message"]
    assert "“" in finding["advice"]  # says what to write instead


@pytest.mark.parametrize("msgid, msgstr", [
    ("Guxin River was awarded the first batch of \"The Beautiful River\".", "古新河获评全市首批“美丽河道”。"),
    ("It won the \"Best Micro-movie Award\".", "荣获“最佳微电影奖”。"),
    ("The training program \"Seeding to Strong\" every year.", "每年实施“育苗强苗”培养计划。"),
    ("The Beautiful River", "美丽河道"),  # a list item without marks
    # a work takes 《》
    ("It made headlines in the overseas version of People's Daily.", "登上了《人民日报》海外版的头条。"),
    # a term that is not a work, but not inside the marks
    ("People's Daily reported the \"Output Hero\".", "《人民日报》报道了“亩产英雄”。"),
])
def test_works_and_quoted_honours_pass(checks, msgid: str, msgstr: str) -> None:
    checks.write([checks.entry(msgid, msgstr)], termbase=TERMBASE)
    status, findings = checks.run()
    assert checks.errors(findings) == [] and status == 0, findings


def test_waiver_for_a_real_work_named_after_a_programme(checks) -> None:
    msgid = "The book Seeding to Strong was published."
    msgstr = "《育苗强苗》一书出版了。"
    comment = "check: allow title-marks — here it is the book about the programme"
    checks.write([checks.entry(msgid, msgstr, comment=comment)], termbase=TERMBASE)
    assert checks.run() == (0, [])


def test_unknown_kind_is_reported(checks) -> None:
    """A misspelt kind ("honor") would hide a term from the rule: the termbase says so."""
    termbase = TERMBASE + "Provincial Civilized Sub-district\t省级文明街道\thonor\t\t\n"
    checks.write([checks.entry("Hangzhou", "杭州")], termbase=termbase)
    status, findings = checks.run()
    finding = checks.only(findings, "terms")
    assert status == 1 and finding["file"] == "locales/zh_CN/termbase.tsv" and finding["line"] == 10
    assert "'honor'" in finding["message"] and "honour" in finding["advice"]
