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

SPHINXBUILD  = $(VENV)/bin/sphinx-build
PYTHON       = $(VENV)/bin/python
TRANSLATIONS = $(filter-out $(SOURCE_LANGUAGE),$(LANGUAGES))
STAMPS       = $(BUILDDIR)/.stamps
# conf.py is at the root, the sources in docs/.
SPHINX       = $(SPHINXBUILD) -c . $(SPHINXOPTS)

.DEFAULT_GOAL := all
.PHONY: help all html pdf gettext update-po stats serve test clean venv lock

help: ## List the targets, one line each
	@awk 'BEGIN {FS = ":.*## "} /^[a-z][a-zA-Z_-]*:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

all: html pdf ## Build every edition, HTML and PDF (the default target)

html: $(addprefix $(BUILDDIR)/html/,$(LANGUAGES)) $(BUILDDIR)/html/index.html ## Build the HTML editions into _build/html/<language>/

# One edition; each language keeps its own doctree cache so editions never mix.
$(BUILDDIR)/html/%: FORCE | venv
	$(SPHINX) -b html -D language=$* -d $(BUILDDIR)/doctrees/$* docs $@

$(BUILDDIR)/html/index.html: FORCE | venv
	$(PYTHON) -m mishixiang_docs.chooser $(BUILDDIR)/html $(LANGUAGES)

PDFS = $(foreach lang,$(LANGUAGES),$(BUILDDIR)/pdf/mishixiang-profile-$(lang).pdf)
pdf: $(PDFS) ## Build the PDF brochures into _build/pdf/ (needs XeLaTeX)

# LaTeX sources, then XeLaTeX; the PDF is also copied into the site for its link.
$(BUILDDIR)/pdf/mishixiang-profile-%.pdf: FORCE | venv $(STAMPS)/debian-pdf
	$(SPHINX) -b latex -D language=$* -d $(BUILDDIR)/doctrees/latex-$* docs $(BUILDDIR)/latex/$*
	$(PYTHON) -m mishixiang_docs.latexpdf $(BUILDDIR)/latex/$* $@ $(BUILDDIR)/html/pdf/$(@F)

gettext: venv ## Extract the message templates (.pot) into _build/gettext/
	rm -rf $(BUILDDIR)/gettext
	$(SPHINX) -b gettext -d $(BUILDDIR)/doctrees/gettext docs $(BUILDDIR)/gettext

update-po: gettext ## Update every language's catalogs from the sources, keeping all translations
	$(PYTHON) -m mishixiang_docs.update_po $(BUILDDIR)/gettext locales $(TRANSLATIONS)

stats: venv ## Show translated / fuzzy / untranslated counts per catalog
	$(PYTHON) -m mishixiang_docs.catalogs stats $(TRANSLATIONS)

serve: venv ## Live preview of one edition: make serve LANGUAGE=zh_CN PORT=8000
	$(VENV)/bin/sphinx-autobuild -c . -b html -D language=$(LANGUAGE) \
	  -d $(BUILDDIR)/doctrees/serve-$(LANGUAGE) --port $(PORT) \
	  --watch conf.py --watch locales --watch mishixiang_docs --ignore '*.mo' \
	  docs $(BUILDDIR)/serve/$(LANGUAGE)

test: venv $(STAMPS)/debian-test $(STAMPS)/debian-pdf ## Run the test suite
	$(VENV)/bin/pytest $(PYTEST_ARGS)

clean: ## Remove every build output
	rm -rf $(BUILDDIR)
	find locales -name '*.mo' -delete

lock: venv ## Re-pin constraints.txt from the current virtual environment
	$(VENV)/bin/pip freeze --exclude-editable | sed '1i # Every Python package of the build and the tests, pinned (`make lock` rewrites this).\n# pyproject.toml says what we need; this file says exactly which versions we got.' > constraints.txt

# -- Set-up ---------------------------------------------------------------------------
# The virtual environment is (re)made when pyproject.toml or constraints.txt change.
venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt | $(STAMPS)/debian-build
	$(PYTHON3) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

# Debian packages of one group of debian-packages.txt: installed when we can
# (root, or sudo without a password), otherwise we stop with the command to run.
$(STAMPS)/debian-%: debian-packages.txt
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

FORCE:
