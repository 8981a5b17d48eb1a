VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint venv clean bench xcheck i18n

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
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests

# The Chinese interface: collect the window's texts into studio/resources/i18n/studio_zh_CN.ts
# (keeping its translations, filling new ones from i18n/parts/*.json) and build the .qm the window
# loads; tests/i18n/test_catalog.py fails while the committed files are not current.
i18n: $(STAMP)
	$(PY) studio/resources/make_translations.py

bench: $(STAMP)
	for f in benchmarks/*.py; do QT_QPA_PLATFORM=offscreen $(PY) $$f || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info

# The real window under Xvfb with Qt's xcb plugin (needs the README's apt-get list plus xvfb x11-apps):
# starts the studio, waits for it to draw, saves a screenshot to out/x11.xwd and closes it.
xcheck: $(STAMP)
	mkdir -p out
	QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" sh -c '\
	  $(VENV)/bin/cnn-studio & pid=$$!; \
	  $(PY) -c "import time; time.sleep(20)"; \
	  kill -0 $$pid || { echo "the studio did not stay up under xcb: see its message above"; exit 1; }; \
	  xwd -root -silent > out/x11.xwd; kill $$pid; wait $$pid; true'
	@echo "screenshot: out/x11.xwd (view with: display out/x11.xwd, or convert it to PNG)"

# Every image of README.md and docs/ from the real main window (cnn-studio gui ... --screenshot)
docs-images: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) docs/make_images.py
