"""Fault injection for one simulated PBX.

Tests (and a curious developer in a Python shell) set faults on a running PBX to see how the
client and the update transaction cope: slow answers, refused connections, calls that hang,
connections dropped in the middle of an upload, fault answers, a PBX that restarts between two
calls, garbled answers, a module whose instances do not stay active (it fails the health check
after an update). Every fault applies a limited number of times (once unless asked otherwise)
and every firing is recorded in :attr:`FaultPlan.fired` for assertions.

The plan is shared between the test thread and the server's request threads, so every access
goes through one lock.
"""

from __future__ import annotations

import enum
import threading
from dataclasses import dataclass

from modmanager.core.protocol import EntryPoint, FaultCode

DEFAULT_HANG_SECONDS = 30.0
"""How long a "timeout" hangs: longer than any sensible client timeout, bounded for cleanup."""


class FaultKind(enum.StrEnum):
    REFUSE = "refuse"
    TIMEOUT = "timeout"
    DROP_MID_UPLOAD = "drop-mid-upload"
    FAIL = "fail"
    RESTART = "restart"
    CORRUPT = "corrupt"
    UNSTABLE = "unstable"


class CorruptMode(enum.StrEnum):
    GARBAGE = "garbage"
    """The answer body is not XML at all."""
    WRONG_TYPES = "wrong-types"
    """A well-formed answer whose numbers and flags became strings (and strings numbers)."""
    NOT_JSON = "not-json"
    """A well-formed XML-RPC answer whose ``response`` string is not JSON."""


@dataclass(frozen=True)
class FiredFault:
    kind: FaultKind
    entry_point: str


@dataclass
class _Rule:
    kind: FaultKind
    entry_point: str | None
    remaining: int | None
    """Firings left; None = always."""
    code: FaultCode = FaultCode.INTERNAL
    seconds: float = DEFAULT_HANG_SECONDS
    after_processing: bool = False
    mode: CorruptMode = CorruptMode.GARBAGE


@dataclass(frozen=True)
class Firing:
    """What the server has to do for one call (copied out of the rule under the lock)."""

    kind: FaultKind
    code: FaultCode = FaultCode.INTERNAL
    seconds: float = DEFAULT_HANG_SECONDS
    after_processing: bool = False
    mode: CorruptMode = CorruptMode.GARBAGE


class FaultPlan:
    """The faults armed on one PBX. Thread-safe; settable while the PBX runs."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[_Rule] = []
        self._latency_ms = 0
        self._refuse_connections = False
        self._fired: list[FiredFault] = []
        self._unstable: dict[str, tuple[int | None, int]] = {}
        """Module id (lower case) -> (version or None for any, exportConfig reads it stays up for)."""
        self._watched: dict[tuple[str, str], int] = {}
        """(module id, instance) activated while unstable -> exportConfig reads since."""

    # --- arming ------------------------------------------------------------------------------

    @property
    def latency_ms(self) -> int:
        """Extra delay before every answer (added to the fleet's latency)."""
        with self._lock:
            return self._latency_ms

    @latency_ms.setter
    def latency_ms(self, value: int) -> None:
        with self._lock:
            self._latency_ms = max(0, int(value))

    @property
    def refuse_connections(self) -> bool:
        """While true, every new connection is closed right after it is accepted."""
        with self._lock:
            return self._refuse_connections

    @refuse_connections.setter
    def refuse_connections(self, value: bool) -> None:
        with self._lock:
            self._refuse_connections = bool(value)

    def timeout_on(
        self,
        entry_point: EntryPoint | str,
        *,
        times: int | None = 1,
        seconds: float = DEFAULT_HANG_SECONDS,
        after_processing: bool = False,
    ) -> None:
        """Calls of ``entry_point`` hang for ``seconds`` and the connection closes unanswered.

        With ``after_processing`` the call takes effect first and only the answer is lost:
        the ambiguous case where the client cannot know whether, say, an install happened.
        """
        self._arm(_Rule(FaultKind.TIMEOUT, str(entry_point), times, seconds=seconds, after_processing=after_processing))

    def drop_mid_upload(self, *, times: int | None = 1) -> None:
        """An ``uploadChunk`` stores the first half of its data, then the connection drops."""
        self._arm(_Rule(FaultKind.DROP_MID_UPLOAD, str(EntryPoint.UPLOAD_CHUNK), times))

    def fail(
        self, entry_point: EntryPoint | str, *, times: int | None = 1, code: FaultCode = FaultCode.INTERNAL
    ) -> None:
        """Calls of ``entry_point`` answer the fault ``code`` (inside the JSON) without doing anything."""
        self._arm(_Rule(FaultKind.FAIL, str(entry_point), times, code=code))

    def restart_before(self, entry_point: EntryPoint | str, *, times: int | None = 1) -> None:
        """The PBX restarts just before a call of ``entry_point``: state is reloaded from disk
        and what the agent held in memory (the lock) is lost. The call is then served."""
        self._arm(_Rule(FaultKind.RESTART, str(entry_point), times))

    def corrupt(
        self, entry_point: EntryPoint | str, *, times: int | None = 1, mode: CorruptMode = CorruptMode.GARBAGE
    ) -> None:
        """Calls of ``entry_point`` take effect but their answer is garbled (see :class:`CorruptMode`)."""
        self._arm(_Rule(FaultKind.CORRUPT, str(entry_point), times, mode=mode))

    def unstable_instances(self, module_id: str, *, version: int | None = None, after_reads: int = 1) -> None:
        """Instances of ``module_id`` (when it runs ``version``; None: any version) do not stay active.

        An instance activated while the module is unstable still looks active to the next
        ``after_reads`` ``exportConfig`` answers (the update's own verification sees it up), then
        it stops - like a module that throws a moment after its start. The health check after an
        update catches it. Stays armed until :meth:`clear`.
        """
        if after_reads < 0:
            raise ValueError("after_reads must not be negative")
        with self._lock:
            self._unstable[module_id.lower()] = (version, after_reads)

    def clear(self) -> None:
        """Disarm everything (the record of fired faults is kept)."""
        with self._lock:
            self._unstable.clear()
            self._watched.clear()
            self._rules.clear()
            self._latency_ms = 0
            self._refuse_connections = False

    def _arm(self, rule: _Rule) -> None:
        if rule.remaining is not None and rule.remaining < 1:
            raise ValueError("times must be at least 1 (or None for always)")
        with self._lock:
            self._rules.append(rule)

    # --- observing ---------------------------------------------------------------------------

    @property
    def fired(self) -> list[FiredFault]:
        """Every fault that fired, in order."""
        with self._lock:
            return list(self._fired)

    def fired_kinds(self) -> list[FaultKind]:
        return [fault.kind for fault in self.fired]

    @property
    def armed(self) -> int:
        """How many fault rules can still fire."""
        with self._lock:
            return len(self._rules)

    # --- used by the server ------------------------------------------------------------------

    def take(self, kind: FaultKind, entry_point: str) -> Firing | None:
        """Consume one firing of ``kind`` for ``entry_point`` if armed, and record it."""
        with self._lock:
            for rule in self._rules:
                if rule.kind is kind and rule.entry_point in (None, entry_point):
                    if rule.remaining is not None:
                        rule.remaining -= 1
                        if rule.remaining == 0:
                            self._rules.remove(rule)
                    self._fired.append(FiredFault(kind, entry_point))
                    return Firing(kind, rule.code, rule.seconds, rule.after_processing, rule.mode)
        return None

    def note_activation(self, module_id: str, version: int, instance: str, active: bool) -> None:
        """The server reports every change of an instance's active flag."""
        key = (module_id.lower(), instance)
        with self._lock:
            rule = self._unstable.get(key[0])
            if active and rule is not None and rule[0] in (None, version):
                self._watched[key] = 0
            else:
                self._watched.pop(key, None)

    def falls_inactive(self, module_id: str, instance: str) -> bool:
        """Called per active instance on every exportConfig: True when this instance stops now."""
        key = (module_id.lower(), instance)
        with self._lock:
            if key not in self._watched:
                return False
            reads = self._watched[key] + 1
            rule = self._unstable.get(key[0])
            if rule is None or reads <= rule[1]:
                self._watched[key] = reads
                return False
            del self._watched[key]
            self._fired.append(FiredFault(FaultKind.UNSTABLE, f"{module_id}/{instance}"))
            return True

    def take_refusal(self) -> bool:
        with self._lock:
            if self._refuse_connections:
                self._fired.append(FiredFault(FaultKind.REFUSE, ""))
            return self._refuse_connections
