"""Imports every area module of the catalogue, so each registers its codes (one line per area)."""

# ruff: noqa: F401

from __future__ import annotations

import modmanager.core.messages.backups
import modmanager.core.messages.files
import modmanager.core.messages.pbx
import modmanager.core.messages.unattended
import modmanager.core.messages.updates
