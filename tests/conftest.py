"""Project-wide test isolation: no test touches the real data folder or the real keyring."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.core
import keyring.errors
import pytest
from hypothesis import settings
from keyring.backend import KeyringBackend

# No per-example deadline: two xdist workers on two cores make timings meaningless. On CI the
# examples are derandomized, so a submission's result does not depend on luck; locally they
# stay random to keep finding new cases.
settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")


class InMemoryKeyring(KeyringBackend):
    """A keyring that keeps secrets in a dict for the duration of one test."""

    priority = 100

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


@pytest.fixture(autouse=True)
def isolated_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point MODMANAGER_HOME at a fresh folder and swap in an in-memory keyring.

    Yields the data folder. The previous keyring is read from keyring's module state rather
    than ``get_keyring()`` so that restoring it never initialises the real backend.
    """
    home = tmp_path_factory.mktemp("modmanager-home")
    monkeypatch.setenv("MODMANAGER_HOME", str(home))
    monkeypatch.delenv("MODMANAGER_MASTER_PASSWORD", raising=False)
    previous = keyring.core._keyring_backend
    keyring.set_keyring(InMemoryKeyring())
    try:
        yield home
    finally:
        keyring.core._keyring_backend = previous
