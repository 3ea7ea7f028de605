"""Readers: the names glossary (editions.sphinxext.names_glossary).  The termbase's confirmed
names, English and Chinese side by side, grouped, on a page of their own; each name's first
mention on a page, in the edition's language, links to its row; a pending name, a slogan or
a plain term is not a name of the glossary; every value a contributor wrote is text."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

HOSTILE_ENGLISH = "<script>alert(1)</script> Lane"
HOSTILE_CHINESE = r"\input{/etc/passwd}{{ x }}巷"
TERMBASE = "\n".join([
    "english\tchinese\tkind\tstatus\tnote",
    "Grand Canal\t大运河\triver\t\tconfirmed",
    "Canal\t运河\triver\t\tthe short form",
    "Sample Office\t示例办公室\torganisation\t\t",
    "Happy Canal Walk\t快乐运河行\tcampaign\t\ta programme's group",
    "Model Street\t示范街道\thonour\t\t",
    "Old Mill\t老磨坊\tplace\tpending\twaits for the office",
    "sub-district\t街道\tterm\t\tnot a name",
    "Canal Slogan\t运河口号\tslogan\t\tnot a name",
    f"{HOSTILE_ENGLISH}\t{HOSTILE_CHINESE}\tplace\t\ta hostile contributor",
]) + "\n"
INDEX = """(sample)=
# Sample page

(along)=
## Along the Grand Canal

Read the [Grand Canal history](https://example.org/canal) online, and `Grand Canal` in code.

The Grand Canal runs through the sub-district, past the Old Mill and the Canal Slogan.

The Grand Canal again, and the Sample Office.

```{toctree}
:hidden:

other
names
```
"""
NAMES = "(names)=\n# Names\n\nThe names of this profile.\n\n```{names-glossary}\n```\n"
CHINESE = {
    "Sample page": "示例页",
    "Along the Grand Canal": "沿大运河",
    "Read the [Grand Canal history](https://example.org/canal) online, and `Grand Canal` in code.":
        "在线阅读[大运河历史](https://example.org/canal)，代码中写作`Grand Canal`。",
    "The Grand Canal runs through the sub-district, past the Old Mill and the Canal Slogan.":
        "大运河流经街道，经过老磨坊和运河口号。",
    "The Grand Canal again, and the Sample Office.": "又是大运河，还有示例办公室。",
}
INTERFACE = {"Places": "地名", "Organisations": "机构", "Programmes": "项目", "Honours": "荣誉",
             "English": "英文", "Chinese": "中文"}


def write_profile(sample, names_page: bool = True) -> None:
    (sample.path / "index.md").write_text(INDEX if names_page else INDEX.replace("names\n```", "```"),
                                          encoding="utf-8")
    if names_page:
        (sample.path / "names.md").write_text(NAMES, encoding="utf-8")
    sample.catalog(CHINESE)
    sample.catalog({"Names": "名称", "The names of this profile.": "本概况的名称。"}, domain="names")
    sample.catalog(INTERFACE, domain="sphinx")
    (sample.path / "locales" / "zh_CN" / "termbase.tsv").write_text(TERMBASE, encoding="utf-8")


@pytest.fixture(scope="module")
def built(module_sample) -> dict[str, str]:
    """The sample with a termbase and a names page: the English and Chinese sites' pages
    and the English LaTeX, built once for the module's tests."""
    write_profile(module_sample)
    pages = {}
    for language in ("zh_CN", "en"):  # one html folder: each read before the next build
        build = module_sample.build(language=language)
        assert "WARNING" not in build.warnings, build.warnings
        pages.update({f"{language}/{name}": build.page(name) for name in ("index", "names")})
        if language == "zh_CN":  # the parallel edition, written from the Chinese reading
            pages.update(parallel_from_reading(module_sample))
    pages["en.tex"] = module_sample.build("latex", language="en").tex()
    return pages


def parallel_from_reading(sample) -> dict[str, str]:
    """en-zh_CN written from the doctrees the zh_CN build just read (as make writes it):
    its pages, and those it read (none)."""
    builddir = sample.path / "_build" / "en-zh_CN"
    builddir.mkdir()
    (builddir / "doctrees").symlink_to(sample.path / "_build" / "doctrees")
    read: list[str] = []
    outdirs = {}
    for builder in ("html", "latex"):
        app = sample.make_app(builder, srcdir=sample.path, builddir=builddir, confoverrides={"edition": "en-zh_CN"},
                              status=io.StringIO(), warning=io.StringIO())
        app.connect("source-read", lambda _app, docname, _source: read.append(docname))
        app.build()
        app.cleanup()
        outdirs[builder] = Path(app.outdir)
    pages = {f"en-zh_CN/{name}": (outdirs["html"] / f"{name}.html").read_text(encoding="utf-8")
             for name in ("index", "names")}
    tex = next(outdirs["latex"].glob("*.tex")).read_text(encoding="utf-8")
    return {**pages, "en-zh_CN.tex": tex, "en-zh_CN read": " ".join(read)}


def glossary(page: str) -> dict[str, list[tuple[str, ...]]]:
    """Each group's heading and its rows' cells, as a reader sees them."""
    article = BeautifulSoup(page, "html.parser").find("article")
    groups: dict[str, list[tuple[str, ...]]] = {}
    for heading in article.find_all("h2", class_="rubric"):
        table = heading.find_next("table")  # (Furo wraps it in a div)
        groups[heading.get_text()] = [tuple(cell.get_text() for cell in row.find_all(["th", "td"]))
                                      for row in table.find_all("tr")]
    return groups


def test_confirmed_names_only_grouped_english_and_chinese_side_by_side(built) -> None:
    assert glossary(built["en/names"]) == {
        "Places": [("English", "Chinese"), (HOSTILE_ENGLISH, HOSTILE_CHINESE), ("Canal", "运河"),
                   ("Grand Canal", "大运河")],  # in the order of the English
        "Organisations": [("English", "Chinese"), ("Sample Office", "示例办公室")],
        "Programmes": [("English", "Chinese"), ("Happy Canal Walk", "快乐运河行")],
        "Honours": [("English", "Chinese"), ("Model Street", "示范街道")],
    }
    text = BeautifulSoup(built["en/names"], "html.parser").find("article").get_text()
    for left_out in ("Old Mill", "老磨坊", "sub-district", "Canal Slogan", "运河口号"):  # pending, term, slogan
        assert left_out not in text


def test_group_headings_and_column_heads_come_from_the_catalogs(built) -> None:
    soup = BeautifulSoup(built["zh_CN/names"], "html.parser")
    assert soup.find("h1").get_text().rstrip("¶") == "名称"  # the page's title: its own catalog
    groups = glossary(built["zh_CN/names"])
    assert list(groups) == ["地名", "机构", "项目", "荣誉"]
    assert groups["地名"][2:] == [("Canal", "运河"), ("Grand Canal", "大运河")]  # in the English's order
    assert groups["地名"][0] == ("英文", "中文")
    rows = soup.find("article").find_all("td")  # each form read in its own language
    assert (rows[0].find(lang=True)["lang"], rows[1].find(lang=True)["lang"]) == ("en", "zh-CN")


def links(page: str) -> list[tuple[str, str]]:
    return [(a.get_text(), a["href"]) for a in BeautifulSoup(page, "html.parser").find("article").find_all("a")
            if "names.html" in a.get("href", "")]


def test_the_first_mention_of_each_name_links_to_its_row_and_only_the_first(built) -> None:
    # not in the heading, the link or the code before it; the pending name and the slogan
    # (which holds "Canal": the longest term wins) are no links
    assert links(built["en/index"]) == [("Grand Canal", "names.html#name-grand-canal"),
                                        ("Sample Office", "names.html#name-sample-office")]
    soup = BeautifulSoup(built["en/index"], "html.parser")
    assert soup.find("h2").find("a", href=re.compile("names")) is None
    assert soup.find("a", href="https://example.org/canal").get_text() == "Grand Canal history"
    assert soup.find(id="name-grand-canal") is None  # the anchor is the glossary's row
    assert BeautifulSoup(built["en/names"], "html.parser").find(id="name-grand-canal").find_parent("td")


def test_in_the_chinese_edition_the_chinese_mention_links(built) -> None:
    assert links(built["zh_CN/index"]) == [("大运河", "names.html#name-grand-canal"),
                                           ("示例办公室", "names.html#name-sample-office")]


def test_the_parallel_edition_written_from_the_chinese_reading_says_and_links_both_languages(built) -> None:
    assert built["en-zh_CN read"] == ""  # written from zh_CN's doctrees: no page read again
    groups = glossary(built["en-zh_CN/names"])
    assert list(groups) == ["Places · 地名", "Organisations · 机构", "Programmes · 项目", "Honours · 荣誉"]
    assert groups["Places · 地名"][0] == ("English · 英文", "Chinese · 中文")
    # each name's first mention in each language: the English paired as the page is written
    assert links(built["en-zh_CN/index"]) == [
        ("Grand Canal", "names.html#name-grand-canal"), ("大运河", "names.html#name-grand-canal"),
        ("Sample Office", "names.html#name-sample-office"), ("示例办公室", "names.html#name-sample-office")]
    assert links(built["en-zh_CN/names"]) == []
    # in the PDF's book (every page in one document, the glossary's too), each page's first
    # mentions, plain text (names_link.resolve_link): as the HTML's
    tex = built["en-zh_CN.tex"]
    for name in ("Grand Canal", "大运河", "Sample Office", "示例办公室"):
        assert tex.count(rf"\DUrole{{names-link}}{{{name}}}") == 1, name


def test_the_glossary_page_links_to_none_of_its_names(built) -> None:
    assert links(built["en/names"]) == []


def test_a_hostile_termbase_value_is_text_in_html_and_tex(built) -> None:
    for page in (built["en/names"], built["zh_CN/names"]):
        assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; Lane" in page
        assert HOSTILE_CHINESE in BeautifulSoup(page, "html.parser").get_text()  # braces and all, as text
    tex = built["en.tex"]
    assert r"\input{/etc/passwd}" not in tex and "<script>" in tex  # < is no TeX
    assert re.search(r"\\textbackslash\{\}input\\\{/etc/passwd\\\}\\\{\\\{ x \\\}\\\}", tex), \
        [line for line in tex.splitlines() if "passwd" in line]


def test_in_print_a_paragraph_a_name_with_its_anchor_and_the_chinese_font(built) -> None:
    tex = built["en.tex"]
    assert r"\newfontfamily\editionnamescjk{Noto Serif CJK SC}" in tex  # the English brochure's Chinese
    row = next(line for line in tex.splitlines() if r"\label{\detokenize{names:name-grand-canal}}" in line)
    assert "Grand Canal" in row and r"\editionlang{zh-CN}{{\editionnamescjk 大运河}}" in row
    assert r"\begin{tabulary}" not in tex and r"\begin{longtable}" not in tex  # no table: tagging
    assert "names:name-grand-canal}]" not in tex  # the pages' names plain: a brochure is for print


def test_without_a_glossary_page_names_stay_plain_text(sample) -> None:
    write_profile(sample, names_page=False)
    build = sample.build(language="en")
    assert links(build.page()) == [] and "WARNING" not in build.warnings


@pytest.mark.parametrize(("line", "error"), [
    ("Half a term\n", "a term needs an English and a Chinese column"),
    ("Odd\t怪\tthing\t\t\n", "has the kind 'thing'"),
])
def test_a_malformed_termbase_line_is_named_with_its_file_and_line(sample, line: str, error: str) -> None:
    write_profile(sample)
    termbase = sample.path / "locales" / "zh_CN" / "termbase.tsv"
    termbase.write_text(TERMBASE + line, encoding="utf-8")
    build = sample.build(language="en")
    number = len(TERMBASE.splitlines()) + 1
    assert f"termbase.tsv:{number}: " in build.warnings and error in build.warnings, build.warnings
    assert "Traceback" not in build.warnings + build.status


def test_a_termbase_that_is_a_link_is_refused(sample, tmp_path: Path) -> None:
    write_profile(sample)
    elsewhere = tmp_path / "elsewhere.tsv"
    elsewhere.write_text(TERMBASE.replace("Sample Office", "Secret Office"), encoding="utf-8")
    termbase = sample.path / "locales" / "zh_CN" / "termbase.tsv"
    termbase.unlink()
    termbase.symlink_to(elsewhere)
    build = sample.build(language="en")
    assert "termbase.tsv:1: [terms] the termbase is not a regular file" in build.warnings
    assert "Secret Office" not in build.page("names")


def test_a_hostile_group_heading_in_sphinx_po_is_stopped_and_would_be_text(sample) -> None:
    # the gate stops the edition (a tag the English doesn't have); behind it, the rules leave
    # the entry out of the checked catalog: the English heading
    write_profile(sample)
    sample.catalog({**INTERFACE, "Places": "地名<script>alert(1)</script>"}, domain="sphinx")
    page = sample.gated().page("names")
    assert "<script>alert(1)" not in page
    headings = [h.get_text() for h in BeautifulSoup(page, "html.parser").find("article").find_all("h2")]
    assert headings[0] == "Places", headings
