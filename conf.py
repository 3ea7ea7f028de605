"""Sphinx configuration of the Mishixiang Sub-district profile.

One configuration serves every edition: the build passes ``-D language=...``.
Everything that belongs to this profile is here, in docs/ and in locales/; the
code that publishes it is the ``editions`` package (editions/__init__.py).
Values a reader sees (title, author, copyright, date formats, subtitle,
keywords) are English here and translated through
``locales/<language>/LC_MESSAGES/sphinx.po``.  The tools outside Sphinx read
this file without running it, so profile settings are plain literals.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))  # the editions package, also without `pip install -e`

# -- The profile (translatable) ---------------------------------------------------
project = "Mishixiang Sub-district Profile"
author = "Mishixiang Sub-district Office"
copyright = "{year}, {author}"  # {year}: from the last commit (SOURCE_DATE_EPOCH)
edition_subtitle = "Gongshu District, Hangzhou"
edition_keywords = "Mishixiang, Gongshu District, Hangzhou, Grand Canal, sub-district profile"
html_title = "Mishixiang Sub-district Profile"
today_fmt = "%B %-d, %Y"  # "March 5, 2026": no zero-padded day, in English either
html_last_updated_fmt = "%B %-d, %Y"

# -- The profile (not translated) ---------------------------------------------------
edition_basename = "mishixiang-profile"  # mishixiang-profile-zh_CN.pdf, mishixiang-profile.tar.gz
edition_colour = "#2B5D8A"  # covers, rules, links and charts of the PDFs; charts of the site
html_favicon = "docs/_static/favicon.svg"
# The year the content describes: its figures, honours and outlook are those of 2018,
# whatever date an edition carries.  The pages say so from here alone: {as_of} in the
# {as-of} sentences of docs/index.md and docs/outlook.md and in the key figures' caption
# (editions.sphinxext.as_of).  Changing it makes those messages fuzzy in every catalog.
edition_data_as_of = "2018"

# -- General --------------------------------------------------------------------
extensions = ["editions.sphinxext"]  # loads myst_parser too
root_doc = "index"
exclude_patterns = ["EDITORIAL.md"]  # the editors' record of changes to the English, not a page
language = "en"  # the language of docs/; every folder of locales/ is an edition too

# -- Translation ------------------------------------------------------------------
# Translators edit locales/<language>/LC_MESSAGES/*.po (one catalog per page, with
# source lines).  Sphinx never reads those files: the extension checks them and
# hands Sphinx checked copies under _build/locales/, where it compiles them.
edition_translations = "locales"
locale_dirs = ["../_build/locales/"]  # relative to docs/
gettext_compact = False
gettext_location = True
gettext_uuid = False

# -- MyST -------------------------------------------------------------------------
# Raw HTML stays off whatever is set here (editions.sphinxext.safety).
myst_enable_extensions = []
myst_heading_anchors = 0  # anchors come from the explicit (label)= targets

# -- HTML -------------------------------------------------------------------------
html_theme = "furo"
html_copy_source = False  # readers get the page, not its Markdown
html_show_sourcelink = False
# The site's public address (make SITE_URL=https://...): canonical links, og:url
# and sitemaps.  Sphinx's own setting; the extension adds the edition's folder
# (https://.../zh_CN/).  Empty keeps every link relative.
html_baseurl = os.environ.get("SITE_URL", "")
