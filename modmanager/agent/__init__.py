"""The modmanager agent module (``.sfm``) that runs on a PBX, shipped as package data.

The file is built from the Java sources in ``agent/`` by ``agent/build.sh`` (run by
``scripts/bootstrap.sh``), which copies it here as ``modmanager-agent.sfm``; it is not kept in
git. What the agent does on the PBX is ``docs/agent-protocol.md``; how it is built and which
STARFACE members it uses is ``agent/README.md``.
"""

from __future__ import annotations

from pathlib import Path

from modmanager.core.errors import ModManagerError

AGENT_MODULE_ID = "4f1c9e2a-7b3d-4a5e-8c6f-0d2b9a1e3c57"
"""The agent module's own id (its ``ObjectId``), the same in every release."""

AGENT_MODULE_FILE = "modmanager-agent.sfm"


def agent_module_path() -> Path:
    """The bundled agent ``.sfm``.

    Raises:
        ModManagerError: the file was never built (a source checkout without a JDK).
    """
    path = Path(__file__).resolve().parent / AGENT_MODULE_FILE
    if not path.is_file():
        raise ModManagerError(
            code="agent_not_built",
        )
    return path
