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


# --- each role against each service action -------------------------------------------------------------------

#: every service action and the permission it checks: a new service function fails the test below until
#: it is listed here (and in app.permissions)
SERVICE_TABLE = {
    "archive.reprint_or_render": "document.print",
    "calendar.import_schedule": "calendar.import_holidays",
    "catalog.import_procedures": "catalog.import",
    "center.set_value": "center.set",
    "demo.seed": "demo.seed",
    "dossier_actions.act": "ACTION_PERMISSIONS[action]",
    "files.attach": "document.digitize",
    "handover.run_round": "handover.run",
    "intake.receive": "dossier.receive",
    "kiosk.issue_ticket": "queue.issue",
    "province.receive_online": "dossier.receive_online",
    "queue.set_service": "queue.set_service",
    "queue.set_priority_group": "queue.set_priority_group",
    "queue.set_counter": "queue.set_counter",
    "queue.issue": "queue.issue",
    "queue.call_next": "queue.call_next",
    "queue.recall": "queue.recall",
    "queue.skip": "queue.end_ticket",
    "queue.done": "queue.end_ticket",
    "queue.transfer": "queue.transfer",
    "queue.requeue": "queue.requeue",
    "queue.pause": "queue.pause",
    "queue.resume": "queue.resume",
    "queue.link_dossier": "queue.link_dossier",
    "queue.seed_demo": "queue.set_counter queue.set_priority_group queue.set_service",
    "ratings.record": "rating.record",
    "complaints.add": "complaint.add",
    "complaints.answer": "complaint.answer",
    "complaints.inform": "complaint.inform",
    "complaints.route": "complaint.route",
    "fees.cancel": "fees.cancel",
    "fees.day_report_for": "fees.report",
    "fees.pay": "fees.pay",
    "fees.set_exemption": "fees.configure",
    "audit_chain.entries": "audit.view",
    "audit_chain.head": "audit.view",
    "audit_chain.verify": "audit.view",
    "device_setup.build_diagnostics": "device.configure",
    "device_setup.set_device": "device.configure",
    "station_settings.check": "station.configure",
    "station_settings.record_change": "station.configure",
    "privacy.anonymize": "privacy.anonymize",
    "privacy.record_export": "dossier.export",
    "privacy.view_personal": "dossier.view_personal",
    "reports.check_access": "report.view report.view_own",
    "reports.export_document": "report.export",
    "reports.summary": "report.view report.view_own",
    "setup.apply_center": "center.set",
    "setup.apply_queue": "queue.set_counter",
    "province.request_online_supplement": "dossier.online_supplement",
    "province.resolve_conflict": "sync.resolve_conflict",
    "users.create_user": "user.add",
    "users.sign_out": "user.sign_out",
    "users.change_password": "user.change_password",
    "users.reset_password": "user.reset_password",
    "users.set_roles": "user.set_roles",
    "users.lock": "user.lock",
    "users.unlock": "user.unlock",
    "users.list_users": "user.list",
    "users.leave_station": "station.leave",
    "users.open_technician_window": "station.technician_window",
}


def _checked():
    return {f"{m}.{n}": " ".join(sorted(e.value if isinstance(e, ast.Constant) else ast.unparse(e) for e in exprs))
            for m, n, exprs in service_actions()}


def test_every_service_action_has_its_row_in_the_table():
    assert _checked() == SERVICE_TABLE


@pytest.mark.parametrize("role", sorted(ROLES))
@pytest.mark.parametrize("action", sorted(SERVICE_TABLE))
def test_each_role_against_each_service_action(role, action):
    checked = SERVICE_TABLE[action]
    permissions = set(ACTION_PERMISSIONS.values()) if checked.startswith("ACTION_PERMISSIONS") else checked.split()
    actor = Actor("u", role)
    for permission in permissions:
        expected = role in ALWAYS or role in PERMISSIONS[permission]
        assert actor.may(permission) is expected, (role, action, permission)


def test_an_actor_with_several_roles_passes_when_any_allows():
    both = Actor("lan", ["officer", "technician"])
    assert both.roles == {"officer", "technician"} and both.role == "officer technician"
    assert both.may("dossier.receive") and both.may("station.leave") and both.may("catalog.import")
    assert not both.may("user.add")
    assert Actor("lan", "officer technician") == both
    with pytest.raises(RuleError) as err:
        both.require("user.lock")
    assert err.value.params["role"] == "officer technician"


USER_ACTIONS = {  # each users-service action, run for real: (permission, call)
    "user.add": lambda s, a: _users().create_user(s, a, "newbie", "long-password", ["officer"]),
    "user.list": lambda s, a: _users().list_users(s, a),
    "user.set_roles": lambda s, a: _users().set_roles(s, a, "lan", ["officer", "director"]),
    "user.reset_password": lambda s, a: _users().reset_password(s, a, "lan", "another-password"),
    "user.lock": lambda s, a: _users().lock(s, a, "lan"),
    "user.unlock": lambda s, a: _users().unlock(s, a, "lan"),
    "user.sign_out": lambda s, a: _users().sign_out(s, a),
    "station.leave": lambda s, a: _users().leave_station(s, a, "kiosk"),
    "station.technician_window": lambda s, a: _users().open_technician_window(s, a, "kiosk"),
}


def _users():
    from app.services import users

    return users


@pytest.mark.parametrize("role", ["officer", "receptionist", "technician", "director", "admin", "kiosk"])
def test_each_role_runs_the_users_service_for_real(sqlite_store, role):
    users = _users()
    with sqlite_store.write() as s:
        users.create_first_admin(s, "root", "root-password")
        users.create_user(s, Actor("root", "admin"), "lan", "lan-password", ["officer"])
    actor = Actor("lan", role)
    for permission, call in USER_ACTIONS.items():
        allowed = role in ALWAYS or role in PERMISSIONS[permission]
        with sqlite_store.write() as s:
            if allowed:
                call(s, actor)
            else:
                with pytest.raises(RuleError) as err:
                    call(s, actor)
                assert err.value.params["permission"] == permission
