"""Readers: key figures as a chart, drawn from one data file, labels translated."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup


DATA = "label,value\nMore than 100 million yuan,5\nMore than 1 million yuan,133\n"
PAGE = "(sample)=\n# Sample page\n\n```{chart} data/tiers.csv\n:caption: Enterprises by tax paid\n:name: tiers-chart\n```\n"


@pytest.fixture
def sample(sample: Path) -> Path:
    (sample / "docs" / "data").mkdir()
    (sample / "docs" / "data" / "tiers.csv").write_text(DATA, encoding="utf-8")
    (sample / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    return sample


def build(project: Path, builder: str, language: str = "en") -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-b", builder, "-c", ".", "-D", f"language={language}",
         "-d", f"_build/doctrees-{builder}-{language}", "docs", f"_build/{builder}-{language}"],
        cwd=project, capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": "1767225600"})
    assert result.returncode == 0, result.stderr
    return result


def svg_of(project: Path, language: str) -> BeautifulSoup:
    page = BeautifulSoup((project / "_build" / f"html-{language}" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    return page.find("figure", class_="chart")


def test_chart_is_drawn_from_the_data_file(sample: Path) -> None:
    build(sample, "html")
    figure = svg_of(sample, "en")
    assert figure["id"] == "tiers-chart"
    assert figure.svg["role"] == "img"
    assert figure.svg.title.get_text() == "Enterprises by tax paid"
    assert figure.svg.desc.get_text() == "More than 100 million yuan: 5; More than 1 million yuan: 133"
    bars = [float(rect["width"]) for rect in figure.svg.find_all("rect")]
    assert bars[1] > bars[0] * 20  # 133 vs 5
    assert figure.figcaption.get_text() == "Enterprises by tax paid"


def test_labels_are_messages_of_the_page_catalog(sample: Path) -> None:
    build(sample, "gettext")
    pot = polib.pofile(str(sample / "_build" / "gettext-en" / "index.pot"))
    assert {"Enterprises by tax paid", "More than 100 million yuan", "More than 1 million yuan"} <= {
        e.msgid for e in pot}


def test_translated_labels_appear_in_svg_and_pdf_source(sample: Path) -> None:
    write_catalog(sample, {"Enterprises by tax paid": "按纳税额分列的企业数",
                       "More than 100 million yuan": "纳税超1亿元",
                       "More than 1 million yuan": "纳税超100万元"})
    build(sample, "html", "zh_CN")
    figure = svg_of(sample, "zh_CN")
    assert [t.get_text() for t in figure.svg.find_all("text", class_="chart-label")] == ["纳税超1亿元", "纳税超100万元"]
    assert figure.svg.title.get_text() == "按纳税额分列的企业数"
    build(sample, "latex", "zh_CN")
    tex = next((sample / "_build" / "latex-zh_CN").glob("*.tex")).read_text(encoding="utf-8")
    assert r"\begin{tikzpicture}" in tex and "纳税超1亿元" in tex and r"\caption{按纳税额分列的企业数}" in tex


def test_a_changed_data_file_changes_the_chart(sample: Path) -> None:
    build(sample, "html")
    (sample / "docs" / "data" / "tiers.csv").write_text(DATA.replace(",133", ",140"), encoding="utf-8")
    build(sample, "html")
    assert "More than 1 million yuan: 140" in svg_of(sample, "en").svg.desc.get_text()


def test_a_label_cannot_inject_markup_or_tex(sample: Path) -> None:
    write_catalog(sample, {"More than 100 million yuan": "超</text><script>alert(1)</script>",
                       "More than 1 million yuan": r"超\input{/etc/passwd}"})
    build(sample, "html", "zh_CN")
    html = (sample / "_build" / "html-zh_CN" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    build(sample, "latex", "zh_CN")
    tex = next((sample / "_build" / "latex-zh_CN").glob("*.tex")).read_text(encoding="utf-8")
    assert r"\input{/etc/passwd}" not in tex
    assert r"\textbackslash{}input\{/etc/passwd\}" in tex


def test_bad_data_file_names_file_and_what_to_do(sample: Path) -> None:
    (sample / "docs" / "data" / "tiers.csv").write_text("name,count\nx,1\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "sphinx", "-W", "-b", "html", "-c", ".", "docs", "_build/x"],
                            cwd=sample, capture_output=True, text=True)
    assert result.returncode != 0
    assert re.search(r"index\.md:\d+: .*chart data data/tiers\.csv.*columns label,value", result.stderr)
