"""make queries: one letter to the office, in HTML and PDF, with every pending name and
every other question the catalogs ask the office, and nothing the office has answered."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fixtures.projects import built_once

from editions.checks import terms
from editions.publish.workspace import copy_project

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.tex

HOSTILE_ENGLISH = "Hostile <script>alert(1)</script> Club"
HOSTILE_CHINESE = r"\input{/etc/passwd}俱乐部"
HOSTILE_NOTE = r"# review: ask the office: <script>alert(2)</script> 还是 \input{/etc/hostname} & $x$ #1 ~"


def _flat(text: str) -> str:
    """Text without any whitespace: a PDF breaks long lines where it likes."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="session")
def letters(tmp_path_factory: pytest.TempPathFactory, make) -> tuple[Path, str, str, list[terms.Term]]:
    """The letters of a copy of the profile whose termbase and catalogs a translator
    changed, made once a run; read back as HTML and PDF text, with the pending names."""
    project = built_once(tmp_path_factory, "queries", lambda path: ask_the_office(path, make))
    termbase = project / "locales" / "zh_CN" / "termbase.tsv"
    out = project / "_build" / "queries"
    html = (out / "zh_CN.html").read_text(encoding="utf-8")
    pdf = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out / "zh_CN.pdf"), "-"], capture_output=True,
                         text=True, check=True).stdout
    loaded, _findings = terms.load(termbase)
    assert loaded is not None
    return project, html, pdf, loaded.pending


def ask_the_office(path: Path, make) -> None:
    project = copy_project(path, ROOT)
    termbase = project / "locales" / "zh_CN" / "termbase.tsv"
    text = termbase.read_text(encoding="utf-8")
    # the office has answered one name: its status is emptied
    text, answered = re.subn(r"^(Datu Studio\t大兔工作室\torganisation\t)pending\t", r"\1\t", text, flags=re.MULTILINE)
    assert answered == 1
    text += f"{HOSTILE_ENGLISH}\t{HOSTILE_CHINESE}\torganisation\tpending\ta translator's row\n"
    termbase.write_text(text, encoding="utf-8")
    catalog = project / "locales" / "zh_CN" / "LC_MESSAGES" / "economy.po"
    po = catalog.read_text(encoding="utf-8")
    po = po.replace('#: ../../../docs/economy.md:4\n', f"{HOSTILE_NOTE}\n#: ../../../docs/economy.md:4\n", 1)
    assert HOSTILE_NOTE in po
    catalog.write_text(po, encoding="utf-8")

    result = make(project, "queries")
    assert "zh_CN queries" in result.stdout, result.stdout + result.stderr


def test_every_pending_name_is_a_numbered_question_with_a_blank(letters) -> None:
    _project, html, pdf, pending = letters
    page = BeautifulSoup(html, "html.parser")
    assert page.html["lang"] == "zh-CN"
    assert page.h1.get_text().startswith("关于《米市巷街道概况》")
    assert "致米市巷街道办事处：" in page.get_text()
    items = page.select("ol > li")
    names = [li for li in items if "英文：" in li.get_text()]
    assert len(names) == len(pending) >= 27
    for term in pending:
        shown = [li for li in names if li.get_text().startswith(f"英文：{term.english}拟用写法：{term.translation}")]
        assert len(shown) == 1, term
        assert "答复：＿＿＿＿" in shown[0].get_text()
        # and in the PDF, English and proposed characters
        assert _flat(term.english) in _flat(pdf) and _flat(term.translation) in _flat(pdf), term
    # numbered 1. 2. ... across both sections, in the PDF too
    assert [li.get("id") for li in items] == [f"q{n}" for n in range(1, len(items) + 1)]
    assert re.search(rf"^{len(items)}\. ", pdf, re.MULTILINE)
    assert _flat(pdf).count("答复：") == len(items)


def test_a_question_says_where_the_name_is_used(letters) -> None:
    _project, html, pdf, _pending = letters
    page = BeautifulSoup(html, "html.parser")
    companies = next(li.get_text() for li in page.select("ol > li") if "Jinhuan Investment" in li.get_text())
    # the page's title in Chinese and the catalog line of the message (make check's pending note)
    line = next(n for n, text in enumerate((letters[0] / "locales/zh_CN/LC_MESSAGES/economy.po")
                                           .read_text(encoding="utf-8").splitlines(), start=1)
                if text.startswith("msgstr") and n > 30)
    assert f"出现位置：经济基础扎实（economy.po:{line}）" in companies
    assert f"经济基础扎实（economy.po:{line}）" in _flat(pdf)


def test_an_answered_name_is_not_asked_again(letters) -> None:
    _project, html, pdf, pending = letters
    assert "Datu Studio" not in {t.english for t in pending}
    for text in (BeautifulSoup(html, "html.parser").get_text(), pdf):
        assert "Datu Studio" not in text and "大兔工作室" not in text


def test_the_office_is_asked_the_notes_that_are_not_about_a_name(letters) -> None:
    _project, html, pdf, _pending = letters
    text = BeautifulSoup(html, "html.parser").get_text()
    others = [li.get_text() for li in BeautifulSoup(html, "html.parser").select("ol > li") if "问题：" in li.get_text()]
    assert any("惠及近10万人次" in li and "livelihood.po:" in li for li in others), others
    assert "二、其他问题" in text and _flat("惠及近10万人次") in _flat(pdf)
    # a note about a pending name ("… Pending in the termbase") is that name's question, not another
    assert "Pending in the termbase" not in text and "Pendingintheterm" not in _flat(pdf)


def test_translator_text_is_text_in_html_and_pdf(letters) -> None:
    project, html, pdf, _pending = letters
    page = BeautifulSoup(html, "html.parser")
    assert page.find_all("script") == []
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert HOSTILE_ENGLISH in page.get_text() and HOSTILE_CHINESE in page.get_text()
    assert "<script>alert(2)</script>" in page.get_text()
    # TeX printed the backslash and the braces; it read no file
    flat = _flat(pdf)
    assert _flat(HOSTILE_CHINESE) in flat and r"\input{/etc/hostname}" in flat and "$x$#1~" in flat
    assert "root:x:0:0" not in pdf
    log = (project / "_build" / "queries" / "latex-zh_CN" / "queries-zh_CN.log").read_text(errors="replace")
    assert "(/etc/passwd" not in log and "(/etc/hostname" not in log  # TeX logs each file it opens
