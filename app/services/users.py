"""Users and sign-in: Argon2id password hashes, lock-out with back-off, the administrator's account work.

Passwords are hashed with Argon2id (argon2-cffi) at OWASP's Password Storage Cheat Sheet minimum: 19 MiB of
memory, 2 iterations, 1 degree of parallelism (:data:`PARAMETERS`). A hash made with other parameters is
replaced on the next successful sign-in (rehash on verify), so raising the parameters needs no migration.

Lock-out: after :data:`FREE_ATTEMPTS` failed sign-ins in a row the account waits :data:`FIRST_LOCK_SECONDS`,
doubling with every further failure up to :data:`MAX_LOCK_SECONDS`; a successful sign-in resets it. While an
account waits its password is not even checked. An administrator's lock (:func:`lock`) holds until
:func:`unlock`.

A sign-in never says whether a user name exists: a wrong password and an unknown name give the same
``signin_failed`` after the same Argon2 work; unknown names back off like real ones, kept in the database
(``signin_throttle``, keyed by a hash of the name) so a restart or another station of the center does not reset
it; an administrator's lock is only told to someone who gave the right password.

Every change and every sign-in, sign-out and failed sign-in is audited with ids (``user:<id>``), never a
password, a name or a phone number.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from typing import Any

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.actors import Actor
from app.errors import NotFoundError, RuleError, ValidationError
from app.permissions import USER_ROLES
from app.services.audit import audit
from app.store.models import User
from app.store.models_users import SignInThrottle

#: OWASP Password Storage Cheat Sheet, Argon2id minimum: m=19 MiB (19456 KiB), t=2, p=1
PARAMETERS = {"time_cost": 2, "memory_cost": 19456, "parallelism": 1, "hash_len": 32, "salt_len": 16}
#: tests only (``MOTCUA_TEST_FAST_HASH=1``, set by tests/conftest.py): the cheapest Argon2id, so the demo
#: seed's accounts do not cost each test a quarter of a second. Never set it on a station.
FAST_ENV = "MOTCUA_TEST_FAST_HASH"
FAST_PARAMETERS = {"time_cost": 1, "memory_cost": 64, "parallelism": 1, "hash_len": 32, "salt_len": 16}

FREE_ATTEMPTS = 5
FIRST_LOCK_SECONDS = 60
MAX_LOCK_SECONDS = 3600
MIN_PASSWORD = 8
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,59}$")

THROTTLE_KEEP = timedelta(days=1)  # an unknown name's back-off is forgotten a day after its last attempt


def hasher() -> PasswordHasher:
    params = FAST_PARAMETERS if os.environ.get(FAST_ENV) == "1" else PARAMETERS
    return PasswordHasher(type=Type.ID, **params)


def hash_password(password: str) -> str:
    return hasher().hash(password)


_DUMMY: dict[bool, str] = {}


def _dummy_verify(password: str) -> None:
    """The same Argon2 work as a real check, for a name that does not exist."""
    key = os.environ.get(FAST_ENV) == "1"
    if key not in _DUMMY:
        _DUMMY[key] = hash_password("not a password of anyone")
    try:
        hasher().verify(_DUMMY[key], password)
    except VerificationError:
        pass


def lock_seconds(failures: int) -> int:
    """How long an account waits after ``failures`` failed sign-ins in a row (0 below the free attempts)."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(FIRST_LOCK_SECONDS * 2 ** (failures - FREE_ATTEMPTS), MAX_LOCK_SECONDS)


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(timezone.utc)


def _entity(user: User) -> str:
    return f"user:{user.id}"


def actor_for(user: User, *, counter: int | None = None) -> Actor:
    return Actor(user.username, user.roles, user.full_name, counter=counter, demo=user.is_demo, user_id=user.id)


def has_users(session: Session) -> bool:
    """Whether anyone can sign in here (a user with a password); until then the first run creates the
    administrator and the command line keeps its old behaviour."""
    return bool(session.scalar(select(func.count()).select_from(User).where(User.password_hash.is_not(None))))


def find(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username.strip().lower()))


def _get(session: Session, username: str) -> User:
    user = find(session, username)
    if user is None:
        raise NotFoundError("user_not_found", username=username)
    return user


def _roles(roles: str | Iterable[str]) -> str:
    wanted = [r for r in (roles.split() if isinstance(roles, str) else roles) if r]
    if not wanted:
        raise ValidationError("user_roles_empty")
    for role in wanted:
        if role not in USER_ROLES:
            raise ValidationError("role_unknown", role=role, roles=", ".join(USER_ROLES))
    return " ".join(r for r in USER_ROLES if r in wanted)


def _check_password(password: str, *, demo: bool = False) -> None:
    if not demo and len(password) < MIN_PASSWORD:
        raise ValidationError("password_too_short", min=MIN_PASSWORD)
    if not password.strip():
        raise ValidationError("password_too_short", min=MIN_PASSWORD)


def _new_user(session: Session, actor: Actor, username: str, password: str, roles, display_name: str,
              demo: bool) -> User:
    name = username.strip().lower()
    if not USERNAME.match(name):
        raise ValidationError("username_invalid", username=username)
    role_text = _roles(roles)
    _check_password(password, demo=demo)
    user = find(session, name)
    if user is not None and user.password_hash is not None:
        raise RuleError("user_exists", username=name)
    now = _now(None)
    if user is None:  # a person already on the forms (demo officers) gets their credentials
        user = User(username=name, full_name=display_name.strip() or name)
        session.add(user)
    elif display_name.strip():
        user.full_name = display_name.strip()
    user.roles = role_text
    user.password_hash = hash_password(password)
    user.password_changed_at = now
    user.is_demo = demo
    user.locked = False
    user.failed_attempts = 0
    user.locked_until = None
    session.flush()
    audit(session, actor, "user.add", _entity(user), roles=role_text.split(), demo=demo)
    return user


def create_first_admin(session: Session, username: str, password: str, display_name: str = "", *,
                       roles: Iterable[str] | None = None) -> User:
    """The administrator of a database that has no users yet (the first-run dialog, the first
    ``motcua user add --role admin``); refused once anyone can sign in. ``roles`` must include admin."""
    if has_users(session):
        raise RuleError("users_exist")
    roles = list(roles or ["admin"])
    if "admin" not in roles:
        raise RuleError("first_user_admin")
    from app.actors import SYSTEM

    return _new_user(session, SYSTEM, username, password, roles, display_name, False)


def create_user(session: Session, actor: Actor, username: str, password: str, roles: str | Iterable[str],
                display_name: str = "", *, demo: bool = False) -> User:
    """Add a user with ``roles`` (one or several of officer, receptionist, technician, director, admin)."""
    actor.require("user.add")
    return _new_user(session, actor, username, password, roles, display_name, demo)


def authenticate(session: Session, username: str, password: str, *, now: datetime | None = None,
                 station: int | str | None = None) -> Actor:
    """The signed-in actor for ``username``/``password``; ``station`` is the counter number (or the station's
    name) the user signs in at. Raises ``signin_failed`` (wrong password or unknown name, never saying which),
    ``signin_locked`` (``seconds`` to wait) or ``account_locked`` (an administrator's lock).

    A refusal raises inside the caller's transaction, which then rolls back the failure count: stations and
    the command line call :func:`sign_in`, which keeps it."""
    outcome = attempt(session, username, password, now=now, station=station)
    if isinstance(outcome, RuleError):
        raise outcome
    return outcome


def sign_in(store, username: str, password: str, *, now: datetime | None = None,
            station: int | str | None = None) -> Actor:
    """:func:`authenticate` in a transaction of its own that is committed even when the sign-in is refused
    (so the failed attempt counts and is audited)."""
    with store.write() as session:
        outcome = attempt(session, username, password, now=now, station=station)
    if isinstance(outcome, RuleError):
        raise outcome
    return outcome


def attempt_code(store, username: str, password: str, now: datetime | None = None) -> str:
    """``"ok"`` or the refusal's code (for tests and the sign-in benchmark)."""
    try:
        sign_in(store, username, password, now=now)
    except RuleError as exc:
        return exc.code
    return "ok"


def attempt(session: Session, username: str, password: str, *, now: datetime | None = None,
            station: int | str | None = None) -> Actor | RuleError:
    """One sign-in attempt: the actor, or the refusal (returned, not raised, with its record written)."""
    try:
        return _attempt(session, username, password, now=now, station=station)
    except RuleError as exc:
        return exc


def _attempt(session: Session, username: str, password: str, *, now: datetime | None,
             station: int | str | None) -> Actor:
    from app.actors import SYSTEM

    at = _now(now)
    where = {"station": str(station)} if station is not None else {}
    user = find(session, username or "")
    if user is None or user.password_hash is None:
        try:
            wait = _unknown_name_failed(session, username, password, at)
        except RuleError:
            audit(session, SYSTEM, "user.sign_in_failed", None, reason="waiting", **where)
            raise
        audit(session, SYSTEM, "user.sign_in_failed", None, reason="unknown", **where)
        if wait:
            raise RuleError("signin_locked", seconds=wait)
        raise RuleError("signin_failed")
    if user.locked_until is not None and user.locked_until > at:
        audit(session, SYSTEM, "user.sign_in_failed", _entity(user), reason="waiting", **where)
        raise RuleError("signin_locked", seconds=_ceil_seconds(user.locked_until - at))
    ph = hasher()
    try:
        ph.verify(user.password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        user.failed_attempts = (user.failed_attempts or 0) + 1
        wait = lock_seconds(user.failed_attempts)
        user.locked_until = at + timedelta(seconds=wait) if wait else None
        audit(session, SYSTEM, "user.sign_in_failed", _entity(user), reason="password",
              failures=user.failed_attempts, **where)
        if wait:
            raise RuleError("signin_locked", seconds=wait) from None
        raise RuleError("signin_failed") from None
    if user.locked or not user.active:
        audit(session, SYSTEM, "user.sign_in_failed", _entity(user), reason="locked", **where)
        raise RuleError("account_locked")
    if ph.check_needs_rehash(user.password_hash):
        user.password_hash = ph.hash(password)
        audit(session, SYSTEM, "user.rehash", _entity(user))
    user.failed_attempts = 0
    user.locked_until = None
    user.last_sign_in = at
    actor = actor_for(user, counter=station if isinstance(station, int) else None)
    audit(session, actor, "user.sign_in", _entity(user), **where)
    return actor


def _unknown_name_failed(session: Session, username: str, password: str, at: datetime) -> int:
    """Count a failed attempt of a name with no account; the seconds it must now wait (0: none). Raises
    ``signin_locked`` while it waits, without the Argon2 work (as for a real account)."""
    key = hashlib.sha256((username or "").strip().lower().encode("utf-8")).hexdigest()
    row = session.get(SignInThrottle, key)
    if row is not None and row.locked_until is not None and row.locked_until > at:
        raise RuleError("signin_locked", seconds=_ceil_seconds(row.locked_until - at))
    _dummy_verify(password)
    if row is None:
        session.execute(delete(SignInThrottle).where(SignInThrottle.last_at < at - THROTTLE_KEEP))
        try:  # another station of a shared center may insert the same name at the same moment
            with session.begin_nested():
                row = SignInThrottle(key=key, failures=0, last_at=at)
                session.add(row)
        except IntegrityError:
            row = session.get(SignInThrottle, key, populate_existing=True)
    row.failures = (row.failures or 0) + 1
    row.last_at = at
    wait = lock_seconds(row.failures)
    row.locked_until = at + timedelta(seconds=wait) if wait else None
    return wait


def _ceil_seconds(delta: timedelta) -> int:
    return max(1, int(-(-delta.total_seconds() // 1)))


def sign_out(session: Session, actor: Actor, *, station: int | str | None = None, reason: str = "user") -> None:
    """Record that ``actor`` left the station (``reason``: user, idle, replaced)."""
    actor.require("user.sign_out")
    where = {"station": str(station)} if station is not None else {}
    audit(session, actor, "user.sign_out", f"user:{actor.user_id}" if actor.user_id else None, reason=reason, **where)


def change_password(session: Session, actor: Actor, old_password: str, new_password: str) -> None:
    """The signed-in user changes their own password (the old one is asked again)."""
    actor.require("user.change_password")
    user = _get(session, actor.username)
    try:
        hasher().verify(user.password_hash or "", old_password)
    except (VerificationError, InvalidHashError):
        audit(session, actor, "user.change_password_failed", _entity(user))
        raise RuleError("signin_failed") from None
    _check_password(new_password, demo=user.is_demo)
    user.password_hash = hash_password(new_password)
    user.password_changed_at = _now(None)
    audit(session, actor, "user.change_password", _entity(user))


def reset_password(session: Session, actor: Actor, username: str, new_password: str) -> None:
    """An administrator sets a new password (and lifts the back-off, not an administrator's lock)."""
    actor.require("user.reset_password")
    user = _get(session, username)
    _check_password(new_password, demo=user.is_demo)
    user.password_hash = hash_password(new_password)
    user.password_changed_at = _now(None)
    user.failed_attempts = 0
    user.locked_until = None
    audit(session, actor, "user.reset_password", _entity(user))


def set_roles(session: Session, actor: Actor, username: str, roles: str | Iterable[str]) -> User:
    actor.require("user.set_roles")
    user = _get(session, username)
    role_text = _roles(roles)
    if "admin" in user.role_set and "admin" not in role_text.split():
        _keep_an_admin(session, user)
    user.roles = role_text
    audit(session, actor, "user.set_roles", _entity(user), roles=role_text.split())
    return user


def _keep_an_admin(session: Session, leaving: User) -> None:
    others = [u for u in session.scalars(select(User).where(User.id != leaving.id, User.password_hash.is_not(None)))
              if "admin" in u.role_set and not u.locked and u.active]
    if not others:
        raise RuleError("last_admin")


def lock(session: Session, actor: Actor, username: str) -> None:
    """An administrator's lock: nobody signs in as ``username`` until :func:`unlock` (the last
    administrator cannot be locked)."""
    actor.require("user.lock")
    user = _get(session, username)
    if "admin" in user.role_set:
        _keep_an_admin(session, user)
    user.locked = True
    audit(session, actor, "user.lock", _entity(user))


def unlock(session: Session, actor: Actor, username: str) -> None:
    """Lift an administrator's lock and the back-off."""
    actor.require("user.unlock")
    user = _get(session, username)
    user.locked = False
    user.failed_attempts = 0
    user.locked_until = None
    audit(session, actor, "user.unlock", _entity(user))


def describe(user: User, *, now: datetime | None = None) -> dict[str, Any]:
    """What ``motcua user list --json`` and the users window show (never the hash)."""
    at = _now(now)
    waiting = user.locked_until is not None and user.locked_until > at
    return {
        "username": user.username,
        "display_name": user.full_name,
        "roles": user.roles.split(),
        "locked": bool(user.locked),
        "waiting_seconds": _ceil_seconds(user.locked_until - at) if waiting else 0,
        "failed_attempts": user.failed_attempts or 0,
        "can_sign_in": user.password_hash is not None,
        "demo": bool(user.is_demo),
        "last_sign_in": user.last_sign_in.isoformat() if user.last_sign_in else None,
        "password_changed_at": user.password_changed_at.isoformat() if user.password_changed_at else None,
        "created_at": user.created_at.isoformat() if user.created_at else None,
    }


def list_users(session: Session, actor: Actor, *, now: datetime | None = None) -> list[dict[str, Any]]:
    actor.require("user.list")
    return [describe(u, now=now) for u in session.scalars(select(User).order_by(User.username))]


def leave_station(session: Session, actor: Actor, station: str) -> None:
    """A technician closes the kiosk or the display board (they run without sign-in otherwise)."""
    actor.require("station.leave")
    audit(session, actor, "station.leave", None, station=station)


def open_technician_window(session: Session, actor: Actor, station: str) -> None:
    """A technician opens the kiosk's technician window."""
    actor.require("station.technician_window")
    audit(session, actor, "station.technician_window", None, station=station)
