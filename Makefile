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

## demo: JupyterLab on 127.0.0.1 that opens examples/demo.ipynb, with the extension loaded in every kernel
demo: env
	mkdir -p $(DEMO)/ipython/profile_default $(DEMO)/settings/@jupyterlab/apputils-extension
	echo 'c.InteractiveShellApp.extensions = ["errfix_jupyter"]' > $(DEMO)/ipython/profile_default/ipython_config.py
	echo '{"fetchNews": "false", "checkForUpdates": false}' > $(DEMO)/settings/@jupyterlab/apputils-extension/notification.jupyterlab-settings
	@TOKEN=$$($(BIN)/python -c "import secrets; print(secrets.token_hex(16))"); \
	echo ""; echo "  errfix demo: http://127.0.0.1:$(PORT)/lab/tree/demo.ipynb?token=$$TOKEN"; echo ""; \
	IPYTHONDIR=$(abspath $(DEMO))/ipython JUPYTERLAB_SETTINGS_DIR=$(abspath $(DEMO))/settings \
	  $(BIN)/jupyter lab --no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) --ServerApp.port_retries=0 \
	  --IdentityProvider.token=$$TOKEN --ServerApp.root_dir=$(abspath examples) --ServerApp.allow_root=True \
	  --ServerApp.default_url=/lab/tree/demo.ipynb --LanguageServerManager.autodetect=False --LabApp.news_url=None

## test: types, lint, and the whole suite (pure, shell, widget, kernel, every record's reproducer and fix, packaging, browser)
test: env
	$(BIN)/python -m mypy
	$(BIN)/python -m ruff check errfix_jupyter tests dev benchmarks
	$(BIN)/python -m pytest -n 2 --dist loadgroup

## check: the fast loop: types, lint, and the tests without kernels, reproducers or browser
check: env
	$(BIN)/python -m mypy
	$(BIN)/python -m ruff check errfix_jupyter tests dev benchmarks
	$(BIN)/python -m pytest -n 2 -m "not kernel and not records and not e2e and not slow" -q

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
