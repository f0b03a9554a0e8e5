"""scrypt costs read from a file are checked against fixed bounds before anything is derived."""

from __future__ import annotations

import pytest

from modmanager.store.backups import ExportKdf
from modmanager.store.credentials import ScryptParams
from modmanager.store.kdf import MAX_MEMORY_BYTES, check_scrypt_cost


def test_what_modmanager_writes_is_within_the_bounds() -> None:
    check_scrypt_cost(ExportKdf().log2_n, ExportKdf().r, ExportKdf().p)
    check_scrypt_cost(ScryptParams().log2_n, ScryptParams().r, ScryptParams().p)
    check_scrypt_cost(4, 8, 1)  # the cheap cost tests use


@pytest.mark.parametrize(
    ("log2_n", "r", "p", "why"),
    [
        (22, 32, 1, "out of range"),  # 16 GiB: the header of the issue
        (18, 32, 1, "memory"),  # 1 GiB
        (20, 8, 1, "memory"),  # 1 GiB as well
        (17, 8, 16, "longer"),
        (60, 1, 1, "out of range"),
        (0, 8, 1, "out of range"),
        (15, 0, 1, "out of range"),
        (15, 8, 0, "out of range"),
        (15, 2**31, 1, "out of range"),
        (15.0, 8, 1, "out of range"),
        (True, 8, 1, "out of range"),
        ("15", 8, 1, "out of range"),
    ],
)
def test_costs_beyond_the_bounds_are_refused(log2_n: object, r: object, p: object, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        check_scrypt_cost(log2_n, r, p)  # type: ignore[arg-type]


def test_the_memory_bound_is_a_few_times_the_default() -> None:
    default = 128 * ExportKdf().r * 2 ** ExportKdf().log2_n
    assert default * 2 <= MAX_MEMORY_BYTES <= default * 8
