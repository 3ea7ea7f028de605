"""What the Sphinx extension leaves for the publishing driver to read, named once for
both: the extension writes it during a build, the driver reads it after."""

from __future__ import annotations

#: Each page of a PDF edition announces itself in XeLaTeX's log with this prefix,
#: so that a failure, a crash or a time-out can name the page being typeset.
PAGE_MARKER = "editions-page:"


#: The catalog guard's one line on what an edition shows in the source language (fuzzy
#: and untranslated messages), in the edition's doctree folder, for the driver to print.
WARNINGS_FILE = "translation-warnings.txt"
