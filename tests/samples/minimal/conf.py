# A one-page project with the project's extension, for tests of translations.
project = "Sample"
author = "Sample Office"
copyright = "{year}, {author}"
extensions = ["editions.sphinxext"]
locale_dirs = ["../locales/"]
gettext_compact = False
html_theme = "furo"
edition_languages = ["en", "zh_CN"]
