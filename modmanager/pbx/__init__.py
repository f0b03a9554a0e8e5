"""Adapter to a PBX: the agent protocol over STARFACE XML-RPC, TLS pinning, typed answers."""
