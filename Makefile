# dateline: `make run` (set up, ingest the examples, serve the UI) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= dateline.db
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run test bench scores quality-baseline lint browser clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

# Debian's Chromium for the browser tests; never a browser download of a test tool.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium not installed: browser tests will be skipped (apt-get install chromium)"; fi; }

# The seeds are ingested too where ../shared is present (they are not copied into the repo).
SEEDS := $(wildcard ../shared/data/seeds)

run: setup
	$(BIN)/dateline ingest --db $(DB) examples/ $(SEEDS)
	$(BIN)/dateline serve --db $(DB) --host $(HOST) --port $(PORT)

test: setup browser
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

bench: setup
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/length_scaling.py
	$(BIN)/python bench/api_load.py
	$(BIN)/python bench/stories_scaling.py
	$(BIN)/python bench/spark_ingest.py

scores: setup
	$(BIN)/python bench/scores.py

# Pin the development figures the quality gate (tests/test_quality_gate.py) holds the code to.
quality-baseline: setup
	$(BIN)/python bench/scores.py --write-baseline

lint: setup
	$(BIN)/ruff check src tests bench

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache

# The quotes stage's learned cue table, counted from PolNeAR train (see dateline.quotes.train).
POLNEAR ?= ../shared/data/polnear/train
.PHONY: train-quotes
train-quotes: setup
	$(BIN)/python -m dateline.quotes.train $(POLNEAR) src/dateline/data/quotes/cue_model.json

# The events stage's verb table, derived from the CAMEO verb dictionary and CAMEO2PLOVER
# (see dateline.events.train); rebuilds the shipped file byte for byte.
PETRARCH ?= ../shared/data/petrarch2/CAMEO.2.0.txt
CAMEO2PLOVER ?= ../shared/data/plover-gsr/CAMEO2PLOVER-2021.txt
.PHONY: train-events
train-events: setup
	$(BIN)/python -m dateline.events.train $(PETRARCH) $(CAMEO2PLOVER) src/dateline/data/events/cameo_verbs.tsv

# The actors' reference base, derived from the PETRARCH2 actor and agent dictionaries
# (see dateline.actors.train); rebuilds the shipped file byte for byte.
PETRARCH_DIR ?= ../shared/data/petrarch2
.PHONY: train-actors
train-actors: setup
	$(BIN)/python -m dateline.actors.train $(PETRARCH_DIR) src/dateline/data/actors/reference.tsv

# The clean stage's learned line model, fitted on furniture-dev and PolNeAR train articles
# wrapped in generated furniture and in furniture-dev's real furniture (see dateline.clean.train);
# rebuilds the shipped file byte for byte.
FURNITURE ?= ../shared/data/furniture-dev
.PHONY: train-clean
train-clean: setup
	$(BIN)/python -m dateline.clean.train $(FURNITURE) $(POLNEAR) src/dateline/data/clean/line_model.json

# The usual gender of first names, learned from PolNeAR train's own honorifics, gendered nouns
# and pronouns (see dateline.actors.train_gender); rebuilds the shipped file byte for byte.
.PHONY: train-gender
train-gender: setup
	$(BIN)/python -m dateline.actors.train_gender $(POLNEAR) src/dateline/data/actors/first_names.tsv
