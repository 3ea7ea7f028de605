"""Quantities: every number of the English must be in the translation, same value.

English and Chinese write the same quantity differently: 39,000 is 3.9万,
1.216 billion is 12.16亿 (not 1.216亿: 亿 is 100 million), 300 million is 3亿,
"top 500" is 500强, "Top-100" is 百强, 13th is 第十三届, 7 may be 七个.  So both
sides are parsed into values and compared as values:

* English: digits with thousands separators and decimals, an optional scale
  word (thousand, million, billion, trillion) and ordinal suffixes (13th).
  Numbers written as words (three-dimensional, Four Full Models) are names
  more often than quantities and are not read.
* Chinese: Arabic digits (also full-width), Chinese numerals (三千, 十三, 二〇一八,
  壹, 两), and 十/百/千/万/亿 as multipliers, alone too (百强 is 100, 亿元 is
  100 million, 千万元 is 10 million).  A numeral inside a word is no quantity:
  七彩 "seven colours", 一些 "some", 统一 "unified", 唯一 "only", 队伍 "team"
  would otherwise stand for 7, 1, 1, 1 and 5.  A run of Chinese numerals counts
  when jieba's dictionary makes it a word of its own (第 before it and a
  measure word after it allowed: 七个, 第十三届, 壹号) and it has two numerals or
  more (三千, 十三), or 第, or a measure word (七个, 第一, 百强).
* Digits are 0-9 (and full-width ０-９ in Chinese) only.  Another script's digit
  in a translation (Bengali ৪, Arabic-Indic ٤, Devanagari ४) looks like a digit
  to Python's ``\\d`` and Decimal, not to a Chinese reader: it is a finding of
  its own, never read as a value.

The rule: each value of the English must be among the values of the
translation.  A value of the translation with no counterpart is not an
error, so Chinese fixed names with numerals (五水共治, 一送四问, ...) cause no
false alarms.  The termbase's names are read as names: a Chinese form with
numerals stands for the numbers of its English, not for its characters one
by one (“十三五” for "the 13th Five-Year Plan" is 13; a campaign's 五水共治
for "V-Level Water Treatment" is none).  The names are the profile's, in
``locales/<lang>/termbase.tsv``, never in this code.

And two values must not trade places: "5 enterprises paid over 100 million
yuan, 9 over 50 million" written 9家…1亿元，5家…5000万元 has every value, and
wrong facts.  Chinese word order moves figures too (a clause to the front,
"5 of the 9" as 9家中的5家, a nested name reversed: 2区5号楼301室), so the
order itself is not compared.  A swap is two figures of one kind (number,
year, ordinal), each written once on each side, that take each other's
place: the figures next to one in the English are next to the other in the
translation, and those neighbours are two figures or more.  A clause moved
takes its figures with it and so changes their neighbours, a reversal keeps
no neighbour on both sides, and two figures side by side may trade places:
none is a swap.  A swap in a list of figures (economy.po's counts of
enterprises and their taxes, 5↔9 or 25↔133) is; the profile's translations
pass (the tests read them all).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..chinese_words import jieba
from .registry import Message, Problem, content_check

#: A name's Chinese form -> the values it stands for (those of its English).
Names = dict[str, tuple[Decimal, ...]]

_SCALE_WORDS = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_ENGLISH = re.compile(
    r"(?<!\w)(?<![0-9]\.)(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
    r"(?:(?P<ord>st|nd|rd|th)\b|(?:\s+|-)(?P<scale>hundred|thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)

_YEAR = re.compile(r"(1[5-9]|20)[0-9][0-9]")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_CHINESE_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
    "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_LARGE_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_CHINESE_NUMERALS = "".join(_CHINESE_DIGITS) + "".join(_SMALL_UNITS) + "".join(_LARGE_UNITS)
_CHINESE_RUN = re.compile(
    r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|[" + _CHINESE_NUMERALS + "])+"
)
_ARABIC = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|.", re.DOTALL)


@dataclass(frozen=True)
class Quantity:
    text: str        # as written
    value: Decimal
    kind: str = "number"  # number, year, ordinal


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def english_quantities(text: str) -> list[Quantity]:
    found = []
    for match in _ENGLISH.finditer(text):
        value = _decimal(match["num"])
        if value is None:
            continue
        kind = "number"
        if match["scale"]:
            value *= _SCALE_WORDS[match["scale"].lower()]
        elif match["ord"]:
            kind = "ordinal"
        elif _YEAR.fullmatch(match["num"]):
            kind = "year"
        found.append(Quantity(match.group(0), value, kind))
    return found


def _run_values(run: str) -> list[Decimal]:
    """Values of one run of digits and Chinese numerals: 3.9万 -> 39000, 十三五 -> 13, 5."""
    if len(run) > 1 and all(ch in _CHINESE_DIGITS for ch in run):
        return [Decimal("".join(str(_CHINESE_DIGITS[ch]) for ch in run))]  # 二〇一八
    values: list[Decimal] = []
    total = section = Decimal(0)
    number: Decimal | None = None
    started = False

    def flush() -> None:
        nonlocal total, section, number, started
        if started or number is not None:
            values.append(total + section + (number or 0))
        total = section = Decimal(0)
        number, started = None, False

    for piece in _ARABIC.findall(run):
        if piece in _SMALL_UNITS:
            section += (number if number is not None else 1) * _SMALL_UNITS[piece]
            number, started = None, True
        elif piece in _LARGE_UNITS:
            section += number if number is not None else 0
            if section == 0:
                section = Decimal(1)
            if _LARGE_UNITS[piece] == 10**8:
                total = (total + section) * 10**8
            else:
                total += section * 10**4
            section, number, started = Decimal(0), None, True
        else:
            digit = _CHINESE_DIGITS.get(piece)
            value = Decimal(digit) if digit is not None else _decimal(piece)
            if value is None:
                continue
            if digit == 0 and started and number is None:
                continue  # 一百零五: 零 only fills a gap
            if number is not None:
                flush()  # two numbers in a row: 十三五 is 13 and 5
            number = value
    flush()
    return values


def names_from_terms(terms: list[tuple[str, str]]) -> Names:
    """(english, chinese) pairs of a termbase -> the names whose Chinese has numerals."""
    numeral = re.compile(f"[0-9{_CHINESE_NUMERALS}]")
    names = {chinese: tuple(q.value for q in english_quantities(english))
             for english, chinese in terms if numeral.search(chinese)}
    return dict(sorted(names.items(), key=lambda item: -len(item[0])))  # longest first


# The measure words and units a Chinese numeral is counted with (七个, 第十三届, 壹号,
# 百强, 三千余家); 余/多 (more than) may come between.
_MEASURES = frozenset("个名家所项次年月日号届位人元岁天条件座幢栋批期份种类户倍强米里亩吨台辆张本部场"
                      "支股处间层套段篇首周季轮遍点平公%％余多")
# Words made of numerals only, not quantities unless a measure word follows (千万元):
# 万一 "in case", 千万 "by all means", 一一 "one by one", 万万 "not at all".
_NUMERAL_WORDS = frozenset({"万一", "千万", "一一", "万万"})


def _words(text: str) -> list[tuple[int, int]]:
    """The spans of jieba's words, from its dictionary only (no guessed words: the same text, the same words)."""
    spans, start = [], 0
    for word in jieba().lcut(text, HMM=False):  # loaded on first use, once a process
        spans.append((start, start + len(word)))
        start += len(word)
    return spans


def _in_a_word(text: str, start: int, end: int, words: list[tuple[int, int]]) -> bool:
    """Whether the Chinese numerals text[start:end] are part of a word (七彩, 一些, 统一, 唯一), not a quantity."""
    before, after = text[max(start - 1, 0):start], text[end:end + 1]
    if before != "第" and after not in _MEASURES and end - start < 2:
        return True  # one numeral with no 第 or measure word: 七彩, 一流, 一是
    for w_start, w_end in words:
        if w_end <= start or w_start >= end:
            continue
        left, right = text[w_start:start], text[end:w_end]
        if left not in ("", "第") or any(ch not in _MEASURES for ch in right):
            return True  # 统一部署, 第一线, 一方面: the numeral is inside a longer word
        if text[w_start:w_end] in _NUMERAL_WORDS and after not in _MEASURES:
            return True
    return False


def chinese_quantities(text: str, names: Names | None = None) -> list[Quantity]:
    """The quantities of a Chinese text, in its order: Arabic digits always, numerals unless in a word."""
    text = text.translate(_FULLWIDTH_DIGITS)
    found: list[tuple[int, Quantity]] = []
    for name, values in (names or {}).items():
        at = text.find(name)
        if at >= 0:
            found.extend((at, Quantity(name, value)) for value in values)
            text = text.replace(name, " " * len(name))  # the same length: the other positions hold
    words: list[tuple[int, int]] | None = None
    for match in _CHINESE_RUN.finditer(text):
        run = match.group(0)
        if not re.search("[0-9]", run):
            words = _words(text) if words is None else words
            if _in_a_word(text, match.start(), match.end(), words):
                continue
        found.extend((match.start(), Quantity(run, value)) for value in _run_values(run))
    return [q for _, q in sorted(found, key=lambda item: item[0])]  # stable: 十三五 stays 13, 5


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    if "." in text:
        whole, fraction = text.split(".")
    else:
        whole, fraction = text, ""
    whole = f"{int(whole):,}"
    return f"{whole}.{fraction}" if fraction else whole


def chinese_form(quantity: Quantity) -> str:
    """How the value is usually written in Chinese: 12.16亿, 3.9万, 第13, 1954."""
    value = quantity.value
    if quantity.kind == "ordinal":
        return f"第{format(value.normalize(), 'f')}"
    if quantity.kind == "year" or value < 10**4:
        return format(value.normalize(), "f")
    for unit, size in (("亿", Decimal(10**8)), ("万", Decimal(10**4))):
        if value >= size:
            return format((value / size).normalize(), "f") + unit
    return format(value.normalize(), "f")


def missing_quantities(msgid_text: str, msgstr_text: str,
                       names: Names | None = None) -> tuple[list[Quantity], list[Quantity]]:
    """The English quantities whose value the translation lacks, and the translation's."""
    english = english_quantities(msgid_text)
    if not english:
        return [], []
    chinese = chinese_quantities(msgstr_text, names)  # Arabic digits too: 6+N, 1954, 110
    values = {q.value for q in chinese}
    if any(q.value not in values for q in english):
        # an English form left in the translation ("1.2 million") counts too
        chinese += english_quantities(msgstr_text)
        values = {q.value for q in chinese}
    missing = [q for q in english if q.value not in values]
    return missing, chinese


def _once(quantities: list[Quantity]) -> dict[Decimal, int]:
    """Value -> its place, for the values written once."""
    counts = Counter(q.value for q in quantities)
    return {q.value: i for i, q in enumerate(quantities) if counts[q.value] == 1}


def _around(values: list[Decimal], value: Decimal) -> tuple[Decimal | None, Decimal | None]:
    i = values.index(value)
    return (values[i - 1] if i else None), (values[i + 1] if i + 1 < len(values) else None)


def swapped_quantities(msgid_text: str, msgstr_text: str, names: Names | None = None
                       ) -> list[tuple[Quantity, Quantity, Quantity, Quantity]]:
    """Two figures of the English that trade places in the translation: (a, b) English, (a, b) Chinese.

    Among the English figures written once on each side, a and b (of one kind:
    number, year, ordinal) are swapped when the figures next to a in the English
    are next to b in the translation and the other way round, and those are two
    figures or more: 5 … 1亿 … 9 … 5000万 written 9 … 1亿 … 5 … 5000万.
    """
    english = english_quantities(msgid_text)
    if len(english) < 4:  # two figures and two held in place around them
        return []
    chinese = chinese_quantities(msgstr_text, names)
    in_english, in_chinese = _once(english), _once(chinese)
    held = [q.value for q in english if q.value in in_english and q.value in in_chinese]  # the English order
    translated = sorted(held, key=in_chinese.__getitem__)
    swaps = []
    for i, a in enumerate(held):
        for b in held[i + 1:]:
            ea, eb = english[in_english[a]], english[in_english[b]]
            slots = _around(held, a), _around(held, b)
            if (ea.kind == eb.kind and slots == (_around(translated, b), _around(translated, a))
                    and len({v for slot in slots for v in slot if v is not None}) >= 2):
                swaps.append((ea, eb, chinese[in_chinese[a]], chinese[in_chinese[b]]))
    return swaps


def describe(quantity: Quantity) -> str:
    plain = _plain(quantity.value)
    written = quantity.text
    if re.sub(r"[^0-9.]", "", written) == plain.replace(",", ""):
        return written  # 13th, 39,000, 2018: the value is plain to see
    return f"{written} (= {plain})"


def foreign_digits(text: str) -> list[str]:
    """Digits other than 0-9 and ０-９ (Bengali ৪, Arabic-Indic ٤, Devanagari ४, 𝟒), each once.

    Python's ``\\d`` and Decimal take them for digits; a Chinese reader does
    not, and the fonts may not have them: they are a finding, never a value.
    """
    return list(dict.fromkeys(ch for ch in text if unicodedata.category(ch) == "Nd"
                              and ch not in "0123456789０１２３４５６７８９"))


def _foreign_digits_problem(text: str) -> tuple[str, str] | None:
    digits = foreign_digits(text)
    if not digits:
        return None
    named = ", ".join(f"{ch} ({unicodedata.name(ch, f'U+{ord(ch):04X}')})" for ch in digits)
    plural = len(digits) > 1
    message = (f"the translation writes {named}, {'digits that are' if plural else 'a digit that is'} not 0–9")
    return message, "write " + ", ".join(dict.fromkeys(str(unicodedata.digit(ch)) for ch in digits))


def _missing_problem(msgid_text: str, msgstr_text: str, names: Names | None) -> tuple[str, str] | None:
    missing, found = missing_quantities(msgid_text, msgstr_text, names)
    if not missing:
        return None
    said = ", ".join(describe(q) for q in missing)
    has = ", ".join(dict.fromkeys(describe(q) for q in found)) if found else "no number"
    suggestions = ", ".join(dict.fromkeys(chinese_form(q) for q in missing))
    plural = len(missing) > 1
    values = "these values" if plural else "this value"
    message = f"the English says {said}, the translation does not have {values} (it has: {has})"
    advice = f"write {suggestions}"
    if any(q.value >= 10**4 and q.kind == "number" for q in missing):
        advice += " (万 = 10,000; 亿 = 100 million: 1.216 billion = 12.16亿)"
    return message, advice


def _swap_problem(msgid_text: str, msgstr_text: str, names: Names | None) -> tuple[str, str] | None:
    swaps = swapped_quantities(msgid_text, msgstr_text, names)[:3]
    if not swaps:
        return None
    message = "; ".join(f"the English says {ea.text} … {eb.text}, the translation has {cb.text} … {ca.text} (swapped)"
                        for ea, eb, ca, cb in swaps)
    advice = "; ".join(f"write {ca.text} where the translation has {cb.text}, and {cb.text} where it has {ca.text}"
                       for ea, eb, ca, cb in swaps)
    return message, advice


def problem(msgid_text: str, msgstr_text: str, names: Names | None = None) -> tuple[str, str] | None:
    found = [p for p in (_foreign_digits_problem(msgstr_text), _missing_problem(msgid_text, msgstr_text, names),
                         _swap_problem(msgid_text, msgstr_text, names)) if p]
    if not found:
        return None
    # one finding per message: its problems in one line, each advice once
    return "; ".join(m for m, _ in found), "; ".join(dict.fromkeys(a for _, a in found))


@content_check("numbers", "a quantity, year, ordinal or count of the English missing or with another value",
               "ours (English and Chinese number parsing)", order=70)
def find(message: Message) -> Problem | None:
    return problem(*message.visible, message.context.names)
