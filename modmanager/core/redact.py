"""Keep secrets out of text that leaves the process: log files, support bundles.

Two nets, because either alone misses something:

- **Known values.** Every secret modmanager handles - PBX passwords, agent secrets, the master
  password, passwords of exported backups, stored keys - is registered here the moment it is
  read or set (:func:`register_secret`, called by the credential store and the backup store).
  Each is replaced wherever it appears, also in the forms it travels in: URL-encoded,
  JSON-escaped, XML-escaped.
- **Patterns.** What is derived from secrets or never passed through the stores: the XML-RPC
  query string ``de.vertico.starface.auth=<login>:<sha512>``, any SHA-512 hex digest, values
  of keys that name a password, secret or token (``"agentSecret": "..."``, ``password=...``,
  XML-RPC ``<name>...Password</name>`` members), ``Authorization`` headers and the user
  information of URLs.

Pure text functions; the registry is process-wide and thread-safe. Values shorter than
:data:`MIN_SECRET_LENGTH` are not registered (they would mask ordinary words); the patterns
still catch them where they are labelled.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable
from urllib.parse import quote, quote_plus

MASK = "[redacted]"
MIN_SECRET_LENGTH = 4
_MAX_REGISTERED = 4096
"""A bound on memory: far more secrets than one workstation uses."""
_MAX_PENDING = 256
"""Registered forms not yet compiled into the pattern, at most (see :meth:`SecretRegistry.redact`)."""

_QUOTE = r"(?:\"|'|&quot;|&#34;|\\\")"
_KEY = r"[\w.-]*(?:password|passwd|passwort|secret|token|credential|apikey|api_key)[\w.-]*"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # The STARFACE XML-RPC login in a URL: de.vertico.starface.auth=<login>:<sha512 hex>
    (re.compile(r"(de\.vertico\.starface\.auth=)[^&\s\"'<>]*", re.IGNORECASE), rf"\1{MASK}"),
    # A SHA-512 digest in hex: the password hash inside that login.
    (re.compile(r"(?<![0-9A-Fa-f])[0-9A-Fa-f]{128}(?![0-9A-Fa-f])"), MASK),
    # "password": "x", 'agentSecret': 'x', &quot;agentSecret&quot;: &quot;x&quot;, \"token\": \"x\"
    (
        re.compile(rf"({_QUOTE}{_KEY}{_QUOTE}\s*[:=]\s*)({_QUOTE})(.*?)(?<!\\)\2", re.IGNORECASE),
        rf"\1\2{MASK}\2",
    ),
    # password=x, secret: "x", token=x (what the rule above left: unquoted keys or values)
    (
        re.compile(rf"(\b{_KEY}{_QUOTE}?\s*[:=]\s*{_QUOTE}?)(?!\[redacted\])[^\s,;&}}\]\"'<>]+", re.IGNORECASE),
        rf"\1{MASK}",
    ),
    # An XML-RPC struct member: <name>apiPassword</name><value><string>x</string></value>
    (
        re.compile(rf"(<name>\s*{_KEY}\s*</name>\s*<value>\s*(?:<string>)?)([^<]*)", re.IGNORECASE),
        rf"\1{MASK}",
    ),
    # HTTP authorization headers
    (re.compile(r"(\b(?:proxy-)?authorization\b[\"']?\s*[:=]\s*[\"']?)[^\r\n\"',}]+", re.IGNORECASE), rf"\1{MASK}"),
    # https://user:password@host
    (re.compile(r"(\b[a-z][a-z0-9+.-]*://)[^/\s:@]+:[^/\s@]+@", re.IGNORECASE), rf"\1{MASK}@"),
)


class SecretRegistry:
    """Secret values to mask, with the forms they travel in."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: set[str] = set()
        self._pending: list[str] = []
        """Values registered since the pattern was compiled."""
        self._pattern: re.Pattern[str] | None = None
        self._heads: frozenset[str] = frozenset()
        """The first :data:`MIN_SECRET_LENGTH` characters of every value (see :meth:`_may_occur`)."""

    def register(self, value: str | bytes | None) -> None:
        """Mask ``value`` (and its encoded forms) from now on; short or empty values are ignored."""
        if value is None:
            return
        text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
        if len(text) < MIN_SECRET_LENGTH:
            return
        forms = {form for form in _forms(text) if len(form) >= MIN_SECRET_LENGTH}
        with self._lock:
            if forms <= self._values or len(self._values) >= _MAX_REGISTERED:
                return
            new = forms - self._values
            self._values |= new
            self._pending.extend(new)
            self._heads = self._heads | {form[:MIN_SECRET_LENGTH] for form in new}

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self._pending.clear()
            self._pattern = None
            self._heads = frozenset()

    def _compiled(self, text: str) -> re.Pattern[str] | None:
        """The pattern of every registered value that may occur in ``text``.

        Compiling the alternation of all values costs milliseconds once thousands are known, and
        a fleet refresh registers two secrets per PBX between log lines. So values registered
        since the last compile are looked for in ``text`` directly; only when one occurs (or
        too many wait) is the pattern compiled again - a value that does not occur in ``text``
        changes nothing the pattern does to it.
        """
        with self._lock:
            if self._pending and (len(self._pending) > _MAX_PENDING or any(value in text for value in self._pending)):
                ordered = sorted(self._values, key=len, reverse=True)  # longest first: no partial masks
                self._pattern = re.compile("|".join(re.escape(value) for value in ordered))
                self._pending.clear()
            return self._pattern

    def _may_occur(self, text: str) -> bool:
        """Whether some registered value may occur in ``text``: one of their beginnings does.

        The pattern alternates thousands of values (seven forms of two secrets per PBX), which
        the regular expression engine tries one by one at every position of the text; most log
        lines contain none, and looking up each position's first characters in a set says so
        in a fraction of the time.
        """
        heads = self._heads
        width = MIN_SECRET_LENGTH
        return any(text[start : start + width] in heads for start in range(len(text) - width + 1))

    def redact(self, text: str) -> str:
        """``text`` with every registered value and every pattern match masked."""
        if not text:
            return text
        if self._may_occur(text):
            pattern = self._compiled(text)
            if pattern is not None:
                text = pattern.sub(MASK, text)
        for rule, replacement in _PATTERNS:
            text = rule.sub(replacement, text)
        return text


def _xml_escape(text: str, entities: dict[str, str]) -> str:
    """As ``xml.sax.saxutils.escape`` (which imports urllib.request, http.client and ssl with it)."""
    text = text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    for char, entity in entities.items():
        text = text.replace(char, entity)
    return text


def _forms(text: str) -> Iterable[str]:
    yield text
    yield quote(text, safe="")
    yield quote_plus(text, safe="")
    yield json.dumps(text, ensure_ascii=False)[1:-1]
    yield json.dumps(text, ensure_ascii=True)[1:-1]
    yield _xml_escape(text, {'"': "&quot;", "'": "&apos;"})
    yield _xml_escape(json.dumps(text, ensure_ascii=False)[1:-1], {'"': "&quot;"})


_REGISTRY = SecretRegistry()


def register_secret(value: str | bytes | None) -> None:
    """Register a secret with the process-wide registry (see the module docstring)."""
    _REGISTRY.register(value)


def redact(text: str) -> str:
    """``text`` with every secret known to this process, and every secret-shaped value, masked."""
    return _REGISTRY.redact(text)


def forget_secrets() -> None:
    """Forget the registered values (tests); the patterns stay."""
    _REGISTRY.clear()
