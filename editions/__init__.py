"""Editions: publish one MyST source, and its gettext translations, as a site and
a PDF per language.

The package is organised by where its code runs:

* ``editions.sphinxext`` — inside ``sphinx-build``: the extension ``conf.py``
  loads (translation safety, checked catalogs, translated ``conf.py`` values,
  language links, search, charts, the LaTeX set-up of each edition);
* ``editions.catalogs`` — on ``.po`` files, without Sphinx: reading, counting,
  merging, and the rules of what a translation may carry;
* ``editions.checks`` — ``make check``: every translation checked, one finding
  a line (imports ``editions.catalogs`` only);
* ``editions.publish`` — outside Sphinx: staged edition builds, latexmk, the
  language picker (the site's root page), ``make dist``, the benchmark.

``python -m editions COMMAND`` (``editions.cli``) is the one entry point the
Makefile calls.  Nothing here belongs to one profile: what a profile is (its
title, file names, colours, languages) is read from its ``conf.py``, ``docs/``
and ``locales/``.
"""
