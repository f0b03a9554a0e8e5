"""Writing the audit trail from the use cases that change a PBX.

:func:`record` fills in the PBX's customer, adds the context of the caller (a scheduled job
sets ``job`` and ``origin`` with :func:`audit_context`) and never raises: the change it
records has already happened, and failing the update now would misreport it. A row that could
not be written is logged as an error instead.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any

from modmanager.core.errors import ModManagerError
from modmanager.core.migration import Migration
from modmanager.core.sfm import ConfigSchema
from modmanager.ops.services import Services
from modmanager.store.audit import AuditEvent, AuditOutcome, AuditRecord, InstanceChange

log = logging.getLogger(__name__)

_CONTEXT: contextvars.ContextVar[Mapping[str, Any] | None] = contextvars.ContextVar("audit_context", default=None)

OUTCOME_OF_CODE: Mapping[str, AuditOutcome] = {
    "update_rolled_back": AuditOutcome.ROLLED_BACK,
    "update_kept_new_version": AuditOutcome.KEPT_NEW,
    "update_installed_second_attempt": AuditOutcome.KEPT_NEW,
    "update_not_rolled_back": AuditOutcome.NOT_FINISHED,
    "update_not_finished": AuditOutcome.NOT_FINISHED,
}
"""How a failed update ended, by the code of the error ``run_update`` raised; others are FAILED."""


@contextlib.contextmanager
def audit_context(**detail: Any) -> Iterator[None]:
    """Add ``detail`` (e.g. ``origin="schedule", job="ab12cd34"``) to every row recorded inside."""
    token = _CONTEXT.set({**(_CONTEXT.get() or {}), **detail})
    try:
        yield
    finally:
        _CONTEXT.reset(token)


def record(services: Services, event: AuditEvent) -> AuditRecord | None:
    """Append ``event``; the customer is looked up when not given. Never raises."""
    try:
        customer = event.customer
        if not customer and event.pbx:
            with contextlib.suppress(ModManagerError):
                customer = services.inventory.get(event.pbx).customer
        context = _CONTEXT.get()
        detail = {**context, **event.detail} if context else dict(event.detail)
        return services.audit.append(replace(event, customer=customer, detail=detail))
    except Exception:  # the change happened; say loudly that it is not on record
        log.exception("the audit trail could not record %s on %s", event.action, event.pbx)
        return None


def instance_changes(
    migrations: Sequence[tuple[str, Migration]], new_schema: ConfigSchema | None
) -> tuple[InstanceChange, ...]:
    """Per instance which settings were carried, dropped or new - by variableId, never with values.

    The default of a new setting is kept (it is what the instance now has), except for password
    inputs.
    """
    changes = []
    for name, migration in migrations:
        new: list[tuple[str, str]] = []
        for item in migration.added:
            spec = new_schema.get(item.variable_id) if new_schema is not None else None
            secret = spec is not None and spec.is_secret
            default = "" if secret or item.new_value is None else _shown(item.new_value)
            new.append((item.variable_id, default))
        every = (*migration.carried, *migration.dropped, *migration.added)
        labels = tuple((item.variable_id, item.label) for item in every if item.label not in ("", item.variable_id))
        changes.append(
            InstanceChange(
                name=name,
                carried=tuple(item.variable_id for item in migration.carried),
                dropped=tuple(item.variable_id for item in migration.dropped),
                new=tuple(new),
                labels=labels,
            )
        )
    return tuple(changes)


def outcome_of(error: ModManagerError) -> AuditOutcome:
    return OUTCOME_OF_CODE.get(error.code, AuditOutcome.FAILED)


def root_code(error: ModManagerError) -> str:
    """The most specific code: the innermost cause that has one."""
    code = error.code
    current: ModManagerError | None = error.cause
    while current is not None:
        if current.code:
            code = current.code
        current = current.cause
    return code or "error"


def error_detail(error: ModManagerError) -> dict[str, Any]:
    """The error for a row's detail: its English message, code and params (no secrets by rule)."""
    detail: dict[str, Any] = {"message": error.message, "code": error.code}
    if error.params:
        detail["params"] = dict(error.params)
    return detail


def _shown(value: object) -> str:
    """A default value as the module writes it: flags as ``true``/``false``, the rest as text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
