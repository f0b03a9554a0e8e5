"""Self-signed certificates: loopback names, stable fingerprint per folder."""

from __future__ import annotations

import hashlib
import ipaddress
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from modmanager.simulator.certs import ensure_certificate


def test_certificate_is_made_once_and_kept(tmp_path: Path) -> None:
    first = ensure_certificate(tmp_path)
    second = ensure_certificate(tmp_path)
    assert first == second
    assert ensure_certificate(tmp_path / "other").fingerprint != first.fingerprint
    assert first.key_path.stat().st_mode & 0o077 == 0


def test_certificate_names_loopback_and_fingerprint_is_sha256_of_der(tmp_path: Path) -> None:
    certificate = ensure_certificate(tmp_path)
    cert = x509.load_pem_x509_certificate(certificate.cert_pem.encode())
    names = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert ipaddress.ip_address("127.0.0.1") in names.get_values_for_type(x509.IPAddress)
    assert "localhost" in names.get_values_for_type(x509.DNSName)
    der = cert.public_bytes(serialization.Encoding.DER)
    assert certificate.fingerprint == hashlib.sha256(der).hexdigest()
