"""One source for every message: each code a layer raises has its sentences, in English and German.

The raises are found by reading the source (every call of ``ModManagerError``, of each of its
subclasses and of ``Outcome`` that names a code), not from a list kept by hand: a new raise whose
code has no German text, or whose text uses a param the raise does not give, fails here. The CLI
then speaks German when ``--lang de`` or the locale says so, in a real subprocess.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import modmanager
from modmanager.core.errors import ModManagerError, Outcome, PbxError, StoreError
from modmanager.core.messages import known_codes, language_from, render, render_error, render_text
from modmanager.core.messages.files import WHY, why_text

SOURCE = Path(modmanager.__file__).parent

SAME_IN_GERMAN: frozenset[str] = frozenset({"catalog_source_unusable"})
"""Codes whose German sentence may be the English one: sentences made only of their params
("{source}: {cause}")."""


@dataclass(frozen=True)
class Raise:
    """One call that makes an error or outcome with a literal code."""

    where: str
    code: str
    params: frozenset[str] | None
    """The literal keys of ``params``; None when they are computed (only the code is checked)."""
    cause: bool
    parts: bool

    def given(self) -> dict[str, str]:
        given = {key: f"<{key}>" for key in self.params or ()}
        if self.cause:
            given |= {"cause": "<cause>", "cause_hint": "<cause hint>"}
        if self.parts:
            given["parts"] = "<parts>"
        return given


def _trees() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(SOURCE.rglob("*.py"))}


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _error_kinds(trees: dict[Path, ast.Module]) -> set[str]:
    """ModManagerError and every class that derives from it, however indirectly."""
    kinds = {"ModManagerError"}
    classes = [node for tree in trees.values() for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    grown = True
    while grown:
        grown = False
        for node in classes:
            if node.name not in kinds and any(_name(base) in kinds for base in node.bases):
                kinds.add(node.name)
                grown = True
    return kinds


def _literal_codes(node: ast.expr, assigned: dict[str, list[ast.expr]]) -> list[str] | None:
    """The codes a code expression can be: a string, a conditional of strings, or a local name
    assigned only such values; None when it is computed otherwise."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _literal_codes(node.body, assigned), _literal_codes(node.orelse, assigned)
        return None if body is None or orelse is None else body + orelse
    if isinstance(node, ast.Name) and node.id in assigned:
        codes: list[str] = []
        for value in assigned[node.id]:
            found = _literal_codes(value, {})
            if found is None:
                return None
            codes += found
        return codes
    return None


def _param_keys(node: ast.expr | None) -> frozenset[str] | None:
    if node is None:
        return frozenset()
    if isinstance(node, ast.Dict) and all(isinstance(key, ast.Constant) for key in node.keys):
        return frozenset(str(key.value) for key in node.keys if isinstance(key, ast.Constant))
    keywords = node.keywords if isinstance(node, ast.Call) and _name(node.func) == "dict" and not node.args else None
    if keywords is not None and all(keyword.arg is not None for keyword in keywords):
        return frozenset(str(keyword.arg) for keyword in keywords)
    return None


def _given(node: ast.expr | None) -> bool:
    return node is not None and not (isinstance(node, ast.Constant) and node.value in (None, ()))


def _assignments(function: ast.AST) -> dict[str, list[ast.expr]]:
    assigned: dict[str, list[ast.expr]] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, []).append(node.value)
    return assigned


def _raises() -> Iterator[Raise]:
    trees = _trees()
    kinds = _error_kinds(trees)
    for path, tree in trees.items():
        function_of: dict[int, ast.AST] = {}
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                for node in ast.walk(function):  # inner functions come later and win
                    function_of[id(node)] = function
        assignments = {id(function): _assignments(function) for function in set(function_of.values())}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            kind = _name(node.func)
            if kind not in kinds and kind != "Outcome":
                continue
            keywords = {keyword.arg: keyword.value for keyword in node.keywords if keyword.arg}
            code = keywords.get("code")
            position = 2 if kind == "PbxError" else 1 if kind == "Outcome" else None
            if code is None and position is not None and len(node.args) > position:
                code = node.args[position]
            params = keywords.get("params")
            if params is None and kind == "Outcome" and len(node.args) > 2:
                params = node.args[2]
            scope = function_of.get(id(node))
            assigned = assignments[id(scope)] if scope is not None else {}
            for literal in (_literal_codes(code, assigned) if code is not None else None) or ():
                yield Raise(
                    f"{path.relative_to(SOURCE.parent)}:{node.lineno}",
                    literal,
                    _param_keys(params),
                    _given(keywords.get("cause")),
                    _given(keywords.get("parts")),
                )


RAISES = sorted(set(_raises()), key=lambda found: (found.where, found.code))


def test_the_source_is_read_and_its_raises_found() -> None:
    codes = {found.code for found in RAISES}
    # A few raises the scan must see, of several kinds and shapes (keyword, positional, conditional, local).
    assert {
        "file_unreadable",
        "unreachable",
        "recovered_rollback",
        "update_no_nfr_file",
        "update_kept_new_version",
    } <= codes
    assert len(RAISES) > 100


@pytest.mark.parametrize("found", RAISES, ids=lambda found: f"{found.code}@{found.where}")
def test_every_raised_code_has_english_and_german_text_for_its_params(found: Raise) -> None:
    assert found.code in known_codes(), f"{found.where} raises {found.code!r}, which has no text in core/messages"
    if found.params is None:
        return  # params computed at run time: the real producers are checked by the tests of their layers
    english = render(found.code, found.given(), "en")
    german = render(found.code, found.given(), "de")
    assert english is not None, f"{found.where}: the text of {found.code!r} uses a param the raise does not give"
    assert german is not None, f"{found.where}: the German text of {found.code!r} uses a param not given"
    if found.code not in SAME_IN_GERMAN:
        assert german != english, f"{found.code!r} has no German text of its own"


def test_every_agent_fault_becomes_a_code_with_text() -> None:
    from modmanager.pbx.client import FAULT_ERRORS

    assert set(FAULT_ERRORS.values()) <= known_codes()


def test_every_damage_word_reads_german() -> None:
    for key in WHY:
        assert why_text(key, "de") and why_text(key, "de") != why_text(key, "en"), key
    assert why_text("no such key", "de") == ""


# -- rendering -----------------------------------------------------------------------------------


def test_an_error_raised_by_code_takes_its_english_text_from_the_catalogue() -> None:
    error = StoreError(code="pbx_name_taken", params={"pbx": "kunde-a"})
    assert error.message == "A PBX named kunde-a exists already."
    assert error.hint == "Choose another name, or remove the existing PBX first."
    assert render_text(error, "de") == (
        "Eine Telefonanlage namens kunde-a gibt es schon. "
        "Wählen Sie einen anderen Namen oder entfernen Sie zuerst die vorhandene Telefonanlage."
    )


def test_pbx_errors_keep_their_positional_code() -> None:
    error = PbxError("", "", "unreachable", params={"url": "https://pbx:443", "reason": "refused"})
    assert error.code == "unreachable"
    assert error.message == "The PBX at https://pbx:443 cannot be reached (connection refused)."
    assert "Verbindung abgelehnt" in render_error(error, "de")[0]


def test_a_cause_and_parts_are_rendered_in_the_same_language() -> None:
    cause = PbxError(code="unreachable", params={"url": "https://pbx:443", "reason": "timeout"})
    part = ModManagerError(code="verify_instance_missing", params={"instance": "Zentrale"})
    error = ModManagerError(
        code="update_not_rolled_back", params={"module": "Fax", "pbx": "kunde-a", "backup": ""}, cause=cause,
        parts=(part,),
    )  # fmt: skip
    message, hint = render_error(error, "de")
    assert "keine Antwort in der erwarteten Zeit" in message and "Instanz „Zentrale“ fehlt" in message
    assert "Unterbrochene Updates" in hint
    assert "no answer in time" in error.message and "instance “Zentrale” is missing" in error.message


def test_an_outcome_by_code_takes_its_english_sentence_from_the_catalogue() -> None:
    outcome = Outcome(code="recovered_rollback", params={"module": "Fax", "pbx": "kunde-a", "version": "3"})
    assert outcome.message == "Fax on kunde-a is back on v3 with all its settings."
    assert render("recovered_rollback", outcome.params, "de") == (
        "Fax auf kunde-a läuft wieder mit v3 und allen Einstellungen.",
        "",
    )


def test_an_unknown_code_or_missing_params_keep_the_stored_text() -> None:
    assert render("no_such_code", {}) is None
    assert render("pbx_name_taken", {}) is None
    stored = StoreError("A sentence from elsewhere.", "Its hint.", code="pbx_name_taken")
    assert render_error(stored, "de") == ("A sentence from elsewhere.", "Its hint.")


def test_params_cannot_break_the_line_or_inject_fields() -> None:
    error = StoreError(code="pbx_name_taken", params={"pbx": "a\nb {hint} \u202e"})
    message, _ = render_error(error, "de")
    assert "\n" not in message and "\u202e" not in message and "{hint}" in message


@pytest.mark.parametrize(
    ("choice", "environ", "language"),
    [
        ("de", {"LANG": "en_US.UTF-8"}, "de"),
        ("en", {"LANG": "de_DE.UTF-8"}, "en"),
        (None, {"LANG": "de_DE.UTF-8"}, "de"),
        (None, {"LANG": "de_AT.UTF-8"}, "de"),
        (None, {"LC_ALL": "en_GB.UTF-8", "LANG": "de_DE.UTF-8"}, "en"),
        (None, {"LC_MESSAGES": "de_CH.UTF-8", "LANG": "C"}, "de"),
        (None, {"LANGUAGE": "de:en"}, "de"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {}, "en"),
    ],
)
def test_the_language_follows_the_choice_then_the_locale(
    choice: str | None, environ: dict[str, str], language: str
) -> None:
    assert language_from(choice, environ) == language


# -- the CLI speaks the chosen language --------------------------------------------------------------


def _cli(tmp_path: Path, *args: str, **environ: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(environ)
    return subprocess.run(
        [sys.executable, "-m", "modmanager", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_cli_answers_in_german_when_the_locale_is_german(tmp_path: Path) -> None:
    done = _cli(tmp_path, "sfm", "inspect", "missing.sfm", LANG="de_DE.UTF-8")
    assert done.returncode == 1
    assert done.stderr == (
        "modmanager: Die Moduldatei missing.sfm kann nicht gelesen werden (Datei oder Ordner nicht gefunden). "
        "Prüfen Sie, ob die Datei existiert und ob Sie sie lesen dürfen.\n"
    )


def test_lang_overrides_the_locale(tmp_path: Path) -> None:
    english = _cli(tmp_path, "--lang", "en", "sfm", "inspect", "missing.sfm", LANG="de_DE.UTF-8")
    assert english.returncode == 1
    assert english.stderr == (
        "modmanager: The module file missing.sfm cannot be read (no such file or folder). "
        "Check that the file exists and that you may read it.\n"
    )
    german = _cli(tmp_path, "--lang", "de", "sfm", "inspect", "missing.sfm", LANG="C.UTF-8")
    assert german.stderr.startswith("modmanager: Die Moduldatei missing.sfm kann nicht gelesen werden")
