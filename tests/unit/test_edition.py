"""The model of an edition (editions.edition): names, languages, files and paths; and
which editions a profile has (editions.project), as the Makefile asks for them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from editions.edition import Edition, EditionError, build_order, editions_of, is_parallel, parallels_of
from editions.project import DEFAULTS, assigned_names, load
from editions.settings import SETTINGS

ROOT = Path(__file__).resolve().parents[2]


def edition(name: str) -> Edition:
    return Edition(name, "en", "profile")


def test_a_language_edition() -> None:
    zh = edition("zh_CN")
    assert zh.languages == ("zh_CN",) and zh.language == "zh_CN" and zh.catalogs == "zh_CN"
    assert not zh.parallel and zh.pair is None and zh.is_translation
    assert zh.pdf_name == "profile-zh_CN.pdf"
    assert not edition("en").is_translation  # the sources alone


def test_a_parallel_edition_is_built_in_its_translation() -> None:
    pair = edition("en-zh_CN")
    assert pair.parallel and pair.pair == ("en", "zh_CN") and pair.languages == ("en", "zh_CN")
    assert pair.language == "zh_CN" and pair.catalogs == "zh_CN" and pair.is_translation
    assert pair.pdf_name == "profile-en-zh_CN.pdf"


def test_the_editions_of_languages() -> None:
    assert editions_of("en", ["en", "zh_CN", "ja"]) == ["en", "zh_CN", "ja", "en-zh_CN", "en-ja"]
    assert editions_of("en", ["zh_CN"]) == ["zh_CN"]  # a parallel edition needs both languages
    assert parallels_of("zh_CN", ["zh_CN", "en"]) == ["zh_CN-en"]  # named source first
    assert is_parallel("zh_CN-en") and not is_parallel("zh_CN")


def test_a_build_starts_each_translation_then_its_parallel_edition_and_the_source_last() -> None:
    # the source's edition is the shortest: started last, no core waits long for it; a
    # translation's edition lists its catalogs' findings, which its parallel one points to
    assert build_order(["en", "zh_CN", "ja", "en-zh_CN", "en-ja"]) == ["zh_CN", "en-zh_CN", "ja", "en-ja", "en"]
    assert build_order(["zh_CN"]) == ["zh_CN"]
    assert build_order(["en"]) == ["en"]


@pytest.mark.parametrize("name", ["", "zh-CN", "zh_CN-en", "en-en", "en-zh_CN-ja", "en zh_CN", "../en",
                                  "en';touch x;'", "EN", "$(id)"])
def test_anything_else_is_refused(name: str) -> None:
    with pytest.raises(EditionError):
        edition(name)


def test_paths_of_each_format(tmp_path: Path) -> None:
    build = tmp_path / "_build"
    html = edition("en-zh_CN").paths(build, "html")
    assert html.published == build / "html" / "en-zh_CN"
    assert html.staging == build / "staging" / "html" / "en-zh_CN"
    # a parallel edition is written from its translation's environment
    assert html.doctrees == build / "doctrees" / "env-zh_CN"
    assert html.locales == build / "locales" / "env-zh_CN"  # each environment its own checked catalogs
    assert html.lock == build / "locks" / "env-zh_CN.lock"
    pdf = edition("zh_CN").paths(build, "pdf")
    assert pdf.published == build / "pdf" / "profile-zh_CN.pdf"
    assert pdf.staging == build / "staging" / "latex" / "zh_CN" and pdf.doctrees == build / "doctrees" / "env-zh_CN"
    epub = edition("en-zh_CN").paths(build, "epub")  # a book, named like the brochure
    assert epub.published == build / "epub" / "profile-en-zh_CN.epub"
    assert epub.staging == build / "staging" / "epub" / "en-zh_CN"
    assert epub.doctrees == build / "doctrees" / "env-zh_CN"  # its translation's, as its HTML and PDF
    with pytest.raises(EditionError):
        edition("en").paths(build, "mobi")


def test_the_formats_of_an_edition_share_its_environment(tmp_path: Path) -> None:
    for name, environment in (("en", "en"), ("zh_CN", "zh_CN"), ("en-zh_CN", "zh_CN")):
        html, pdf, epub = (edition(name).paths(tmp_path, format) for format in ("html", "pdf", "epub"))
        assert edition(name).environment == environment  # a parallel edition: its translation's reading
        # read once: one doctree folder, one set of checked catalogs, one lock, for every format
        assert (html.doctrees, html.locales, html.lock) == (pdf.doctrees, pdf.locales, pdf.lock)
        assert (epub.doctrees, epub.locales, epub.lock) == (pdf.doctrees, pdf.locales, pdf.lock)
        assert len({html.staging, pdf.staging, epub.staging}) == 3
        assert len({html.published, pdf.published, epub.published}) == 3
    # each language its own: they build side by side; the parallel edition takes turns with its translation
    assert len({edition(name).paths(tmp_path, "html").lock for name in ("en", "zh_CN", "en-zh_CN")}) == 2
    for format in ("pdf", "epub"):
        assert edition("en-zh_CN").paths(tmp_path, format).staging != edition("zh_CN").paths(tmp_path, format).staging


def test_a_review_shows_its_translations_parallel_pair(tmp_path: Path) -> None:
    review = Edition.review_of("zh_CN", "en", "profile")
    assert review.name == "en-zh_CN" and review.language == "zh_CN"
    paths = review.paths(tmp_path, "review")  # named by the translation it reviews
    assert paths.published == tmp_path / "review" / "zh_CN" and paths.doctrees == tmp_path / "doctrees" / "review-zh_CN"
    # its own environment: its configuration (notes, findings) is not the parallel edition's
    assert paths.lock != review.paths(tmp_path, "html").lock
    for refused in ("en", "en-zh_CN"):
        with pytest.raises(EditionError):
            Edition.review_of(refused, "en", "profile")


def test_the_profiles_editions_and_the_pdfs_it_offers(tmp_path: Path) -> None:
    project = load(ROOT)
    assert project.editions == ["en", "zh_CN", "en-zh_CN"]
    assert project.edition("en-zh_CN").pdf_name == "mishixiang-profile-en-zh_CN.pdf"
    assert project.translations_of(["en", "zh_CN"]) == ["zh_CN"]
    assert project.offered_pdfs(["en", "zh_CN"], tmp_path, building=True) == ["en", "zh_CN", "en-zh_CN"]
    assert project.offered_pdfs(["en", "zh_CN"], tmp_path, building=False) == []  # none built yet
    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / "mishixiang-profile-zh_CN.pdf").write_bytes(b"%PDF")
    assert project.offered_pdfs(["en", "zh_CN"], tmp_path, building=False) == ["zh_CN"]


def test_the_makefile_asks_the_package_once() -> None:
    def ask(*languages: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "editions", "editions", *languages], cwd=ROOT,
                              capture_output=True, text=True)

    assert ask().stdout.split() == ["languages=en,zh_CN", "translations=zh_CN", "editions=en,zh_CN,en-zh_CN",
                                    "build-order=zh_CN,en-zh_CN,en"]
    assert ask("zh_CN").stdout.split() == ["languages=zh_CN", "translations=zh_CN", "editions=zh_CN",
                                           "build-order=zh_CN"]
    assert ask("en").stdout.split() == ["languages=en", "translations=", "editions=en", "build-order=en"]
    refused = ask("en-zh_CN")
    assert refused.returncode == 2 and "is the parallel edition of en and zh_CN" in refused.stderr


def test_one_table_of_settings_standard_library_only() -> None:
    names = [setting.name for setting in SETTINGS]
    assert len(names) == len(set(names)) and all(name.startswith("edition") for name in names)
    assert all(setting.rebuild in ("env", "html") and setting.doc for setting in SETTINGS)
    assert DEFAULTS["edition_colour"] == "#2B5D8A" and DEFAULTS["edition_translations"] == "locales"
    from editions.sphinxext.parallel import MESSAGES

    assert DEFAULTS["edition_untranslated_mark"] == MESSAGES[0]  # the interface message, in sphinx.pot
    # the table and the model import no Sphinx (the Makefile runs them before the venv exists)
    code = "import sys, editions.settings, editions.project, editions.edition; print('sphinx' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


def test_what_conf_py_itself_sets(tmp_path: Path) -> None:
    conf = tmp_path / "conf.py"
    conf.write_text("import os\nproject = 'P'\nif os.environ.get('X'):\n    latex_engine = 'lualatex'\n"
                    "html_title: str = project + ' site'\nversion = release = ''\n"
                    "def setup(app):\n    inner = 1\n", encoding="utf-8")
    # computed or conditional values too; not a function's own names
    assert assigned_names(conf) == {"project", "latex_engine", "html_title", "version", "release"}
