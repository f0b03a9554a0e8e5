"""Imports every area module of the catalogue, so each registers its codes (one line per area)."""

from __future__ import annotations

from modmanager.core.messages import fleet_import  # noqa: F401
