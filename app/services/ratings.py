"""Citizens' satisfaction ratings (issue 9 for the keypads; issue 13: one per visit, other sources, reports).

A rating is tied to what the citizen was served for: the counter's current ticket, or, when the officer
already finished it, the ticket this counter finished last within ``RATING_WINDOW`` (the citizen presses
the key on the way out); or a ticket named by its number (the kiosk's rating page, which first checks the
visit with :func:`visit` and reads a typed or scanned ticket with :func:`parse_ticket`, or the command
line); or a dossier
(a citizen-facing screen at the return of the result, without a ticket). The ticket's dossier (the last
one taken under it), the counter's officer and the counter are copied into the row.

One rating per visit: a second rating of the same ticket (or of the same dossier without a ticket) is
refused with ``rating_already_given`` (the unique index on ``ratings.ticket_id`` also holds between
stations). A key pressed at an idle counter is kept with the counter and officer only.

Scores run from 1 (least satisfied) to the scale (3 levels by default, the center setting
``ratings.scale``, or 5); :func:`level` names them. Which thread: workers only (the store thread).
Failures: ValidationError and subclasses.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import exc as sa_exc
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actors import Actor
from app.errors import NotFoundError, RuleError, ValidationError
from app.services.audit import audit
from app.store.models import Counter, Ticket
from app.store.models_devices import Rating

SCALES = (3, 5)
RATING_WINDOW = timedelta(minutes=10)
#: 3 levels: Không hài lòng / Hài lòng / Rất hài lòng; 5 levels: the survey's.
LEVELS = {
    3: ("dissatisfied", "satisfied", "very_satisfied"),
    5: ("very_dissatisfied", "dissatisfied", "neutral", "satisfied", "very_satisfied"),
}
ALL_LEVELS = ("very_dissatisfied", "dissatisfied", "neutral", "satisfied", "very_satisfied")
SATISFIED = ("satisfied", "very_satisfied")



def level(score: int, scale: int) -> str:
    """The code of a score on its scale, e.g. level(3, 3) == "very_satisfied"; ``ui/`` names it in Vietnamese."""
    if scale not in SCALES or isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= scale:
        raise ValidationError("rating_score_invalid", score=score, scale=scale)
    return LEVELS[scale][score - 1]


def default_scale(session: Session) -> int:
    from app.services import center

    value = center.get(session, "ratings.scale")
    return value if value in SCALES else 3


def _rated_ticket(session: Session, counter: Counter, now: datetime) -> Ticket | None:
    if counter.current_ticket_id is not None:
        return session.get(Ticket, counter.current_ticket_id)
    return session.scalars(
        select(Ticket)
        .where(Ticket.counter == counter.number, Ticket.finished_at.is_not(None), Ticket.finished_at >= now - RATING_WINDOW)
        .order_by(Ticket.finished_at.desc())
        .limit(1)
    ).first()


def _ticket_by_number(session: Session, number: str, now: datetime, day: date | None = None) -> Ticket:
    """The latest ticket with this number up to today (numbers restart every day); ``day``: that day's only."""
    from app.workcal import to_local

    text = str(number or "").strip().upper()
    where = [Ticket.number == text, Ticket.day <= to_local(now).date()]
    if day is not None:
        where.append(Ticket.day == day)
    row = session.scalars(select(Ticket).where(*where).order_by(Ticket.day.desc()).limit(1)).first()
    if row is None:
        raise NotFoundError("rating_ticket_not_found", ticket=text)
    return row


def parse_ticket(text: str) -> tuple[str, date | None] | None:
    """A ticket as a citizen gives it at the kiosk: typed ("a12", "A012") or the ticket's QR code
    ("A012|2026-12-02", number|Vietnam's date): ``(number, day or None)``, the number in its printed form
    (service letters, at least three digits); None when it is no ticket number."""
    import re

    number, _, day_text = str(text or "").strip().upper().partition("|")
    found = re.fullmatch(r"([A-Z]{1,3})\s*0*(\d{1,4})", number.strip())
    if found is None:
        return None
    day = None
    if day_text:
        try:
            day = date.fromisoformat(day_text.strip())
        except ValueError:
            return None
    return f"{found.group(1)}{int(found.group(2)):03d}", day


def visit(session: Session, ticket: str, *, day: date | None = None, now: datetime | None = None) -> dict[str, Any]:
    """The visit a citizen is about to rate by their ticket's number (a kiosk asks before showing the
    levels): ``{ticket, day, counter, officer, dossier, scale}``. ``day`` None: today (Vietnam's), so a
    number not yet issued today never names yesterday's visit. Refused as :func:`record` would: no such
    ticket that day (``rating_ticket_not_found``), not served yet (``rating_ticket_not_served``), rated
    already (``rating_already_given``)."""
    from app.workcal import to_local

    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    row = _ticket_by_number(session, ticket, now, day or to_local(now).date())
    if row.counter is None:
        raise RuleError("rating_ticket_not_served", ticket=row.number)
    if session.scalar(select(Rating.id).where(Rating.ticket_id == row.id)) is not None:
        raise RuleError("rating_already_given", what=row.number)
    counter = session.get(Counter, row.counter)
    codes = list(row.dossier_codes or [])
    return {"ticket": row.number, "day": row.day.isoformat(), "counter": row.counter,
            "officer": counter.officer if counter else None, "dossier": codes[-1] if codes else None,
            "scale": default_scale(session)}


def record(
    session: Session,
    actor: Actor,
    *,
    score: int,
    counter: int | None = None,
    scale: int | None = None,
    source: str = "keypad",
    ticket: str | None = None,
    ticket_day: date | None = None,
    dossier: str | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Store one rating; returns it as :func:`rating_json`.

    What it rates: ``ticket`` (a number such as "A012"; ``ticket_day``: of that day only, as the kiosk
    asks), else ``dossier`` (a code, a rating at the return screen), else what ``counter`` serves or just
    served. ``scale`` None: the center's ``ratings.scale``. A second rating of the same visit is refused
    (``rating_already_given``)."""
    actor.require("rating.record")
    if scale is None:
        scale = default_scale(session)
    level(score, scale)
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    rated: Ticket | None = None
    dossier_code: str | None = None
    if ticket is not None:
        rated = _ticket_by_number(session, ticket, now, ticket_day)
        if rated.counter is None:
            raise RuleError("rating_ticket_not_served", ticket=rated.number)
        counter = rated.counter if counter is None else counter
    elif dossier is not None:
        from app.services.dossier_events import get_dossier

        d = get_dossier(session, dossier)
        dossier_code = d.code
        counter = d.counter if counter is None else counter
        taken = session.scalar(select(Rating.id).where(Rating.dossier_code == d.code, Rating.ticket_id.is_(None)))
        if taken is not None:
            raise RuleError("rating_already_given", what=d.code)
    if counter is None:
        raise ValidationError("rating_counter_missing")
    row = session.get(Counter, counter)
    if row is None:
        raise NotFoundError("rating_counter_not_found", counter=counter)
    if ticket is None and dossier is None:
        rated = _rated_ticket(session, row, now)
    if rated is not None:
        if session.scalar(select(Rating.id).where(Rating.ticket_id == rated.id)) is not None:
            raise RuleError("rating_already_given", what=rated.number)
        codes = list(rated.dossier_codes or [])
        dossier_code = codes[-1] if codes else None
    rating = Rating(
        counter=counter, ticket_id=rated.id if rated else None, ticket_number=rated.number if rated else None, at=now,
        scale=scale, score=score, source=(source or "keypad")[:40], officer=row.officer, dossier_code=dossier_code,
    )
    try:
        with session.begin_nested():  # another station rated the same ticket a moment ago
            session.add(rating)
            session.flush()
    except sa_exc.IntegrityError:
        raise RuleError("rating_already_given", what=rated.number if rated else str(counter)) from None
    audit(session, actor, "rating.record", f"counter:{counter}", score=score, scale=scale, ticket=rating.ticket_number,
          dossier=dossier_code)
    return rating_json(rating)


def rating_json(r: Rating) -> dict[str, Any]:
    return {
        "id": r.id,
        "at": r.at.isoformat(),
        "counter": r.counter,
        "scale": r.scale,
        "score": r.score,
        "level": level(r.score, r.scale),
        "ticket": r.ticket_number,
        "dossier": r.dossier_code,
        "officer": r.officer,
        "source": r.source,
    }


def ratings_between(session: Session, since: datetime, until: datetime) -> list[dict[str, Any]]:
    """Every rating given in [since, until), oldest first (for the reports)."""
    rows = session.scalars(select(Rating).where(Rating.at >= since, Rating.at < until).order_by(Rating.at, Rating.id))
    return [rating_json(r) for r in rows]


def _share(satisfied: int, total: int) -> float | None:
    return round(satisfied / total, 4) if total else None


def report_section(session: Session, start: date, end: date) -> dict[str, Any]:
    """The satisfaction figures of [start, end] (both days included, Vietnam's days), JSON-ready.

    Keys: ``from``, ``to``, ``total``, ``by_level`` {very_dissatisfied, dissatisfied, neutral, satisfied,
    very_satisfied}, ``by_scale`` {"3": n, "5": n}, ``satisfied`` (ratings at "satisfied" or
    "very_satisfied"), ``satisfied_share`` (satisfied / total, None without ratings) and its ``formula``,
    ``by_officer`` [{officer, total, satisfied, satisfied_share, by_level}], ``by_counter`` (same with counter),
    ``by_source`` {source: n}."""
    from app.services.report_rollups import rows_of

    # the reports' daily roll-ups for closed days, the raw ratings for the rest (issue 13)
    rows = [(r["officer"], r["counter"], r["scale"], r["score"], r["source"], r["n"])
            for r in rows_of(session, "ratings", start, end)]
    by_level = dict.fromkeys(ALL_LEVELS, 0)
    by_scale = {str(s): 0 for s in SCALES}
    by_source: dict[str, int] = {}
    officers: dict[Any, dict[str, Any]] = {}
    counters: dict[Any, dict[str, Any]] = {}

    def bucket(table: dict, key_name: str, key: Any) -> dict[str, Any]:
        return table.setdefault(key, {key_name: key, "total": 0, "satisfied": 0, "by_level": dict.fromkeys(ALL_LEVELS, 0)})

    for officer, counter, scale, score, source, n in rows:
        if scale not in SCALES or not 1 <= score <= scale:
            continue
        name = LEVELS[scale][score - 1]
        n = int(n)
        by_level[name] += n
        by_scale[str(scale)] += n
        by_source[source] = by_source.get(source, 0) + n
        for b in (bucket(officers, "officer", officer), bucket(counters, "counter", counter)):
            b["total"] += n
            b["by_level"][name] += n
            b["satisfied"] += n if name in SATISFIED else 0
    for b in (*officers.values(), *counters.values()):
        b["satisfied_share"] = _share(b["satisfied"], b["total"])
    total = sum(by_level.values())
    satisfied = sum(by_level[k] for k in SATISFIED)
    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "total": total,
        "by_level": by_level,
        "by_scale": by_scale,
        "satisfied": satisfied,
        "satisfied_share": _share(satisfied, total),
        "formula": "satisfied_share = (satisfied + very_satisfied) / total ratings",
        "by_officer": sorted(officers.values(), key=lambda r: (r["officer"] is None, r["officer"] or "")),
        "by_counter": sorted(counters.values(), key=lambda r: (r["counter"] is None, r["counter"] or 0)),
        "by_source": dict(sorted(by_source.items())),
    }
