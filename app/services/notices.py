"""Numbers of the notices the center issues (form 05, "Số: 07/TB-TTPVHCC").

A notice gets its number when it is first printed: one value of a yearly sequence (``notice:<kind>:<year>``,
the year of the notice's date in Vietnam, as official numbering restarts each year), kept in
``notice_numbers`` against the event the notice is about. A reprint reads the kept number, so it is the
same; a number is never given twice (the sequence, and a unique constraint). Which thread: the store's.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.models import Dossier, DossierEvent
from app.store.models_forms import NoticeNumber
from app.store.sequences import next_value
from app.text import fold
from app.workcal import to_local

#: Type marks of the notices (Decree 30/2020, appendix III): TB = thông báo.
TYPE_MARKS = {"stop": "TB"}


def default_symbol(unit_name: str) -> str:
    """The issuer's abbreviation from its name's initials: "Trung tâm Phục vụ hành chính công" -> "TTPVHCC"."""
    return "".join(w[0] for w in (fold(unit_name) or "").upper().split() if w[:1].isalnum())


def notice_number(session: Session, dossier: Dossier, event: DossierEvent, *, kind: str, symbol: str,
                  actor: str | None = None) -> str:
    """The printed number of the ``kind`` notice about ``event``: the kept one, else a new one (inside the
    caller's write transaction; a rolled-back print gives its number back)."""
    kept = session.get(NoticeNumber, event.id)
    if kept is not None:
        return kept.text
    # Two stations printing the same notice at once: the dossier row lock makes the second wait and then
    # find the first one's number (SQLite: the writer already holds the database lock).
    session.execute(select(Dossier.id).where(Dossier.id == dossier.id).with_for_update())
    kept = session.scalar(select(NoticeNumber).where(NoticeNumber.event_id == event.id).execution_options(
        populate_existing=True))
    if kept is not None:
        return kept.text
    year = to_local(event.occurred_at).year
    number = next_value(session, f"notice:{kind}:{year}")
    text = f"{number:02d}/{TYPE_MARKS[kind]}-{symbol}" if symbol else f"{number:02d}/{TYPE_MARKS[kind]}"
    session.add(NoticeNumber(event_id=event.id, dossier_id=dossier.id, kind=kind, year=year, number=number,
                             text=text, created_by=actor))
    session.flush()
    return text
