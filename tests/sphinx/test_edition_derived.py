"""One ``-D edition=...`` says which edition a build is; the extension derives the rest from
the model (conf.py and locales/): the language Sphinx builds in, the parallel pair, the
site's editions.  A maintainer's ``-D language=zh_CN`` still builds the zh_CN edition."""

from __future__ import annotations

from bs4 import BeautifulSoup

from editions.sphinxext.current_edition import conf_values, edition_of, site_editions, source_language


def switcher(build) -> dict[str, str]:
    page = BeautifulSoup(build.page(), "html.parser")
    return {a["data-language"]: a["href"] for a in page.select("nav.edition-bar a.language-link")}


def test_one_edition_name_and_the_rest_derived(sample) -> None:
    sample.catalog({"Sample page": "样例页面"})
    config = sample.build(language="en", edition="en-zh_CN").app.config  # the edition wins over a language
    assert (config.edition, config.language) == ("en-zh_CN", "zh_CN")
    assert edition_of(config).pair == ("en", "zh_CN") and source_language(config) == "en"
    assert config.edition_languages == ["en", "zh_CN"]  # the source, then every folder of catalogs
    assert site_editions(config) == ["en", "zh_CN", "en-zh_CN"]


def test_the_interface_is_in_the_editions_language_on_every_build(sample) -> None:
    # Sphinx loads its interface catalogs before the extension knows the edition (started in
    # conf.py's en): the second build, with nothing changed, must not fall back to English.
    sample.catalog({"Sample page": "样例页面"})
    sample.catalog({"Not yet translated": "尚未翻译"}, domain="sphinx")
    for _ in range(2):
        build = sample.build(language="en", edition="zh_CN")
        assert build.app.config.edition_untranslated_mark == "尚未翻译"
        assert "搜索" in BeautifulSoup(build.page(), "html.parser").select_one("form[role=search]").get_text(" ") \
            or 'placeholder="搜索' in build.page()


def test_a_language_alone_is_its_edition(sample) -> None:
    sample.catalog({"Sample page": "样例页面"})
    build = sample.build(language="zh_CN")  # sphinx-build -D language=zh_CN, as a maintainer runs it
    assert (build.app.config.edition, edition_of(build.app.config).parallel) == ("zh_CN", False)
    assert switcher(build) == {"en": "../en/index.html", "en-zh_CN": "../en-zh_CN/index.html"}


def test_the_site_narrowed_to_some_languages(sample) -> None:
    sample.catalog({"Sample page": "样例页面"})
    build = sample.build(language="en", edition_languages=["en"])  # make LANGUAGES=en, make dist
    assert site_editions(build.app.config) == ["en"] and switcher(build) == {}


def test_what_conf_py_sets_is_told_from_its_defaults(sample) -> None:
    config = sample.build(language="en", latex_engine="lualatex").app.config
    given = conf_values(config)
    assert given["edition_basename"] == "sample" and given["language"] == "en"
    assert "latex_engine" not in given and "html_title" not in given  # a -D override, a default


def test_a_name_that_is_no_edition_stops_the_build_with_one_message(sample) -> None:
    stopped = sample.build(edition="zh_CN-en")
    assert stopped.exit_code == 2 and "'zh_CN-en' is not a parallel edition of this profile" in stopped.warnings
    assert "Traceback" not in stopped.warnings + stopped.status
