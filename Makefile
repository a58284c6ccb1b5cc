# errfix_jupyter: `make demo` and `make test` work on a fresh machine with Python 3.11+, make and (for browser tests) apt.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
PORT   ?= 8888
DEMO    = .demo

.PHONY: env demo test check test-records bench lint clean

env: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,e2e,records]"
	touch $(STAMP)

## demo: JupyterLab on 127.0.0.1 with examples/demo.ipynb open and the extension loaded in every kernel
demo: env
	mkdir -p $(DEMO)/ipython/profile_default
	echo 'c.InteractiveShellApp.extensions = ["errfix_jupyter"]' > $(DEMO)/ipython/profile_default/ipython_config.py
	IPYTHONDIR=$(abspath $(DEMO))/ipython $(BIN)/jupyter lab --no-browser --ServerApp.ip=127.0.0.1 \
	  --ServerApp.port=$(PORT) --ServerApp.root_dir=$(abspath examples) --ServerApp.allow_root=True \
	  --LanguageServerManager.autodetect=False --LabApp.news_url=None $(abspath examples)/demo.ipynb

## test: the whole suite (pure, shell, widget, kernel, every record's reproducer, packaging, browser)
test: env
	$(BIN)/python -m pytest -n 2 --dist loadgroup

## check: the fast loop (no kernels, no reproducers, no browser)
check: env
	$(BIN)/python -m pytest -m "not kernel and not records and not e2e and not slow" -q

## test-records: every record's reproducer against the installed libraries
test-records: env
	$(BIN)/python -m pytest -n 2 -m records -q

lint: env
	$(BIN)/errfix validate
	$(BIN)/errfix lint

bench: env
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) $(DEMO) build dist .pytest_cache
