"""Temporary alias: the protocol records moved to :mod:`modmanager.core.protocol` (pure, shared by
core, store, ops, client and simulator). Import from there; this alias goes away after the first build."""

from modmanager.core.protocol import *  # noqa: F403
from modmanager.core.protocol import (  # noqa: F401
    AnswerError,
    _get,
)
