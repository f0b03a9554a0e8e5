"""Errors that carry a message a person can act on.

Every error that can reach a user is a :class:`ModManagerError`: ``message`` names the
problem in one sentence and ``hint`` says what to do next. Front ends show both and never a
traceback. Subclasses group errors by where they come from so callers can react to a kind.
Messages must never contain secrets.
"""

from __future__ import annotations


class ModManagerError(Exception):
    """Base of all expected errors: a one-sentence problem plus the next step."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class InvalidModuleFile(ModManagerError):
    """An .sfm file that cannot be read or is not trustworthy."""


class InvalidVersion(ModManagerError):
    """A STARFACE release number or range that cannot be parsed."""


class InvalidChangelog(ModManagerError):
    """A changelog that cannot be parsed."""


class CatalogError(ModManagerError):
    """A catalog that is malformed, unsigned, tampered with or unreachable."""


class PbxError(ModManagerError):
    """A PBX or its agent answered with an error or could not be reached.

    ``code`` is the stable agent fault code (see docs/agent-protocol.md) or a client-side
    code such as ``"unreachable"``.
    """

    def __init__(self, message: str, hint: str = "", code: str = "error") -> None:
        super().__init__(message, hint)
        self.code = code


class StoreError(ModManagerError):
    """Local state (data folder, credentials, backups, journal) cannot be read or written."""


class OperationError(ModManagerError):
    """A use case (update, backup, restore, recovery) failed; the message says what state remains."""
