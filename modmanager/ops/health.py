"""The health check after an update: does the module really run as it should?

Right after the settings are written and the instances activated, the update verifies by
reading back (:func:`modmanager.ops.converge.verify`). The health check looks again after
the module had a moment to start (``health_check_seconds``; with 0 the next round trip), as a
separate step of the transaction, and a failed check rolls the update back like any failed
step. It is one ``exportConfig`` - the same read ``verify`` makes, a second time, because a
module that fails a moment after its start still looks well to the first:

1. ``agent`` - the agent answers (any answer of the agent; only no answer at all fails it);
2. ``version`` - the PBX runs the module at the target version (``exportConfig`` names the
   installed version, as ``listModules`` does);
3. ``instances-active`` - every instance that was active before the update is active;
4. ``settings`` - each instance's configuration reads back as restored;
5. ``instance-log`` - no new error in an instance's log since the update. The agent protocol
   has no entry point to read an instance's log, so this check is reported as *not checked*;
   an agent that can read logs would make it a real check without changing the others.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from modmanager.core.errors import ModManagerError, OperationError
from modmanager.core.protocol import ModuleConfig
from modmanager.ops.converge import ModuleTarget
from modmanager.pbx.client import FAULT_ERRORS, AgentClient


class CheckName(enum.StrEnum):
    AGENT = "agent"
    VERSION = "version"
    INSTANCES_ACTIVE = "instances-active"
    SETTINGS = "settings"
    INSTANCE_LOG = "instance-log"


@dataclass(frozen=True)
class HealthCheck:
    """One check: passed (True), failed (False) or not checked (None), with an English sentence.

    A failed check has a ``code`` and ``params`` whose sentence core/messages holds; its English
    ``message`` is filled from there.
    """

    name: CheckName
    passed: bool | None
    message: str
    code: str = ""
    params: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.message and self.code:
            object.__setattr__(self, "message", ModManagerError(code=self.code, params=self.params).message)

    def to_json(self) -> dict[str, Any]:
        return {"check": self.name.value, "passed": self.passed, "message": self.message, "code": self.code}


@dataclass(frozen=True)
class HealthReport:
    checks: tuple[HealthCheck, ...]

    @property
    def ok(self) -> bool:
        return all(check.passed is not False for check in self.checks)

    @property
    def failed(self) -> tuple[HealthCheck, ...]:
        return tuple(check for check in self.checks if check.passed is False)

    def to_json(self) -> list[dict[str, Any]]:
        return [check.to_json() for check in self.checks]

    def error(self) -> OperationError:
        """The error that rolls the update back; it names every failed check."""
        failed = self.failed
        first = failed[0]
        text = "; ".join(check.message for check in failed)
        return OperationError(
            code="health_check_failed",
            params={"check": first.name.value, "detail": text},
            parts=tuple(ModManagerError(code=check.code, params=check.params) for check in failed),
        )


INSTANCE_LOG_UNREADABLE = (
    "the agent cannot read instance logs (the agent protocol has no entry point for them), so no log was checked"
)


_AGENT_ANSWERED = frozenset(
    set(FAULT_ERRORS.values()) - {"auth_failed", "agent_missing"}
) | {"bad_answer", "agent_error"}
"""Error codes that mean the agent itself answered (with a fault or something unreadable);
any other error (no connection, no agent, a refused login) means it does not answer."""


def check_health(
    client: AgentClient,
    target: ModuleTarget,
    *,
    delay_seconds: float = 0.0,
    wait: Callable[[float], object] | None = None,
) -> HealthReport:
    """Run every check against ``target`` (what the update made the PBX look like); never raises.

    ``delay_seconds`` is waited first so a module that fails a moment after its start is caught.
    """
    if delay_seconds > 0:
        (wait or threading.Event().wait)(delay_seconds)
    checks: list[HealthCheck] = []
    try:
        config = client.export_config(target.module_id)
    except ModManagerError as error:
        cause = error.message.rstrip(".")
        if error.code == "module_not_found":
            checks.append(HealthCheck(CheckName.AGENT, True, "the agent answers"))
            checks.append(
                HealthCheck(CheckName.VERSION, False, "", "health_module_missing", {})
            )
            checks.extend(_not_checked(name, "the module is not installed") for name in _AFTER_VERSION)
        elif error.code in _AGENT_ANSWERED:
            checks.append(HealthCheck(CheckName.AGENT, True, "the agent answers"))
            checks.append(_not_checked(CheckName.VERSION, "the configuration could not be read"))
            checks.append(
                HealthCheck(
                    CheckName.INSTANCES_ACTIVE,
                    False,
                    "",
                    "health_config_unreadable",
                    {"cause": cause},
                )
            )
            checks.append(_not_checked(CheckName.SETTINGS, "the configuration could not be read"))
        else:
            checks.append(
                HealthCheck(
                    CheckName.AGENT,
                    False,
                    "",
                    "health_agent_silent",
                    {"cause": cause},
                )
            )
            checks.extend(_not_checked(name, "the agent did not answer") for name in _AFTER_AGENT)
        checks.append(_log_not_checked())
        return HealthReport(tuple(checks))
    checks.append(HealthCheck(CheckName.AGENT, True, "the agent answers"))
    checks.append(_version(config, target))
    checks.extend(_configuration(config, target))
    checks.append(_log_not_checked())
    return HealthReport(tuple(checks))


_AFTER_AGENT = (CheckName.VERSION, CheckName.INSTANCES_ACTIVE, CheckName.SETTINGS)
_AFTER_VERSION = (CheckName.INSTANCES_ACTIVE, CheckName.SETTINGS)


def _not_checked(name: CheckName, why: str) -> HealthCheck:
    return HealthCheck(name, None, f"not checked: {why}")


def _log_not_checked() -> HealthCheck:
    return HealthCheck(CheckName.INSTANCE_LOG, None, INSTANCE_LOG_UNREADABLE, "health_log_unreadable")


def _version(config: ModuleConfig, target: ModuleTarget) -> HealthCheck:
    if config.version != target.version:
        return HealthCheck(
            CheckName.VERSION,
            False,
            "",
            "health_wrong_version",
            {"found": str(config.version), "version": str(target.version)},
        )
    return HealthCheck(CheckName.VERSION, True, f"the PBX runs v{target.version}")


def _configuration(config: ModuleConfig, target: ModuleTarget) -> list[HealthCheck]:
    inactive = []
    differ = []
    for instance in target.instances:
        actual = config.instance(instance.name)
        if instance.active and (actual is None or not actual.active):
            inactive.append(instance.name)
        if actual is None or any(actual.values.get(key) != value for key, value in instance.values.items()):
            differ.append(instance.name)
    expected_active = [instance.name for instance in target.instances if instance.active]
    if inactive:
        active = HealthCheck(
            CheckName.INSTANCES_ACTIVE,
            False,
            "",
            "health_instance_inactive",
            {"instances": ", ".join(inactive)},
        )
    else:
        active = HealthCheck(
            CheckName.INSTANCES_ACTIVE, True, f"{len(expected_active)} active instance(s) are active"
        )
    if differ:
        settings = HealthCheck(
            CheckName.SETTINGS,
            False,
            "",
            "health_settings_differ",
            {"instances": ", ".join(differ)},
        )
    else:
        settings = HealthCheck(
            CheckName.SETTINGS, True, f"{len(target.instances)} instance configuration(s) read back as restored"
        )
    return [active, settings]
