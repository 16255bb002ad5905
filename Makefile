# motcua — the two commands of the README do all set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test soak bench venv clean translations lint dist dist-test screenshots screenshots-all

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

# The counter app on an embedded SQLite with the demo catalog and simulated devices.
run: export QT_QPA_PLATFORM := $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)
run: $(STAMP)
	$(VENV)/bin/motcua demo seed
	$(VENV)/bin/motcua counter

test: $(STAMP)
	$(VENV)/bin/ruff check -q app ui printing devices sync bench tests scripts
	$(PY) -m pytest -q -n 2 --dist loadgroup $(PYTEST_ARGS)

# The long reliability runs: 1,000 kill -9 trials, 1,000 dossiers at 30 % faults, the sync state machine's
# long examples (the tests marked soak read MOTCUA_SOAK=1 and grow). Not part of `make test`'s time budget.
soak: $(STAMP)
	MOTCUA_SOAK=1 $(PY) -m pytest -q -m soak --timeout=0 $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) -m bench

# Every catalog: resources/i18n/motcua*_vi.ts -> .qm (tests/ui/test_i18n.py fails when a .qm is stale).
translations: $(STAMP)
	for ts in resources/i18n/motcua*_vi.ts; do $(VENV)/bin/pyside6-lrelease -silent "$$ts" -qm "$${ts%.ts}.qm" || exit 1; done

DIST_STAMP := $(VENV)/.dist-installed
$(DIST_STAMP): pyproject.toml $(STAMP)
	$(PY) -m pip install -q -e '.[dist]'
	touch $(DIST_STAMP)

# The PyInstaller one-folder build (dist/motcua/): see docs/windows-build.md.
dist: $(DIST_STAMP) translations
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN build.spec
	@du -sm dist/motcua | awk '{print "dist/motcua: " $$1 " MB"}'

# Build, then start the built program (tests/test_dist.py: counter window, --version, db upgrade, print receipt).
dist-test: dist
	$(PY) -m pytest -q tests/test_dist.py

# The manual's screenshots (docs/manual/img/, committed) from the real windows with demo data, under Xvfb;
# screenshots-all: every registered screen and dialog at each size, to look at (build/screenshots/).
SHOT := QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1920x24" $(PY) -m ui.screenshots
screenshots: $(STAMP)
	$(SHOT) --manual-only --out docs/manual/img
screenshots-all: $(STAMP)
	$(SHOT) --out build/screenshots

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
