"""The audit chain's head: one row (id 1) holding the last entry's sequence number and hash.

Every append locks this row (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's write lock serializes
writers already), so counters sharing one server database extend one unbroken chain. The head also tells
``audit verify`` how many entries there must be: a truncated log is caught against it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base
from app.store.types import utcnow

GENESIS = "0" * 64
"""The ``prev_hash`` of the first entry."""


class AuditChainHead(Base):
    __tablename__ = "audit_chain_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    hash: Mapped[str] = mapped_column(String(64), default=GENESIS)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
