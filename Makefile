# The two commands of the README. Both set up what a fresh machine lacks first.
.PHONY: demo test lint setup

setup:
	@bash scripts/bootstrap.sh

demo: setup
	.venv/bin/modmanager --demo

test: setup
	QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -n 2 -q

lint: setup
	.venv/bin/ruff check modmanager tests bench scripts
	.venv/bin/mypy modmanager
