"""Helpers that speak the agent protocol raw (plain xmlrpc.client), for simulator tests."""

from __future__ import annotations

import hashlib
import xmlrpc.client
from typing import Any

import pytest

from modmanager.core.protocol import EntryPoint, FaultCode
from modmanager.simulator.server import SimulatedPbx
from modmanager.simulator.testing import raw_call


def fault_of(sim: SimulatedPbx, entry_point: EntryPoint | str, **fields: Any) -> xmlrpc.client.Fault:
    """The fault a call answers (fails the test if it succeeds)."""
    with pytest.raises(xmlrpc.client.Fault) as caught:
        raw_call(sim, entry_point, **fields)
    return caught.value


def fault_code(sim: SimulatedPbx, entry_point: EntryPoint | str, **fields: Any) -> FaultCode:
    return FaultCode(fault_of(sim, entry_point, **fields).faultCode)


def lock(sim: SimulatedPbx, owner: str = "tester") -> str:
    token: str = raw_call(sim, EntryPoint.ACQUIRE_LOCK, owner=owner)["lockToken"]
    return token


def upload(sim: SimulatedPbx, token: str, data: bytes, *, chunk_size: int = 1000) -> str:
    """Upload ``data`` in chunks and commit it; returns the upload id."""
    state = raw_call(sim, EntryPoint.UPLOAD_BEGIN, lockToken=token, size=len(data), sha256=sha256(data))
    upload_id: str = state["uploadId"]
    offset = state["offset"]
    while offset < len(data):
        state = raw_call(
            sim,
            EntryPoint.UPLOAD_CHUNK,
            lockToken=token,
            uploadId=upload_id,
            offset=offset,
            data=data[offset : offset + chunk_size],
        )
        offset = state["offset"]
    raw_call(sim, EntryPoint.UPLOAD_COMMIT, lockToken=token, uploadId=upload_id)
    return upload_id


def install(sim: SimulatedPbx, data: bytes) -> dict[str, Any]:
    token = lock(sim)
    upload_id = upload(sim, token, data)
    result: dict[str, Any] = raw_call(sim, EntryPoint.INSTALL_UPLOADED, lockToken=token, uploadId=upload_id)
    return result


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
