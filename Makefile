# motcua — the two commands of the README do all set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test soak bench venv clean translations lint

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
	MOTCUA_SOAK=1 $(PY) -m pytest -q -m soak $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) -m bench

translations: $(STAMP)
	$(VENV)/bin/pyside6-lrelease resources/i18n/motcua_vi.ts -qm resources/i18n/motcua_vi.qm

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
