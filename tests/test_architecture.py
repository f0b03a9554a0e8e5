"""The layers of docs/architecture.md, enforced: dependencies point inward.

Reads every module's import statements (no importing, so nothing runs) and checks them
against the allowed layers. ``core`` may use no Qt, no network library and nothing of ours
outside ``core``; only ``gui`` may import Qt. ``ops`` neither starts simulated PBXs nor changes
the process environment: the demo's wiring (``demo_start``) is the front ends' start-up.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "modmanager"

# What each layer may import from modmanager (besides itself).
ALLOWED = {
    "core": set(),
    "pbx": {"core", "store"},
    "store": {"core"},
    "catalog": {"core", "store"},
    "ops": {"core", "pbx", "store", "catalog"},
    "simulator": {"core", "catalog", "store", "pbx"},
    "demo_start": {"core", "pbx", "store", "catalog", "ops", "simulator"},
    "cli": {"core", "pbx", "store", "catalog", "ops", "simulator", "cli", "gui", "demo_start"},
    "gui": {"core", "pbx", "store", "catalog", "ops", "simulator", "demo_start"},
}
NETWORK_OR_GUI = ("PySide6", "requests", "urllib3", "socket", "http", "ssl", "keyring")


def imports_of(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def modules_in(layer: str) -> list[Path]:
    """The files of a layer: a package, or a single module (``demo_start.py``)."""
    if (PACKAGE / layer).is_dir():
        return sorted((PACKAGE / layer).rglob("*.py"))
    return [PACKAGE / f"{layer}.py"]


def test_every_layer_exists() -> None:
    assert all(modules_in(layer) and all(path.is_file() for path in modules_in(layer)) for layer in ALLOWED)


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layers_only_import_inward(layer: str) -> None:
    problems = []
    for path in modules_in(layer):
        for name in imports_of(path):
            parts = name.split(".")
            if parts[0] == "modmanager" and len(parts) > 1 and parts[1] in ALLOWED:
                target = parts[1]
                if target != layer and target not in ALLOWED[layer]:
                    problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
            if parts[0] == "PySide6" and layer != "gui":
                problems.append(f"{path.relative_to(PACKAGE)} imports Qt ({name})")
    assert problems == []


def test_core_has_no_qt_and_no_network() -> None:
    problems = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in modules_in("core")
        for name in imports_of(path)
        if name.split(".")[0] in NETWORK_OR_GUI
    ]
    assert problems == []


def test_importing_core_loads_no_qt_and_no_network_library() -> None:
    code = (
        "import sys, pkgutil, importlib, modmanager.core as core\n"
        "for info in pkgutil.iter_modules(core.__path__):\n"
        "    importlib.import_module('modmanager.core.' + info.name)\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'requests', 'urllib3'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_ops_never_imports_the_simulator() -> None:
    """Use cases work on real and simulated PBXs alike; starting simulated ones is the front ends' job."""
    problems = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in modules_in("ops")
        for name in imports_of(path)
        if name.startswith("modmanager.simulator")
    ]
    assert problems == []


def environment_writes(path: Path) -> list[str]:
    """Places that change ``os.environ`` (assignment, deletion, a mutating method) or call ``os.putenv``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))

    def is_environ(node: ast.AST) -> bool:
        return (isinstance(node, ast.Attribute) and node.attr == "environ") or (
            isinstance(node, ast.Name) and node.id == "environ"
        )

    found: list[str] = []
    for node in ast.walk(tree):
        targets: list[ast.AST] = []
        if isinstance(node, ast.Assign | ast.AugAssign | ast.Delete):
            targets = list(node.targets) if isinstance(node, ast.Assign | ast.Delete) else [node.target]
        if any(isinstance(target, ast.Subscript) and is_environ(target.value) for target in targets):
            found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            mutating = node.func.attr in ("update", "setdefault", "pop", "popitem", "clear")
            if (mutating and is_environ(node.func.value)) or node.func.attr in ("putenv", "unsetenv"):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def test_ops_never_changes_the_process_environment() -> None:
    assert [place for path in modules_in("ops") for place in environment_writes(path)] == []


def test_the_environment_check_finds_what_it_looks_for() -> None:
    """The demo's start-up does point MODMANAGER_HOME at its folder: the check must see that."""
    assert environment_writes(PACKAGE / "demo_start.py")


GUI_MODULE_MAX_LINES = 600


def test_no_gui_module_is_a_room_for_everything() -> None:
    """One room, one job: a GUI module past 600 lines holds flows that belong in views, flows or dialogs."""
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in modules_in("gui")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > GUI_MODULE_MAX_LINES
    }
    assert long == {}
