"""Adding, editing and removing a PBX: one use case for the command line and the application.

A PBX is an inventory row (address, login, agent instance, pinned certificate) plus two
secrets in the credential store: the STARFACE password of the login and the agent secret
configured in the agent's module instance. This module keeps the three in step:

* :func:`fetch_certificate` and :func:`needs_trust` - trust on first use: the certificate the
  PBX presents, and whether the user has to be asked about it (self-signed, or changed);
* :func:`check_connection` - log in and ask the agent who it is (with the candidate secrets,
  before anything is stored); a wrong secret or a missing agent comes back as the client's
  ``secret_invalid`` / ``agent_missing`` error, whose hint says what to do;
* :func:`add_pbx`, :func:`edit_pbx`, :func:`remove_pbx` - validate, optionally check the
  connection, then write row and secrets so that a failure leaves no half-added PBX behind;
* :func:`retag_pbxs` - add and remove tags on many PBXs at once (no secret is touched).

Secrets go only to the credential store; they are never part of a record, a log line or an
error.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from modmanager.core.errors import ModManagerError, StoreError
from modmanager.core.protocol import SystemInfo
from modmanager.core.tags import changed_tags
from modmanager.pbx import tls
from modmanager.pbx.client import AgentClient
from modmanager.pbx.tls import CertificateInfo
from modmanager.store.credentials import CredentialStore
from modmanager.store.inventory import Inventory, PbxRecord

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class ConnectionCheck:
    """What a PBX said when modmanager logged in with the given secrets."""

    info: SystemInfo
    latency_ms: int

    @property
    def summary(self) -> str:
        return f"STARFACE {self.info.starface_version}, agent {self.info.agent_version}"


Check = Callable[[PbxRecord, str, str], object]
"""``check(record, password, agent_secret)``: raises a ModManagerError when the PBX refuses."""


def fetch_certificate(url: str, timeout: float = CONNECT_TIMEOUT_S) -> CertificateInfo:
    """The certificate the PBX at ``url`` presents, read without trusting it (nothing is sent)."""
    return tls.fetch_fingerprint(url, timeout)


def needs_trust(certificate: CertificateInfo, pinned: str | None) -> bool:
    """Whether the user must decide to trust ``certificate`` before anything is sent.

    A certificate the system trusts needs no question while nothing is pinned; a pinned PBX
    presenting another certificate always needs one (it may be renewed, or intercepted).
    """
    return pinned != certificate.sha256 and (pinned is not None or not certificate.ca_verified)


def check_connection(
    record: PbxRecord, password: str, agent_secret: str, *, timeout: float = CONNECT_TIMEOUT_S
) -> ConnectionCheck:
    """Log in with these secrets and ask the agent for the PBX's facts (no retries)."""
    with AgentClient(
        record.url,
        record.login_id,
        password,
        agent_secret=agent_secret,
        agent_instance=record.agent_instance,
        fingerprint=record.fingerprint,
        timeout=timeout,
        retries=0,
    ) as client:
        started = time.monotonic()
        info = client.system_info()
        latency_ms = round((time.monotonic() - started) * 1000)
    return ConnectionCheck(info, latency_ms)


def name_taken(inventory: Inventory, name: str, *, original: str | None = None) -> bool:
    """Whether another PBX already has ``name`` (renaming a PBX to its own name is fine)."""
    return name != original and any(existing.name == name for existing in inventory.list())


def add_pbx(
    inventory: Inventory,
    credentials: CredentialStore,
    record: PbxRecord,
    *,
    password: str | None,
    agent_secret: str | None,
    check: Check | None = None,
    secrets_required: bool = True,
) -> None:
    """Add a PBX with its password and agent secret; with ``check``, only once it answered.

    ``secrets_required=False`` (the fleet import, whose file may hold no secrets) adds the PBX
    with whichever secrets are given; one without is read only after ``pbx edit`` stored them,
    and a secret left behind by an earlier PBX of that name is removed so it is never used.

    Raises:
        StoreError: the name is taken, a secret is empty, or storing failed (nothing is kept).
        ModManagerError: whatever ``check`` raised (nothing is stored).
    """
    if secrets_required or check is not None:
        _require_secrets(password or "", agent_secret or "")
    if name_taken(inventory, record.name):
        raise _name_taken(record.name)
    if check is not None:
        check(record, password or "", agent_secret or "")
    try:
        if password:
            credentials.set_password(record.name, record.login_id, password)
        else:
            credentials.delete_password(record.name, record.login_id)
        if agent_secret:
            credentials.set_agent_secret(record.name, agent_secret)
        else:
            credentials.delete_agent_secret(record.name)
        inventory.add(record)
    except ModManagerError:
        # A PBX without its secrets would only fail later; secrets without a PBX are clutter.
        _forget_quietly(credentials, record.name, record.login_id)
        raise


def edit_pbx(
    inventory: Inventory,
    credentials: CredentialStore,
    original: PbxRecord,
    record: PbxRecord,
    *,
    password: str | None = None,
    agent_secret: str | None = None,
    check: Check | None = None,
) -> None:
    """Change a PBX: rename it, change its row, replace or move its secrets.

    ``password`` / ``agent_secret`` None (or empty) keep the stored ones, moved along when the
    name (or, for the password, the login) changes. With ``check`` the PBX must answer with the
    resulting secrets before anything is written.
    """
    if name_taken(inventory, record.name, original=original.name):
        raise _name_taken(record.name)
    # The stored secrets are read only when they are checked or move with the name or login, so
    # a change of tags or customer leaves the credential store alone.
    password_moves = (record.name, record.login_id) != (original.name, original.login_id)
    secret_moves = record.name != original.name
    new_password, new_secret = password or None, agent_secret or None
    if check is not None or password_moves:
        password = new_password or _stored(lambda: credentials.get_password(original.name, original.login_id))
    if check is not None or secret_moves:
        agent_secret = new_secret or _stored(lambda: credentials.get_agent_secret(original.name))
    if check is not None:
        _require_secrets(password or "", agent_secret or "")
        check(record, password or "", agent_secret or "")
    if record.name != original.name:
        inventory.rename(original.name, record.name)
    inventory.update(record)
    if password and (new_password or password_moves):
        credentials.set_password(record.name, record.login_id, password)
    if password_moves:
        credentials.delete_password(original.name, original.login_id)
    if agent_secret and (new_secret or secret_moves):
        credentials.set_agent_secret(record.name, agent_secret)
    if secret_moves:
        credentials.delete_agent_secret(original.name)


def remove_pbx(inventory: Inventory, credentials: CredentialStore, name: str) -> PbxRecord:
    """Forget a PBX, its password and its agent secret (nothing on the PBX changes).

    The row goes first: if the credential store fails afterwards the PBX is still gone and the
    error says so; stale secrets are harmless and are overwritten by a later add.
    """
    record = inventory.get(name)
    inventory.remove(record.name)
    credentials.delete_password(record.name, record.login_id)
    credentials.delete_agent_secret(record.name)
    return record


def _require_secrets(password: str, agent_secret: str) -> None:
    if not password:
        raise StoreError(code="password_empty")
    if not agent_secret:
        raise StoreError(code="agent_secret_empty")


def _stored(read: Callable[[], str]) -> str | None:
    try:
        return read()
    except StoreError:
        return None


def _forget_quietly(credentials: CredentialStore, name: str, login_id: str) -> None:
    forgets: tuple[Callable[[], None], ...] = (
        lambda: credentials.delete_password(name, login_id),
        lambda: credentials.delete_agent_secret(name),
    )
    for forget in forgets:
        try:
            forget()
        except ModManagerError as error:
            log.warning("could not remove a stored secret of %s: %s", name, error.message)


def _name_taken(name: str) -> StoreError:
    return StoreError(code="pbx_name_taken", params={"pbx": name})


def retag_pbxs(
    inventory: Inventory, names: Sequence[str], *, add: Sequence[str] = (), remove: Sequence[str] = ()
) -> list[PbxRecord]:
    """Add and remove tags on many PBXs at once (tags compare without regard to case).

    A tag being added keeps the spelling a PBX already has; removing wins over adding the same
    tag. Returns the records that changed; the others are left as they are.

    Raises:
        StoreError: a PBX is unknown or the inventory could not be written (the PBXs before it
            keep their new tags).
    """
    changed: list[PbxRecord] = []
    for name in dict.fromkeys(names):
        record = inventory.get(name)
        new = dataclasses.replace(record, tags=changed_tags(record.tags, None, add, remove))
        if new.tags != record.tags:
            inventory.update(new)
            changed.append(new)
    return changed
