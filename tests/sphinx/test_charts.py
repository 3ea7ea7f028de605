"""Readers: key figures as a chart, drawn from one data file, labels translated."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

DATA = "label,value\nMore than 100 million yuan,5\nMore than 1 million yuan,133\n"
PAGE = ("(sample)=\n# Sample page\n\n"
        "```{chart} data/tiers.csv\n:caption: Enterprises by tax paid\n:name: tiers-chart\n```\n")
LABELS = {"Enterprises by tax paid": "按纳税额分列的企业数", "More than 100 million yuan": "纳税超1亿元",
          "More than 1 million yuan": "纳税超100万元"}


@pytest.fixture
def charted(sample):
    (sample.path / "data").mkdir()
    (sample.path / "data" / "tiers.csv").write_text(DATA, encoding="utf-8")
    (sample.path / "index.md").write_text(PAGE + "\n```{toctree}\n:hidden:\n\nother\n```\n", encoding="utf-8")
    return sample


def figure(build) -> BeautifulSoup:
    return BeautifulSoup(build.page(), "html.parser").find("figure", class_="chart")


def rows(chart: BeautifulSoup) -> list[tuple[str, str]]:
    """The chart's data table: each row's header (the label) and value, as a screen reader has them."""
    return [(tr.th.get_text(), tr.td.get_text()) for tr in chart.table.find_all("tr")]


def bar_shares(chart: BeautifulSoup) -> list[float]:
    return [float(re.search(r"\* ([0-9.]+)\)", bar["style"]).group(1)) for bar in chart.find_all(class_="chart-bar")]


def test_chart_is_drawn_from_the_data_file(charted) -> None:
    chart = figure(charted.build(language="en"))
    assert chart["id"] == "tiers-chart"
    assert chart.figcaption.get_text() == "Enterprises by tax paid"
    # a data table drawn with CSS: a row a bar, the label its header, the value its cell
    assert rows(chart) == [("More than 100 million yuan", "5"), ("More than 1 million yuan", "133")]
    assert all(th["scope"] == "row" for th in chart.table.find_all("th"))
    shares = bar_shares(chart)
    assert shares[1] == 1 and shares[1] > shares[0] * 20  # 133 vs 5
    assert all(bar["aria-hidden"] == "true" for bar in chart.find_all(class_="chart-bar"))  # the number says it
    assert "#2B5D8A" in chart["style"]  # conf.py's edition_colour
    assert chart.svg is None


def test_labels_are_messages_of_the_page_catalog(charted) -> None:
    import polib

    build = charted.build("gettext", language="en")
    assert set(LABELS) <= {e.msgid for e in polib.pofile(str(build.outdir / "index.pot"))}


def test_translated_labels_appear_in_the_page_and_pdf_source(charted) -> None:
    charted.catalog(LABELS)
    chart = figure(charted.build())
    assert [label for label, _value in rows(chart)] == ["纳税超1亿元", "纳税超100万元"]
    assert chart.figcaption.get_text() == "按纳税额分列的企业数"
    tex = charted.build("latex").tex()
    assert r"\begin{tikzpicture}" in tex and "纳税超1亿元" in tex and r"\caption{按纳税额分列的企业数}" in tex
    assert r"\fill[editionbrand]" in tex


def test_a_changed_data_file_changes_the_chart(charted) -> None:
    charted.build(language="en")
    (charted.path / "data" / "tiers.csv").write_text(DATA.replace(",133", ",140"), encoding="utf-8")
    assert ("More than 1 million yuan", "140") in rows(figure(charted.build(language="en")))


def test_a_label_stays_text_in_html_and_tex(charted) -> None:
    # the guard refuses HTML in a translation; a label the data file gives is escaped where it lands
    (charted.path / "data" / "tiers.csv").write_text(
        'label,value\n"A </text><script>alert(1)</script>",5\nB \\input{/etc/passwd},133\n', encoding="utf-8")
    assert "<script>alert(1)</script>" not in charted.build(language="en").page()
    tex = charted.build("latex", language="en").tex()
    assert r"\input{/etc/passwd}" not in tex and r"\textbackslash{}input\{/etc/passwd\}" in tex


@pytest.mark.parametrize("value", ["nan", "inf", "1e400", "٥", "-5", "\"1,000\"", ""])
def test_a_value_that_is_not_a_number_names_the_line(tmp_path, value: str) -> None:
    from editions.sphinxext.charts import ChartDataError, read_data

    data = tmp_path / "tiers.csv"
    data.write_text(f"label,value\nA,5\nB,{value}\n", encoding="utf-8")
    with pytest.raises(ChartDataError, match=rf"data/tiers\.csv:3: the value {re.escape(repr(value.strip(chr(34))))} "
                                             "is not a number"):
        read_data(data, "data/tiers.csv")


def test_a_bad_value_stops_the_chart_with_its_line(charted) -> None:
    (charted.path / "data" / "tiers.csv").write_text("label,value\nA,5\nB,nan\n", encoding="utf-8")
    build = charted.build(language="en")
    assert re.search(r"index\.md:\d+: .*data/tiers\.csv:3: the value 'nan' is not a number", build.warnings)
    assert "chart-table" not in build.page()


def test_bad_data_file_names_file_and_what_to_do(charted) -> None:
    (charted.path / "data" / "tiers.csv").write_text("name,count\nx,1\n", encoding="utf-8")
    build = charted.build(language="en")
    assert re.search(r"index\.md:\d+: .*chart data data/tiers\.csv.*columns label,value", build.warnings)


def test_a_unit_is_read_after_each_value(charted) -> None:
    """A screen reader hears "5 enterprises" (5家 in Chinese, no space); the unit is not shown."""
    (charted.path / "index.md").write_text(PAGE.replace(":name:", ":unit: enterprises\n:name:")
                                           + "\n```{toctree}\n:hidden:\n\nother\n```\n", encoding="utf-8")
    chart = figure(charted.build(language="en"))
    assert rows(chart)[0] == ("More than 100 million yuan", "5 enterprises")
    assert chart.td.find(class_="visually-hidden").get_text() == " enterprises"
    charted.catalog({**LABELS, "enterprises": "家"})
    assert rows(figure(charted.build()))[0] == ("纳税超1亿元", "5家")
