"""Self-signed TLS certificates for simulated PBXs.

PBXs commonly run self-signed certificates, so the client must pin them (trust on first use).
Each simulated PBX gets its own certificate, kept in its data folder so the fingerprint stays
the same across simulator restarts (a changed fingerprint must be a deliberate test case).
"""

from __future__ import annotations

import datetime
import hashlib
import ipaddress
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from modmanager.simulator.state import write_file_atomic

CERT_FILE = "tls-cert.pem"
KEY_FILE = "tls-key.pem"
_VALID_DAYS = 3650


@dataclass(frozen=True)
class Certificate:
    cert_path: Path
    key_path: Path
    cert_pem: str
    fingerprint: str
    """SHA-256 of the DER certificate, lowercase hex without separators."""


def ensure_certificate(folder: Path, *, common_name: str = "127.0.0.1") -> Certificate:
    """The certificate kept in ``folder``, generated (EC P-256) on first use."""
    cert_path, key_path = folder / CERT_FILE, folder / KEY_FILE
    if not (cert_path.is_file() and key_path.is_file()):
        cert_pem, key_pem = generate_self_signed(common_name)
        write_file_atomic(key_path, key_pem)
        key_path.chmod(0o600)
        write_file_atomic(cert_path, cert_pem)
    pem = cert_path.read_bytes()
    return Certificate(cert_path, key_path, pem.decode("ascii"), fingerprint_of_pem(pem))


def generate_self_signed(common_name: str = "127.0.0.1") -> tuple[bytes, bytes]:
    """A new self-signed certificate for loopback (SAN 127.0.0.1 and localhost): (cert, key) PEM."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=_VALID_DAYS))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_pem = certificate.public_bytes(serialization.Encoding.PEM)
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return cert_pem, key_pem


def fingerprint_of_pem(cert_pem: bytes) -> str:
    """SHA-256 fingerprint (lowercase hex) of a PEM certificate, as the client pins it."""
    der = x509.load_pem_x509_certificate(cert_pem).public_bytes(serialization.Encoding.DER)
    return hashlib.sha256(der).hexdigest()
