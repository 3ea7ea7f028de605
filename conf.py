"""Sphinx configuration for the Mishixiang Sub-district profile.

One configuration serves every edition: the Makefile passes ``-D language=...``.
Values a reader sees (title, author, copyright, date formats) are English here
and translated through ``locales/<lang>/LC_MESSAGES/sphinx.po``.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))  # the project's own package, also without `pip install -e`

from mishixiang_docs.dates import pin_source_date_epoch  # noqa: E402

# Every date in an edition comes from SOURCE_DATE_EPOCH or the last commit.
pin_source_date_epoch(ROOT)

# -- Project (translatable) ---------------------------------------------------
project = "Mishixiang Sub-district Profile"
author = "Mishixiang Sub-district Office"
copyright = "{year}, {author}"  # filled in and translated by mishixiang_docs
profile_subtitle = "Gongshu District, Hangzhou"
profile_keywords = "Mishixiang, Gongshu District, Hangzhou, Grand Canal, sub-district profile"
html_title = "Mishixiang Sub-district Profile"
today_fmt = "%B %-d, %Y"  # "March 5, 2026": no zero-padded day, in English either
html_last_updated_fmt = "%B %-d, %Y"

# -- General --------------------------------------------------------------------
extensions = ["mishixiang_docs.sphinxext"]  # loads myst_parser too
root_doc = "index"
exclude_patterns = ["EDITORIAL.md"]  # the editors' record of changes to the English, not a page
language = "en"

# -- Translation ------------------------------------------------------------------
locale_dirs = ["../locales/"]  # relative to docs/
gettext_compact = False  # one catalog per page
gettext_location = True  # source file and line in every entry, for translators
gettext_uuid = False
edition_languages = ["en", "zh_CN"]
# The site's public address, when known (make SITE_URL=https://...): gives
# canonical links, og:url and sitemaps.  Empty keeps every link relative.
edition_base_url = os.environ.get("SITE_URL", "")

# -- MyST -------------------------------------------------------------------------
# Raw HTML stays off whatever is set here (see mishixiang_docs.translation_safety).
myst_enable_extensions = []
myst_heading_anchors = 0  # anchors come from the explicit (label)= targets

# -- HTML -------------------------------------------------------------------------
html_theme = "furo"
html_copy_source = False  # readers get the page, not its Markdown
html_show_sourcelink = False
html_favicon = "mishixiang_docs/static/favicon.svg"
