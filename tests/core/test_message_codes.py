"""Every error and outcome modmanager raises carries a stable code (issue 9, "One source for every
message"), so each front end can say it in its own language from :mod:`modmanager.core.messages`.

The source of ``modmanager/`` is read as it is: the error kinds are every class that derives from
``ModManagerError`` (found by scanning the class definitions, so a new kind is covered at once), and
every call of a kind or of ``Outcome`` must carry a code. A code may come

* as a literal (``code="sfm_not_zip"``, or a conditional of literals),
* through a helper's parameter (``_invalid("sfm_not_zip", label)``): then every call of the helper
  in that module passes a literal,
* or carried over from another error or a table (``code=error.code``, ``code=code`` of a local).

Each literal code must have text: in the catalogue, or (until the GUI's own table is folded into
it) in ``modmanager/gui/errors``. A code of the catalogue is also rendered in English and German
with the params its raise site writes (literal keys; literal values where given, so the words of a
``problem`` key are rendered too), which catches a template that names a param no raise passes.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import modmanager
from modmanager.core.messages import LANGUAGES, known_codes, render

SOURCE = Path(modmanager.__file__).resolve().parent
GUI_TEXTS = SOURCE / "gui" / "errors"
UNKNOWN = "x"
"""The value rendered for a param whose value is not a literal at the raise site."""

# What a JsonProblem's params look like (jsonwords.json_params spreads them into an error's params).
JSON_PARAMS = {"json_problem": "not_json", "line": "3", "column": "7"}


def _modules() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(SOURCE.rglob("*.py"))}


MODULES = _modules()


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _kinds() -> frozenset[str]:
    """``ModManagerError`` and every class deriving from it, by name, plus ``Outcome``."""
    bases: dict[str, set[str]] = {}
    for tree in MODULES.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(filter(None, map(_name, node.bases)))
    kinds = {"ModManagerError"}
    grown = True
    while grown:
        grown = False
        for name, parents in bases.items():
            if name not in kinds and parents & kinds:
                kinds.add(name)
                grown = True
    return frozenset(kinds | {"Outcome"})


KINDS = _kinds()


def _gui_codes() -> frozenset[str]:
    """Codes the GUI's own table (``@templates(...)``) has text for, while it exists."""
    codes: set[str] = set()
    for path, tree in MODULES.items():
        if GUI_TEXTS not in path.parents:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) == "templates":
                codes.update(arg.value for arg in node.args if isinstance(arg, ast.Constant))
    return frozenset(codes)


@dataclass
class Raise:
    """One call of an error kind or Outcome, with what the code check found out about it."""

    path: Path
    call: ast.Call
    kind: str
    codes: list[tuple[str, dict[str, str] | None]] = field(default_factory=list)
    """Each literal code the call raises, with the params of that way of reaching it (None: not known
    statically); empty when the code is carried over."""
    problem: str = ""

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(SOURCE.parent)}:{self.call.lineno}"


def _code_argument(call: ast.Call, kind: str) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == "code":
            return keyword.value
    if kind == "PbxError" and len(call.args) >= 3:
        return call.args[2]
    if kind == "Outcome" and len(call.args) >= 2:
        return call.args[1]
    return None


def _parents(tree: ast.Module) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _enclosing_function(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> ast.FunctionDef | None:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            return node  # type: ignore[return-value]
    return None


def _calls_of(function: ast.FunctionDef, tree: ast.Module, parents: dict[ast.AST, ast.AST]) -> list[ast.Call]:
    """Calls of ``function`` by name where it is visible: in its parent function, else the module."""
    scope: ast.AST = _enclosing_function(function, parents) or tree
    return [
        node
        for node in ast.walk(scope)
        if isinstance(node, ast.Call) and _name(node.func) == function.name and node is not function
    ]


def _bind(function: ast.FunctionDef, call: ast.Call) -> tuple[dict[str, ast.expr], dict[str, ast.expr]]:
    """The call's arguments by parameter name, and the keywords that land in ``**kwargs``."""
    positional = [arg.arg for arg in (*function.args.posonlyargs, *function.args.args)]
    if positional and positional[0] in ("self", "cls") and isinstance(call.func, ast.Attribute):
        positional = positional[1:]
    bound: dict[str, ast.expr] = dict(zip(positional, call.args, strict=False))
    named = set(positional) | {arg.arg for arg in function.args.kwonlyargs}
    extra: dict[str, ast.expr] = {}
    for keyword in call.keywords:
        if keyword.arg is None:
            continue
        if keyword.arg in named:
            bound[keyword.arg] = keyword.value
        else:
            extra[keyword.arg] = keyword.value
    return bound, extra


def _literals(node: ast.expr | None, scope: ast.AST | None = None) -> list[str] | None:
    """The string(s) a literal, a conditional of literals, or a local name only ever assigned such
    (in ``scope``) gives; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _literals(node.body, scope), _literals(node.orelse, scope)
        return body + orelse if body is not None and orelse is not None else None
    if isinstance(node, ast.Name) and scope is not None:
        values = [
            assignment.value
            for assignment in ast.walk(scope)
            if isinstance(assignment, ast.Assign)
            and any(isinstance(target, ast.Name) and target.id == node.id for target in assignment.targets)
        ]
        found = [_literals(value) for value in values]
        if found and all(item is not None for item in found):
            return [code for item in found if item is not None for code in item]
    return None


def _value(node: ast.expr, bound: dict[str, ast.expr]) -> str:
    if isinstance(node, ast.Name) and node.id in bound:
        node = bound[node.id]
    literal = _literals(node)
    return literal[0] if literal else UNKNOWN


def _params(
    call: ast.Call, function: ast.FunctionDef | None, bound: dict[str, ast.expr], extra: dict[str, ast.expr]
) -> dict[str, str] | None:
    """The params a call writes (keys and, where literal, values); None when not known statically."""
    params: dict[str, str] = {}
    for keyword in call.keywords:
        if keyword.arg == "params":
            if not isinstance(keyword.value, ast.Dict):
                return None
            for key, value in zip(keyword.value.keys, keyword.value.values, strict=True):
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    params[key.value] = _value(value, bound)
                elif key is None and isinstance(value, ast.Call) and _name(value.func) == "json_params":
                    params.update(JSON_PARAMS)
                elif (
                    key is None
                    and function is not None
                    and function.args.kwarg is not None
                    and (isinstance(value, ast.Name) and value.id == function.args.kwarg.arg)
                ):
                    params.update({name: _value(item, bound) for name, item in extra.items()})
                else:
                    return None
        elif keyword.arg == "cause" and not (isinstance(keyword.value, ast.Constant) and keyword.value.value is None):
            cause = keyword.value
            if isinstance(cause, ast.Name) and cause.id in bound:
                cause = bound[cause.id]
            elif isinstance(cause, ast.Name) and function is not None and _default_is_none(function, cause.id):
                continue  # a helper's optional cause that this call does not pass
            if not (isinstance(cause, ast.Constant) and cause.value is None):
                params.update({"cause": "the cause", "cause_hint": "Do what the cause says."})
        elif keyword.arg == "parts":
            params["parts"] = "the parts"
    return params


def _default_is_none(function: ast.FunctionDef, name: str) -> bool:
    arguments = function.args
    pairs = [
        *zip(reversed([*arguments.posonlyargs, *arguments.args]), reversed(arguments.defaults), strict=False),
        *zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True),
    ]
    return any(
        arg.arg == name and isinstance(default, ast.Constant) and default.value is None for arg, default in pairs
    )


def _check(path: Path, tree: ast.Module, parents: dict[ast.AST, ast.AST], call: ast.Call, kind: str) -> Raise:
    found = Raise(path, call, kind)
    argument = _code_argument(call, kind)
    function = _enclosing_function(call, parents)
    if argument is None or (isinstance(argument, ast.Constant) and not argument.value):
        found.problem = "has no code"
        return found
    literal = _literals(argument)
    helper_calls = _calls_of(function, tree, parents) if function is not None else []
    parameters = {arg.arg for arg in ast.walk(function.args) if isinstance(arg, ast.arg)} if function else set()
    if literal is not None:
        if helper_calls and function is not None:
            ways = [_params(call, function, *_bind(function, site)) for site in helper_calls]
        else:
            ways = [_params(call, function, {}, {})]
        found.codes = [(code, params) for code in literal for params in ways]
        return found
    if isinstance(argument, ast.Name) and argument.id in parameters and function is not None:
        if not helper_calls:
            found.problem = (
                f"takes its code from the parameter {argument.id!r} of {function.name}(), which is never called"
            )
            return found
        for site in helper_calls:
            bound, extra = _bind(function, site)
            codes = _literals(bound.get(argument.id), _enclosing_function(site, parents))
            if codes is None:
                found.problem = f"gets a code that is not a literal from {function.name}() at line {site.lineno}"
                return found
            found.codes += [(code, _params(call, function, bound, extra)) for code in codes]
        return found
    if isinstance(argument, ast.Attribute | ast.Name | ast.Subscript):
        return found  # carried over from another error or a table
    found.problem = f"has a code that is neither a literal nor carried over: {ast.unparse(argument)}"
    return found


def _raises() -> Iterator[Raise]:
    for path, tree in MODULES.items():
        parents = _parents(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in KINDS:
                yield _check(path, tree, parents, node, str(_name(node.func)))


RAISES = list(_raises())


def test_the_error_kinds_are_found_by_scanning_the_class_definitions() -> None:
    assert {"ModManagerError", "StoreError", "CatalogsUnavailable", "PbxBusy", "RunnerBusy", "Outcome"} <= KINDS
    assert len(RAISES) > 200, "the scan should see every raise of modmanager"


def test_every_error_and_outcome_carries_a_code() -> None:
    missing = [f"{found.where}: {found.kind}(...) {found.problem}" for found in RAISES if found.problem]
    assert not missing, "Give each a stable code (see modmanager/core/messages):\n" + "\n".join(missing)


def test_every_code_raised_alone_has_text() -> None:
    """A raise that gives only a code takes its English text from the catalogue, so the code must
    have text there (a raise that still writes its own English sentence shows that meanwhile)."""
    texts = known_codes() | _gui_codes()
    unknown = sorted(
        {
            f"{found.where}: {code}"
            for found in RAISES
            for code, _ in found.codes
            if code not in texts and not _writes_its_message(found)
        }
    )
    assert not unknown, "Write these codes' sentences in modmanager/core/messages:\n" + "\n".join(unknown)


def _writes_its_message(found: Raise) -> bool:
    first = found.call.args[0] if found.call.args else None
    for keyword in found.call.keywords:
        if keyword.arg == "message":
            first = keyword.value
    return first is not None and not (isinstance(first, ast.Constant) and not first.value)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_code_renders_with_the_params_of_its_raises(language: str) -> None:
    catalogue = known_codes()
    broken: set[str] = set()
    for found in RAISES:
        for code, params in found.codes:
            if code not in catalogue or params is None:
                continue
            texts = render(code, params, language)  # type: ignore[arg-type]
            if texts is None or not texts[0]:
                broken.add(f"{found.where}: {code} with {sorted(params.items())}")
    assert not broken, f"These raises' params do not fit their {language} text:\n" + "\n".join(sorted(broken))
