"""Language codes and names: the gettext name of an edition (``zh_CN``), its BCP 47
tag for HTML and PDF (``zh-CN``), and its name for itself (``简体中文``)."""

from __future__ import annotations

import re

# Each edition's name for itself, as readers look for it in a switcher; languages not
# listed get Babel's (CLDR's) name for themselves.
_NAMES = {
    "en": "English",
    "zh_CN": "简体中文",
    "zh_TW": "繁體中文",
    "ja": "日本語",
}


def language_tag(language: str) -> str:
    """BCP 47 tag for a gettext locale name (``zh_CN`` -> ``zh-CN``)."""
    return language.replace("_", "-")


def language_name(language: str) -> str:
    """The language's name for itself."""
    if language in _NAMES:
        return _NAMES[language]
    try:
        from babel import Locale

        locale = Locale.parse(language)
        return (locale.get_display_name(locale) or language).capitalize()
    except Exception:  # noqa: BLE001 - unknown to CLDR: the code is still a name
        return language


#: The characters of Chinese, Japanese and Korean text that are each a word of their own
#: (a line may break between two): CJK radicals, symbols and punctuation, kana, Han,
#: Hangul, compatibility ideographs, full-width forms.  A regular expression class's inside.
CJK_CHARACTERS = "\u2e80-\u2fdf\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"


#: Han characters (CJK Unified Ideographs and Extension A, compatibility ideographs): the
#: characters of a Chinese word.  A regular expression class's inside.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def base_language(language: str) -> str:
    """The language of a locale name, without its region or script (``zh_CN`` -> ``zh``)."""
    return re.split(r"[_@.-]", language, maxsplit=1)[0].lower()


def is_cjk(language: str) -> bool:
    """Chinese, Japanese or Korean: set without spaces between words, with CJK fonts."""
    return base_language(language) in ("zh", "ja", "ko")


def is_chinese(language: str) -> bool:
    """Chinese (zh, zh_CN, zh_TW ...): its style rules (punctuation, dates, title marks)."""
    return base_language(language) == "zh"


#: Noto CJK's region for each CJK language (fonts-noto-cjk has them all): the glyphs
#: its readers expect (直, 骨 and many more are drawn differently in each).
CJK_REGION = {"zh_CN": "SC", "zh_SG": "SC", "zh_TW": "TC", "zh_HK": "HK", "ja": "JP", "ko": "KR"}


def cjk_region(language: str) -> str:
    return CJK_REGION.get(language) or CJK_REGION.get(language.split("_")[0], "SC")
