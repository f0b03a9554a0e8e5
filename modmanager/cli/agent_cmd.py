"""``modmanager agent export FILE``: write the modmanager agent module (``.sfm``) for the PBX.

modmanager manages a PBX through its agent module, which has to be installed once in the
STARFACE admin interface (``docs/agent-install.en.md`` / ``.de.md``). The module file ships with
modmanager (``modmanager.agent.agent_module_path()``, built by ``make setup``); this command
writes a copy where the user can pick it up for the upload.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from modmanager.cli.output import add_json_flag, emit
from modmanager.core.errors import InvalidModuleFile, ModManagerError
from modmanager.core.sfm import read_sfm
from modmanager.store.atomic import read_bytes_limited, write_atomic

DEFAULT_FILE_NAME = "modmanager-agent.sfm"
_MAX_AGENT_BYTES = 50 * 1024 * 1024


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``agent`` to the top-level parser."""
    agent = subparsers.add_parser("agent", help="the modmanager agent module for the PBX")
    commands = agent.add_subparsers(dest="agent_command", metavar="COMMAND", required=True)
    export = commands.add_parser(
        "export",
        help="write the agent module (.sfm) to install in the STARFACE admin interface",
        description="Write the modmanager agent module to FILE (or into the folder FILE). "
        "Install it as described in docs/agent-install.en.md.",
    )
    export.add_argument("file", type=Path, metavar="FILE", help="where to write the .sfm (a file or a folder)")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    add_json_flag(export)
    export.set_defaults(handler=_export)


def shipped_agent_module() -> Path:
    """The agent module this installation ships; a one-sentence error when there is none."""
    try:
        from modmanager.agent import agent_module_path  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        raise _not_built() from None
    path = Path(agent_module_path())
    if not path.is_file():
        raise _not_built()
    return path


def _export(args: argparse.Namespace) -> int:
    source = shipped_agent_module()
    try:
        data = read_bytes_limited(source, _MAX_AGENT_BYTES)
        module = read_sfm(data, source=source.name)
    except (OSError, InvalidModuleFile):
        raise _not_built() from None
    target: Path = args.file
    if target.is_dir():
        target = target / DEFAULT_FILE_NAME
    if target.exists() and not args.force:
        raise ModManagerError(code="file_exists", params={"file": str(target)})
    write_atomic(target, data, mode=0o644)
    descriptor = module.descriptor
    emit(
        args,
        f"Wrote {descriptor.name} v{descriptor.version} to {target}. Install it in the STARFACE admin interface "
        "(Module > Modul-Library > Modul importieren), create its instance with an agent secret, then add the PBX: "
        "see docs/agent-install.en.md.",
        {
            "file": str(target),
            "moduleId": descriptor.id,
            "name": descriptor.name,
            "version": descriptor.version,
            "sha256": module.sha256,
        },
    )
    return 0


def _not_built() -> ModManagerError:
    return ModManagerError(code="agent_not_built")
