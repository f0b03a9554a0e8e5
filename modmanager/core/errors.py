"""Errors that carry a message a person can act on.

Every error that can reach a user is a :class:`ModManagerError`: ``message`` names the
problem in one sentence and ``hint`` says what to do next. Front ends show both and never a
traceback. Subclasses group errors by where they come from so callers can react to a kind.
Messages must never contain secrets.

Every error carries a stable ``code`` and plain-string ``params``; its sentences are written
once, in English and German, in :mod:`modmanager.core.messages`, and each front end renders them
in its language (``render_error``). ``message`` and ``hint`` hold the English text (logs,
``str(error)``): raise with the code and params only and they are filled from the catalogue.
``cause`` and ``parts`` keep embedded errors structured so they are rendered too.
:class:`Outcome` does the same for sentences that say how an operation ended.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

ERROR_JSON_VERSION = 1
"""Version marker of :func:`error_to_json`; stored statuses of another version are shown as stored."""


class ModManagerError(Exception):
    """Base of all expected errors: a one-sentence problem plus the next step.

    Args:
        message: the problem, in English.
        hint: the next step, in English.
        code: what the problem is, stable across releases ("" when no front end translates it).
        params: the variable parts of the sentence (names, versions, URLs) as plain strings.
        cause: the error this one quotes in its message ("failed (cause)").
        parts: the sub-problems this one lists, each a sentence of its own.
    """

    def __init__(
        self,
        message: str = "",
        hint: str = "",
        *,
        code: str = "",
        params: Mapping[str, str] | None = None,
        cause: ModManagerError | None = None,
        parts: tuple[ModManagerError, ...] = (),
    ) -> None:
        self.code = code
        self.params: Mapping[str, str] = dict(params or {})
        self.cause = cause
        self.parts = parts
        if not message and code:
            from modmanager.core.messages import render_error

            message, hint = render_error(self)
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



class CatalogsUnavailable(CatalogError):
    """An answer was computed without a configured catalog; the CLI exits with its own code (3)."""


class PbxError(ModManagerError):
    """A PBX or its agent answered with an error or could not be reached.

    ``code`` is the stable agent fault code (see docs/agent-protocol.md) or a client-side
    code such as ``"unreachable"``.
    """

    def __init__(
        self,
        message: str = "",
        hint: str = "",
        code: str = "error",
        *,
        params: Mapping[str, str] | None = None,
        cause: ModManagerError | None = None,
    ) -> None:
        super().__init__(message, hint, code=code, params=params, cause=cause)


class StoreError(ModManagerError):
    """Local state (data folder, credentials, backups, journal) cannot be read or written."""


class OperationError(ModManagerError):
    """A use case (update, backup, restore, recovery) failed; the message says what state remains."""


@dataclass(frozen=True)
class Outcome:
    """How an operation ended: a code and params whose sentence :mod:`~modmanager.core.messages`
    holds (``message`` is its English text, filled from there when not given)."""

    message: str = ""
    code: str = ""
    params: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.message and self.code:
            from modmanager.core.messages import render

            texts = render(self.code, self.params)
            object.__setattr__(self, "message", texts[0] if texts else self.code)

    def __str__(self) -> str:
        return self.message


_KINDS: dict[str, type[ModManagerError]] = {
    kind.__name__: kind
    for kind in (
        ModManagerError,
        InvalidModuleFile,
        InvalidVersion,
        InvalidChangelog,
        CatalogError,
        PbxError,
        StoreError,
        OperationError,
    )
}


def error_to_json(error: ModManagerError) -> dict[str, Any]:
    """The error as JSON-ready data, so a stored status can be translated when shown later."""
    data: dict[str, Any] = {
        "v": ERROR_JSON_VERSION,
        "kind": type(error).__name__ if type(error).__name__ in _KINDS else "ModManagerError",
        "message": error.message,
        "hint": error.hint,
        "code": error.code,
        "params": dict(error.params),
    }
    if error.cause is not None:
        data["cause"] = error_to_json(error.cause)
    if error.parts:
        data["parts"] = [error_to_json(part) for part in error.parts]
    return data


def error_from_json(data: object) -> ModManagerError | None:
    """The error :func:`error_to_json` wrote; None for anything else (another version, damage)."""
    if not isinstance(data, dict) or data.get("v") != ERROR_JSON_VERSION:
        return None
    message, hint, code, params = data.get("message"), data.get("hint"), data.get("code"), data.get("params")
    if not (isinstance(message, str) and isinstance(hint, str) and isinstance(code, str)):
        return None
    if not isinstance(params, dict) or not all(isinstance(v, str) for v in params.values()):
        return None
    cause = error_from_json(data["cause"]) if "cause" in data else None
    raw_parts = data.get("parts", [])
    parts = tuple(part for part in map(error_from_json, raw_parts if isinstance(raw_parts, list) else []) if part)
    kind = _KINDS.get(str(data.get("kind")), ModManagerError)
    if kind is PbxError:
        return PbxError(message, hint, code, params=params, cause=cause)
    return kind(message, hint, code=code, params=params, cause=cause, parts=parts)
