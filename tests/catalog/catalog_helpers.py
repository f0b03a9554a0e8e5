"""Test helpers: vendor trees built from real .sfm bytes (``build_sfm``) in tmp_path."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from modmanager.core.sfmbuild import ModuleSpec, build_sfm, example_spec

OTHER_MODULE_ID = "9d0c4b2a-1e3f-4a5b-8c7d-6e5f4a3b2c1d"


def spec(version: int, **changes: object) -> ModuleSpec:
    """The example module at ``version``, optionally changed (e.g. a description for an NFR build)."""
    return dataclasses.replace(example_spec(version), **changes)  # type: ignore[arg-type]


def put(root: Path, relative: str, data: bytes) -> Path:
    """Write ``data`` at ``root/relative`` (folders created)."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def put_sfm(root: Path, relative: str, module: ModuleSpec) -> Path:
    return put(root, relative, build_sfm(module))
