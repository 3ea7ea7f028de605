"""One environment, several builders (editions.sphinxext.shared_environment): each source
page is read once, and each builder writes every page another one read.

An edition's HTML and PDF share its environment; the parallel edition (en-zh_CN) is
written from the translation's environment (zh_CN's doctrees), in HTML and in LaTeX,
without reading a page again; and the translation's edition, written from it afterwards,
is as before.  Each build is its own application, as each is its own process in `make`.
"""

from __future__ import annotations

import io
import json
import re
import zlib
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from fixtures.sphinx_builds import SampleProject

LINE = "The other page has a detail."


def build(sample: SampleProject, builder: str) -> tuple[Any, str]:
    """One build into the sample's one doctree folder, keeping the environment (not fresh)."""
    status = io.StringIO()
    app = sample.make_app(builder, srcdir=sample.path, confoverrides={"edition": "zh_CN"}, status=status,
                          warning=io.StringIO())
    app.build()
    app.cleanup()
    return app, status.getvalue()


def changed(status: str) -> tuple[int, int]:
    """(added, changed) pages of a build's 'updating environment' line."""
    match = re.search(r"(\d+) added, (\d+) changed, \d+ removed", status)
    assert match, status
    return int(match[1]), int(match[2])


def test_the_html_after_the_pdf_reads_nothing_and_writes_what_the_pdf_read(sample: SampleProject) -> None:
    catalog = {LINE: "另一页有一个细节。"}
    sample.catalog(catalog, domain="other")
    latex, status = build(sample, "latex")
    assert changed(status) == (2, 0)  # read once, here
    html, status = build(sample, "html")
    assert changed(status) == (0, 0)  # the same environment: nothing read again
    assert latex.doctreedir == html.doctreedir
    assert "另一页有一个细节。" in (html.outdir / "other.html").read_text(encoding="utf-8")

    # A translator's change: the PDF reads the page again; the HTML, after it, writes it
    # (its source is older than the page it wrote: only the record says it is owed).
    sample.catalog({LINE: "另一页有一个细节（已改）。"}, domain="other")
    _, status = build(sample, "latex")
    assert changed(status) == (0, 1)
    _, status = build(sample, "html")
    assert changed(status) == (0, 0)
    assert "另一页有一个细节（已改）。" in (html.outdir / "other.html").read_text(encoding="utf-8")

    # Written once: the next HTML build owes nothing.
    other = (html.outdir / "other.html").stat().st_mtime_ns
    _, status = build(sample, "html")
    assert changed(status) == (0, 0)
    assert (html.outdir / "other.html").stat().st_mtime_ns == other


def test_a_builder_new_to_an_environment_writes_every_page(sample: SampleProject) -> None:
    # A fresh environment (a clean build, or one forgotten after a failure) says nothing of what
    # an output folder kept from before holds: every page is written.
    sample.catalog({LINE: "另一页的旧译文。"}, domain="other")
    build(sample, "html")
    (sample.path / "_build" / "doctrees" / "environment.pickle").unlink()
    sample.catalog({LINE: "另一页的新译文。"}, domain="other")
    _, status = build(sample, "latex")
    assert changed(status) == (2, 0)
    html, status = build(sample, "html")
    assert changed(status) == (0, 0)
    assert "另一页的新译文。" in (html.outdir / "other.html").read_text(encoding="utf-8")


def test_the_latex_builders_escapes_leave_the_environment_valid_for_the_html(sample: SampleProject) -> None:
    # numfig_format is a value Sphinx reads every page again for: the LaTeX builder escapes
    # a translated "Listing %s" for TeX only once the environment is saved.
    sample.catalog({"Listing %s": "代码清单#%s"}, domain="sphinx")
    latex, status = build(sample, "latex")
    assert changed(status) == (2, 0)
    assert r"代码清单\#" in (latex.outdir / "sphinxmessages.sty").read_text(encoding="utf-8")
    _, status = build(sample, "html")
    assert changed(status) == (0, 0), status


# -- The parallel edition, from its translation's environment ---------------------------

PARAGRAPH = "The Grand Canal runs through the sub-district."
TRANSLATIONS = {"Sample page": "样例页面", PARAGRAPH: "大运河穿境而过。", "Figure": "指标", "Value": "数值"}


@pytest.fixture
def shared(sample, tmp_path: Path):
    sample.catalog(TRANSLATIONS)
    sample.catalog({"Other page": "其他页面", "Detail": "细节"}, domain="other")
    sample.catalog({"Not yet translated": "尚未翻译", "Sample Profile": "样例概况"}, domain="sphinx")
    doctrees = tmp_path / "doctrees"
    doctrees.mkdir()

    def build(edition: str, builder: str = "html") -> tuple[Path, list[str], str]:
        """One build of *edition* into its own folder, on the shared doctrees: its output
        folder, the pages it read (source-read) and its messages."""
        builddir = tmp_path / f"{builder}-{edition}"
        builddir.mkdir(exist_ok=True)
        if not (builddir / "doctrees").exists():
            (builddir / "doctrees").symlink_to(doctrees)
        status, warning, read = io.StringIO(), io.StringIO(), []
        app = sample.make_app(builder, srcdir=sample.path, builddir=builddir, confoverrides={"edition": edition},
                              status=status, warning=warning)
        app.connect("source-read", lambda _app, docname, _source: read.append(docname))
        app.build()
        app.cleanup()  # Sphinx keeps loaded catalogs per process: each build starts afresh
        return Path(app.outdir), read, status.getvalue() + warning.getvalue()

    return build


def test_the_parallel_edition_is_written_from_the_translations_doctrees_without_reading_a_page(shared) -> None:
    zh_out, zh_read, _ = shared("zh_CN")
    assert sorted(zh_read) == ["index", "other"]
    first_zh_page = (zh_out / "index.html").read_bytes()
    assert b"parallel-pair" not in first_zh_page and PARAGRAPH.encode() not in first_zh_page

    out, read, messages = shared("en-zh_CN")
    assert read == [], messages  # zh_CN's environment was up to date for it
    page = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    pair = next(p for p in page.select("div.parallel-pair") if PARAGRAPH in p.text)
    source, target = pair.select(":scope > div.parallel-half")
    assert (source["lang"], source.get_text(strip=True)) == ("en", PARAGRAPH)
    assert (target["lang"], target.get_text(strip=True)) == ("zh-CN", "大运河穿境而过。")
    assert page.select_one("article h1").get_text(" ", strip=True).startswith("Sample page · 样例页面")
    # what Sphinx collected while reading zh_CN (titles, contents) in both languages, as the headings
    other = BeautifulSoup((out / "other.html").read_text(encoding="utf-8"), "html.parser")
    assert other.title.get_text().startswith("Other page · 其他页面")  # the window's
    assert other.select_one('link[rel="prev"]')["title"] == "Sample page · 样例页面"  # the previous page's
    assert "Other page · 其他页面" in [a.get_text(" ", strip=True) for a in page.select(".sidebar-tree a")]
    assert "Detail · 细节" in [a.get_text(" ", strip=True) for a in other.select(".toc-tree a")]  # the contents
    # a label's name (what {ref} without a title shows; objects.inv)
    labels = dict(line.split(" ", 4)[::4] for line in _inventory(out) if " std:label " in line)
    assert labels["sample"] == "Sample page · 样例页面" and labels["other-detail"] == "Detail · 细节"
    untranslated = next(p for p in page.select("div.parallel-pair") if "canal history" in p.text)
    assert untranslated.select_one(".untranslated-mark").get_text() == "尚未翻译"
    # the search index has both languages
    index = (out / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(index[index.index("(") + 1:index.rindex(")")])["terms"]
    assert "canal" in terms and "大运河" in terms

    tex_out, tex_read, messages = shared("en-zh_CN", "latex")
    assert tex_read == [], messages  # the LaTeX builder shares it too
    tex = next(tex_out.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\begin{paracol}{2}" in tex and "大运河穿境而过。" in tex and r"\title{Sample Profile · 样例概况}" in tex

    # the translation's edition again, from the environment the parallel one was written
    # from: nothing read, the same page
    again, read, messages = shared("zh_CN")
    assert read == [], messages
    assert (again / "index.html").read_bytes() == first_zh_page


def _inventory(out: Path) -> list[str]:
    """objects.inv's lines: name, domain:role, priority, address, name shown."""
    _header, _, body = (out / "objects.inv").read_bytes().partition(b"zlib.\n")
    return zlib.decompress(body).decode().splitlines()


def test_a_changed_translation_read_by_one_edition_is_written_by_the_other(shared, sample) -> None:
    shared("zh_CN")
    shared("en-zh_CN")
    sample.catalog({**TRANSLATIONS, PARAGRAPH: "京杭大运河穿境而过。"})
    _, read, _ = shared("zh_CN")
    assert read == ["index"]  # the page of the changed message, once
    out, read, messages = shared("en-zh_CN")
    assert read == [], messages
    page = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    pair = next(p for p in page.select("div.parallel-pair") if PARAGRAPH in p.text)
    assert pair.select(":scope > div.parallel-half")[1].get_text(strip=True) == "京杭大运河穿境而过。"
    written = (out / "other.html").stat().st_mtime_ns, (out / "index.html").stat().st_mtime_ns
    shared("en-zh_CN")  # nothing read since: nothing written
    assert ((out / "other.html").stat().st_mtime_ns, (out / "index.html").stat().st_mtime_ns) == written


def test_one_application_built_twice_names_each_title_once(sample) -> None:
    sample.catalog(TRANSLATIONS)
    sample.catalog({"Other page": "其他页面", "Detail": "细节"}, domain="other")
    app = sample.make_app("html", srcdir=sample.path, confoverrides={"edition": "en-zh_CN"},
                          status=io.StringIO(), warning=io.StringIO())
    app.build()
    assert app.env.titles["other"].astext() == "其他页面"  # after writing, the environment as read
    assert app.config.edition == "en-zh_CN"  # and the build's edition as it was asked for
    app.build(force_all=True)
    app.cleanup()
    other = BeautifulSoup((Path(app.outdir) / "other.html").read_text(encoding="utf-8"), "html.parser")
    assert other.title.get_text().startswith("Other page · 其他页面 ")
    assert [a.get_text(" ", strip=True) for a in other.select(".toc-tree a")][-1] == "Detail · 细节"


# -- The kept sources: beside the translation's doctrees, not in them ----------------------

def _doctree(doctrees: Path, docname: str) -> Any:
    import pickle

    with open(doctrees / f"{docname}.doctree", "rb") as handle:
        return pickle.load(handle)


def test_the_kept_sources_are_beside_the_doctrees_and_only_the_parallel_edition_loads_them(shared, tmp_path) -> None:
    from docutils import nodes

    from editions.sphinxext import kept_sources

    shared("zh_CN")
    doctrees = tmp_path / "doctrees"
    page = _doctree(doctrees, "index")
    kept = [node for node in page.findall(nodes.Element) if kept_sources.KEPT_AT in node.attributes]
    assert kept and all(node.get("translated") is not None for node in kept)
    # no copy of the source, and no catalog message's document (whose settings hold the environment) in it
    assert not any({kept_sources.KEPT, kept_sources.KEPT_MESSAGE} & set(node.attributes)
                   for node in page.findall(nodes.Element))
    assert all(node.__dict__.get("_document") in (None, page) for node in page.findall(include_self=False))
    assert kept_sources.side_file(doctrees, "index").is_file()

    # the translation's edition writes every page without them (a new output folder: every page owed)
    kept_sources.forget(doctrees)
    out, read, _ = shared("zh_CN", "latex")
    assert read == [] and "大运河穿境而过。" in next(out.glob("*.tex")).read_text(encoding="utf-8")
    # the parallel edition needs them: it stops, it does not pair with nothing
    with pytest.raises(kept_sources.StaleSource, match="index: the sources kept for the parallel edition are missing"):
        shared("en-zh_CN")


def test_a_changed_source_sentence_and_a_changed_msgstr_reach_the_parallel_edition(shared, sample, tmp_path) -> None:
    from editions.sphinxext import kept_sources

    shared("zh_CN")
    shared("en-zh_CN")
    first_reading = kept_sources.side_file(tmp_path / "doctrees", "index").read_bytes()
    source = sample.path / "index.md"
    new = "The Grand Canal still runs through the sub-district."
    source.write_text(source.read_text(encoding="utf-8").replace(PARAGRAPH, new), encoding="utf-8")
    sample.catalog({**TRANSLATIONS, new: "大运河至今穿境而过。"})
    _, read, _ = shared("zh_CN")
    assert read == ["index"]
    out, read, messages = shared("en-zh_CN")
    assert read == [], messages
    page = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    pair = next(p for p in page.select("div.parallel-pair") if new in p.text)
    assert [half.get_text(strip=True) for half in pair.select(":scope > div.parallel-half")] == [
        new, "大运河至今穿境而过。"]
    assert PARAGRAPH not in page.get_text()

    # a page's file of another reading than its doctree's is refused, never paired
    kept_sources.side_file(tmp_path / "doctrees", "index").write_bytes(first_reading)
    with pytest.raises(kept_sources.StaleSource, match="index: the sources kept for the parallel edition are of "
                                                        "another reading"):
        shared("en-zh_CN", "latex")
