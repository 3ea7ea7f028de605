# Makefile of a profile published with editions (the Sphinx extension and tools in editions/).
# `make help` lists the targets; variables can be set on the command line:
#   make html LANGUAGES="en zh_CN" SPHINXOPTS="-v"

# Every edition by default: the source language (conf.py's `language`) and every
# language with a folder of catalogs in locales/ (`make update-po LANGUAGES="... ja"`
# creates one).
PYTHON3         ?= python3
VENV            ?= .venv
# What runs before the venv may exist (the editions, the input stamps) runs on python3 until
# it does, then on the venv's interpreter: the same Python, started without the wrappers some
# installs put in front of python3 (pyenv's shim costs 0.1 s a call, twice a `make`).
TOOLS_PYTHON    := $(shell [ -x '$(VENV)/bin/python3' ] && echo '$(VENV)/bin/python3' || echo '$(PYTHON3)')
# The editions are the package's to say (editions.edition), asked once: the languages of this
# run (LANGUAGES, checked: language codes only; else every one), the translations among them,
# and their editions, each language's then each parallel one (en-zh_CN: the source beside a
# translation, when both languages are asked for).
comma := ,
space := $(subst ,, )
EDITIONS_ANSWER := $(shell $(TOOLS_PYTHON) -m editions editions $(foreach l,$(LANGUAGES),'$(subst ','\'',$(l))'))
answer = $(subst $(comma), ,$(patsubst $(1)=%,%,$(filter $(1)=%,$(EDITIONS_ANSWER))))
ifeq ($(call answer,editions),)
$(error no edition to build: see the message above ($(TOOLS_PYTHON) -m editions editions reads conf.py and locales/))
endif
LANGUAGES       ?= $(call answer,languages)
# Warnings are errors: a warning is a defect to fix, not to silence.
SPHINXOPTS      ?= -W --keep-going
BUILDDIR        ?= _build
# make serve LANGUAGE=zh_CN.  Only from the command line: gettext's LANGUAGE variable
# (en_US:en in many desktop sessions) is not an edition.
ifneq ($(origin LANGUAGE),command line)
LANGUAGE        := $(lastword $(LANGUAGES))
endif
PORT            ?= 8000
PYTEST_ARGS     ?=
# make check CHECKFLAGS="--format json -o _build/check.json" (or "--format github" in CI)
CHECKFLAGS      ?=
# make check NOTES=1: list the notes (names pending confirmation, obsolete entries), not just count them.
NOTES           ?=
# ALLOW_FUZZY=0, for a release: a fuzzy or untranslated message stops its edition (and fails make check),
# instead of being published in the source language, marked.
ALLOW_FUZZY     ?=
# The site's public address (canonical links, og:url, sitemaps); empty: relative links only.
SITE_URL        ?=
# V=1: everything Sphinx says, not one line per edition.
V               ?=
# make review EDITOR_URL='vscode://file{path}:{line}': each entry links to its line in your editor.
EDITOR_URL      ?=
export SITE_URL LANGUAGES BUILDDIR V EDITOR_URL ALLOW_FUZZY

PYTHON       = $(VENV)/bin/python
EDITIONS     = $(PYTHON) -m editions
TRANSLATIONS := $(call answer,translations)
EDITIONS_ALL := $(call answer,editions)
# The order make starts them in: the longest first (editions.edition.build_order).
BUILD_ORDER  := $(call answer,build-order)
STAMPS       = $(BUILDDIR)/.stamps
# conf.py is at the root, the sources in docs/; -q: warnings only, unless V=1.
SPHINX       = $(VENV)/bin/sphinx-build -c . $(if $(V),,-q) $(SPHINXOPTS)

# Both cores: the editions build side by side.  No --output-sync: an edition prints
# its warnings as they come and one line when it is done, and `make serve` and
# `make test` must stream.
JOBS            ?= $(shell nproc 2>/dev/null || echo 2)
MAKEFLAGS       += --jobs=$(JOBS) --no-print-directory
# `make clean all`: whatever writes into $(BUILDDIR) waits for clean, even in parallel.
AFTER_CLEAN     := $(filter clean,$(MAKECMDGOALS))

.DEFAULT_GOAL := all
.PHONY: help all html pdf epub booklet edition dist bench gettext update-po stats progress check review queries serve linkcheck lint test test-fast clean venv venv-test lock

help: ## List the targets, one line each
	@awk 'BEGIN {FS = ":.*## "} /^[a-z][a-zA-Z_-]*:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# -- Set-up (first: the rules below depend on it) ------------------------------------
# The virtual environment is (re)made when pyproject.toml or constraints.txt change:
# what building needs for `make`, the test tools on top for `make test`.
# USE_VENV_AS_IS=1 uses $(VENV) as it is, never installing into it (the tests do).
ifeq ($(USE_VENV_AS_IS),)
VENV_READY      = $(VENV)/.installed
VENV_TEST_READY = $(VENV)/.installed-test

$(VENV)/.installed: pyproject.toml constraints.txt | $(STAMPS)/debian-build
	$(PYTHON3) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	@touch $@
else
VENV_READY      =
VENV_TEST_READY =
endif
venv: $(VENV_READY)
venv-test: $(VENV_TEST_READY)

# Debian packages of one group of debian-packages.txt: installed when we can (root,
# or sudo without a password), otherwise we stop with the command to run.  The groups
# are installed one after the other: two apt-get runs at once fight over dpkg's lock.
$(STAMPS)/debian-build: debian-packages.txt | $(AFTER_CLEAN)
$(STAMPS)/debian-pdf: debian-packages.txt | $(STAMPS)/debian-build $(AFTER_CLEAN)
$(STAMPS)/debian-test: debian-packages.txt | $(STAMPS)/debian-pdf $(AFTER_CLEAN)
$(STAMPS)/debian-%:
	@missing=$$(awk -v g="$*" '$$1 == g {print $$2}' debian-packages.txt | while read -r pkg; do \
	  dpkg-query -W -f='$${Status}\n' "$$pkg" 2>/dev/null | grep -q '^install ok installed' || echo "$$pkg"; \
	done | tr '\n' ' '); \
	if [ -n "$$missing" ]; then \
	  install="apt-get install -y --no-install-recommends $$missing"; \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; \
	  elif sudo -n true 2>/dev/null; then sudo="sudo"; \
	  else echo "Missing Debian packages ($*): $$missing"; \
	       echo "Run this, then make again:"; echo "  sudo apt-get update && sudo $$install"; exit 1; fi; \
	  echo "Installing Debian packages ($*): $$missing"; \
	  $$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive $$install || exit 1; \
	fi
	@mkdir -p $(@D) && touch $@

# -- Editions ---------------------------------------------------------------------------
all: html pdf epub progress ## Build every edition, HTML, PDF and EPUB, and the translation progress page (the default target)

# An edition is rebuilt only when one of its inputs changed: `make` with nothing to
# do starts neither Sphinx nor TeX.  Its inputs are what sphinx-build reads: docs/,
# conf.py, the Sphinx extension and what it imports, the checks that gate it, the
# language's catalogs; not the publishing tools or the benchmark.  `python -m
# editions build` stages, locks and publishes each edition; Sphinx is incremental, and an
# edition's formats share one environment (its doctrees): make html then make pdf reads nothing twice.
# File names are data, never make syntax: contributors name the files of docs/ and
# locales/, so no name of theirs is ever written into this Makefile (a space would
# split it into targets, `$(...)` would run).  `python -m editions inputs` hashes the
# names and contents instead (editions.inputs.PACKAGE_TREES says which) and
# rewrites a stamp only when its hash changed: sources, and each edition's catalogs
# (a parallel edition's: its translation's).  A name that is not plain stops it.
# One run writes every stamp (&: make 4.3's grouped targets), with TOOLS_PYTHON and
# the standard library only, like `editions`: it never waits for the venv.
# The site offers a PDF of each edition whose PDF this run builds (WITH_PDFS) or that
# exists: the stamp offered-pdfs says which, and the driver offers the same ones; the
# same for the EPUBs (WITH_EPUBS, offered-epubs).
GOALS        := $(or $(MAKECMDGOALS),all)
WITH_PDFS    := $(if $(filter all pdf dist edition,$(GOALS)),--with-pdfs)
WITH_EPUBS   := $(if $(filter all epub dist edition,$(GOALS)),--with-epubs)
OFFERED       = $(STAMPS)/offered-pdfs $(STAMPS)/offered-epubs
INPUT_STAMPS  = $(STAMPS)/sources $(OFFERED) $(foreach e,$(EDITIONS_ALL),$(STAMPS)/catalogs-$(e))
INPUTS        = $(STAMPS)/sources $(VENV_READY)

$(INPUT_STAMPS) &: FORCE | $(AFTER_CLEAN)
	@$(TOOLS_PYTHON) -m editions inputs $(STAMPS) $(WITH_PDFS) $(WITH_EPUBS) $(EDITIONS_ALL)

# `@:`: when the editions' one recipe ran under the other goal (make html pdf), this one
# says nothing either (no "Nothing to be done").
html: $(foreach e,$(BUILD_ORDER),$(STAMPS)/html-$(e)) $(BUILDDIR)/html/index.html ## Build the HTML editions into _build/html/<edition>/ (en, zh_CN, en-zh_CN)
	@:

pdf: $(foreach e,$(BUILD_ORDER),$(STAMPS)/pdf-$(e)) ## Build the PDF brochures into _build/pdf/ (needs XeLaTeX)
	@:

epub: $(foreach e,$(BUILD_ORDER),$(STAMPS)/epub-$(e)) ## Build the EPUB books into _build/epub/ (phones and e-readers)
	@:

booklet: $(foreach e,$(BUILD_ORDER),$(STAMPS)/booklet-$(e)) ## Print-ready booklets: the A5 pages two to an A4 sheet, in folding order (_build/pdf/*-booklet.pdf)

# A run that builds several formats (make, make all, make html pdf, make dist) builds each
# edition's formats in one process, from one reading of its sources (a pattern rule with
# several targets: one recipe makes them all); make html, make pdf or make epub alone builds
# that format only.  The recipe builds the formats whose stamp is missing or older than one of
# its own inputs (a new language rebuilds every site's switcher, not every brochure); all of
# them if the shell cannot tell (a stamp and an input of the same instant).
BUILDS_HTML  := $(filter all html,$(GOALS))
BUILDS_PDF   := $(filter all pdf booklet,$(GOALS))
BUILDS_EPUB  := $(filter all epub,$(GOALS))
RUN_FORMATS  := $(strip $(if $(BUILDS_HTML),html) $(if $(BUILDS_PDF),pdf) $(if $(BUILDS_EPUB),epub))
TOGETHER     := $(if $(word 2,$(RUN_FORMATS)),$(RUN_FORMATS))
# Each format's prerequisites (% the edition) and, in a recipe, its inputs.
html_needs    = $(INPUTS) $(STAMPS)/catalogs-% $(STAMPS)/html-options $(OFFERED)
pdf_needs     = $(INPUTS) $(STAMPS)/catalogs-% $(STAMPS)/pdf-options
epub_needs    = $(INPUTS) $(STAMPS)/catalogs-%
inputs_of     = $(subst %,$*,$($(1)_needs))
outdated      = $(foreach f,$(TOGETHER),$$(for input in $(call inputs_of,$(f)); do \
                  [ -e $(STAMPS)/$(f)-$* ] && [ ! $$input -nt $(STAMPS)/$(f)-$* ] || { echo $(f); break; }; done))
ifneq ($(TOGETHER),)
$(foreach f,$(TOGETHER),$(STAMPS)/$(f)-%): $(sort $(foreach f,$(TOGETHER),$($(f)_needs))) | $(STAMPS)/debian-pdf $(AFTER_CLEAN)
	@formats=$$(echo $(outdated) | tr ' ' ,); \
	  $(EDITIONS) build $${formats:-$(subst $(space),$(comma),$(TOGETHER))} $(WITH_PDFS) $(WITH_EPUBS) $* $(SPHINXOPTS)
	@touch $(foreach f,$(TOGETHER),$(STAMPS)/$(f)-$*)
endif
ifeq ($(filter html,$(TOGETHER)),)
$(STAMPS)/html-%: $(html_needs) | $(STAMPS)/debian-build $(AFTER_CLEAN)
	@$(EDITIONS) build html $(WITH_PDFS) $(WITH_EPUBS) $* $(SPHINXOPTS)
	@touch $@
endif
ifeq ($(filter pdf,$(TOGETHER)),)
$(STAMPS)/pdf-%: $(pdf_needs) | $(STAMPS)/debian-pdf $(AFTER_CLEAN)
	@$(EDITIONS) build pdf $* $(SPHINXOPTS)
	@touch $@
endif
# An EPUB needs the Noto CJK fonts (the pdf group): its cover and its Chinese font.
ifeq ($(filter epub,$(TOGETHER)),)
$(STAMPS)/epub-%: $(epub_needs) | $(STAMPS)/debian-pdf $(AFTER_CLEAN)
	@$(EDITIONS) build epub $* $(SPHINXOPTS)
	@touch $@
endif

# The booklet of an edition: its reading PDF imposed for the printer (not on the site).
$(STAMPS)/booklet-%: $(STAMPS)/pdf-% editions/publish/booklet.py editions/publish/latexmk.py \
                    $(wildcard editions/publish/templates/booklet-*.tex.jinja) | $(AFTER_CLEAN)
	@$(EDITIONS) booklet $*
	@touch $@

# One edition alone, HTML, PDF and EPUB, as a runner of the CI matrix builds it (python -m editions
# matrix; .github/workflows/editions.yml): its pages list every edition of the profile and
# offer every PDF and EPUB (--with-pdfs, --with-epubs: the matrix builds them all); `python -m
# editions assemble` puts the runners' editions together and writes the language picker.
edition: $(VENV_READY) | $(STAMPS)/debian-pdf $(AFTER_CLEAN) ## One edition alone, HTML, PDF and EPUB, as a CI runner builds it: make edition EDITION=zh_CN
	@$(if $(EDITION),,echo "make edition needs EDITION=..., one of: $(EDITIONS_ALL)" >&2; exit 2;) \
	  $(EDITIONS) build html,pdf,epub $(WITH_PDFS) $(WITH_EPUBS) '$(subst ','\'',$(EDITION))' $(SPHINXOPTS)

# The language picker (the site's root page) lists the editions, in each one's title (from
# its sphinx.po); an edition whose language has no catalogs any more is taken off the site.
$(BUILDDIR)/html/index.html: editions/publish/language_picker.py editions/publish/templates/language-picker.html.jinja \
                             editions/publish/templates/sitemap-index.xml.jinja $(VENV_READY) $(STAMPS)/html-options \
                             $(OFFERED) $(foreach l,$(LANGUAGES),$(STAMPS)/catalogs-$(l)) | $(AFTER_CLEAN)
	@$(EDITIONS) language-picker $(WITH_PDFS) $(WITH_EPUBS) $(BUILDDIR)/html $(LANGUAGES)

# Stamps that change only when a command-line variable does (SITE_URL: the site's links, the
# brochures' back cover).
$(STAMPS)/html-options $(STAMPS)/pdf-options: FORCE | $(AFTER_CLEAN)
	@mkdir -p $(@D)
	@value='$(SPHINXOPTS) | $(ALLOW_FUZZY) | $(SITE_URL) $(if $(findstring html,$@),| $(LANGUAGES))'; \
	  [ -f $@ ] && [ "$$(cat $@)" = "$$value" ] || echo "$$value" > $@

# -- Translation ---------------------------------------------------------------------
gettext: $(VENV_READY) | $(AFTER_CLEAN) ## Extract the message templates (.pot) into _build/gettext/
	@rm -rf $(BUILDDIR)/gettext
	$(SPHINX) -b gettext -d $(BUILDDIR)/doctrees/gettext docs $(BUILDDIR)/gettext

update-po: gettext ## Update every language's catalogs from the sources, keeping all translations
	@$(EDITIONS) update-po $(BUILDDIR)/gettext $(TRANSLATIONS)

stats: $(VENV_READY) ## Show translated / fuzzy / untranslated counts per catalog
	@$(EDITIONS) stats $(TRANSLATIONS)

# The same counts as a page and a badge per language (not on the site: for translators, a
# README, CI).  Written again only when a catalog's content changes (the stamps: the termbase
# too, for the office's questions), the code that writes it, or the run's languages.
# (LANGUAGES of the source alone: no translation, nothing to count, the last page stays.)
progress: $(if $(TRANSLATIONS),$(BUILDDIR)/progress/index.html) ## Translation progress, per language and catalog, and badges: _build/progress/
	@:

$(BUILDDIR)/progress/index.html: $(foreach l,$(TRANSLATIONS),$(STAMPS)/catalogs-$(l)) $(STAMPS)/progress-languages \
                                 editions/catalogs/counts.py editions/checks/terms.py editions/publish/progress.py \
                                 editions/publish/queries.py $(wildcard editions/publish/templates/progress*.jinja) \
                                 conf.py $(VENV_READY) | $(AFTER_CLEAN)
	@$(EDITIONS) progress $(BUILDDIR)/progress $(TRANSLATIONS)

$(STAMPS)/progress-languages: FORCE | $(AFTER_CLEAN)
	@mkdir -p $(@D)
	@[ -f $@ ] && [ "$$(cat $@)" = "$(TRANSLATIONS)" ] || echo "$(TRANSLATIONS)" > $@

check: gettext ## Check every translation: sync, markup, safety, numbers, terms, typography
	@$(EDITIONS) check $(if $(filter 1,$(NOTES)),--notes) $(if $(filter 0,$(ALLOW_FUZZY)),--strict) \
	  $(CHECKFLAGS) --pot-dir $(BUILDDIR)/gettext $(TRANSLATIONS)

# A review view for each translation (not part of the site): the parallel layout,
# each message's catalog:line, state, fuzzy diff, make check findings and # review:
# comments.  EDITOR_URL='vscode://file{path}:{line}' adds a link that opens each entry.
review: gettext | $(STAMPS)/debian-build ## Build the translators' review view into _build/review/<language>/
	@$(foreach t,$(TRANSLATIONS),$(EDITIONS) build review $(t) $(SPHINXOPTS) &&) true

# The office's questions, one letter per translation (not part of the site): each name
# pending in the termbase and each '# review: ask the office' note, numbered, with a blank
# for the answer.  Read from locales/ every time: an answer entered there takes it off.
queries: $(VENV_READY) | $(STAMPS)/debian-pdf $(AFTER_CLEAN) ## The questions for the office, as a letter: _build/queries/<language>.pdf and .html
	@$(EDITIONS) queries $(BUILDDIR)/queries $(TRANSLATIONS)

serve: $(VENV_READY) | $(STAMPS)/debian-build ## Live preview of one edition: make serve LANGUAGE=zh_CN PORT=8000
	$(VENV)/bin/sphinx-autobuild -c . -b html -D language=$(LANGUAGE) \
	  -D locale_dirs=$(abspath $(BUILDDIR))/locales \
	  -d $(BUILDDIR)/doctrees/serve-$(LANGUAGE) --port $(PORT) \
	  --watch conf.py --watch locales --watch editions \
	  docs $(BUILDDIR)/serve/$(LANGUAGE)

# Every link of the sources, followed (Sphinx's linkcheck builder; needs the network, so not part
# of make test).  The sources only: a translation may not add a link target (editions/catalogs/rules.py).
linkcheck: $(VENV_READY) | $(STAMPS)/debian-build $(AFTER_CLEAN) ## Follow every link of the sources (needs the network; not in make test): _build/linkcheck/output.txt
	$(SPHINX) -b linkcheck -d $(BUILDDIR)/doctrees/linkcheck docs $(BUILDDIR)/linkcheck

# -- Tests, publishing, maintenance -----------------------------------------------------
# The tests keep Python's bytecode (in the ignored __pycache__/ folders) even where
# PYTHONDONTWRITEBYTECODE is set: without it, every worker rewrites and compiles the
# test modules and pytest's plugins again, and every build of a sample project its code.
PYTEST = PYTHONDONTWRITEBYTECODE= $(VENV)/bin/pytest

# Ruff, configured in pyproject.toml ([tool.ruff]): one line a finding; no cache left in the tree.
# actionlint: the CI workflows (.github/workflows/), their run: scripts through shellcheck
# (debian-packages.txt's test group).
lint: $(VENV_TEST_READY) | $(STAMPS)/debian-test ## Check the Python code with ruff and the CI workflows with actionlint (make test runs it first)
	$(VENV)/bin/ruff check --no-cache --output-format concise .
	@if [ -d .github/workflows ]; then $(VENV)/bin/actionlint .github/workflows/*.yml && echo "actionlint: the workflows are clean"; fi

test: lint $(VENV_TEST_READY) | $(STAMPS)/debian-test ## Run the test suite (on every core), after make lint
	$(PYTEST) -n $(JOBS) $(PYTEST_ARGS)

test-fast: $(VENV_TEST_READY) | $(STAMPS)/debian-build ## Run the quick tests: no TeX, no browser, no Makefile, no stress tests
	$(PYTEST) -n $(JOBS) -m "not tex and not slow" $(PYTEST_ARGS) tests/unit tests/sphinx

# Only editions with no error are published: a language whose catalogs the gate refuses
# is left out of the whole site (language picker, switchers, PDF links), and said so.
dist: $(VENV_READY) ## Clean build of every publishable edition, then the site as one folder and one archive in _build/dist/
	@$(MAKE) clean
	@publishable="$$($(EDITIONS) releasable $(LANGUAGES))" && [ -n "$$publishable" ] && \
	  $(MAKE) all LANGUAGES="$$publishable" && $(EDITIONS) dist $(BUILDDIR)

bench: $(VENV_READY) ## Print build figures (TeX apart from the rest): full build vs plain Sphinx, reads per page, one msgstr, 50x scale
	$(PYTHON) -u -m editions bench

clean: ## Remove every build output
	rm -rf $(BUILDDIR)

lock: $(VENV_TEST_READY) ## Re-pin constraints.txt from the current virtual environment
	$(VENV)/bin/pip freeze --exclude-editable | sed '1i # Every Python package of the build and the tests, pinned (`make lock` rewrites this).\n# pyproject.toml says what we need; this file says exactly which versions we got.' > constraints.txt

FORCE:
