VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint venv clean bench

$(PY):
	python3 -m venv $(VENV)
	-$(PY) -m pip install -q --upgrade pip

$(STAMP): $(PY) pyproject.toml
	$(PY) -m pip install -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/cnn-studio

lint: $(STAMP)
	$(PY) -m ruff check studio tests benchmarks

test: lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests

bench: $(STAMP)
	for f in benchmarks/*.py; do QT_QPA_PLATFORM=offscreen $(PY) $$f || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info
