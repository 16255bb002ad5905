"""Who acts: every service takes an Actor (or SYSTEM) and checks its role."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.errors import RuleError

ROLES = ("officer", "receptionist", "technician", "director", "admin", "system")


@dataclass(frozen=True)
class Actor:
    username: str
    role: str
    display_name: str = ""
    counter: int | None = None

    def require(self, allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        if self.role not in allowed and self.role not in ("admin", "system"):
            raise RuleError(f"{self.username} ({self.role}) may not do this; needs one of: {', '.join(allowed)}")


SYSTEM = Actor("system", "system", "Hệ thống")
