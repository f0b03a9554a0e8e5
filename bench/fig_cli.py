"""CLI start-up: ``modmanager --version``, ``--help`` and ``pbx list`` against ``python -c pass``.

Each command runs as the partner runs it (the installed ``modmanager`` script, a fresh
process, the data folder with the fleet for ``pbx list``); the commands take turns so that a
busy moment of the shared machine hits all of them alike. Target: at most 5 times a bare
interpreter start.
"""

from __future__ import annotations

from pathlib import Path

from bench.common import PYTHON, Figure, median, run_child
from bench.context import Context

TARGET = 5.0


def modmanager_command() -> list[str]:
    script = Path(PYTHON).parent / "modmanager"
    return [str(script)] if script.exists() else [PYTHON, "-m", "modmanager"]


def run(ctx: Context) -> list[Figure]:
    home = ctx.home(ctx.sizes.pbxs)
    env = ctx.env(home)
    modmanager = modmanager_command()
    commands = {
        "python -c pass": [PYTHON, "-c", "pass"],
        "--version": [*modmanager, "--version"],
        "--help": [*modmanager, "--help"],
        "pbx list": [*modmanager, "pbx", "list"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(ctx.sizes.cli_repeats):
        for name, command in commands.items():
            child = run_child(command, env)
            if child.returncode != 0:
                raise RuntimeError(f"{' '.join(command)} failed: {child.stderr.strip()[-200:]}")
            times[name].append(child.wall)
    baseline = median(times["python -c pass"])
    return [
        Figure(
            name=f"CLI {name}",
            value=median(times[name]),
            baseline=baseline,
            unit="s",
            target=TARGET,
            baseline_name="python -c pass",
            details={"runs": times[name], "baseline_runs": times["python -c pass"],
                     "pbxs": ctx.sizes.pbxs if name == "pbx list" else None},
        )
        for name in ("--version", "--help", "pbx list")
    ]
