"""A second profile, for the test that the editions toolkit needs no change to publish
another one: written in Chinese, translated into English, its own name, files and colour."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

project = "河畔街道简介"
author = "河畔街道办事处"
copyright = "{year}, {author}"
edition_subtitle = "示例市"
edition_keywords = "河畔, 街道"
html_title = "河畔街道简介"
edition_basename = "riverside-brief"
edition_colour = "#8A2B4F"
extensions = ["editions.sphinxext"]
root_doc = "index"
language = "zh_CN"
edition_translations = "locales"
locale_dirs = ["../_build/locales/"]
gettext_compact = False
gettext_location = True
html_theme = "furo"
# make SITE_URL=https://...: canonical links, og:url, sitemaps and the brochures' back cover
html_baseurl = os.environ.get("SITE_URL", "")
