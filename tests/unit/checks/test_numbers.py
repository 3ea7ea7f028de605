"""make check: numbers — English and Chinese quantities compared as values."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editions.checks.numbers import chinese_quantities, english_quantities, missing_quantities, problem


@pytest.mark.parametrize("text, values", [
    ("39,000", [39000]), ("1.216 billion", [1216000000]), ("300 million", [300000000]),
    ("3.59", [Decimal("3.59")]), ("80,000", [80000]), ("100,000", [100000]), ("7", [7]),
    ("No. 1", [1]), ("13th", [13]), ("20 consecutive", [20]), ("in 1954 and 2018.", [1954, 2018]),
    ("Top-100", [100]), ("top 500", [500]), ('"6+N"', [6]), ('"1+6"', [1, 6]),
    ("three-dimensional", []), ("COVID19", []),
])
def test_english_forms(text: str, values: list) -> None:
    assert [q.value for q in english_quantities(text)] == [Decimal(v) for v in values]


@pytest.mark.parametrize("text, value", [
    ("3.9万", 39000), ("12.16亿", 1216000000), ("3亿", 300000000), ("5000万", 50000000), ("8万", 80000),
    ("近10万", 100000), ("三千", 3000), ("七个", 7), ("第十三届", 13), ("百强", 100), ("500强", 500),
    ("2018年", 2018), ("一九五四年", 1954), ("三万九千", 39000), ("超亿元", 100000000), ("千万元", 10000000),
    ("百万元", 1000000), ("1亿2000万", 120000000), ("一百零五", 105), ("二十", 20), ("武林壹号", 1),
    ("“十三五”", 13), ("３．５９", Decimal("3.59")), ("39,000", 39000),
])
def test_chinese_forms(text: str, value) -> None:
    assert Decimal(value) in [q.value for q in chinese_quantities(text)]


@pytest.mark.parametrize("english, chinese", [
    ("reached 1.216 billion yuan", "达12.16亿元"),
    ("a permanent population of 39,000 and more than 3,000 enterprises", "常住人口3.9万，企业3000余家"),
    ("It consists of 7 communities", "下辖七个社区"),
    ("the 13th China-US Film Festival", "第十三届中美电影节"),
    ("the 13th Five-Year Plan", "“十三五”时期"),
    ("domestic top 500 enterprises", "国内500强企业"),
    ("Top-100 enterprises", "百强企业"),
    ("held 20 consecutive art performances", "连续举办二十届文艺汇演"),
    ("benefiting nearly 100,000 residents", "惠及近10万居民"),
    ("5 have exceeded 100 million yuan, 9 50 million, 133 1 million, 25 10 million",
     "5家超亿元，9家超5000万元，133家超百万元，25家达千万元"),
    ('the "6+N" system and the "1+6" network', "“6+N”体系和“1+6”网络"),
    ("No. 1 in investment attraction", "招商引资第一"),
    ("360 degrees; the 110 center", "360度；110中心"),
    ("The Renovation ... and V-Level Water Treatment", "“三改一拆”和“五水共治”"),
    ("One Send Four Questions", "一送四问"),
])
def test_same_values(english: str, chinese: str) -> None:
    assert missing_quantities(english, chinese)[0] == []


@pytest.mark.parametrize("english, chinese, missing", [
    ("reached 1.216 billion yuan", "达1.216亿元", 1216000000),
    ("a permanent population of 39,000", "常住人口39万", 39000),
    ("exceeded 300 million yuan", "超过3000万元", 300000000),
    ("the 13th China-US Film Festival", "第十二届中美电影节", 13),
    ("first established in 1954", "始建于1945年", 1954),
    ("It consists of 7 communities", "下辖六个社区", 7),
])
def test_different_values(english: str, chinese: str, missing) -> None:
    assert [q.value for q in missing_quantities(english, chinese)[0]] == [Decimal(missing)]


def test_catalog_with_a_wrong_scale_fails(checks) -> None:
    msgid = "In 2018, the total financial revenue reached 1.216 billion yuan."
    po = checks.write([checks.entry(msgid, "2018年，财政总收入达1.216亿元。")])
    status, findings = checks.run()
    finding = checks.only(findings, "numbers")
    assert status == 1 and finding["line"] == checks.line_of(po, msgid)
    assert "1.216 billion" in finding["message"] and "1.216亿" in finding["message"]
    assert "12.16亿" in finding["advice"]


def test_catalog_with_the_right_values_passes(checks) -> None:
    checks.write([
        checks.entry("In 2018, the total financial revenue reached 1.216 billion yuan.",
                     "2018年，财政总收入达12.16亿元。"),
        checks.entry("The 80,000 square meter office building.", "8万平方米的写字楼。"),
    ])
    status, findings = checks.run()
    assert checks.errors(findings, "numbers") == [] and status == 0


@pytest.mark.parametrize(("figure", "wrong", "right"), [
    ("39,000", "39万人", "3.9万"),
    ("1.216 billion yuan", "1.216亿元", "12.16亿"),
    ("More than 300 million yuan", "超3000万元", "3亿"),
    ("3.59 square kilometers", "35.9平方公里", "3.59"),
])
def test_a_key_figure_with_a_wrong_scale_fails(checks, figure: str, wrong: str, right: str) -> None:
    # a figure of the {key-figures} panel is one message, its number with its unit (the data
    # file's "figure"): the translated unit must keep the value (39,000 is 3.9万, not 39万)
    po = checks.write([checks.entry("Permanent population", "常住人口"), checks.entry(figure, wrong)])
    status, findings = checks.run()
    finding = checks.only(findings, "numbers")
    assert status == 1 and finding["line"] == checks.line_of(po, figure)
    assert right in finding["advice"]


def test_the_profiles_key_figures_keep_their_values() -> None:
    """Every figure of docs/data/key-figures.csv has a translation with the same value."""
    import csv

    import polib

    root = Path(__file__).resolve().parents[3]
    lines = (root / "docs" / "data" / "key-figures.csv").read_text(encoding="utf-8").splitlines()
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    catalog = polib.pofile(str(root / "locales" / "zh_CN" / "LC_MESSAGES" / "index.po"))
    translations = {entry.msgid: entry.msgstr for entry in catalog.translated_entries()}
    assert len(rows) == 7
    for row in rows:
        assert row["label"] in translations and row["figure"] in translations, row
        assert problem(row["figure"], translations[row["figure"]]) is None, row


@pytest.mark.parametrize("digit, name", [
    ("৪", "BENGALI DIGIT FOUR"), ("٤", "ARABIC-INDIC DIGIT FOUR"), ("۴", "EXTENDED ARABIC-INDIC DIGIT FOUR"),
    ("४", "DEVANAGARI DIGIT FOUR"), ("𝟒", "MATHEMATICAL BOLD DIGIT FOUR"), ("๔", "THAI DIGIT FOUR"),
])
def test_a_digit_of_another_script_is_a_finding_not_a_value(digit: str, name: str) -> None:
    # Python's \d and Decimal read ৪ as 4; a Chinese reader does not
    assert chinese_quantities(f"下辖{digit}个社区") == []
    message, advice = problem("It consists of 4 communities", f"下辖{digit}个社区")
    assert message.startswith(f"the translation writes {digit} ({name}), a digit that is not 0–9")
    assert advice.startswith("write 4")


def test_only_ascii_digits_are_read_in_the_english() -> None:
    assert english_quantities("It consists of ৪ communities") == []
    assert problem("It consists of 4 communities", "下辖４个社区") is None  # full-width digits are Chinese


@pytest.mark.parametrize("text", [
    "七彩社区", "一些企业", "一起努力", "统一部署", "唯一的街道级直报点", "万一出现问题", "一流的服务", "奋战在第一线",
    "干部队伍", "“海陆空”三位一体", "万豪酒店", "老百姓", "千万不要", "一是加强", "一一对应",
])
def test_a_numeral_inside_a_word_is_not_a_quantity(text: str) -> None:
    # 七彩 "seven colours", 统一 "unified", 队伍 "team", 万豪 "Marriott": words, not quantities
    assert chinese_quantities(text) == []


@pytest.mark.parametrize("text, value", [
    ("位居全区第一", 1), ("下辖七个社区", 7), ("纳税达千万元", 10000000), ("三十余家", 30), ("十余个", 10),
    ("打造了一批党建品牌", 1),
])
def test_a_numeral_with_a_measure_word_or_an_ordinal_is_a_quantity(text: str, value) -> None:
    assert [q.value for q in chinese_quantities(text)] == [Decimal(value)]


@pytest.mark.parametrize("english, chinese, value", [
    ("It consists of 7 communities", "下辖七彩社区", 7),
    ("It consists of 7 communities", "下辖多个七彩社区", 7),
    ("It is 1 of the 100 points", "它是100个直报点中唯一的", 1),
    ("5 teams of volunteers", "志愿者队伍", 5),
])
def test_a_word_with_a_numeral_does_not_stand_for_the_number(english: str, chinese: str, value) -> None:
    assert [q.value for q in missing_quantities(english, chinese)[0]] == [Decimal(value)]
    assert problem(english, chinese) is not None


# economy.po: four counts of enterprises, each with the tax it passed
TAXES = ("At the same time, 5 enterprises have exceeded tax payments of 100 million yuan, 9 have exceeded 50 million "
         "yuan, and 133 have exceeded 1 million yuan, of which 25 enterprises have paid taxes of 10 million yuan.")
TAXES_ZH = "同时，有5家企业纳税超1亿元，9家企业纳税超5000万元，133家企业纳税超100万元，其中25家企业纳税达1000万元。"


@pytest.mark.parametrize("chinese, english_order, translation_order", [
    (TAXES_ZH.replace("有5家", "有9家").replace("，9家", "，5家"), "5 … 9", "9 … 5"),
    (TAXES_ZH.replace("133家", "25家").replace("其中25家", "其中133家"), "133 … 25", "25 … 133"),
    (TAXES_ZH.replace("超1亿元", "超5000万元").replace("超5000万元，133", "超1亿元，133"),
     "100 million … 50 million", "5000万 … 1亿"),
])
def test_two_figures_swapped_are_a_finding(chinese: str, english_order: str, translation_order: str) -> None:
    # the same values, each in the other's place: the set of values is right, the facts are not
    assert missing_quantities(TAXES, chinese)[0] == []
    message, advice = problem(TAXES, chinese)
    assert message == f"the English says {english_order}, the translation has {translation_order} (swapped)"
    first, second = translation_order.split(" … ")
    assert advice == f"write {second} where the translation has {first}, and {first} where it has {second}"


def test_two_counts_swapped_around_a_year_are_a_finding() -> None:
    # index.po: the figures of the English between them hold their places, so it is no clause moved
    english = ("an area of 3.59 square kilometers, a permanent population of 39,000 and more than 3,000 enterprises "
               "and institutions. The office was first established in 1954. It consists of 7 communities:")
    chinese = "辖区面积3.59平方公里，常住人口3.9万，企事业单位7余家。办事处始建于1954年，下辖3000个社区："
    assert problem(english, chinese)[0] == "the English says 3,000 … 7, the translation has 7 … 3000 (swapped)"
    assert problem(english, chinese.replace("7余家", "3000余家").replace("3000个", "7个")) is None


@pytest.mark.parametrize("english, chinese", [
    (TAXES, TAXES_ZH),
    # Chinese moves clauses; a clause's figures move with it
    (TAXES, "同时，133家企业纳税超100万元，其中25家企业纳税达1000万元；9家企业纳税超5000万元，5家企业纳税超1亿元。"),
    ("5 of the 9 enterprises paid 3 million yuan", "9家企业中有5家纳税300万元"),
    # economy.po: the English gives 80,000 before No. 1, the translation after it
    ("The 80,000 square meter office building of No. 1 Wulin, ... and Top-100 enterprises in the future.",
     "在建的武林壹号写字楼建筑面积8万平方米，……集聚百强企业的新高地。"),
    # Chinese reverses: the figures around the two do not hold their places
    ("a 5% rise to 9 billion yuan from 7 billion yuan", "由70亿元增至90亿元，增长5%"),
    ("reached 9 billion yuan in 2018, up from 7 billion yuan in 2017", "由2017年的70亿元增至2018年的90亿元"),
    ("room 301 of building 5 in block 7 of zone 2", "2区7片5号楼301室"),
])
def test_figures_moved_by_chinese_word_order_pass(english: str, chinese: str) -> None:
    assert problem(english, chinese) is None


_counts = st.lists(st.integers(2, 999), min_size=2, max_size=5, unique=True)


@given(counts=_counts, order=st.randoms(use_true_random=False), data=st.data())
def test_clauses_in_any_order_pass_and_two_counts_swapped_fail(counts: list[int], order, data) -> None:
    # "N enterprises have exceeded M million yuan", as economy.po writes them
    millions = list(range(1, len(counts) + 1))
    pairs = list(zip(counts, millions, strict=True))
    english = ", ".join(f"{n} enterprises have exceeded {m} million yuan" for n, m in pairs)
    clauses = [f"{n}家企业纳税超{m * 100}万元" for n, m in pairs]
    shuffled = clauses[:]
    order.shuffle(shuffled)
    assert problem(english, "，".join(shuffled)) is None
    i = data.draw(st.integers(0, len(counts) - 2))
    j = data.draw(st.integers(i + 1, len(counts) - 1))
    swapped = clauses[:]
    swapped[i] = swapped[i].replace(f"{counts[i]}家", f"{counts[j]}家", 1)
    swapped[j] = swapped[j].replace(f"{counts[j]}家", f"{counts[i]}家", 1)
    message, _ = problem(english, "，".join(swapped))
    a, b = counts[i], counts[j]
    assert f"the English says {a} … {b}, the translation has {b} … {a} (swapped)" in message


def test_the_profiles_catalogs_have_no_numbers_finding() -> None:
    """The real translations reorder clauses and write fixed names with numerals: none is a finding."""
    from editions.catalogs.markup import MessageParser
    from editions.checks import health
    from editions.checks.runner import Context, content_problems
    from editions.checks.terms import load as load_termbase

    root = Path(__file__).resolve().parents[3]
    folder = root / "locales" / "zh_CN"
    ctx = Context("zh_CN", MessageParser(root / "conf.py"), load_termbase(folder / "termbase.tsv")[0], "none")
    checked = 0
    for path in sorted((folder / "LC_MESSAGES").glob("*.po")):
        catalog = health.load(path, "zh_CN")
        for entry in catalog.po.translated_entries():
            assert content_problems(ctx, catalog, entry, entry.msgid, entry.msgstr)["numbers"] is None, entry.msgid
            checked += 1
    assert checked > 100


@given(figures=st.lists(st.integers(1, 9999), min_size=2, max_size=8, unique=True))
def test_figures_in_reverse_order_pass(figures: list[int]) -> None:
    # nested names read the other way in Chinese (room 301 of building 5 in zone 2 = 2区5号楼301室)
    english = " of ".join(f"unit {n}" for n in figures)
    assert problem(english, "".join(f"{n}号" for n in reversed(figures))) is None
