"""Fixed bounds for scrypt costs read from a file, checked before any key is derived.

An exported backup and the encrypted secrets file record the scrypt cost they were made with,
so the reader derives the same key. That record is outside anyone's control but the file's:
a crafted header asking for ``n = 2**22, r = 32`` makes scrypt allocate 16 GiB (and run for
minutes) before the password could even be checked. Every cost read from a file passes
:func:`check_scrypt_cost` first; the bounds are constants, many times what modmanager itself
writes (``n = 2**15, r = 8, p = 1``: 32 MiB, a tenth of a second), never taken from the file.
"""

from __future__ import annotations

MAX_LOG2_N = 20
MAX_R = 32
MAX_P = 16
MAX_MEMORY_BYTES = 128 * 1024 * 1024
"""scrypt needs 128 * r * n bytes; four times what modmanager's own files use."""
MAX_WORK = 2**22
"""n * r * p, the number of block mixes: sixteen times modmanager's own cost."""


def check_scrypt_cost(log2_n: int, r: int, p: int) -> None:
    """Raise ``ValueError`` (naming no secret) unless the cost is within the fixed bounds."""
    for name, value, low, high in (("log2(n)", log2_n, 1, MAX_LOG2_N), ("r", r, 1, MAX_R), ("p", p, 1, MAX_P)):
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise ValueError(f"the key derivation cost {name} is out of range")
    n = 2**log2_n
    if 128 * r * n > MAX_MEMORY_BYTES:
        raise ValueError("the key derivation would need more memory than allowed")
    if n * r * p > MAX_WORK:
        raise ValueError("the key derivation would take longer than allowed")
