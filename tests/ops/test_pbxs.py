"""Adding, editing and removing a PBX: row and both secrets in step, checked against a simulated PBX."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from modmanager.core.errors import ModManagerError, PbxError, StoreError
from modmanager.ops.pbxs import (
    add_pbx,
    check_connection,
    edit_pbx,
    fetch_certificate,
    needs_trust,
    remove_pbx,
    retag_pbxs,
)
from modmanager.pbx.tls import CertificateInfo
from modmanager.simulator.server import SimulatedPbx
from modmanager.simulator.testing import TEST_AGENT_SECRET, TEST_LOGIN, TEST_PASSWORD, make_pbx, running_fleet
from modmanager.store.credentials import CredentialStore, open_credentials
from modmanager.store.inventory import Inventory, PbxRecord


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[SimulatedPbx]:
    with running_fleet(tmp_path, [make_pbx("pbx1")]) as fleet:
        yield fleet.pbxs[0]


@pytest.fixture
def inventory(tmp_path: Path) -> Iterator[Inventory]:
    with Inventory(tmp_path / "inventory.sqlite3") as opened:
        yield opened


@pytest.fixture
def credentials() -> CredentialStore:
    return open_credentials(backend="keyring")


def _record(sim: SimulatedPbx, name: str = "hq") -> PbxRecord:
    return PbxRecord(name, sim.url, TEST_LOGIN, fingerprint=sim.fingerprint)


def _check(record: PbxRecord, password: str, agent_secret: str) -> None:
    check_connection(record, password, agent_secret, timeout=5)


def test_a_pbx_is_added_only_once_it_answered_with_both_secrets(
    sim: SimulatedPbx, inventory: Inventory, credentials: CredentialStore
) -> None:
    record = _record(sim)
    with pytest.raises(PbxError) as wrong:
        add_pbx(inventory, credentials, record, password=TEST_PASSWORD, agent_secret="wrong", check=_check)
    assert wrong.value.code == "secret_invalid"
    assert inventory.list() == []
    with pytest.raises(StoreError):
        credentials.get_agent_secret("hq")

    add_pbx(inventory, credentials, record, password=TEST_PASSWORD, agent_secret=TEST_AGENT_SECRET, check=_check)
    assert inventory.get("hq") == record
    assert credentials.get_password("hq", TEST_LOGIN) == TEST_PASSWORD
    assert credentials.get_agent_secret("hq") == TEST_AGENT_SECRET
    with pytest.raises(StoreError) as taken:
        add_pbx(inventory, credentials, record, password="x", agent_secret="y")
    assert taken.value.code == "pbx_name_taken"
    assert credentials.get_agent_secret("hq") == TEST_AGENT_SECRET  # the failed add touched nothing


def test_a_failed_row_leaves_no_secrets_behind(
    sim: SimulatedPbx, inventory: Inventory, credentials: CredentialStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(record: PbxRecord) -> None:
        raise StoreError("The inventory cannot be used (disk full).", "Free some space.")

    monkeypatch.setattr(inventory, "add", refuse)
    with pytest.raises(StoreError, match="disk full"):
        add_pbx(inventory, credentials, _record(sim), password=TEST_PASSWORD, agent_secret=TEST_AGENT_SECRET)
    for read in (lambda: credentials.get_password("hq", TEST_LOGIN), lambda: credentials.get_agent_secret("hq")):
        with pytest.raises(StoreError):
            read()


@pytest.mark.parametrize(("password", "secret", "code"), [("", "s", "password_empty"), ("p", "", "agent_secret_empty")])
def test_empty_secrets_are_refused(
    sim: SimulatedPbx, inventory: Inventory, credentials: CredentialStore, password: str, secret: str, code: str
) -> None:
    with pytest.raises(StoreError) as caught:
        add_pbx(inventory, credentials, _record(sim), password=password, agent_secret=secret)
    assert caught.value.code == code


def test_editing_renames_and_keeps_or_replaces_the_secrets(
    sim: SimulatedPbx, inventory: Inventory, credentials: CredentialStore
) -> None:
    original = _record(sim)
    add_pbx(inventory, credentials, original, password=TEST_PASSWORD, agent_secret=TEST_AGENT_SECRET)
    renamed = PbxRecord("zentrale", sim.url, TEST_LOGIN, customer="Müller", fingerprint=sim.fingerprint)
    edit_pbx(inventory, credentials, original, renamed, check=_check)  # the stored secrets still work
    assert [record.name for record in inventory.list()] == ["zentrale"]
    assert credentials.get_agent_secret("zentrale") == TEST_AGENT_SECRET
    with pytest.raises(StoreError):
        credentials.get_agent_secret("hq")
    with pytest.raises(StoreError):
        credentials.get_password("hq", TEST_LOGIN)

    with pytest.raises(ModManagerError):
        edit_pbx(inventory, credentials, renamed, renamed, agent_secret="wrong", check=_check)
    assert credentials.get_agent_secret("zentrale") == TEST_AGENT_SECRET  # refused: nothing written
    edit_pbx(inventory, credentials, renamed, renamed, agent_secret="new-secret")
    assert credentials.get_agent_secret("zentrale") == "new-secret"


def test_removing_forgets_row_and_both_secrets(
    sim: SimulatedPbx, inventory: Inventory, credentials: CredentialStore
) -> None:
    add_pbx(inventory, credentials, _record(sim), password=TEST_PASSWORD, agent_secret=TEST_AGENT_SECRET)
    assert remove_pbx(inventory, credentials, "hq").name == "hq"
    assert inventory.list() == []
    with pytest.raises(StoreError):
        credentials.get_agent_secret("hq")


def test_check_reports_the_agent_and_its_abilities(sim: SimulatedPbx) -> None:
    check = check_connection(_record(sim), TEST_PASSWORD, TEST_AGENT_SECRET, timeout=5)
    assert check.info.agent_version == "200" and "deleteInstance" in check.info.capabilities
    assert check.summary == "STARFACE 9.0.1.3, agent 200"


def test_trust_on_first_use(sim: SimulatedPbx) -> None:
    certificate = fetch_certificate(sim.url, 5)
    assert certificate.sha256 == sim.fingerprint and not certificate.ca_verified
    assert needs_trust(certificate, None)  # self-signed: ask
    assert not needs_trust(certificate, sim.fingerprint)  # pinned and the same: nothing to ask
    assert needs_trust(certificate, "ab" * 32)  # pinned and changed: ask again
    trusted = CertificateInfo(certificate.sha256, "", "", "", ca_verified=True)
    assert not needs_trust(trusted, None)


def test_tags_are_added_and_removed_on_many_pbxs_at_once(inventory: Inventory) -> None:
    inventory.add(PbxRecord("a", "https://a.example", "0001", tags=("Wartung", "vip")))
    inventory.add(PbxRecord("b", "https://b.example", "0001", tags=("cloud",)))
    inventory.add(PbxRecord("c", "https://c.example", "0001", tags=("filiale",)))

    changed = retag_pbxs(inventory, ["a", "b"], add=["wartung", " berlin ", "Berlin"], remove=["VIP", "nope"])

    assert [record.name for record in changed] == ["a", "b"]
    assert inventory.get("a").tags == ("Wartung", "berlin")  # its own spelling kept, no duplicate
    assert inventory.get("b").tags == ("cloud", "wartung", "berlin")
    assert inventory.get("c").tags == ("filiale",)  # not chosen: untouched
    assert retag_pbxs(inventory, ["a"], add=["berlin"]) == []  # nothing to change, nothing written
    assert retag_pbxs(inventory, ["b"], add=["cloud"], remove=["cloud"])[0].tags == ("wartung", "berlin")
    with pytest.raises(StoreError):
        retag_pbxs(inventory, ["gone"], add=["x"])
