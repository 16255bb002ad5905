"""The queue: tickets from the kiosk, calls at the counters, what the display board shows.

Rules (issue 5):
- each service has a letter and a daily sequence; a number is never given twice (a locked sequence row);
- call next: the oldest waiting priority ticket among the counter's services (higher group weight first),
  unless ``queue.priority_run`` priority calls in a row have passed over a waiting normal ticket, then the
  oldest normal one; calling finishes the counter's current ticket, but only when there is someone to call:
  with nobody waiting the current ticket stays (finishing is an explicit action, ``done``);
- a ticket is claimed with ``FOR UPDATE SKIP LOCKED`` on PostgreSQL (two counters never get the same one)
  and under SQLite's write lock (``BEGIN IMMEDIATE``) on SQLite;
- transfer and requeue keep the ticket's number and its place (``place_at``);
- tickets left waiting at closing time are cancelled or kept for the next day (``queue.close_policy``);
  a kept ticket keeps its number and the new day's sequence starts after it;
- every change a screen shows appends one ``queue_events`` row in the same transaction
  (:mod:`app.services.queue_events`): the board and the panels follow that feed, never a guess.
Which thread: workers only. Failures: ValidationError and subclasses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any

from sqlalchemy import Integer, and_, bindparam, case, func, or_, select, update
from sqlalchemy.orm import Session, aliased, selectinload

from app.actors import Actor
from app.errors import NotFoundError, RuleError, ValidationError
from app.services import center
from app.services import queue_events as events
from app.services.audit import audit
from app.store.models import Counter, PriorityGroup, QueueCall, QueueService, Ticket, counter_services
from app.store.models_queue_events import QueueEvent
from app.store.sequences import ensure_at_least, next_value, peek
from app.store.session import caches
from app.text import nfc
from app.workcal import format_local, to_local

DEFAULT_SERVICE_MINUTES = 5.0


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(timezone.utc)).astimezone(timezone.utc)


def _pg(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def local_day(at: datetime) -> date:
    return to_local(at).date()


# --- configuration -------------------------------------------------------------------------------


def set_service(session: Session, actor: Actor, code: str, name: str, *, position: int = 0, active: bool = True) -> QueueService:
    actor.require("queue.set_service")
    code = code.strip().upper()
    if not (1 <= len(code) <= 3 and code.isalpha() and code.isascii()):
        raise ValidationError("queue_service_code_invalid", code=code)
    name = nfc(name)
    if not name:
        raise ValidationError("queue_service_name_required")
    svc = session.get(QueueService, code)
    if svc is None:
        svc = QueueService(code=code, name=name, position=position, active=active)
        session.add(svc)
    else:
        svc.name, svc.position, svc.active = name, position, active
    return svc


def set_priority_group(session: Session, actor: Actor, code: str, name: str, weight: int = 1) -> PriorityGroup:
    actor.require("queue.set_priority_group")
    name = nfc(name)
    group = session.get(PriorityGroup, code)
    if group is None:
        group = PriorityGroup(code=code, name=name, weight=weight)
        session.add(group)
    else:
        group.name, group.weight = name, weight
    return group


def set_counter(session: Session, actor: Actor, number: int, name: str, services: list[str]) -> Counter:
    actor.require("queue.set_counter")
    if number < 1:
        raise ValidationError("counter_numbers_from_one")
    found = list(session.scalars(select(QueueService).where(QueueService.code.in_(services))))
    if len(found) != len(set(services)):
        missing = sorted(set(services) - {s.code for s in found})
        raise NotFoundError("queue_services_not_found", codes=', '.join(missing))
    name = nfc(name)
    counter = session.get(Counter, number)
    if counter is None:
        counter = Counter(number=number, name=name)
        session.add(counter)
    counter.name = name
    counter.services = found
    return counter


def services(session: Session) -> list[QueueService]:
    return list(session.scalars(select(QueueService).where(QueueService.active.is_(True)).order_by(QueueService.position, QueueService.code)))


def priority_groups(session: Session) -> list[PriorityGroup]:
    return list(session.scalars(select(PriorityGroup).where(PriorityGroup.active.is_(True)).order_by(PriorityGroup.weight.desc(), PriorityGroup.code)))


# --- the day boundary ----------------------------------------------------------------------------


def close_days_before(session: Session, day: date, *, now: datetime | None = None) -> int:
    """Apply the closing policy to tickets still waiting from days before ``day``. Idempotent."""
    policy = center.get(session, "queue.close_policy")
    old = and_(Ticket.day < day, Ticket.status.in_(("waiting", "skipped", "serving")))
    ending = old if policy != "keep" else and_(old, Ticket.status != "waiting")
    session.execute(
        update(Counter)
        .where(Counter.current_ticket_id.in_(select(Ticket.id).where(ending)))
        .values(current_ticket_id=None, version=Counter.version + 1)
    )
    if policy == "keep":
        # Served or skipped tickets of an old day end; waiting ones stay, with their numbers and places.
        result = session.execute(
            update(Ticket).where(old, Ticket.status != "waiting").values(status="done", finished_at=_now(now), version=Ticket.version + 1)
        )
    else:
        result = session.execute(update(Ticket).where(old).values(status="cancelled", finished_at=_now(now), version=Ticket.version + 1))
    ended = result.rowcount or 0
    if ended:
        events.record(session, events.CLOSE, now=_now(now))
    return ended


def _next_number(session: Session, service: QueueService, day: date) -> tuple[int, str]:
    name = f"ticket:{service.code}:{day.isoformat()}"
    seq = next_value(session, name)
    if seq == 1:  # the service's first ticket of the day: yesterday's queue closes first
        # (on PostgreSQL the new sequence row stays locked until this commits, so a second kiosk waits and
        # then numbers after the tickets kept from yesterday)
        close_days_before(session, day)
        kept = session.scalar(
            select(func.max(Ticket.seq)).where(Ticket.service_code == service.code, Ticket.status == "waiting", Ticket.day < day)
        )
        if kept:
            ensure_at_least(session, name, kept + 1)
            seq = kept + 1
    return seq, f"{service.code}{seq:03d}"


# --- tickets -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IssuedTicket:
    ticket_id: int
    number: str
    service: str
    service_name: str
    priority: str | None
    waiting_ahead: int
    issued_at: datetime
    estimated_wait_minutes: float

    def to_json(self) -> dict[str, Any]:
        return {"ticket_id": self.ticket_id, "number": self.number, "service": self.service, "waiting_ahead": self.waiting_ahead}


def issue(session: Session, actor: Actor, service_code: str, *, priority: str | None = None, now: datetime | None = None) -> IssuedTicket:
    """Give a citizen a ticket (kiosk, button box, receptionist)."""
    actor.require("queue.issue")
    now = _now(now)
    service = session.get(QueueService, service_code.strip().upper())
    if service is None or not service.active:
        raise NotFoundError("queue_service_not_found", code=service_code)
    weight = 0
    if priority:
        group = session.get(PriorityGroup, priority)
        if group is None or not group.active:
            known = ", ".join(g.code for g in priority_groups(session))
            raise NotFoundError("priority_group_not_found", priority=priority, known=known)
        weight = group.weight
    day = local_day(now)
    seq, number = _next_number(session, service, day)
    ticket = Ticket(
        day=day, service_code=service.code, number=number, seq=seq, priority_group=priority, priority_weight=weight,
        status="waiting", issued_at=now, place_at=now,
    )
    session.add(ticket)
    session.flush()
    events.record(session, events.ISSUE, ticket_id=ticket.id, number=number, service=service.code, now=now)
    ahead = waiting_ahead(session, ticket)
    return IssuedTicket(ticket.id, number, service.code, service.name, priority, ahead, now, estimate_wait(session, service.code, ahead, now))


def waiting_ahead(session: Session, ticket: Ticket) -> int:
    """People before this ticket in its service: priority tickets placed before it count, and for a
    normal ticket every waiting priority ticket counts too (they are called first)."""
    same = and_(Ticket.status == "waiting", Ticket.service_code == ticket.service_code, Ticket.id != ticket.id)
    if ticket.priority_group:
        cond = and_(same, Ticket.priority_weight >= ticket.priority_weight, Ticket.place_at <= ticket.place_at)
    else:
        cond = and_(same, or_(Ticket.priority_weight > 0, Ticket.place_at <= ticket.place_at))
    return int(session.scalar(select(func.count()).select_from(Ticket).where(cond)) or 0)


def average_service_minutes(session: Session, service_code: str, now: datetime) -> float:
    day = local_day(now)
    rows = session.execute(
        select(Ticket.called_at, Ticket.finished_at).where(
            Ticket.service_code == service_code, Ticket.day == day, Ticket.status == "done",
            Ticket.called_at.is_not(None), Ticket.finished_at.is_not(None),
        )
    ).all()
    spans = [(f - c).total_seconds() / 60 for c, f in rows if f > c]
    return sum(spans) / len(spans) if spans else DEFAULT_SERVICE_MINUTES


def estimate_wait(session: Session, service_code: str, ahead: int, now: datetime) -> float:
    counters = session.scalar(
        select(func.count()).select_from(Counter).where(
            Counter.active.is_(True), Counter.paused.is_(False), Counter.services.any(QueueService.code == service_code)
        )
    ) or 1
    return round(ahead * average_service_minutes(session, service_code, now) / counters, 1)


def get_ticket(session: Session, number: str, *, day: date | None = None) -> Ticket:
    stmt = select(Ticket).where(Ticket.number == number.strip().upper())
    if day is not None:
        stmt = stmt.where(Ticket.day <= day)
    ticket = session.scalar(stmt.order_by(Ticket.day.desc()).limit(1))
    if ticket is None:
        raise NotFoundError("ticket_not_found", number=number)
    return ticket


# --- the counter ---------------------------------------------------------------------------------


def _counter(session: Session, number: int, *, lock: bool = False) -> Counter:
    stmt = select(Counter).where(Counter.number == number)
    if lock and _pg(session):
        stmt = stmt.with_for_update()
    counter = session.scalar(stmt)
    if counter is None or not counter.active:
        raise NotFoundError("counter_not_found", number=number)
    return counter


def _current(session: Session, counter: Counter) -> Ticket:
    if counter.current_ticket_id is None:
        raise RuleError("counter_no_ticket", number=counter.number)
    return session.get(Ticket, counter.current_ticket_id)


@dataclass(frozen=True)
class CalledTicket:
    """The ticket a call put on a counter (what the stations show and announce)."""

    id: int
    number: str
    service_code: str
    priority_group: str | None
    priority_weight: int


def _waiting_for(t, counter_number, today):
    mine = or_(
        t.target_counter == counter_number,
        and_(
            t.target_counter.is_(None),
            t.service_code.in_(select(counter_services.c.service_code).where(counter_services.c.counter_number == counter_number)),
        ),
    )
    return and_(t.status == "waiting", t.day <= today, mine)


@lru_cache(maxsize=4)
def _call_statements(dialect: str):
    """The statements of call-next, built once with bind parameters (building them costs more CPU than
    running them; ten counters may press F2 in the same second). One statement serves both orders —
    priority first, or normal first after a priority run — through the ``normal_first`` parameter, so
    there is one compiled form and no cold compile in the middle of a busy morning."""
    counter_number, today, now = bindparam("counter_number"), bindparam("today"), bindparam("now")
    normal_first = bindparam("normal_first", type_=Integer)
    t = aliased(Ticket, name="candidate")
    is_priority = case((t.priority_weight > 0, 1), else_=0)
    # normal_first = 1: normal tickets (0) before priority ones (1); 0: priority first, heavier first.
    first_key = case((normal_first == 1, is_priority), else_=-is_priority)
    weight_key = case((normal_first == 1, 0), else_=-t.priority_weight)
    order = (first_key, weight_key, t.place_at, t.id)
    pick = select(t.id).where(_waiting_for(t, counter_number, today)).order_by(*order).limit(1)
    if dialect == "postgresql":
        # Lock the row; skip rows another counter has locked: two counters never get the same ticket.
        pick = pick.with_for_update(skip_locked=True)
    claim = (
        update(Ticket)
        .where(Ticket.id == pick.scalar_subquery())
        .values(status="serving", counter=counter_number, called_at=now, call_count=Ticket.call_count + 1,
                version=Ticket.version + 1)
        .returning(Ticket.id, Ticket.number, Ticket.service_code, Ticket.priority_group, Ticket.priority_weight)
    )
    normal_waiting = (
        select(Ticket.id).where(_waiting_for(Ticket, counter_number, today), Ticket.priority_weight == 0).limit(1)
    )
    lock = select(Counter.current_ticket_id, Counter.priority_streak).where(
        Counter.number == counter_number, Counter.active.is_(True)
    )
    if dialect == "postgresql":
        lock = lock.with_for_update()
    finish = (
        update(Ticket)
        .where(Ticket.id == bindparam("current"), Ticket.status == "serving")
        .values(status="done", finished_at=now, version=Ticket.version + 1)
    )
    set_counter = (
        update(Counter)
        .where(Counter.number == counter_number)
        .values(current_ticket_id=bindparam("ticket_id"), priority_streak=bindparam("streak"), paused=False,
                pause_reason=None, officer=bindparam("officer"), version=Counter.version + 1)
    )
    record = QueueCall.__table__.insert().values(
        at=now, ticket_id=bindparam("ticket_id"), number=bindparam("number"), service_code=bindparam("service"),
        counter=counter_number, kind="call",
    )
    event = QueueEvent.__table__.insert().values(
        at=now, kind=events.CALL, counter=counter_number, ticket_id=bindparam("ticket_id"), number=bindparam("number"),
        service_code=bindparam("service"),
    )
    return {"lock": lock, "finish": finish, "claim": claim, "normal_waiting": normal_waiting,
            "set_counter": set_counter, "record": record, "event": event}


def _cached_setting(session: Session, key: str, *, ttl: float = 30.0) -> Any:
    """A center setting read at most every ``ttl`` seconds per store (call-next runs many times a minute)."""
    import time

    cache = caches(session).settings
    hit = cache.get(key)
    if hit is not None and time.monotonic() - hit[0] < ttl:
        return hit[1]
    value = center.get(session, key)
    cache[key] = (time.monotonic(), value)
    return value


def call_next(session: Session, actor: Actor, counter_number: int, *, now: datetime | None = None) -> CalledTicket | None:
    """F2: call the next ticket for this counter, finishing the current one (None on an empty queue).

    With nobody waiting nothing changes: the current ticket stays with the counter (an officer who pressed
    F2 once too often must not lose the citizen in front of them; finishing is ``done``).

    Priority rule: the oldest priority ticket (higher group weight first), unless ``queue.priority_run``
    priority calls in a row have passed over a waiting normal ticket; then the oldest normal ticket.
    Core statements, prepared once (see ``_call_statements``): six round trips, little CPU.
    """
    actor.require("queue.call_next")
    now = _now(now)
    today = local_day(now)
    # The Core statements go straight to the session's connection (same transaction), skipping the ORM
    # execution layer they do not need.
    conn = session.connection()
    dialect = conn.dialect.name
    base = {"counter_number": counter_number, "today": today, "now": now}
    statements = _call_statements(dialect)
    state = conn.execute(statements["lock"], base).first()
    if state is None:
        raise NotFoundError("counter_not_found", number=counter_number)
    current, streak = state
    close_days_before_if_due(session, today, now)
    run = int(_cached_setting(session, "queue.priority_run"))
    # Claim first: the current ticket is "serving", never a candidate, and it is finished only once
    # someone else was found.
    row = conn.execute(statements["claim"], {**base, "normal_first": 1 if streak >= run else 0}).first()
    if row is None:
        return None
    ticket = CalledTicket(*row)
    if current is not None:
        conn.execute(statements["finish"], {**base, "current": current})
    if ticket.priority_weight > 0:
        streak = streak + 1 if conn.execute(statements["normal_waiting"], base).first() else 0
    else:
        streak = 0
    conn.execute(statements["set_counter"], {**base, "ticket_id": ticket.id, "streak": streak, "officer": actor.username})
    said = {**base, "ticket_id": ticket.id, "number": ticket.number, "service": ticket.service_code}
    conn.execute(statements["record"], said)
    conn.execute(statements["event"], said)
    # Rows of these tables already loaded in this session are stale now.
    for obj in list(session.identity_map.values()):
        if isinstance(obj, (Counter, Ticket)):
            session.expire(obj)
    return ticket


def close_days_before_if_due(session: Session, today: date, now: datetime) -> None:
    """Apply the closing policy once per day, lazily, at the first call of the day (remembered per
    store, and in the database across processes)."""
    closed = caches(session).closed_days
    if today in closed:
        return
    marker = f"queue_closed:{today.isoformat()}"
    if peek(session, marker) is None:
        next_value(session, marker)
        close_days_before(session, today, now=now)
    closed.add(today)


def recall(session: Session, actor: Actor, counter_number: int, *, now: datetime | None = None) -> Ticket:
    actor.require("queue.recall")
    now = _now(now)
    counter = _counter(session, counter_number)
    ticket = _current(session, counter)
    ticket.call_count += 1
    session.add(QueueCall(at=now, ticket_id=ticket.id, number=ticket.number, service_code=ticket.service_code, counter=counter.number, kind="recall"))
    events.record(session, events.RECALL, counter=counter.number, ticket_id=ticket.id, number=ticket.number,
                  service=ticket.service_code, now=now)
    session.flush()
    return ticket


def _end_current(session: Session, actor: Actor, counter_number: int, status: str, stamp: str, now: datetime | None) -> Ticket:
    actor.require("queue.end_ticket")
    counter = _counter(session, counter_number, lock=True)
    ticket = _current(session, counter)
    ticket.status = status
    setattr(ticket, stamp, _now(now))
    counter.current_ticket_id = None
    kind = events.SKIP if status == "skipped" else events.DONE
    events.record(session, kind, counter=counter.number, ticket_id=ticket.id, number=ticket.number,
                  service=ticket.service_code, now=_now(now))
    session.flush()
    return ticket


def skip(session: Session, actor: Actor, counter_number: int, *, now: datetime | None = None) -> Ticket:
    """F4: the citizen did not come; the ticket may come back (requeue) within the set time."""
    return _end_current(session, actor, counter_number, "skipped", "skipped_at", now)


def done(session: Session, actor: Actor, counter_number: int, *, now: datetime | None = None) -> Ticket:
    """The counter finished serving its current ticket."""
    return _end_current(session, actor, counter_number, "done", "finished_at", now)


def transfer(
    session: Session, actor: Actor, counter_number: int, *, to_service: str | None = None, to_counter: int | None = None,
    now: datetime | None = None,
) -> Ticket:
    """Send the current ticket to another service or counter, keeping its number and its place."""
    actor.require("queue.transfer")
    if (to_service is None) == (to_counter is None):
        raise ValidationError("transfer_target_required")
    counter = _counter(session, counter_number, lock=True)
    ticket = _current(session, counter)
    if to_service is not None:
        svc = session.get(QueueService, to_service.strip().upper())
        if svc is None or not svc.active:
            raise NotFoundError("queue_service_not_found", code=to_service)
        ticket.service_code = svc.code
        ticket.target_counter = None
    else:
        target = _counter(session, to_counter)
        if target.number == counter.number:
            raise RuleError("transfer_same_counter")
        ticket.target_counter = target.number
    ticket.status = "waiting"
    ticket.counter = None
    counter.current_ticket_id = None
    audit(session, actor, "queue.transfer", ticket.number, to_service=to_service, to_counter=to_counter)
    events.record(session, events.TRANSFER, counter=counter.number, ticket_id=ticket.id, number=ticket.number,
                  service=ticket.service_code, now=_now(now))
    session.flush()
    return ticket


def requeue(session: Session, actor: Actor, number: str, *, now: datetime | None = None) -> Ticket:
    """Bring a skipped ticket back into its place, within ``queue.requeue_minutes`` of the skip."""
    actor.require("queue.requeue")
    now = _now(now)
    ticket = get_ticket(session, number, day=local_day(now))
    if ticket.status != "skipped":
        raise RuleError("ticket_not_skipped", number=ticket.number, status=ticket.status)
    limit = int(center.get(session, "queue.requeue_minutes"))
    if ticket.skipped_at is None or now - ticket.skipped_at > timedelta(minutes=limit):
        raise RuleError("ticket_skip_expired", number=ticket.number, limit=limit)
    ticket.status = "waiting"
    ticket.counter = None
    events.record(session, events.REQUEUE, ticket_id=ticket.id, number=ticket.number, service=ticket.service_code, now=now)
    session.flush()
    return ticket


def pause(session: Session, actor: Actor, counter_number: int, reason: str) -> Counter:
    actor.require("queue.pause")
    if not reason or not reason.strip():
        raise ValidationError("pause_reason_required")
    counter = _counter(session, counter_number, lock=True)
    counter.paused, counter.pause_reason = True, nfc(reason)
    events.record(session, events.PAUSE, counter=counter.number)
    return counter


def resume(session: Session, actor: Actor, counter_number: int) -> Counter:
    actor.require("queue.resume")
    counter = _counter(session, counter_number, lock=True)
    counter.paused, counter.pause_reason = False, None
    events.record(session, events.RESUME, counter=counter.number)
    return counter


def link_dossier(session: Session, actor: Actor, counter_number: int, dossier_code: str) -> Ticket:
    """Record that the dossier was taken while serving the counter's current ticket."""
    actor.require("queue.link_dossier")
    ticket = _current(session, _counter(session, counter_number))
    if dossier_code not in (ticket.dossier_codes or []):
        ticket.dossier_codes = [*(ticket.dossier_codes or []), dossier_code]
    return ticket


# --- what the stations show ----------------------------------------------------------------------


def ticket_json(t: Ticket | None) -> dict[str, Any] | None:
    if t is None:
        return None
    return {"ticket_id": t.id, "number": t.number, "service": t.service_code}


def _service_minutes(session: Session, day: date) -> dict[str, float]:
    """The average minutes a ticket of each service took to serve on ``day`` (services with none: absent)."""
    spans: dict[str, list[float]] = {}
    rows = session.execute(
        select(Ticket.service_code, Ticket.called_at, Ticket.finished_at).where(
            Ticket.day == day, Ticket.status == "done", Ticket.called_at.is_not(None), Ticket.finished_at.is_not(None),
        )
    )
    for code, called, finished in rows:
        if finished > called:
            spans.setdefault(code, []).append((finished - called).total_seconds() / 60)
    return {code: sum(v) / len(v) for code, v in spans.items()}


def status(session: Session, *, now: datetime | None = None) -> dict[str, Any]:
    """The queue as every screen shows it (``motcua queue status``). A fixed handful of queries whatever the
    number of services and counters: the board reads it after every change of the queue."""
    now = _now(now)
    today = local_day(now)
    # Before the day's first ticket or call has applied the closing policy, yesterday's leftovers are
    # counted only when they are kept for today.
    days = Ticket.day <= today if center.get(session, "queue.close_policy") == "keep" else Ticket.day == today
    counts = {
        code: (int(n), int(p or 0))
        for code, n, p in session.execute(
            select(Ticket.service_code, func.count(), func.sum(case((Ticket.priority_weight > 0, 1), else_=0)))
            .where(Ticket.status == "waiting", days)
            .group_by(Ticket.service_code)
        )
    }
    open_counters = dict(
        session.execute(
            select(counter_services.c.service_code, func.count())
            .join(Counter, Counter.number == counter_services.c.counter_number)
            .where(Counter.active.is_(True), Counter.paused.is_(False))
            .group_by(counter_services.c.service_code)
        ).all()
    )
    minutes = _service_minutes(session, today)
    out_services = []
    for svc in services(session):
        n, prio = counts.get(svc.code, (0, 0))
        per = minutes.get(svc.code, DEFAULT_SERVICE_MINUTES)
        out_services.append(
            {"code": svc.code, "name": svc.name, "waiting": n, "priority_waiting": prio,
             "estimated_wait_minutes": round(n * per / (open_counters.get(svc.code) or 1), 1)}
        )
    rows = list(
        session.scalars(
            select(Counter).where(Counter.active.is_(True)).order_by(Counter.number).options(selectinload(Counter.services))
        )
    )
    ids = [c.current_ticket_id for c in rows if c.current_ticket_id]
    current = {t.id: t for t in session.scalars(select(Ticket).where(Ticket.id.in_(ids)))} if ids else {}
    counters = [
        {"number": c.number, "name": c.name, "current": ticket_json(current.get(c.current_ticket_id)), "paused": c.paused,
         "pause_reason": c.pause_reason, "services": [s.code for s in c.services], "officer": c.officer}
        for c in rows
    ]
    return {"day": today.isoformat(), "services": out_services, "counters": counters}


def calls_since(session: Session, after_id: int = 0, *, limit: int = 50) -> list[dict[str, Any]]:
    """Calls and recalls newer than ``after_id`` (the display board's cursor), oldest first."""
    rows = session.scalars(select(QueueCall).where(QueueCall.id > after_id).order_by(QueueCall.id).limit(limit))
    return [
        {"id": c.id, "at": format_local(c.at), "number": c.number, "service": c.service_code, "counter": c.counter, "kind": c.kind}
        for c in rows
    ]


def recent_calls(session: Session, *, limit: int = 10) -> list[dict[str, Any]]:
    rows = list(session.scalars(select(QueueCall).order_by(QueueCall.id.desc()).limit(limit)))
    return [
        {"id": c.id, "at": format_local(c.at), "number": c.number, "service": c.service_code, "counter": c.counter, "kind": c.kind}
        for c in rows
    ]


# --- demo ----------------------------------------------------------------------------------------

DEMO_SERVICES = [("A", "Hộ tịch"), ("B", "Chứng thực"), ("C", "Đất đai - Xây dựng"), ("D", "Bảo trợ xã hội")]
DEMO_PRIORITY = [
    ("elderly", "Người cao tuổi", 3),
    ("disabled", "Người khuyết tật", 3),
    ("pregnant", "Phụ nữ mang thai", 2),
    ("small_child", "Người có con nhỏ", 1),
]


def seed_demo(session: Session, actor: Actor) -> None:
    for i, (code, name) in enumerate(DEMO_SERVICES):
        if session.get(QueueService, code) is None:
            set_service(session, actor, code, name, position=i)
    for code, name, weight in DEMO_PRIORITY:
        if session.get(PriorityGroup, code) is None:
            set_priority_group(session, actor, code, name, weight)
    session.flush()
    for n in range(1, 5):
        if session.get(Counter, n) is None:
            set_counter(session, actor, n, f"Quầy {n}", ["A", "B", "C"] + (["D"] if n == 4 else []))
