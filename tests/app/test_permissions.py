"""One permissions table: every service action that takes an actor checks an entry of it, every entry is
checked somewhere, and roles appear nowhere else as literal tuples."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from app.actors import SYSTEM, Actor
from app.errors import AppError, RuleError
from app.permissions import ALWAYS, PERMISSIONS, ROLES, allows
from app.services.dossier_actions import ACTION_PERMISSIONS
from app.lifecycle import ACTIONS

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ROOT / "app" / "services"
# Helpers that take the actor only to record who acted; each is called from a checked action (the outbox
# snapshot of an event; the notice number drawn while printing, under archive's "document.print").
RECORDERS = {"add_event", "audit", "keep", "event_snapshot", "dossier_event", "notice_number", "form_data", "form_extra"}


def _requires(func: ast.FunctionDef) -> list[ast.expr]:
    return [node.args[0] for node in ast.walk(func)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "require"
            and node.args]


def _calls(func: ast.FunctionDef) -> set[str]:
    return {node.func.id for node in ast.walk(func) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}


def service_actions():
    """(module, function, [permission expressions]) for every service function with an ``actor`` parameter;
    a function counts as checked when it, or a function of its module it calls, calls ``require``."""
    for path in sorted(SERVICES.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        funcs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
        checked = {name: _requires(f) for name, f in funcs.items()}
        changed = True
        while changed:  # a function calling a checked function of its module is checked by it
            changed = False
            for name, f in funcs.items():
                if not checked[name]:
                    inherited = [e for callee in _calls(f) if callee in funcs for e in checked[callee]]
                    if inherited:
                        checked[name] = inherited
                        changed = True
        for name, f in funcs.items():
            params = [a.arg for a in f.args.args + f.args.kwonlyargs]
            if "actor" in params and name not in RECORDERS and not name.startswith("_"):
                yield path.stem, name, checked[name]


def test_every_service_action_checks_a_permission_of_the_table():
    problems = []
    actions = list(service_actions())
    assert len(actions) > 15
    for module, name, exprs in actions:
        if not exprs:
            problems.append(f"{module}.{name} takes an actor but checks no permission")
        for expr in exprs:
            if isinstance(expr, ast.Constant):
                if expr.value not in PERMISSIONS:
                    problems.append(f"{module}.{name} checks {expr.value!r}, which app.permissions does not list")
            elif ast.unparse(expr) != "ACTION_PERMISSIONS[action]":
                problems.append(f"{module}.{name} checks {ast.unparse(expr)}: name the permission")
    assert not problems, "\n".join(problems)


def test_every_permission_is_checked_by_a_service():
    used = {e.value for _, _, exprs in service_actions() for e in exprs if isinstance(e, ast.Constant)}
    used |= set(ACTION_PERMISSIONS.values())
    assert sorted(set(PERMISSIONS) - used) == []


def test_every_lifecycle_action_has_its_permission():
    assert set(ACTION_PERMISSIONS) == set(ACTIONS)
    assert all(p in PERMISSIONS for p in ACTION_PERMISSIONS.values())


def test_roles_are_known_and_never_spelled_as_tuples_elsewhere():
    assert all(set(roles) <= set(ROLES) for roles in PERMISSIONS.values())
    role = r"\"(?:admin|officer|technician|director|receptionist)\""
    literal = re.compile(rf"\(\s*{role}\s*,\s*(?:{role}|\))")
    offenders = [p.relative_to(ROOT).as_posix() for room in ("app", "ui") for p in (ROOT / room).rglob("*.py")
                 if p.name != "permissions.py" and literal.search(p.read_text(encoding="utf-8"))]
    # dossier_input.COUNTER_ROLES is left over, unused, in a module another change owns.
    assert sorted(set(offenders) - {"app/services/dossier_input.py"}) == []


@pytest.mark.parametrize("role", sorted(set(ROLES)))
def test_require_follows_the_table(role):
    actor = Actor("u", role)
    for permission, roles in PERMISSIONS.items():
        if role in ALWAYS or role in roles:
            actor.require(permission)
            assert actor.may(permission) and allows(role, permission)
        else:
            with pytest.raises(RuleError) as err:
                actor.require(permission)
            assert err.value.code == "not_permitted" and err.value.params["permission"] == permission


def test_an_unknown_permission_is_a_programming_error_not_a_refusal():
    with pytest.raises(AppError) as err:
        SYSTEM.require("dossier.teleport")
    assert err.value.code == "permission_unknown" and not isinstance(err.value, RuleError)


def test_a_service_refuses_an_actor_without_the_permission(store):
    from app.services import catalog

    with store.write() as session, pytest.raises(RuleError) as err:
        catalog.import_procedures(session, Actor("an", "officer"), [])
    assert err.value.code == "not_permitted" and "catalog.import" in str(err.value)
