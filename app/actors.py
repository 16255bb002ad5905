"""Who acts: every service takes an Actor (or SYSTEM) and checks a permission (``app.permissions``).

An actor comes from a sign-in (``app.services.users.authenticate``) and may hold several roles; a check
passes when any of them allows it. ``Actor("canbo1", "officer")`` still works: ``role`` may be one role, a
space-separated list or an iterable of roles, and ``roles`` holds them all.

:data:`SYSTEM` is the local actor of scheduled jobs (the nightly backup, retention, the sync worker) and of
the start-up bootstrap: nothing a person does may run as it. Stations and the command line act as the
signed-in user.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from app.errors import AppError, RuleError
from app.permissions import PERMISSIONS, ROLES, allows

__all__ = ["ROLES", "SYSTEM", "Actor"]


def _role_set(role: str | Iterable[str]) -> frozenset[str]:
    return frozenset(role.split()) if isinstance(role, str) else frozenset(role)


@dataclass(frozen=True)
class Actor:
    username: str
    role: str | Iterable[str]
    display_name: str = ""
    counter: int | None = None
    #: every role held (derived from ``role`` when not given)
    roles: frozenset[str] = field(default=frozenset())
    #: a demo account (``demo seed``): every window says so
    demo: bool = False
    #: the users-table id of a signed-in user (None for SYSTEM and for databases without users)
    user_id: int | None = None

    def __post_init__(self) -> None:
        roles = _role_set(self.roles) | _role_set(self.role)
        order = {r: i for i, r in enumerate(ROLES)}
        ordered = sorted(roles, key=lambda r: (order.get(r, len(order)), r))
        object.__setattr__(self, "roles", frozenset(roles))
        # ``role`` stays one string: the roles, most general first ("officer technician")
        object.__setattr__(self, "role", " ".join(ordered))

    def may(self, permission: str) -> bool:
        """Whether this actor holds ``permission`` through any of its roles (for windows that hide what
        the user may not do; the services check again)."""
        if permission not in PERMISSIONS:
            raise AppError("permission_unknown", permission=permission)
        return any(allows(role, permission) for role in self.roles)

    def has_role(self, role: str) -> bool:
        return role in self.roles

    def require(self, permission: str) -> None:
        """Refuse (``RuleError("not_permitted")``) unless this actor holds ``permission``."""
        if not self.may(permission):
            raise RuleError("not_permitted", username=self.username, role=self.role, permission=permission,
                            roles=", ".join(PERMISSIONS[permission]) or "admin")


SYSTEM = Actor("system", "system", "Hệ thống")
"""The local actor of scheduled jobs only (backups, retention, sync): never a person's action."""
