# A one-page profile for in-process tests of the extension (sphinx.testing roots).
project = "Sample Profile"
author = "Sample Office"
copyright = "{year}, {author}"
edition_subtitle = "Sample District"
edition_keywords = "sample"
edition_basename = "sample"
today_fmt = "%B %d, %Y"
html_last_updated_fmt = "%B %d, %Y"
extensions = ["editions.sphinxext"]
language = "en"
exclude_patterns = ["_build", "locales"]
edition_translations = "locales"
locale_dirs = ["_build/locales/"]
gettext_compact = False
html_theme = "furo"
