"""The fault matrix of the update transaction: cases, fault arming, end-state classification.

The product promises that an update either keeps the old state or reaches the new one with
the settings restored, whatever fails and wherever. This module turns that promise into
checkable pieces shared by ``test_fault_matrix.py`` and ``test_killed_client.py``:

* :data:`SCENARIOS` - what is updated (the module whose settings the PBX wipes on upload, the
  one without internal database, a fresh install) and the two end states that are allowed;
* :func:`matrix` - every step x every fault the simulator can inject, as :class:`Case`;
* :class:`Interceptor` - a wrapper around the simulated PBX's request handler for the two
  things its fault plan cannot do: "connections are refused from this call on" and "the PBX
  lost an instance while installing" (to reach ``createInstance`` during an update);
* :func:`classify` - "old-intact", "new-restored" or "LOST" for a PBX state.
"""

from __future__ import annotations

import copy
import enum
import itertools
import re
import shutil
import threading
import xmlrpc.client
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from modmanager.core.protocol import EntryPoint
from modmanager.core.sfmbuild import ModuleSpec
from modmanager.simulator.faults import CorruptMode
from modmanager.simulator.server import SimulatedPbx
from modmanager.simulator.state import UPLOADS_DIR, SimModule, SimPbx, load_pbx, save_pbx
from modmanager.store.journal import Journal
from tests.ops.world import MODULE_A, MODULE_B, MODULE_C, spec_a, spec_b, spec_c

OLD_INTACT = "old-intact"
NEW_RESTORED = "new-restored"
LOST = "LOST"

STEPS: tuple[EntryPoint, ...] = (
    EntryPoint.SYSTEM_INFO,
    EntryPoint.LIST_MODULES,
    EntryPoint.EXPORT_CONFIG,
    EntryPoint.GET_DESCRIPTOR,
    EntryPoint.ACQUIRE_LOCK,
    EntryPoint.UPLOAD_BEGIN,
    EntryPoint.UPLOAD_CHUNK,
    EntryPoint.UPLOAD_STATUS,
    EntryPoint.UPLOAD_COMMIT,
    EntryPoint.INSTALL_UPLOADED,
    EntryPoint.CREATE_INSTANCE,
    EntryPoint.IMPORT_CONFIG,
    EntryPoint.SET_INSTANCE_ACTIVE,
    EntryPoint.RELEASE_LOCK,
)
"""The entry points an update calls, in the order it first calls them."""


class Fault(enum.StrEnum):
    """Every fault the simulator can inject, as one matrix column each."""

    FAIL_ONCE = "fail-once"
    FAIL_ALWAYS = "fail-always"
    TIMEOUT_BEFORE = "timeout-before"
    TIMEOUT_AFTER = "timeout-after"
    """The call takes effect and only the answer is lost: the ambiguous case."""
    DROP_MID_UPLOAD = "drop-mid-upload"
    RESTART_BEFORE = "restart-before"
    CORRUPT = "corrupt"
    """The call takes effect; its answer is not XML."""
    CORRUPT_TYPES = "corrupt-types"
    """The call takes effect; its answer is JSON whose numbers and flags became strings."""
    REFUSE_FROM_HERE = "refuse-from-here"
    """The PBX goes away at this call: it and every later connection get no answer."""


UPLOAD_ONLY_FAULTS = frozenset({Fault.DROP_MID_UPLOAD})


@dataclass(frozen=True)
class Scenario:
    """One kind of update and the two end states that keep every setting."""

    name: str
    module_id: str
    old_spec: ModuleSpec | None
    """None for a fresh install."""
    new_spec: ModuleSpec
    fresh_instance_name: str = ""
    """The instance a fresh install creates (named after the module, as the update does)."""

    @property
    def is_fresh_install(self) -> bool:
        return self.old_spec is None

    def steps(self) -> tuple[EntryPoint, ...]:
        """The steps ``run_update`` reaches. It takes the system facts and the installed form from
        the preview (faults there: :func:`preview_matrix`); an update checks the installed version
        with the backup's ``exportConfig``, a fresh install with ``listModules``."""
        skipped = {EntryPoint.SYSTEM_INFO, EntryPoint.GET_DESCRIPTOR}
        if not self.is_fresh_install:
            skipped.add(EntryPoint.LIST_MODULES)
        return tuple(step for step in STEPS if step not in skipped)


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("internal-db", MODULE_B, spec_b(3), spec_b(4)),
    Scenario("no-internal-db", MODULE_A, spec_a(126), spec_a(130)),
    Scenario("fresh-install", MODULE_C, None, spec_c(7), fresh_instance_name=spec_c(7).names["de"]),
)


@dataclass(frozen=True)
class Case:
    scenario: Scenario
    step: EntryPoint
    fault: Fault
    during_preview: bool = False
    """Armed before ``prepare_update`` (which reads the same entry points first) instead of
    between the preview and ``run_update``."""

    @property
    def name(self) -> str:
        phase = "preview:" if self.during_preview else ""
        return f"{phase}{self.scenario.name}/{self.step}/{self.fault}"

    @property
    def loses_an_instance(self) -> bool:
        """An update reaches ``createInstance`` only when the PBX lost an instance on install."""
        return self.step is EntryPoint.CREATE_INSTANCE and not self.scenario.is_fresh_install


def matrix(scenarios: tuple[Scenario, ...] = SCENARIOS) -> list[Case]:
    """Every scenario x reached step x fault; the drop only exists for ``uploadChunk``."""
    return [
        Case(scenario, step, fault)
        for scenario in scenarios
        for step, fault in itertools.product(scenario.steps(), Fault)
        if fault not in UPLOAD_ONLY_FAULTS or step is EntryPoint.UPLOAD_CHUNK
    ]


PREVIEW_STEPS: tuple[EntryPoint, ...] = (
    EntryPoint.SYSTEM_INFO,
    EntryPoint.LIST_MODULES,
    EntryPoint.GET_DESCRIPTOR,
    EntryPoint.EXPORT_CONFIG,
)
"""What ``prepare_update`` reads from a PBX that has the module installed."""


def preview_matrix(scenario: Scenario) -> list[Case]:
    """Every fault on every read of the preview (the drop needs an upload, which a preview has not)."""
    return [
        Case(scenario, step, fault, during_preview=True)
        for step, fault in itertools.product(PREVIEW_STEPS, Fault)
        if fault not in UPLOAD_ONLY_FAULTS
    ]


# --- arming ------------------------------------------------------------------------------------


class Interceptor:
    """Sits in front of a simulated PBX's request handler (an instance attribute, so it survives
    restarts of the PBX) for what :class:`~modmanager.simulator.faults.FaultPlan` cannot express.

    ``refuse_from(step)``: the first call of ``step`` gets no answer and sets the plan's
    ``refuse_connections``; from then on new connections are refused by the server and calls on
    connections that were already open get no answer either - the PBX is gone.
    ``lose_instance_after_install(module, name)``: right after the next install, the instance is
    gone from the PBX, so the update has to re-create it.
    """

    def __init__(self, sim: SimulatedPbx) -> None:
        self._sim = sim
        self._original = sim.handle_request
        self._lock = threading.Lock()
        self._refuse_at: str | None = None
        self._lose: tuple[str, str] | None = None
        self.fired: list[str] = []
        sim.handle_request = self._handle  # type: ignore[method-assign]

    def refuse_from(self, step: EntryPoint) -> None:
        with self._lock:
            self._refuse_at = str(step)

    def lose_instance_after_install(self, module_id: str, instance_name: str) -> None:
        with self._lock:
            self._lose = (module_id, instance_name)

    def disarm(self) -> None:
        with self._lock:
            self._refuse_at = None
            self._lose = None

    def _handle(self, auth: str | None, body: bytes, stopped: threading.Event) -> bytes | None:
        entry_point = _entry_point(body)
        with self._lock:
            if self._refuse_at is not None and entry_point == self._refuse_at:
                self._refuse_at = None
                self._sim.faults.refuse_connections = True
                self.fired.append(f"refuse:{entry_point}")
        if self._sim.faults.refuse_connections:
            return None
        answer = self._original(auth, body, stopped)
        if entry_point == EntryPoint.INSTALL_UPLOADED:
            self._maybe_lose_instance()
        return answer

    def _maybe_lose_instance(self) -> None:
        with self._lock:
            lose, self._lose = self._lose, None
        if lose is None:
            return
        module_id, name = lose
        module = self._sim.state.modules.get(module_id)
        if module is not None and module.instance(name) is not None:
            module.instances = [inst for inst in module.instances if inst.name != name]
            save_pbx(self._sim.folder, self._sim.state)
            self.fired.append(f"lost:{name}")


def _entry_point(body: bytes) -> str:
    try:
        _, method = xmlrpc.client.loads(body)
    except Exception:  # a malformed request is the simulator's business
        return ""
    return (method or "").rpartition(".")[2]


def arm(sim: SimulatedPbx, interceptor: Interceptor, case: Case, *, hang_seconds: float) -> None:
    """Arm ``case`` on ``sim`` (plus what it takes to reach its step at all)."""
    faults, step = sim.faults, case.step
    if step is EntryPoint.UPLOAD_STATUS:
        faults.drop_mid_upload()  # the client asks for the upload's status only after a dropped chunk
    if case.loses_an_instance:
        scenario = case.scenario
        assert scenario.old_spec is not None
        interceptor.lose_instance_after_install(scenario.module_id, first_instance_name(sim, scenario.module_id))
    match case.fault:
        case Fault.FAIL_ONCE:
            faults.fail(step)
        case Fault.FAIL_ALWAYS:
            faults.fail(step, times=None)
        case Fault.TIMEOUT_BEFORE:
            faults.timeout_on(step, seconds=hang_seconds)
        case Fault.TIMEOUT_AFTER:
            faults.timeout_on(step, seconds=hang_seconds, after_processing=True)
        case Fault.DROP_MID_UPLOAD:
            faults.drop_mid_upload()
        case Fault.RESTART_BEFORE:
            faults.restart_before(step)
        case Fault.CORRUPT:
            faults.corrupt(step)
        case Fault.CORRUPT_TYPES:
            faults.corrupt(step, mode=CorruptMode.WRONG_TYPES)
        case Fault.REFUSE_FROM_HERE:
            interceptor.refuse_from(step)


def fault_fired(sim: SimulatedPbx, interceptor: Interceptor, case: Case) -> bool:
    """Whether the armed fault really hit its step (a case whose fault never fires tests nothing)."""
    if case.fault is Fault.REFUSE_FROM_HERE:
        return f"refuse:{case.step}" in interceptor.fired
    kinds = {
        Fault.FAIL_ONCE: "fail",
        Fault.FAIL_ALWAYS: "fail",
        Fault.TIMEOUT_BEFORE: "timeout",
        Fault.TIMEOUT_AFTER: "timeout",
        Fault.DROP_MID_UPLOAD: "drop-mid-upload",
        Fault.RESTART_BEFORE: "restart",
        Fault.CORRUPT: "corrupt",
        Fault.CORRUPT_TYPES: "corrupt",
    }
    return any(fired.kind == kinds[case.fault] and fired.entry_point == case.step for fired in sim.faults.fired)


def first_instance_name(sim: SimulatedPbx, module_id: str) -> str:
    return sim.state.modules[module_id].instances[0].name


def reset_pbx(sim: SimulatedPbx, interceptor: Interceptor, original: SimPbx, *, drop_lock: bool = True) -> None:
    """Put the PBX back into ``original``: faults off, state and disk rewritten, uploads gone.

    With ``drop_lock`` the PBX restarts and its lock is dropped (as if it had expired: the agent
    keeps it on disk); without, the state is reloaded in place (what a restart does, minus
    ~50 ms of server shutdown) - only right after a check that no lock is held and no call is in
    progress.
    """
    interceptor.disarm()
    sim.faults.clear()
    if drop_lock:
        sim.stop()
    save_pbx(sim.folder, copy.deepcopy(original))
    shutil.rmtree(sim.folder / UPLOADS_DIR, ignore_errors=True)
    if drop_lock:
        sim.forget_lock()
        sim.restart()
    else:
        sim.state = load_pbx(sim.folder)


# --- judging the end state --------------------------------------------------------------------


@dataclass(frozen=True)
class InstanceView:
    name: str
    active: bool
    values: Mapping[str, object]
    needs_cycle: bool


@dataclass(frozen=True)
class ModuleView:
    """What "this module with its settings" means for the promise: no file bytes, no order."""

    version: int
    instances: frozenset[InstanceView]
    internal_data: bytes


def module_view(module: SimModule) -> ModuleView:
    return ModuleView(
        module.version,
        frozenset(
            InstanceView(inst.name, inst.active, _frozen(inst.values), inst.needs_cycle) for inst in module.instances
        ),
        module.internal_data,
    )


def _frozen(values: Mapping[str, object]) -> Mapping[str, object]:
    return _FrozenDict(values)


class _FrozenDict(dict[str, object]):
    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted((key, repr(value)) for key, value in self.items())))


def migrated_values(old: ModuleSpec, new: ModuleSpec, values: Mapping[str, object]) -> dict[str, object]:
    """Computed independently of the product: keep every value the new form still has an input
    for, and add the default of each input the old form did not have."""
    old_ids = {item.variable_id for item in old.inputs if item.variable_id}
    new_inputs = [item for item in new.inputs if item.variable_id]
    kept = {key: value for key, value in values.items() if key in {item.variable_id for item in new_inputs}}
    added = {
        item.variable_id: _as_stored(item.kind, item.default)
        for item in new_inputs
        if item.variable_id not in old_ids and item.variable_id not in values and item.default is not None
    }
    return {**kept, **added}


def _as_stored(kind: str, text: str) -> object:
    """A descriptor default as the module stores it: numbers and checkboxes are not text."""
    if kind == "numberInput":
        return int(text)
    if kind == "checkBoxInput":
        return text == "true"
    return text


@dataclass(frozen=True)
class Expectation:
    """The two allowed end states of one scenario, computed from the PBX before the update."""

    module_id: str
    old: ModuleView | None
    """None: the module was not installed (fresh install)."""
    new: ModuleView
    others: Mapping[str, ModuleView]
    """Every other module, which an update must not touch."""


def expectation(scenario: Scenario, before: SimPbx) -> Expectation:
    others = {mid: module_view(module) for mid, module in before.modules.items() if mid != scenario.module_id}
    new_version = scenario.new_spec.version
    if scenario.old_spec is None:
        defaults = {
            item.variable_id: item.default
            for item in scenario.new_spec.inputs
            if item.variable_id and item.default is not None
        }
        fresh = InstanceView(scenario.fresh_instance_name, True, _frozen(defaults), False)
        return Expectation(scenario.module_id, None, ModuleView(new_version, frozenset({fresh}), b""), others)
    old_module = before.modules[scenario.module_id]
    old = module_view(old_module)
    new_instances = frozenset(
        InstanceView(
            inst.name,
            inst.active,
            _frozen(migrated_values(scenario.old_spec, scenario.new_spec, inst.values)),
            False,
        )
        for inst in old_module.instances
    )
    return Expectation(scenario.module_id, old, ModuleView(new_version, new_instances, old.internal_data), others)


def classify(state: SimPbx, expected: Expectation) -> str:
    """``old-intact``, ``new-restored`` or ``LOST`` (anything else: a setting, an instance, an
    active flag, the internal data or another module is not what it was or should be)."""
    others = {mid: module_view(module) for mid, module in state.modules.items() if mid != expected.module_id}
    if others != expected.others:
        return LOST
    module = state.modules.get(expected.module_id)
    view = None if module is None else module_view(module)
    if view == expected.old:
        return OLD_INTACT
    if view == expected.new:
        return NEW_RESTORED
    return LOST


def describe(state: SimPbx, module_id: str) -> str:
    """A short picture of the module for a failure message (never a password: values shown by key)."""
    module = state.modules.get(module_id)
    if module is None:
        return "not installed"
    instances = ", ".join(
        f"{inst.name}({'on' if inst.active else 'off'}{', needs cycle' if inst.needs_cycle else ''}: "
        f"{sorted(inst.values)})"
        for inst in module.instances
    )
    return f"v{module.version} [{instances}] internal data {len(module.internal_data)} bytes"


# --- messages ------------------------------------------------------------------------------------

_TRACEBACK_LIKE = re.compile(
    r"Traceback|File \"|\bline \d+\b|\b[A-Z]\w*(Error|Exception)\b|HTTPS?ConnectionPool|urllib3|requests\.|"
    r"object at 0x|Max retries|\bNone\b|\\n|\n"
)


def message_problem(text: str, secrets: tuple[str, ...]) -> str | None:
    """Why a user-facing text is unacceptable, or None: no traceback, no class names, no secret."""
    if not text.strip():
        return "empty message"
    if _TRACEBACK_LIKE.search(text):
        return f"traceback-like message: {text!r}"
    for secret in secrets:
        if secret and secret in text:
            return "the message contains a secret"
    return None


def open_entries(journal: Journal) -> list[str]:
    return [entry.op_id for entry in journal.unfinished()]


def missing_needs(
    journal: Journal, load_backup: Callable[[str], object], cached: Callable[[str], bytes | None]
) -> list[str]:
    """What an open journal entry needs but is gone: its backup or one of its module files."""
    missing = []
    for entry in journal.unfinished():
        if entry.backup_id is not None:
            try:
                load_backup(entry.backup_id)
            except Exception as error:  # any failure to load means the backup is not usable
                missing.append(f"backup {entry.backup_id} ({type(error).__name__})")
        for label, sha in (("target file", entry.target_sha256), ("previous file", entry.previous_sha256)):
            if sha is not None and cached(sha) is None:
                missing.append(f"{label} {sha[:12]}")
    return missing
