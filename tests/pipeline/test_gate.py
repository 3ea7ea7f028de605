"""Maintainers: one gate (issue #19).  The build runs `make check`'s checks on an
edition's catalogs before Sphinx reads them, through the real Makefile, on a copy of
the real profile (its seven zh_CN catalogs).

* an *error* planted in a catalog stops the edition: the output names the catalog,
  the msgstr's line and the check; the last good edition stays, byte for byte; once
  the catalog is fixed, `make html` publishes again (shown once: the gate keeps no state);
* a *warning* (a fuzzy message after an English edit) is published, marked 尚未翻译
  on the page and said on the edition's one line; `ALLOW_FUZZY=0` makes it an error;
* `make review` is never stopped: a refused translation is shown at its entry, inert;
* a language at 0 % is published in the source language, and its line says so.

The editions are the run's built profile, copied once for the module; each test restores
the files it changed (docs/ and locales/), and make's stamps hash contents: the next
build sees the profile as it was.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.pipeline  # make test, not make test-fast (tests/unit and tests/sphinx only)

HTML = {"LANGUAGES": "en zh_CN"}
CATALOGS = Path("locales/zh_CN/LC_MESSAGES")
TAXES = "有5家企业纳税超1亿元，9家企业"  # economy.po: four counts of enterprises, each with its tax


@pytest.fixture(scope="module")
def built(built_project: Path, tmp_path_factory: pytest.TempPathFactory, make) -> Path:
    """A copy of the run's built profile for the module (its HTML: en, zh_CN, en-zh_CN):
    `make html` has nothing to do in it until a test changes something."""
    project = Path(shutil.copytree(built_project, tmp_path_factory.mktemp("gate") / "project", symlinks=True))
    assert make(project, "html", **HTML).stdout == ""
    return project


def _sources(project: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for folder in ("docs", "locales") for p in (project / folder).rglob("*") if p.is_file()}


@pytest.fixture
def project(built: Path) -> Iterator[Path]:
    """The built copy; what the test changes in docs/ and locales/ is put back afterwards."""
    before = _sources(built)
    yield built
    for path in set(_sources(built)) - set(before):
        path.unlink()
    for path, data in before.items():
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
    for folder in sorted((built / "locales").rglob("*"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def field_line(catalog: Path, field: str) -> int:
    """The line of a header field (`"Plural-Forms: ...\\n"`)."""
    lines = catalog.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines) if line.startswith(f'"{field}:')) + 1


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def bad_header(path: Path) -> None:
    replace_in(path, "Plural-Forms: nplurals=1; plural=0;", "Plural-Forms: nplurals=20000000; plural=n;")
    path.write_text("# check: allow header — x\n" + path.read_text(encoding="utf-8"), encoding="utf-8")


# (catalog, its page, plant, the line's msgid or header field, the finding's start, what it must say)
PLANTS = {
    "wrong figure": ("economy", "economy", lambda p: replace_in(p, "23幢", "24幢"),
                     "23 commercial buildings", "[numbers]", ["the English says 23", "24"]),
    "swapped pair": ("economy", "economy",
                     lambda p: replace_in(p, TAXES, TAXES.replace("有5家", "有9家").replace("，9家", "，5家")),
                     "At the same time, 5 enterprises", "[numbers]",
                     ["the English says 5 … 9, the translation has 9 … 5 (swapped)"]),
    "swapped date format": ("sphinx", "index", lambda p: replace_in(p, "%Y年%-m月%-d日", "%Y年%-d月%-m日"),
                            "%B %-d, %Y", "[dates]", ["day and month swapped"]),
    "right-to-left override": ("economy", "economy",
                               lambda p: replace_in(p, "23幢商务楼宇", "&#x202E;23幢商务楼宇&#x202C;"),
                               "23 commercial buildings", "[safety]", ["RIGHT-TO-LEFT OVERRIDE (U+202E)"]),
    # the header cannot be waived: the finding is at the field's own line (where it is fixed)
    "plural forms, waived": ("economy", "economy", bad_header, "Plural-Forms", "[catalog-header]",
                             ["nplurals=20000000"]),
}


def stopped_by(plant_name: str, project: Path, make, msgstr_line) -> tuple[Path, bytes, dict[str, bytes]]:
    """Plant PLANTS[plant_name] and `make html`: the build names it at its line and stops
    the edition, whose last good build stays.  Returns the catalog, its good bytes and
    that edition's snapshot."""
    domain, page, plant, where, check, said = PLANTS[plant_name]
    catalog = project / CATALOGS / f"{domain}.po"
    edition = project / "_build" / "html" / "zh_CN"
    before, good = snapshot(edition), catalog.read_bytes()
    plant(catalog)
    line = field_line(catalog, where) if where == "Plural-Forms" else msgstr_line(catalog, where)

    result = make(project, "html", check=False, **HTML)

    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    finding = next((text for text in output.splitlines() if f"{CATALOGS}/{domain}.po:{line}: {check}" in text), None)
    assert finding, f"no line `{CATALOGS}/{domain}.po:{line}: {check} ...` in:\n{output}"
    for words in said:
        assert words in finding, finding
    # said once, by the zh_CN edition; the parallel one, stopped by the same catalogs, points to it
    assert output.count(finding) == 1, output
    assert output.count("the zh_CN catalogs stop this edition: fix the problem above") == 1, output
    assert output.count("the zh_CN catalogs stop this edition: fix the problem the zh_CN edition lists") == 1, output
    assert "The published zh_CN HTML edition (_build/html/zh_CN) is unchanged." in result.stderr, output
    assert snapshot(edition) == before  # the last good edition, byte for byte
    assert (edition / f"{page}.html").read_bytes() == before[f"{page}.html"]
    return catalog, good, before


@pytest.mark.parametrize("name", list(PLANTS))
def test_an_error_in_a_catalog_stops_the_edition_and_the_last_good_one_stays(project: Path, make, name: str,
                                                                             msgstr_line) -> None:
    stopped_by(name, project, make, msgstr_line)


def test_a_run_that_builds_every_format_lists_a_finding_once(project: Path, make) -> None:
    """One process writes an edition's PDF then its HTML, and the parallel edition reads
    the same catalogs: the finding is listed by the first, the others point to it."""
    PLANTS["swapped pair"][2](project / CATALOGS / "economy.po")

    result = make(project, "-k", "all", check=False, **HTML)

    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert output.count("[numbers] the English says 5 … 9") == 1, output
    stop = "the zh_CN catalogs stop this edition: fix the problem "
    formats = ("HTML", "PDF", "EPUB")
    assert output.count(stop + "above") == 1, output  # zh_CN's first format
    assert output.count(stop + "listed above") == len(formats) - 1, output  # zh_CN's others
    assert output.count(stop + "the zh_CN edition lists") == len(formats), output  # en-zh_CN's
    assert all(f"The en-zh_CN {f} edition failed" in output for f in formats), output


def test_a_fixed_catalog_publishes_again(project: Path, make, msgstr_line) -> None:
    # whichever check stopped it: the gate keeps no state of its own
    catalog, good, before = stopped_by("wrong figure", project, make, msgstr_line)
    catalog.write_bytes(good)
    again = make(project, "html", check=False, **HTML)
    assert again.returncode == 0, again.stdout + again.stderr
    assert re.search(r"^zh_CN HTML +_build/html/zh_CN \(", again.stdout, re.MULTILINE), again.stdout
    page = project / "_build" / "html" / "zh_CN" / "economy.html"
    assert page.read_bytes() == before["economy.html"]  # the same catalogs, the same page


def test_a_fuzzy_message_is_published_marked_and_said_in_one_line_and_stops_a_release(
        project: Path, make, msgstr_line) -> None:
    source = project / "docs" / "economy.md"
    replace_in(source, "23 commercial buildings are the main battlefields",
               "23 commercial buildings are the main battlefield")
    make(project, "update-po")
    catalog = project / CATALOGS / "economy.po"
    fuzzy = next(e for e in polib.pofile(str(catalog)) if e.msgid.startswith("23 commercial buildings"))
    assert fuzzy.fuzzy and "battlefield for" in fuzzy.msgid
    line = msgstr_line(catalog, "23 commercial buildings")

    result = make(project, "html", check=False, **HTML)

    assert result.returncode == 0, result.stdout + result.stderr
    zh = next(text for text in result.stdout.splitlines() if text.startswith("zh_CN HTML"))
    assert zh.endswith(f"; 1 fuzzy message shown in the source language: economy.po:{line}"), zh
    page = BeautifulSoup((project / "_build/html/zh_CN/economy.html").read_text(encoding="utf-8"), "html.parser")
    paragraph = next(p for p in page.select("article p") if "main battlefield for" in p.get_text())
    mark = paragraph.select_one(".untranslated-mark")
    assert mark is not None and mark.get_text() == "尚未翻译", paragraph
    assert paragraph.get_text().startswith("尚未翻译 23 commercial buildings")  # next to the English text
    assert paragraph.get("lang") == "en" and mark.get("lang") == "zh-CN"

    edition = project / "_build" / "html" / "zh_CN"
    before = snapshot(edition)
    release = make(project, "html", check=False, ALLOW_FUZZY="0", **HTML)
    output = release.stdout + release.stderr
    assert release.returncode != 0, output
    assert f"{CATALOGS}/economy.po:{line}: [fuzzy]" in output, output
    assert "The published zh_CN HTML edition (_build/html/zh_CN) is unchanged." in release.stderr, output
    assert snapshot(edition) == before


def test_make_review_shows_a_refused_translation_at_its_entry_and_never_runs_it(project: Path, make) -> None:
    catalog = project / CATALOGS / "economy.po"
    replace_in(catalog, '"23幢商务楼宇', '"<script>alert(1)</script>23幢商务楼宇')

    result = make(project, "review", check=False)

    assert result.returncode == 0, result.stdout + result.stderr
    review = project / "_build" / "review" / "zh_CN" / "economy.html"
    html = review.read_text(encoding="utf-8")
    assert "<script>alert" not in html
    page = BeautifulSoup(html, "html.parser")
    assert not any("alert(1)" in script.get_text() for script in page.select("script"))
    pair = next(p for p in page.select("div.parallel-pair") if "23 commercial buildings" in p.get_text())
    note = pair.find_next("div", class_="review-note")
    assert note.select_one(".review-state-error").get_text() == "Check: safety"
    finding = note.select_one("li.review-finding").get_text()
    assert finding.startswith("[safety]") and "<script>alert(1)</script>" in finding  # shown as text
    assert note.select_one("code.review-location").get_text().startswith(f"{CATALOGS}/economy.po:")


def test_a_language_at_zero_percent_is_published_in_the_source_language_and_said_so(project: Path, make) -> None:
    make(project, "update-po", LANGUAGES="en zh_CN ja")
    catalogs = sorted((project / "locales" / "ja" / "LC_MESSAGES").glob("*.po"))
    assert [p.stem for p in catalogs] == sorted(p.stem for p in (project / CATALOGS).glob("*.po"))
    total = sum(len([e for e in polib.pofile(str(p)) if not e.obsolete]) for p in catalogs)
    assert total > 100 and not any(polib.pofile(str(p)).translated_entries() for p in catalogs)

    result = make(project, "html", check=False, LANGUAGES="en ja")

    assert result.returncode == 0, result.stdout + result.stderr
    ja = next(text for text in result.stdout.splitlines() if text.startswith("ja HTML"))
    assert f"; {total} untranslated messages shown in the source language (nothing is translated yet): " in ja, ja
    assert (project / "_build" / "html" / "ja" / "economy.html").is_file()
