"""Sync bookkeeping kept in the schema (conventions §7): the pull cursor and other sync state, and the
conflicts a pull found against unsent local changes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base, BigId
from app.store.types import utcnow


class SyncState(Base):
    """One value per key: ``pull.cursor``, ``push.last_success``, ``clock.skew`` ... (JSON values)."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class SyncConflict(Base):
    """A pulled change that met an unsent local change of the same dossier: kept for an officer to resolve,
    never applied over the local change on its own."""

    __tablename__ = "sync_conflicts"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    dossier_code: Mapped[str] = mapped_column(String(64), index=True)
    remote: Mapped[dict[str, Any]] = mapped_column(JSON)
    local_status: Mapped[str | None] = mapped_column(String(24))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]
    resolution: Mapped[str | None] = mapped_column(String(20))  # keep_local | take_remote
    resolved_by: Mapped[str | None] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(Text)


class OnlineDossier(Base):
    """A dossier a citizen filed online, brought by pull: it waits in the counter's "Hồ sơ trực tuyến" list
    until an officer receives it (it then becomes a dossier with our code) or asks for a supplement."""

    __tablename__ = "online_dossiers"
    province_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    arrived_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(20), default="waiting")  # waiting | received | supplement
    dossier_code: Mapped[str | None] = mapped_column(String(64))
    handled_by: Mapped[str | None] = mapped_column(String(60))
    handled_at: Mapped[datetime | None]
