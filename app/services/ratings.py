"""Citizens' satisfaction ratings from the counter keypads (issue 9; the reports issue reads them).

A rating is tied to what the citizen was served for: the counter's current ticket, or, when the officer
already finished it, the ticket this counter finished last within ``RATING_WINDOW`` (the citizen presses
the key on the way out). The ticket's dossier (the last one taken under it), the counter's officer and
the counter are copied into the row. One rating per ticket: pressing again replaces the score.

Scores run from 1 (least satisfied) to the keypad's scale (3 or 5 keys); :func:`level` names them.
Which thread: workers only (the store thread). Failures: ValidationError and subclasses.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actors import Actor
from app.errors import NotFoundError, ValidationError
from app.services.audit import audit
from app.store.models import Counter, Ticket
from app.store.models_devices import Rating

SCALES = (3, 5)
RATING_WINDOW = timedelta(minutes=10)
LEVELS = {
    3: ("dissatisfied", "neutral", "satisfied"),
    5: ("very_dissatisfied", "dissatisfied", "neutral", "satisfied", "very_satisfied"),
}


def level(score: int, scale: int) -> str:
    """The code of a score on its scale, e.g. level(3, 3) == "satisfied"; ``ui/`` names it in Vietnamese."""
    if scale not in SCALES or not 1 <= score <= scale:
        raise ValidationError("rating_score_invalid", score=score, scale=scale)
    return LEVELS[scale][score - 1]


def _rated_ticket(session: Session, counter: Counter, now: datetime) -> Ticket | None:
    if counter.current_ticket_id is not None:
        return session.get(Ticket, counter.current_ticket_id)
    return session.scalars(
        select(Ticket)
        .where(Ticket.counter == counter.number, Ticket.finished_at.is_not(None), Ticket.finished_at >= now - RATING_WINDOW)
        .order_by(Ticket.finished_at.desc())
        .limit(1)
    ).first()


def record(
    session: Session,
    actor: Actor,
    *,
    counter: int,
    score: int,
    scale: int,
    source: str = "keypad",
    now: datetime | None = None,
) -> dict[str, Any]:
    """Store one rating given at ``counter``; returns it as :func:`rating_json`."""
    actor.require("rating.record")
    level(score, scale)
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    row = session.get(Counter, counter)
    if row is None:
        raise NotFoundError("rating_counter_not_found", counter=counter)
    ticket = _rated_ticket(session, row, now)
    rating = None
    if ticket is not None:
        rating = session.scalars(select(Rating).where(Rating.ticket_id == ticket.id)).first()
    if rating is None:
        rating = Rating(counter=counter, ticket_id=ticket.id if ticket else None, ticket_number=ticket.number if ticket else None)
        session.add(rating)
    rating.at = now
    rating.scale = scale
    rating.score = score
    rating.source = source[:40]
    rating.officer = row.officer
    codes = list(ticket.dossier_codes or []) if ticket is not None else []
    rating.dossier_code = codes[-1] if codes else None
    session.flush()
    audit(session, actor, "rating.record", f"counter:{counter}", score=score, scale=scale, ticket=rating.ticket_number)
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
