"""Users: the people who sign in at a station, with their roles and their password's Argon2id hash.

The table predates sign-in (migration 0001 made it a directory of officers for the printed forms);
migration 0013 adds the credentials, several roles per user and the lock-out counters.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, synonym

from app.store.models import Base
from app.store.types import utcnow


class User(Base):
    """An officer, receptionist, technician, director or administrator (one person may hold several roles).

    ``roles`` is a space-separated list (``"officer technician"``); ``password_hash`` is an Argon2id PHC
    string, or NULL for a person on the forms who never signs in. ``full_name`` is the display name.
    """

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    roles: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str | None] = mapped_column(String(20))
    title: Mapped[str | None] = mapped_column(String(120))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    password_hash: Mapped[str | None] = mapped_column(Text)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)  # locked by an administrator
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column()  # the back-off after failed attempts
    last_sign_in: Mapped[datetime | None] = mapped_column()
    password_changed_at: Mapped[datetime | None] = mapped_column()
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version}

    display_name = synonym("full_name")

    @property
    def role_set(self) -> frozenset[str]:
        return frozenset(self.roles.split())


class SignInThrottle(Base):
    """The back-off of a user name that has no account (migration 0020): kept in the database, so it holds
    across a restart and, on PostgreSQL, across every station of the center.

    ``key`` is the SHA-256 of the folded name, never the name: what someone typed into the name field may be a
    misspelt citizen's or officer's name, or a password typed one field too early. Rows older than a day are
    pruned by the next unknown-name attempt."""

    __tablename__ = "signin_throttle"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column()
    last_at: Mapped[datetime] = mapped_column(index=True)
