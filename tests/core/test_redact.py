"""Secrets are masked by value (in every form they travel in) and by pattern."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from urllib.parse import quote
from xml.sax.saxutils import escape

import pytest

from modmanager.core.redact import MASK, SecretRegistry, forget_secrets, redact, register_secret


@pytest.fixture(autouse=True)
def _fresh_registry() -> Iterator[None]:
    forget_secrets()
    yield
    forget_secrets()


def test_a_registered_value_is_masked_in_every_form_it_travels_in() -> None:
    secret = 'pä$$ "wört" & <x>'
    register_secret(secret)
    for form in (
        secret,
        quote(secret, safe=""),
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
        escape(secret, {'"': "&quot;"}),
    ):
        text = f"before {form} after"
        assert redact(text) == f"before {MASK} after", form


def test_the_longest_registered_value_wins_and_short_values_are_not_registered() -> None:
    registry = SecretRegistry()
    registry.register("geheim")
    registry.register("geheim-123")
    registry.register("abc")  # too short: would mask ordinary words
    assert registry.redact("x geheim-123 y geheim z abc") == f"x {MASK} y {MASK} z abc"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("POST /xml-rpc?de.vertico.starface.auth=0001:" + "ab" * 64 + " HTTP/1.1", "POST /xml-rpc?"),
        ("https://pbx:443/xml-rpc?de.vertico.starface.auth=0001%3Aabc&x=1", "&x=1"),
        ('{"protocolVersion": 2, "agentSecret": "s3 cr3t", "moduleId": "m"}', '"moduleId": "m"'),
        ("{&quot;agentSecret&quot;: &quot;s3 cr3t&quot;, &quot;n&quot;: 1}", "&quot;n&quot;: 1"),
        ('{\\"password\\": \\"s3 cr3t\\"}', "password"),
        ("password=s3cr3t next", "next"),
        ("master_password: 's3cr3t' next", "next"),
        ("apiPassword = s3cr3t", "apiPassword"),
        ("<member><name>apiPassword</name><value><string>s3cr3t</string></value></member>", "</member>"),
        ("Authorization: Basic czNjcjN0", "Authorization"),
        ("fetching https://bob:s3cr3t@example.com/catalog.json", "example.com/catalog.json"),
        ("digest " + hashlib.sha512(b"s3cr3t").hexdigest(), "digest"),
    ],
)
def test_patterns_mask_what_no_store_registered(text: str, kept: str) -> None:
    masked = redact(text)
    assert MASK in masked
    assert "s3cr3t" not in masked and "s3 cr3t" not in masked and "ab" * 64 not in masked
    assert "czNjcjN0" not in masked and hashlib.sha512(b"s3cr3t").hexdigest() not in masked
    assert kept in masked


def test_ordinary_text_is_left_alone() -> None:
    for text in (
        "No password is stored for PBX 'kunde-a' (login '0001').",
        "update of Anrufweiterleitung on kunde-a: v126 -> v130",
        "sha256 " + "a" * 64,
        "The master password is wrong.",
    ):
        assert redact(text) == text


def test_values_registered_after_masking_began_are_masked_too() -> None:
    registry = SecretRegistry()
    registry.register("erstes-geheimnis")
    assert registry.redact("a erstes-geheimnis b") == f"a {MASK} b"
    for number in range(600):  # more than wait uncompiled at most; logged text in between
        registry.register(f"geheimnis-nummer-{number}")
        assert registry.redact(f"x geheimnis-nummer-{number // 2} y") == f"x {MASK} y"
    registry.register("geheim")
    registry.register("geheim-und-laenger")  # registered later, longer: still wins as a whole
    assert registry.redact("[geheim-und-laenger] [geheim]") == f"[{MASK}] [{MASK}]"
    assert registry.redact("nothing to hide") == "nothing to hide"
