"""Who acts: every service takes an Actor (or SYSTEM) and checks a permission (``app.permissions``)."""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import AppError, RuleError
from app.permissions import PERMISSIONS, ROLES, allows

__all__ = ["ROLES", "SYSTEM", "Actor"]


@dataclass(frozen=True)
class Actor:
    username: str
    role: str
    display_name: str = ""
    counter: int | None = None

    def may(self, permission: str) -> bool:
        """Whether this actor holds ``permission`` (for windows that hide what the officer may not do)."""
        if permission not in PERMISSIONS:
            raise AppError("permission_unknown", permission=permission)
        return allows(self.role, permission)

    def require(self, permission: str) -> None:
        """Refuse (``RuleError("not_permitted")``) unless this actor holds ``permission``."""
        if not self.may(permission):
            raise RuleError("not_permitted", username=self.username, role=self.role, permission=permission,
                            roles=", ".join(PERMISSIONS[permission]) or "admin")


SYSTEM = Actor("system", "system", "Hệ thống")
