"""``modmanager catalog``: make signing keys, build catalogs from vendor folders, check and show them.

A vendor (or a partner publishing builds for colleagues) runs ``keygen`` once, then
``build DIR --out DIR/catalog.json --sign KEY`` after each release and publishes the folder.
Users of the catalog configure the ``.pub`` key; ``verify`` checks what they would check.
The format is described in docs/catalog-format.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import os
from pathlib import Path
from typing import Any

from modmanager.catalog.builder import build_catalog
from modmanager.cli.output import add_json_flag, emit
from modmanager.core import safejson
from modmanager.core.catalog import (
    MAX_CATALOG_BYTES,
    Catalog,
    CatalogModule,
    Release,
    ReleaseFile,
    dump_catalog,
    generate_signing_key,
    is_remote_location,
    parse_catalog,
    resolve_location,
    sign_catalog,
    verify_catalog,
)
from modmanager.core.errors import CatalogError, ModManagerError
from modmanager.store.atomic import read_bytes_limited, write_atomic

SIGNATURE_SUFFIX = ".sig"
PUBLIC_KEY_SUFFIX = ".pub"
_MAX_KEY_BYTES = 64 * 1024
_MAX_MODULE_FILE_BYTES = 256 * 1024 * 1024


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``catalog keygen|build|verify|show`` to the top-level parser."""
    group = subparsers.add_parser("catalog", help="build, sign, verify and show module catalogs")
    commands = group.add_subparsers(dest="catalog_command", metavar="COMMAND", required=True)

    keygen = commands.add_parser("keygen", help="make an Ed25519 key pair for signing catalogs")
    keygen.add_argument(
        "--out", metavar="NAME", required=True, help="write the private key to NAME, public to NAME.pub"
    )
    add_json_flag(keygen)
    keygen.set_defaults(handler=run_keygen)

    build = commands.add_parser("build", help="build a catalog from a vendor folder of .sfm files")
    build.add_argument("folder", metavar="DIR", help="the vendor folder (range folders such as 8.X, 9.X inside)")
    build.add_argument("--out", metavar="FILE", required=True, help="the catalog file to write (e.g. DIR/catalog.json)")
    build.add_argument("--sign", metavar="KEYFILE", help="sign with this private key; writes FILE.sig")
    build.add_argument("--name", help="the catalog's name (default: the folder name)")
    build.add_argument("--base-url", metavar="URL", help="https address the folder is published under")
    add_json_flag(build)
    build.set_defaults(handler=run_build)

    verify = commands.add_parser("verify", help="check a catalog's signature and content")
    verify.add_argument("file", metavar="FILE", help="the catalog file (its signature is FILE.sig)")
    verify.add_argument(
        "--key", metavar="NAME.pub", action="append", required=True, help="a trusted public key file (repeatable)"
    )
    verify.add_argument(
        "--check-files", action="store_true", help="also check size and SHA-256 of the module files next to it"
    )
    add_json_flag(verify)
    verify.set_defaults(handler=run_verify)

    show = commands.add_parser("show", help="list a catalog's modules and releases (signature not checked)")
    show.add_argument("file", metavar="FILE", help="the catalog file")
    add_json_flag(show)
    show.set_defaults(handler=run_show)


# --- keygen --------------------------------------------------------------------------------


def run_keygen(args: argparse.Namespace) -> int:
    private_path = Path(args.out)
    public_path = Path(args.out + PUBLIC_KEY_SUFFIX)
    for path in (private_path, public_path):
        if path.exists():
            raise CatalogError(code="key_file_exists", params={"path": str(path)})
    private_pem, public_key = generate_signing_key()
    _write_new(private_path, private_pem, mode=0o600)
    try:
        _write_new(public_path, public_key + b"\n", mode=0o644)
    except ModManagerError:
        private_path.unlink(missing_ok=True)
        raise
    text = (
        f"Wrote the private key {private_path} (keep it safe and secret: whoever has it can sign catalogs)\n"
        f"and the public key {public_path} (give it to the catalog's users)."
    )
    emit(
        args,
        text,
        {"privateKey": str(private_path), "publicKeyFile": str(public_path), "publicKey": public_key.decode()},
    )
    return 0


def _write_new(path: Path, data: bytes, *, mode: int) -> None:
    """Create ``path`` (never replacing an existing file) with ``mode`` from the start."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except FileExistsError:
        raise CatalogError(code="key_file_exists", params={"path": str(path)}) from None
    except OSError as error:
        raise CatalogError(
            code="key_file_create_failed", params={"path": str(path), "detail": error.strerror or ""}
        ) from None
    with os.fdopen(descriptor, "wb") as handle:
        os.chmod(path, mode)  # os.open's mode is reduced by the umask
        handle.write(data)


# --- build ---------------------------------------------------------------------------------


def run_build(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    out = Path(args.out)
    private_key = _read_small(Path(args.sign), "signing_key") if args.sign else None
    catalog, warnings = build_catalog(
        folder,
        name=args.name or folder.resolve().name or "catalog",
        base_url=args.base_url,
        catalog_dir=out.parent if args.base_url is None else None,
    )
    data = dump_catalog(catalog)
    signature = sign_catalog(data, private_key) if private_key is not None else None
    write_atomic(out, data, mode=0o644)
    signature_path = Path(str(out) + SIGNATURE_SUFFIX)
    if signature is not None:
        write_atomic(signature_path, signature, mode=0o644)
    else:
        # A signature left from an earlier build would not match the new catalog.
        signature_path.unlink(missing_ok=True)
    counts = _counts(catalog)
    lines = [
        f"Wrote {out}: {counts['modules']} module(s), {counts['releases']} release(s) "
        f"({counts['nfrBuilds']} with an NFR build), {len(warnings)} warning(s).",
        f"Signed: {signature_path}." if signature is not None else "Not signed (give --sign KEYFILE to sign).",
        *(f"warning: {warning}" for warning in warnings),
    ]
    emit(
        args,
        "\n".join(lines),
        {
            "catalog": str(out),
            "signature": str(signature_path) if signature is not None else None,
            **counts,
            "warnings": warnings,
        },
    )
    return 0


# --- verify and show -----------------------------------------------------------------------


def run_verify(args: argparse.Namespace) -> int:
    path = Path(args.file)
    data = _read_catalog_bytes(path)
    signature_path = Path(str(path) + SIGNATURE_SUFFIX)
    try:
        signature = read_bytes_limited(signature_path, _MAX_KEY_BYTES)
    except FileNotFoundError:
        signature = b""
    keys = [_read_small(Path(key), "public_key").decode("ascii", "replace") for key in args.key]
    verify_catalog(data, signature, keys, source=str(path))
    catalog = _parse(data, path)
    checked = _check_local_files(catalog) if args.check_files else 0
    counts = _counts(catalog)
    text = (
        f"{path}: valid and signed by a trusted key; {counts['modules']} module(s), {counts['releases']} release(s)"
        + (f"; {checked} local file(s) match their size and SHA-256." if args.check_files else ".")
    )
    emit(args, text, {"catalog": str(path), "valid": True, "signed": True, **counts, "filesChecked": checked})
    return 0


def run_show(args: argparse.Namespace) -> int:
    path = Path(args.file)
    data = _read_catalog_bytes(path)
    catalog = _parse(data, path)
    lines = [f"{catalog.name} (generated {catalog.generated}; signature not checked)"]
    for module in catalog.modules:
        lines.append("")
        lines.extend(_module_lines(module))
    emit(args, "\n".join(lines), {"file": str(path), **_json_document(data)})
    return 0


def _module_lines(module: CatalogModule) -> list[str]:
    nfr_user = ", honours NFR user licenses" if module.nfr_user_license else ""
    lines = [f"{module.display_name('de')} ({module.id}) by {module.vendor or 'unknown vendor'}{nfr_user}"]
    lines.extend(_release_line(release) for release in module.releases)
    return lines


def _release_line(release: Release) -> str:
    flags = [release.channel.value]
    if release.paid:
        flags.append("paid")
    builds = [name for name, item in (("standard", release.standard), ("NFR", release.nfr)) if item is not None]
    return (
        f"  {release.display_version} (version {release.version}, {release.date or 'no date'}, {', '.join(flags)}; "
        f"{' + '.join(builds)}): {release.compatibility.describe()}"
    )


def _counts(catalog: Catalog) -> dict[str, int]:
    releases = [release for module in catalog.modules for release in module.releases]
    return {
        "modules": len(catalog.modules),
        "releases": len(releases),
        "nfrBuilds": sum(1 for release in releases if release.nfr is not None),
    }


def _json_document(data: bytes) -> dict[str, Any]:
    document: dict[str, Any] = safejson.loads(data, max_bytes=MAX_CATALOG_BYTES + 1, expect=dict)
    return document


def _check_local_files(catalog: Catalog) -> int:
    """Compare every relative file with its catalog entry; the first mismatch is an error."""
    checked = 0
    for module in catalog.modules:
        for release in module.releases:
            for item in (release.standard, release.nfr):
                if item is None or is_remote_location(item.location):
                    continue
                _check_local_file(catalog, item)
                checked += 1
    return checked


def _check_local_file(catalog: Catalog, item: ReleaseFile) -> None:
    path = Path(resolve_location(catalog.source, item.location))
    try:
        data = read_bytes_limited(path, _MAX_MODULE_FILE_BYTES)
    except FileNotFoundError:
        raise CatalogError(code="catalog_lists_missing_file", params={"location": item.location}) from None
    if len(data) != item.size or hashlib.sha256(data).hexdigest() != item.sha256:
        raise CatalogError(code="catalog_file_differs", params={"location": item.location})


# --- files ---------------------------------------------------------------------------------


def _read_catalog_bytes(path: Path) -> bytes:
    try:
        # One byte more than allowed, so parse_catalog reports an oversized catalog itself.
        return read_bytes_limited(path, MAX_CATALOG_BYTES + 1)
    except FileNotFoundError:
        raise CatalogError(code="catalog_input_missing", params={"kind": "catalog", "path": str(path)}) from None


def _parse(data: bytes, path: Path) -> Catalog:
    """Parse with the file named in messages, then resolve relative locations against its folder."""
    catalog = parse_catalog(data, source=str(path))
    return dataclasses.replace(catalog, source=str(path.parent))


def _read_small(path: Path, kind: str) -> bytes:
    """A key file; ``kind`` is signing_key or public_key."""
    try:
        return read_bytes_limited(path, _MAX_KEY_BYTES)
    except FileNotFoundError:
        raise CatalogError(code="catalog_input_missing", params={"kind": kind, "path": str(path)}) from None
    except ModManagerError as error:
        raise CatalogError(
            code="catalog_input_unreadable", params={"kind": kind, "path": str(path)}, cause=error
        ) from None
