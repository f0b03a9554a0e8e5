"""Imports every area module of the catalogue, so each registers its codes (one line per area)."""

# isort: skip_file
from __future__ import annotations

from modmanager.core.messages import backups  # noqa: F401
from modmanager.core.messages import catalogs  # noqa: F401
from modmanager.core.messages import cli  # noqa: F401
from modmanager.core.messages import files  # noqa: F401
from modmanager.core.messages import fleet_import  # noqa: F401
from modmanager.core.messages import gui  # noqa: F401
from modmanager.core.messages import modules  # noqa: F401
from modmanager.core.messages import ops  # noqa: F401
from modmanager.core.messages import pbx  # noqa: F401
from modmanager.core.messages import rollout  # noqa: F401
from modmanager.core.messages import store  # noqa: F401
from modmanager.core.messages import unattended  # noqa: F401
from modmanager.core.messages import updates  # noqa: F401
from modmanager.core.messages import versions  # noqa: F401
