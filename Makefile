# Task verbs for people and CI. `make serve` and `make test` each set everything up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
VNU    := .cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar
VNU_VERSION := 26.9.27
PORT   ?= 8000
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: setup serve build build-zensical publish validate schema lint test test-fast bench clean nieuw controleer

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,bench,zensical]"
	@touch $(STAMP)

# The Nu Html Checker (Java) from the npm registry, for the HTML validity tests.
$(VNU):
	@command -v npm >/dev/null || { echo "Fout: 'make test' heeft npm nodig voor de HTML-controle (Debian: apt-get install npm)." >&2; exit 1; }
	mkdir -p .cache/vnu
	cd .cache/vnu && npm install --silent --no-audit --no-fund vnu-jar@$(VNU_VERSION)

serve: setup  ## Build the site and serve it on http://127.0.0.1:$(PORT) with live reload
	$(BIN)/python -m widw.mkdocs_serve $(PORT)

build: setup  ## Build the site into site/ (fails on any content problem)
	$(BIN)/mkdocs build --strict

publish: setup  ## The build that goes online: refuses a placeholder site address (WIDW_SITE_URL)
	WIDW_PUBLISH=1 $(BIN)/mkdocs build --strict

# Zensical builds the `widw render` output (it runs no MkDocs plugins). Docs, config and site
# live in one folder because Zensical wants docs_dir and site_dir inside the config's folder.
# The Pagefind search index is made by `widw zoekindex` after the build, as the plugin does.
ZENSICAL      := .cache/zensical
ZENSICAL_SITE := $(ZENSICAL)/site

build-zensical: setup  ## Build the same site with Zensical into .cache/zensical/site/
	$(BIN)/widw render --out $(ZENSICAL)/docs --config-uit $(ZENSICAL)/mkdocs.yml
	cd $(ZENSICAL) && $(CURDIR)/$(BIN)/zensical build --clean --strict -f mkdocs.yml
	$(BIN)/widw zoekindex $(ZENSICAL_SITE)
	@echo "Zensical-site: $(ZENSICAL_SITE)/"

validate: setup  ## Check every case, lesson and episode
	$(BIN)/widw validate

# Verbs for editors, who need not know about the virtual environment in .venv.
SOORT ?= casus
nieuw: setup  ## Maak een nieuwe casus (SOORT=les of SOORT=aflevering voor de andere soorten)
	@$(BIN)/widw new $(SOORT)

controleer: setup  ## Controleer alle casussen, lessen en afleveringen
	@$(BIN)/widw validate

schema: setup  ## Regenerate the committed JSON Schemas and the GitHub issue form
	$(BIN)/widw schema
	$(BIN)/python -m widw.editor.issueform .

lint: setup  ## ruff (lint + format), mypy and the layer contract (import-linter)
	$(BIN)/ruff check tooling tests bench
	$(BIN)/ruff format --check tooling tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

test: setup lint $(VNU)  ## Everything CI checks: lint, strict content check, schema, strict build, all tests
	$(BIN)/widw validate --strikt
	$(BIN)/widw schema --check
	$(BIN)/mkdocs build --strict --site-dir $(CURDIR)/.cache/site-check
	$(BIN)/python -m pytest -n 2 --dist loadfile
	$(BIN)/python -m bench.run --smoke

test-fast: setup  ## Tests without lint and without the browser
	$(BIN)/python -m pytest -n 2 -m "not browser"

bench: setup  ## Full benchmark suite (100, 1,000, 5,000 cases); appends to BENCHMARKS.md
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.build_bench --sizes 1000 5000 --serve --append

clean:
	rm -rf site .cache .pytest_cache .mypy_cache .ruff_cache
