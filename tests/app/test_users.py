"""Users and sign-in (issue 12): Argon2id at OWASP's parameters, rehash on verify, lock-out with back-off on
a fake clock, never telling whether a name exists, the administrator's account work, all audited by id."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import uuid

import pytest
from argon2 import PasswordHasher
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.actors import Actor
from app.errors import NotFoundError, RuleError, ValidationError
from app.services import users
from app.store.models import AuditEntry, User

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=timezone.utc)
ADMIN = Actor("root", "admin")


@pytest.fixture
def people(store):
    with store.write() as s:
        users.create_first_admin(s, "root", "root-password", "Quản trị")
        users.create_user(s, ADMIN, "lan", "lan-password", ["officer", "technician"], "Nguyễn Thị Lan")
    return store


def _audit(store, action=None):
    with store.read() as s:
        rows = list(s.scalars(select(AuditEntry).order_by(AuditEntry.id)))
    return [r for r in rows if action is None or r.action == action]


def test_real_parameters_are_owasps_argon2id(monkeypatch):
    monkeypatch.delenv(users.FAST_ENV, raising=False)
    h = users.hash_password("correct horse")
    assert h.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert users.hasher().verify(h, "correct horse")


def test_first_admin_only_on_an_empty_database(store):
    with store.write() as s:
        assert not users.has_users(s)
        with pytest.raises(RuleError) as err:
            users.create_first_admin(s, "lan", "long-password", roles=["officer"])
        assert err.value.code == "first_user_admin"
        users.create_first_admin(s, "root", "root-password")
        assert users.has_users(s)
        with pytest.raises(RuleError) as err:
            users.create_first_admin(s, "root2", "root-password")
        assert err.value.code == "users_exist"


def test_sign_in_gives_an_actor_with_every_role(people):
    actor = users.sign_in(people, "Lan", "lan-password", now=T0, station=3)
    assert actor.username == "lan" and actor.roles == {"officer", "technician"} and actor.counter == 3
    assert actor.may("dossier.receive") and actor.may("station.leave") and not actor.may("user.add")
    assert actor.display_name == "Nguyễn Thị Lan" and actor.user_id is not None and not actor.demo
    entry = _audit(people, "user.sign_in")[-1]
    assert entry.entity == f"user:{actor.user_id}" and entry.detail == {"station": "3"}


def test_lock_out_backs_off_and_doubles_on_a_fake_clock(people):
    for i in range(users.FREE_ATTEMPTS - 1):
        with pytest.raises(RuleError) as err:
            users.sign_in(people, "lan", "wrong", now=T0 + timedelta(seconds=i))
        assert err.value.code == "signin_failed"
    with pytest.raises(RuleError) as err:  # the fifth failure locks for a minute
        users.sign_in(people, "lan", "wrong", now=T0 + timedelta(seconds=10))
    assert err.value.code == "signin_locked" and err.value.params["seconds"] == 60
    # while it waits even the right password is not checked
    with pytest.raises(RuleError) as err:
        users.sign_in(people, "lan", "lan-password", now=T0 + timedelta(seconds=40))
    assert err.value.code == "signin_locked" and err.value.params["seconds"] == 30
    # after the minute one more failure locks for two
    with pytest.raises(RuleError) as err:
        users.sign_in(people, "lan", "wrong", now=T0 + timedelta(seconds=71))
    assert err.value.code == "signin_locked" and err.value.params["seconds"] == 120
    with pytest.raises(RuleError):
        users.sign_in(people, "lan", "lan-password", now=T0 + timedelta(seconds=190))
    actor = users.sign_in(people, "lan", "lan-password", now=T0 + timedelta(seconds=192))
    assert actor.username == "lan"
    with people.read() as s:  # success resets the count
        user = users.find(s, "lan")
        assert user.failed_attempts == 0 and user.locked_until is None and user.last_sign_in is not None
    assert [users.lock_seconds(n) for n in (4, 5, 6, 7, 20)] == [0, 60, 120, 240, users.MAX_LOCK_SECONDS]


def test_unknown_names_fail_like_wrong_passwords(people):
    wrong = [users.attempt_code(people, "lan", "nope", T0 + timedelta(seconds=i)) for i in range(6)]
    name = f"nobody-{uuid.uuid4().hex[:8]}"
    unknown = [users.attempt_code(people, name, "nope", T0 + timedelta(seconds=i)) for i in range(6)]
    assert wrong == unknown == ["signin_failed"] * 4 + ["signin_locked"] * 2
    failed = _audit(people, "user.sign_in_failed")
    assert all("nope" not in str(e.detail) and "nobody" not in str(e.detail) for e in failed)


def test_an_unknown_names_back_off_is_kept_in_the_database_by_a_hash(people):
    from app.store.models_users import SignInThrottle

    name = "Nguyen-Van-A"
    codes = [users.attempt_code(people, name, "nope", T0 + timedelta(seconds=i)) for i in range(5)]
    assert codes == ["signin_failed"] * 4 + ["signin_locked"]
    # a restarted process (no memory of its own) or another station still makes the name wait; folded case
    assert users.attempt_code(people, "nguyen-van-a", "nope", T0 + timedelta(seconds=30)) == "signin_locked"
    with people.read() as s:
        rows = list(s.scalars(select(SignInThrottle)))
    assert [r.failures for r in rows] == [5]
    assert "nguyen" not in rows[0].key.lower() and len(rows[0].key) == 64
    waiting = [e for e in _audit(people, "user.sign_in_failed") if (e.detail or {}).get("reason") == "waiting"]
    assert len(waiting) == 1
    # after the wait the sixth failure doubles it; a day later a new name's attempt prunes the old row
    assert users.attempt_code(people, name, "nope", T0 + timedelta(seconds=65)) == "signin_locked"
    assert users.attempt_code(people, "other", "nope", T0 + timedelta(days=2)) == "signin_failed"
    with people.read() as s:
        assert [r.failures for r in s.scalars(select(SignInThrottle))] == [1]


def test_an_administrators_lock_is_told_only_to_the_right_password(people):
    with people.write() as s:
        users.lock(s, ADMIN, "lan")
    assert users.attempt_code(people, "lan", "bad", T0) == "signin_failed"
    assert users.attempt_code(people, "lan", "lan-password", T0) == "account_locked"
    with people.write() as s:
        users.unlock(s, ADMIN, "lan")
    assert users.sign_in(people, "lan", "lan-password", now=T0).username == "lan"


def test_rehash_on_verify_when_the_parameters_change(people, monkeypatch):
    with people.read() as s:
        before = users.find(s, "lan").password_hash
    assert "m=64,t=1,p=1" in before  # made under the tests' cheap parameters
    monkeypatch.delenv(users.FAST_ENV)
    users.sign_in(people, "lan", "lan-password", now=T0)
    with people.read() as s:
        after = users.find(s, "lan").password_hash
    assert after.startswith("$argon2id$v=19$m=19456,t=2,p=1$") and PasswordHasher().verify(after, "lan-password")
    assert _audit(people, "user.rehash")
    users.sign_in(people, "lan", "lan-password", now=T0)  # no second rehash
    assert len(_audit(people, "user.rehash")) == 1


def test_change_and_reset_password(people):
    lan = users.sign_in(people, "lan", "lan-password", now=T0)
    with people.write() as s, pytest.raises(RuleError) as err:
        users.change_password(s, lan, "not-it", "new-password-1")
    assert err.value.code == "signin_failed"
    with people.write() as s, pytest.raises(ValidationError) as err:
        users.change_password(s, lan, "lan-password", "short")
    assert err.value.code == "password_too_short"
    with people.write() as s:
        users.change_password(s, lan, "lan-password", "new-password-1")
    assert users.sign_in(people, "lan", "new-password-1", now=T0).username == "lan"
    with people.write() as s, pytest.raises(RuleError):
        users.reset_password(s, lan, "root", "taken-over-1")
    with people.write() as s:
        users.reset_password(s, ADMIN, "lan", "from-admin-1")
    assert users.sign_in(people, "lan", "from-admin-1", now=T0).username == "lan"


def test_roles_lists_and_the_last_admin(people):
    with people.write() as s:
        with pytest.raises(ValidationError) as err:
            users.create_user(s, ADMIN, "x1", "long-password", ["kiosk"])
        assert err.value.code == "role_unknown"
        with pytest.raises(RuleError) as err:
            users.create_user(s, ADMIN, "lan", "long-password", ["officer"])
        assert err.value.code == "user_exists"
        with pytest.raises(ValidationError) as err:
            users.create_user(s, ADMIN, "Bad Name", "long-password", ["officer"])
        assert err.value.code == "username_invalid"
        with pytest.raises(RuleError) as err:
            users.lock(s, ADMIN, "root")
        assert err.value.code == "last_admin"
        with pytest.raises(RuleError):
            users.set_roles(s, ADMIN, "root", ["officer"])
        with pytest.raises(NotFoundError):
            users.lock(s, ADMIN, "ghost")
        users.set_roles(s, ADMIN, "lan", ["director"])
        rows = users.list_users(s, Actor("gd", "director"))
        with pytest.raises(RuleError):
            users.list_users(s, Actor("o", "officer"))
    assert [r["username"] for r in rows] == ["lan", "root"]
    assert rows[0]["roles"] == ["director"] and all("hash" not in str(r) for r in rows)


def test_audit_names_ids_never_passwords_or_names(people):
    users.sign_in(people, "lan", "lan-password", now=T0)
    text = " ".join(f"{e.entity} {e.detail}" for e in _audit(people))
    assert "lan-password" not in text and "Nguyễn" not in text and "root-password" not in text
    assert {"user.add", "user.sign_in"} <= {e.action for e in _audit(people)}


def test_demo_seed_creates_the_demo_accounts(store):
    from app.services import demo

    with store.write() as s:
        demo.seed(s, ADMIN)
        demo.seed(s, ADMIN)  # idempotent
    for name in demo.DEMO_ACCOUNTS:
        actor = users.sign_in(store, name, demo.DEMO_PASSWORD, now=T0)
        assert actor.demo
    assert users.sign_in(store, "demo", "demo", now=T0).roles == {"officer", "receptionist", "technician",
                                                                     "director", "admin"}
    with store.read() as s:
        assert s.scalar(select(User).where(User.username == "canbo2")).password_hash is None


def test_a_station_file_from_before_sign_in_still_loads(tmp_path):
    from app.settings import StationSettings, station_file

    station_file(tmp_path).write_text('[station]\ncounter = 4\nofficer = "canbo1"\n', encoding="utf-8")
    settings = StationSettings.load(tmp_path)
    assert settings.get("station.counter") == 4

ATTEMPTS = st.lists(st.tuples(st.booleans(), st.integers(min_value=0, max_value=400)), min_size=1, max_size=14)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(attempts=ATTEMPTS)
def test_lock_out_state_machine_against_a_model(sqlite_store, attempts):
    """Any sequence of right/wrong passwords at increasing times: the answers follow the rule — wait while
    locked (even with the right password), 5 free failures, then 60 s doubling; success resets."""
    with sqlite_store.write() as s:
        if users.find(s, "lan") is None:
            users.create_first_admin(s, "root", "root-password")
            users.create_user(s, ADMIN, "lan", "lan-password", ["officer"])
        users.unlock(s, ADMIN, "lan")
    failures, until, at = 0, None, T0
    for right, gap in attempts:
        at += timedelta(seconds=gap)
        got = users.attempt_code(sqlite_store, "lan", "lan-password" if right else "wrong", at)
        if until is not None and until > at:
            expected = "signin_locked"
        elif right:
            expected, failures, until = "ok", 0, None
        else:
            failures += 1
            wait = users.lock_seconds(failures)
            until = at + timedelta(seconds=wait) if wait else None
            expected = "signin_locked" if wait else "signin_failed"
        assert got == expected, (attempts, at)
