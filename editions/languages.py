"""Language codes and names: the gettext name of an edition (``zh_CN``), its BCP 47
tag for HTML and PDF (``zh-CN``), and its name for itself (``简体中文``)."""

from __future__ import annotations

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


def is_cjk(language: str) -> bool:
    """Chinese, Japanese or Korean: set without spaces between words, with CJK fonts."""
    return language.split("_")[0] in ("zh", "ja", "ko")


#: Noto CJK's region for each CJK language (fonts-noto-cjk has them all): the glyphs
#: its readers expect (直, 骨 and many more are drawn differently in each).
CJK_REGION = {"zh_CN": "SC", "zh_SG": "SC", "zh_TW": "TC", "zh_HK": "HK", "ja": "JP", "ko": "KR"}


def cjk_region(language: str) -> str:
    return CJK_REGION.get(language) or CJK_REGION.get(language.split("_")[0], "SC")
