"""Pinning a PBX's certificate again after it changed.

A pinned PBX that presents another certificate is refused (``certificate_changed``): either the
PBX got a new certificate (renewed, reinstalled, restored) or someone is in the middle. Only the
user can tell, by comparing fingerprints with what the PBX itself shows. So this is two steps:
:func:`check_certificate` fetches the certificate the PBX presents now (nothing is sent over
that connection) and says both fingerprints; :func:`trust_certificate` pins the fingerprint the
user confirmed - and only if the PBX still presents exactly that one. The CLI (``pbx trust``)
and the GUI (the trust dialog) both call these.
"""

from __future__ import annotations

from dataclasses import dataclass

from modmanager.core.errors import PbxError
from modmanager.pbx import tls
from modmanager.pbx.tls import CertificateInfo
from modmanager.store.inventory import Inventory

DEFAULT_TIMEOUT = 10.0


@dataclass(frozen=True)
class CertificateCheck:
    """The certificate a PBX presents now, next to the one pinned for it."""

    pbx_name: str
    url: str
    pinned: str | None
    """The pinned SHA-256 (64 lowercase hex digits); None when the PBX is trusted through a CA."""
    presented: CertificateInfo

    @property
    def changed(self) -> bool:
        """Whether the PBX presents another certificate than the pinned one (or none is pinned)."""
        return self.pinned != self.presented.sha256


def check_certificate(inventory: Inventory, pbx_name: str, *, timeout: float = DEFAULT_TIMEOUT) -> CertificateCheck:
    """Fetch the certificate ``pbx_name`` presents now; changes nothing.

    Raises:
        StoreError: there is no such PBX.
        PbxError: the PBX cannot be reached (``unreachable``).
    """
    record = inventory.get(pbx_name)
    presented = tls.fetch_fingerprint(record.url, timeout)
    return CertificateCheck(record.name, record.url, record.fingerprint, presented)


def trust_certificate(
    inventory: Inventory, pbx_name: str, fingerprint: str, *, timeout: float = DEFAULT_TIMEOUT
) -> CertificateCheck:
    """Pin ``fingerprint`` for ``pbx_name`` if the PBX presents exactly that certificate now.

    ``fingerprint`` is the one the user compared and confirmed (any spelling: colons, case).
    Looking again right before pinning means a certificate swapped after the user looked is
    never pinned by mistake.

    Raises:
        PbxError: ``invalid_fingerprint``; ``trust_fingerprint_mismatch`` when the PBX presents
            another certificate; ``unreachable``.
        StoreError: there is no such PBX.
    """
    wanted = tls.normalize_fingerprint(fingerprint)
    check = check_certificate(inventory, pbx_name, timeout=timeout)
    if check.presented.sha256 != wanted:
        params = {
            "pbx": check.pbx_name,
            "expected": tls.format_fingerprint(wanted),
            "presented": tls.format_fingerprint(check.presented.sha256),
        }
        raise PbxError(code="trust_fingerprint_mismatch", params=params)
    inventory.set_fingerprint(check.pbx_name, wanted)
    return check
