"""Entry point for ``modmanager`` and ``python -m modmanager``."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments == ["--read-worker"]:  # a frozen modmanager started as the window's read helper
        from modmanager.ops.read_worker import main as read_worker

        return read_worker()
    from modmanager.cli.main import run

    return run(arguments)


if __name__ == "__main__":
    sys.exit(main())
