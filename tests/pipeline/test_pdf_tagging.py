"""Readers of the tagged brochures: the PDF/A-2a structure tree read back with pypdf
(editions.sphinxext.pdf_tagging), as a screen reader or an archive reads it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import polib
import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, NumberObject

ROOT = Path(__file__).resolve().parents[2]
EDITIONS = ["en", "zh_CN", "en-zh_CN"]
CATALOGS = ROOT / "locales" / "zh_CN" / "LC_MESSAGES"
HAN = re.compile(r"[\u4e00-\u9fff]")


def pdf_path(pdfs: Path, edition: str) -> Path:
    return pdfs / f"mishixiang-profile-{edition}.pdf"


class Element(NamedTuple):
    kind: str  # the structure type: P, H1, L, Figure...
    depth: int
    text: str  # the text of its own marked content (not its children's)
    attributes: dict[str, str]  # /Lang, /Alt
    children: list[Element]

    def walk(self) -> list[Element]:
        return [self, *(e for child in self.children for e in child.walk())]

    def all_text(self) -> str:
        return self.text + "".join(child.all_text() for child in self.children)


class Tagged(NamedTuple):
    root: Element
    outside: dict[int, list[tuple[str, str]]]  # page -> (innermost mark, text) of content not in the tree


def _marked_texts(reader: PdfReader) -> tuple[dict[tuple[int, int], str], dict[int, list[tuple[str, str]]]]:
    """The text of each marked-content sequence ((page, MCID) -> text), and the text
    that is in none (page -> [(innermost mark, text)]: artifacts, or untagged)."""
    found: dict[tuple[int, int], str] = {}
    outside: dict[int, list[tuple[str, str]]] = {}
    for index, page in enumerate(reader.pages):
        stack: list[tuple[str, int | None]] = []
        properties = page.get("/Resources", {}).get("/Properties", {})

        def before(op: bytes, args: list, cm: list, tm: list, properties=properties, stack=stack) -> None:
            if op in (b"BDC", b"BMC"):
                mcid = None
                if op == b"BDC" and len(args) > 1:
                    entry = args[1] if isinstance(args[1], DictionaryObject) else properties.get(args[1])
                    mcid = entry.get("/MCID") if entry is not None else None
                stack.append((str(args[0]), None if mcid is None else int(mcid)))
            elif op == b"EMC" and stack:
                stack.pop()

        def text(t: str, cm: list, tm: list, font: object, size: float, index=index, stack=stack) -> None:
            if not t.strip():
                return
            mcid = next((m for _mark, m in reversed(stack) if m is not None), None)
            if mcid is None:
                marks = [mark for mark, _m in stack]
                outside.setdefault(index, []).append(("/Artifact" if "/Artifact" in marks else
                                                      (marks[-1] if marks else ""), t))
            else:
                found[index, mcid] = found.get((index, mcid), "") + t

        page.extract_text(visitor_operand_before=before, visitor_text=text)
    return found, outside


def read_tags(path: Path) -> Tagged:
    reader = PdfReader(path)
    pages = {page.indirect_reference.idnum: index for index, page in enumerate(reader.pages)}
    texts, outside = _marked_texts(reader)

    def page_of(node: DictionaryObject, default: int | None) -> int | None:
        return pages.get(node.raw_get("/Pg").idnum) if "/Pg" in node else default

    def element(node: DictionaryObject, depth: int) -> Element:
        page = page_of(node, None)
        kids = node.get("/K")
        kids = [] if kids is None else kids.get_object()
        kids = list(kids) if isinstance(kids, ArrayObject) else [kids]
        text, children = "", []
        for kid in kids:
            kid = kid.get_object()
            if isinstance(kid, (int, NumberObject)):
                text += texts.get((page, int(kid)), "")
            elif isinstance(kid, DictionaryObject) and kid.get("/Type") == "/MCR":
                text += texts.get((page_of(kid, page), int(kid["/MCID"])), "")
            elif isinstance(kid, DictionaryObject) and "/S" in kid:
                children.append(element(kid, depth + 1))
        attributes = {key[1:]: str(node[key]) for key in ("/Lang", "/Alt") if key in node}
        return Element(str(node["/S"])[1:], depth, text, attributes, children)

    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    top = tree["/K"].get_object()
    tops = list(top) if isinstance(top, ArrayObject) else [top]
    root = Element("StructTreeRoot", -1, "", {}, [element(t.get_object(), 0) for t in tops])
    return Tagged(root, outside)


@pytest.fixture(scope="module")
def tags(pdfs: Path) -> dict[str, Tagged]:
    return {edition: read_tags(pdf_path(pdfs, edition)) for edition in EDITIONS}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize(("edition", "title", "language"), [
    ("en", "Mishixiang Sub-district Profile", "en"),
    ("zh_CN", "米市巷街道概况", "zh-CN"),
    ("en-zh_CN", "Mishixiang Sub-district Profile · 米市巷街道概况", "zh-CN"),
])
def test_each_brochure_is_a_tagged_pdfa_2a_with_its_title_shown(pdfs: Path, edition: str, title: str,
                                                                 language: str) -> None:
    reader = PdfReader(pdf_path(pdfs, edition))
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"] is True or catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712
    assert "/StructTreeRoot" in catalog
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    assert catalog["/Lang"] == language
    assert "/OutputIntents" in catalog  # PDF/A: the colours' profile
    xmp = reader.xmp_metadata
    assert xmp is not None
    assert xmp.dc_title == {language: title}
    assert xmp.dc_language == [language]
    assert len(next(iter(xmp.dc_description.values())).split(",")) == len(reader.metadata["/Subject"].split(","))
    # the archive's dates are the Info dictionary's: the sources' (SOURCE_DATE_EPOCH), not the build's
    info = reader.metadata.creation_date
    assert xmp.xmp_create_date.replace(tzinfo=None) == info.replace(tzinfo=None)
    metadata = catalog["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"<pdfaid:part>2</pdfaid:part>", metadata)
    assert re.search(r"<pdfaid:conformance>A</pdfaid:conformance>", metadata)


@pytest.mark.parametrize("edition", EDITIONS)
def test_headings_lists_and_the_chart_are_tagged(tags: dict[str, Tagged], edition: str) -> None:
    elements = tags[edition].root.walk()
    kinds = {e.kind for e in elements}
    assert {"Document", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Figure", "Caption", "Div"} <= kinds
    headings = [squeeze(e.all_text()) for e in elements if e.kind == "H1"]
    first = "Mishixiang" if edition != "zh_CN" else "米市巷街道概况"
    assert headings[0].startswith(first)  # the cover's title
    # (all_text reads an element's own text before its children's: a parallel heading's " · "
    # before its halves, which are Spans)
    assert any(h.lstrip("·").startswith("Recent" if edition != "zh_CN" else "近年来的发展") for h in headings)
    # each item: its bullet, then its body
    item = next(e for e in elements if e.kind == "LI")
    assert [c.kind for c in item.children] == ["Lbl", "LBody"]
    assert item.children[0].all_text().strip() == "•"
    assert item.children[1].all_text().strip()


@pytest.mark.parametrize(("edition", "alt"), [
    ("en", "More than 100 million yuan: 5"),
    ("zh_CN", "纳税超1亿元：5家"),
    ("en-zh_CN", "More than 100 million yuan / 纳税超1亿元: 5"),
])
def test_the_chart_is_a_figure_with_the_sites_text_alternative(tags: dict[str, Tagged], edition: str,
                                                               alt: str) -> None:
    elements = tags[edition].root.walk()
    figures = [e for e in elements if e.kind == "Figure"]
    assert len(figures) == 1
    text = figures[0].attributes["Alt"]
    assert alt in text, text
    caption = elements[elements.index(figures[0]) + 1]
    assert caption.kind == "Caption" and caption.all_text().strip()
    # the alternative text opens with the caption's words (then describes each bar)
    assert squeeze(text)[:10] in squeeze(caption.all_text()).replace("-", "")


@pytest.mark.parametrize("edition", ["en", "zh_CN"])
def test_the_key_figures_read_number_unit_then_label(tags: dict[str, Tagged], edition: str) -> None:
    po = {e.msgid: e.msgstr for e in polib.pofile(str(CATALOGS / "index.po"))}
    say = (lambda text: text) if edition == "en" else (lambda text: po[text])
    panel = next(e for e in tags[edition].root.walk()
                 if e.kind == "Div" and sum(c.kind == "Div" for c in e.children) >= 3)
    cards = [[squeeze(p.all_text()) for p in card.children] for card in panel.children if card.kind == "Div"]
    assert cards[0] == [squeeze(say("3.59 square kilometers")), squeeze(say("Area"))]
    # the untagged PDF read "3000 万人": number and unit now stay together, then the label
    assert cards[1] == [squeeze(say("39,000")), squeeze(say("Permanent population"))]
    assert cards[2] == [squeeze(say("More than 3,000")), squeeze(say("Enterprises and institutions"))]


@pytest.mark.parametrize("edition", EDITIONS)
def test_running_heads_and_page_numbers_are_artifacts(pdfs: Path, tags: dict[str, Tagged], edition: str) -> None:
    tagged = tags[edition]
    pages = len(PdfReader(pdf_path(pdfs, edition)).pages)
    tree_text = tagged.root.all_text()
    assert not re.search(rf"\b\d+\s*/\s*{pages}\b", tree_text)  # no "3 / 7" in what is read
    for page in range(1, pages):  # every page but the cover
        outside = tagged.outside.get(page, [])
        if not outside:
            continue  # a blank page
        assert all(mark == "/Artifact" for mark, _text in outside), outside[:5]
        assert re.search(rf"\b{page + 1}\s*/\s*{pages}\b", " ".join(t for _m, t in outside))


def _halves(tags: dict[str, Tagged]) -> list[Element]:
    return [e for e in tags["en-zh_CN"].root.walk() if e.kind == "Div" and "Lang" in e.attributes]


def test_in_the_parallel_brochure_each_half_is_read_in_its_language(tags: dict[str, Tagged]) -> None:
    halves = _halves(tags)
    english = [squeeze(h.all_text()) for h in halves if h.attributes["Lang"] == "en"]
    chinese = [squeeze(h.all_text()) for h in halves if h.attributes["Lang"] == "zh-CN"]
    assert len(english) > 20 and len(chinese) > 20
    assert not any(HAN.search(text) for text in english)
    assert sum(bool(HAN.search(text)) for text in chinese) >= len(chinese) - 3  # an untranslated one is English
    # a pair is read English, then its Chinese: not line by line
    first = next(i for i, h in enumerate(halves) if squeeze(h.all_text()).startswith("Locatedinthecenter"))
    assert halves[first + 1].attributes["Lang"] == "zh-CN"
    assert squeeze(halves[first + 1].all_text()).startswith("米市巷街道地处杭州市中心")


def test_a_paragraph_broken_across_pages_stays_in_its_half(tags: dict[str, Tagged]) -> None:
    """Where paracol breaks a pair across a page, the next page's lines of each half are
    read with that half (tagpdf reopened them from the marks of the last column it made:
    three English halves read on in Chinese)."""
    halves = _halves(tags)
    english = [squeeze(h.all_text()) for h in halves if h.attributes["Lang"] == "en"]
    chinese = [squeeze(h.all_text()) for h in halves if h.attributes["Lang"] == "zh-CN"]
    assert not any(HAN.search(text) for text in english)
    # the pairs the brochure breaks across a page, whole in their halves
    assert any(text.startswith("Inrecentyears") and text.endswith("Thesehonorsinclude:") for text in english)
    assert any(text.startswith("Thefirstwellboreparkinggarage") and text.endswith("People’sDaily.")
               for text in english)
    assert any(text.startswith("近年来，街道") and text.endswith("所获荣誉包括：") for text in chinese)


#: What tagpdf says of XeTeX itself whatever the document: it cannot add spaces between
#: words as characters (LuaTeX and pdfTeX can); readers find the words by their gaps.
ENGINE_NOTICE = "Package tagpdf Warning: engine/output mode xetex doesn't support the interword"


@pytest.mark.parametrize("edition", EDITIONS)
def test_xelatex_has_no_tagging_warning(built_project: Path, edition: str) -> None:
    """The structure is well nested: no element where PDF 2.0 allows none (a P inside a
    P, a Caption under Document), no marked content inside another, none ended twice."""
    log = built_project / "_build" / "staging" / "latex" / edition / f"mishixiang-profile-{edition}.log"
    text = log.read_text(encoding="utf-8", errors="replace")
    lines = text.splitlines()
    warnings = [" ".join([line, *(rest.strip() for rest in lines[i + 1:i + 3] if rest.startswith("(tag"))])
                for i, line in enumerate(lines) if re.match(r"Package tag(pdf)? Warning", line)]
    assert [w for w in warnings if not w.startswith(ENGINE_NOTICE)] == []


def test_in_the_parallel_brochure_each_heading_half_is_read_in_its_language(tags: dict[str, Tagged]) -> None:
    """A heading "English · 中文": its halves Spans with their /Lang, the separator the heading's."""
    headings = [e for e in tags["en-zh_CN"].root.walk() if e.kind in ("H1", "H2", "H3") and "·" in e.all_text()]
    assert len(headings) > 10
    for heading in headings:
        spans = [(c.attributes.get("Lang"), squeeze(c.all_text())) for c in heading.children if c.kind == "Span"]
        assert [lang for lang, _text in spans] == ["en", "zh-CN"], heading
        assert not HAN.search(spans[0][1]) and HAN.search(spans[1][1])
        assert squeeze(heading.text) == "·"
    assert any([squeeze(c.all_text()) for c in h.children] == ["Recentyears", "近年来的发展"] for h in headings)


def test_in_the_parallel_brochure_each_key_figure_is_read_in_its_language(tags: dict[str, Tagged]) -> None:
    """A parallel card: the English figure, the Chinese, then the labels, each a Span with its /Lang."""
    panel = next(e for e in tags["en-zh_CN"].root.walk()
                 if e.kind == "Div" and sum(c.kind == "Div" for c in e.children) >= 3)
    cards = [card for card in panel.children if card.kind == "Div"]
    assert len(cards) >= 3
    for card in cards:
        spans = [(s.attributes.get("Lang"), squeeze(s.all_text()))
                 for p in card.children for s in p.children if s.kind == "Span"]
        assert [lang for lang, _text in spans] == ["en", "zh-CN", "en", "zh-CN"], card
        assert all(bool(HAN.search(text)) == (lang == "zh-CN") for lang, text in spans), card
    first = [squeeze(s.all_text()) for p in cards[0].children for s in p.children]
    assert first == ["3.59squarekilometers", "3.59平方公里", "Area", "辖区面积"]


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_covers_title_is_one_heading_and_its_subtitle_a_paragraph(tags: dict[str, Tagged], edition: str) -> None:
    """The cover: the title one H1, the subtitle one P; in the parallel brochure each of
    their two lines a Span with its /Lang."""
    title, subtitle = tags[edition].root.children[0].children[:2]
    assert (title.kind, subtitle.kind) == ("H1", "P")
    if edition != "en-zh_CN":
        assert not title.children and not subtitle.children
        assert squeeze(title.text) == ("MishixiangSub-districtProfile" if edition == "en" else "米市巷街道概况")
        return
    for element, lines in ((title, ["MishixiangSub-districtProfile", "米市巷街道概况"]),
                           (subtitle, ["GongshuDistrict,Hangzhou", "杭州市拱墅区"])):
        assert squeeze(element.text) == ""
        assert [(c.kind, c.attributes.get("Lang"), squeeze(c.all_text())) for c in element.children] == [
            ("Span", "en", lines[0]), ("Span", "zh-CN", lines[1])]
