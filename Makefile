# Makefile for the Mishixiang Sub-district profile (English and Simplified Chinese).
# `make help` lists the targets; variables can be set on the command line:
#   make html LANGUAGES="en zh_CN ja" SPHINXOPTS="-v"

LANGUAGES       ?= en zh_CN
SOURCE_LANGUAGE := en
# Warnings are errors: a warning is a defect to fix, not to silence.
SPHINXOPTS      ?= -W --keep-going
BUILDDIR        ?= _build
VENV            ?= .venv
PYTHON3         ?= python3
LANGUAGE        ?= zh_CN
PORT            ?= 8000
PYTEST_ARGS     ?=
# make check CHECKFLAGS="--format json -o _build/check.json" (or "--format github" in CI)
CHECKFLAGS      ?=
# The site's public address (canonical links, og:url, sitemaps); empty: relative links only.
SITE_URL        ?=
export SITE_URL

SPHINXBUILD  = $(VENV)/bin/sphinx-build
PYTHON       = $(VENV)/bin/python
TRANSLATIONS = $(filter-out $(SOURCE_LANGUAGE),$(LANGUAGES))
STAMPS       = $(BUILDDIR)/.stamps
# conf.py is at the root, the sources in docs/.
SPHINX       = $(SPHINXBUILD) -c . $(SPHINXOPTS)

# Both cores: the editions build side by side.  No --output-sync: an edition prints
# its report in one piece when it ends, and `make serve` and `make test` must stream.
JOBS            ?= $(shell nproc 2>/dev/null || echo 2)
MAKEFLAGS       += --jobs=$(JOBS)
# `make clean all`: whatever writes into $(BUILDDIR) waits for clean, even in parallel.
AFTER_CLEAN     := $(filter clean,$(MAKECMDGOALS))

.DEFAULT_GOAL := all
.PHONY: help all html pdf dist bench gettext update-po stats check serve test clean venv venv-test lock

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
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@
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
all: html pdf ## Build every edition, HTML and PDF (the default target)

# An edition is rebuilt only when one of its inputs changed: `make` with nothing
# to do starts neither Sphinx nor TeX.  mishixiang_docs.build stages, locks and
# publishes each edition (see its docstring); Sphinx is incremental inside it.
# The inputs are what Sphinx reads: not the translation checks or the benchmark.
EXTENSION = $(shell find mishixiang_docs -type f -not -path '*/__pycache__/*' -not -name '*.pyc' \
              -not -path 'mishixiang_docs/checks/*' -not -name 'build_bench.py' 2>/dev/null)
INPUTS = conf.py $(VENV_READY) $(STAMPS)/sphinxopts $(EXTENSION) $(shell find docs -type f 2>/dev/null)
CATALOGS_OF = $(wildcard locales/$(1)/LC_MESSAGES/*.po locales/$(1)/termbase.tsv)
EDITION = BUILDDIR=$(BUILDDIR) $(PYTHON) -m mishixiang_docs.build

html: $(foreach lang,$(LANGUAGES),$(STAMPS)/html-$(lang)) $(BUILDDIR)/html/index.html ## Build the HTML editions into _build/html/<language>/

pdf: $(foreach lang,$(LANGUAGES),$(STAMPS)/pdf-$(lang)) ## Build the PDF brochures into _build/pdf/ (needs XeLaTeX)

.SECONDEXPANSION:
$(STAMPS)/html-%: $(INPUTS) $$(call CATALOGS_OF,$$*) | $(STAMPS)/debian-build $(AFTER_CLEAN)
	$(EDITION) html $* $(SPHINXOPTS)
	@touch $@

$(STAMPS)/pdf-%: $(INPUTS) $$(call CATALOGS_OF,$$*) | $(STAMPS)/debian-pdf $(AFTER_CLEAN)
	$(EDITION) pdf $* $(SPHINXOPTS)
	@touch $@

$(BUILDDIR)/html/index.html: mishixiang_docs/chooser.py $(VENV_READY) $(STAMPS)/languages \
                             $(wildcard locales/*/LC_MESSAGES/sphinx.po) | $(AFTER_CLEAN)
	$(PYTHON) -m mishixiang_docs.chooser $(BUILDDIR)/html $(LANGUAGES)

# Stamps that change only when a command-line variable does.
$(STAMPS)/sphinxopts $(STAMPS)/languages: FORCE | $(AFTER_CLEAN)
	@mkdir -p $(@D)
	@value='$(if $(findstring sphinxopts,$@),$(SPHINXOPTS) $(SITE_URL),$(LANGUAGES) $(SITE_URL))'; \
	  [ -f $@ ] && [ "$$(cat $@)" = "$$value" ] || echo "$$value" > $@

# -- Translation ---------------------------------------------------------------------
gettext: $(VENV_READY) | $(AFTER_CLEAN) ## Extract the message templates (.pot) into _build/gettext/
	rm -rf $(BUILDDIR)/gettext
	$(SPHINX) -b gettext -d $(BUILDDIR)/doctrees/gettext docs $(BUILDDIR)/gettext

update-po: gettext ## Update every language's catalogs from the sources, keeping all translations
	$(PYTHON) -m mishixiang_docs.update_po $(BUILDDIR)/gettext locales $(TRANSLATIONS)

stats: $(VENV_READY) ## Show translated / fuzzy / untranslated counts per catalog
	$(PYTHON) -m mishixiang_docs.catalogs stats $(TRANSLATIONS)

check: gettext ## Check every translation: sync, markup, safety, numbers, terms, typography
	$(PYTHON) -m mishixiang_docs.checks $(CHECKFLAGS) --pot-dir $(BUILDDIR)/gettext $(TRANSLATIONS)

serve: $(VENV_READY) | $(STAMPS)/debian-build ## Live preview of one edition: make serve LANGUAGE=zh_CN PORT=8000
	$(VENV)/bin/sphinx-autobuild -c . -b html -D language=$(LANGUAGE) \
	  -d $(BUILDDIR)/doctrees/serve-$(LANGUAGE) --port $(PORT) \
	  --watch conf.py --watch locales --watch mishixiang_docs --ignore '*.mo' \
	  docs $(BUILDDIR)/serve/$(LANGUAGE)

# -- Tests, publishing, maintenance -----------------------------------------------------
test: $(VENV_TEST_READY) | $(STAMPS)/debian-test ## Run the test suite
	$(VENV)/bin/pytest $(PYTEST_ARGS)

dist: ## Clean build of everything, then the site as one folder and one archive in _build/dist/
	$(MAKE) --no-print-directory clean
	$(MAKE) --no-print-directory all
	$(PYTHON) -m mishixiang_docs.dist $(BUILDDIR)

bench: $(VENV_READY) ## Print build timings: no-op, one msgstr, full build vs plain Sphinx, 50x scale
	BUILDDIR=$(BUILDDIR) $(PYTHON) -u -m mishixiang_docs.build_bench

clean: ## Remove every build output
	rm -rf $(BUILDDIR)
	find locales -name '*.mo' -delete

lock: $(VENV_TEST_READY) ## Re-pin constraints.txt from the current virtual environment
	$(VENV)/bin/pip freeze --exclude-editable | sed '1i # Every Python package of the build and the tests, pinned (`make lock` rewrites this).\n# pyproject.toml says what we need; this file says exactly which versions we got.' > constraints.txt

FORCE:
