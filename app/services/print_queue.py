"""The persistent print queue (issue 9, journey 9): every job is committed before it is sent.

A job goes ``queued → sending → done``; a printer that refuses it (offline, paper out, cover open) makes
it ``failed``, and it still waits: each printer's jobs go out oldest first, and a job that failed stops
the ones behind it until the printer takes it (or the officer sends it to another printer). The state
``sending`` is committed *before* the first byte goes out and ``done`` right after the printer took the
job, so after a crash (power cut, kill -9) a job is either untouched (``queued``: sent later, once) or
found in ``sending``: it may have printed, so it is marked ``in_doubt`` and never sent again on its own;
the officer is asked "có thể đã in — in lại?" (:func:`retry` or :func:`confirm_printed`).

Threads: the functions taking a ``session`` run wherever the caller's unit of work runs (the store
thread in the UI). :class:`QueueSender` has no thread of its own: one worker thread per printer (the
device runtime, or a UI DeviceOp) calls :meth:`QueueSender.pump`; it opens its own short units of work.

The core does not import ``devices``: a printer is anything with ``send(data, timeout=)`` (ESC/POS) or
``print_pdf(data, title=, copies=, timeout=)`` (PDF) whose failures carry a ``kind`` code
(``devices.base.DeviceError``).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.actors import SYSTEM, Actor
from app.errors import NotFoundError, RuleError, ValidationError
from app.services.audit import audit
from app.store.models_print import PrintJob
from app.store.types import utcnow

log = logging.getLogger(__name__)

#: ``cancelled``: a job nobody wants any more (the kiosk's ticket that could not print: the citizen left
#: with the number read off the screen; printing it later would hand a stale ticket to the next one).
STATES = ("queued", "sending", "done", "failed", "cancelled")
WAITING = ("queued", "failed")
CONTENT_TYPES = ("escpos", "pdf")

#: The printers a station may have (station settings ``devices.<name>``) and what each one takes.
PRINTERS: dict[str, str] = {"receipt_printer": "escpos", "ticket_printer": "escpos", "a4_printer": "pdf"}


def station_name(role: str, counter: int | str) -> str:
    """The queue's name for a station, e.g. ``counter-3`` or ``kiosk-1``."""
    return f"{role}-{counter}"


def content_type_of(printer: str) -> str:
    """What ``printer`` takes (``escpos`` or ``pdf``); ValidationError for a printer we do not know."""
    try:
        return PRINTERS[printer]
    except KeyError:
        raise ValidationError("printer_unknown", printer=printer, known=', '.join(PRINTERS)) from None


def _view(job: PrintJob) -> dict[str, Any]:
    return {
        "id": job.id,
        "station": job.station,
        "printer": job.printer,
        "kind": job.kind,
        "content_type": job.content_type,
        "dossier_code": job.dossier_code,
        "ticket": job.ticket,
        "title": job.title,
        "copies": job.copies,
        "sha256": job.sha256,
        "bytes": job.size,
        "state": job.state,
        "may_have_printed": bool(job.in_doubt),
        "attempts": job.attempts,
        "last_error": job.last_error,
        "created_at": job.created_at.isoformat() if job.created_at else None,
        "done_at": job.done_at.isoformat() if job.done_at else None,
    }


# --------------------------------------------------------------------------- use cases


def enqueue(
    session: Session,
    *,
    station: str,
    printer: str,
    kind: str,
    content_type: str,
    data: bytes,
    dossier_code: str | None = None,
    ticket: str | None = None,
    title: str = "",
    copies: int = 1,
    by: Actor | None = None,
) -> int:
    """Add a job (state ``queued``) and return its id; it is kept once the caller's unit of work commits.
    Audited (``print.queued``: the job, its kind, the dossier code or ticket number) as ``by`` (default: the
    station's system actor)."""
    if content_type not in CONTENT_TYPES:
        raise ValidationError("print_content_type_unknown", known=CONTENT_TYPES, content_type=content_type)
    if not data:
        raise ValidationError("print_job_empty")
    if copies < 1:
        raise ValidationError("print_copies_invalid")
    data = bytes(data)
    job = PrintJob(
        station=station, printer=printer, kind=kind, content_type=content_type, dossier_code=dossier_code,
        ticket=ticket, title=title[:120], copies=copies, payload=data, sha256=hashlib.sha256(data).hexdigest(),
        size=len(data), state="queued", in_doubt=False, attempts=0,
    )
    session.add(job)
    session.flush()
    audit(session, by or SYSTEM, "print.queued", dossier_code or ticket, at_station=station, job=job.id, kind=kind,
          printer=printer, copies=copies)
    return job.id


def jobs(
    session: Session,
    *,
    station: str | None = None,
    printer: str | None = None,
    states: Iterable[str] | None = None,
    limit: int = 200,
) -> list[dict[str, Any]]:
    """Jobs, oldest first, without their bytes (plain dicts)."""
    query = select(PrintJob).order_by(PrintJob.id)
    if station is not None:
        query = query.where(PrintJob.station == station)
    if printer is not None:
        query = query.where(PrintJob.printer == printer)
    if states is not None:
        states = list(states)
        bad = set(states) - set(STATES)
        if bad:
            raise ValidationError("print_state_unknown", states=', '.join(sorted(bad)))
        query = query.where(PrintJob.state.in_(states))
    return [_view(job) for job in session.scalars(query.limit(limit))]


def counts(session: Session, station: str) -> dict[str, int]:
    """``waiting``: jobs still to print (queued or failed); ``in_doubt``: found in ``sending`` after a stop."""
    rows = session.execute(
        select(PrintJob.state, PrintJob.in_doubt, func.count())
        .where(PrintJob.station == station, PrintJob.state.in_(("queued", "failed", "sending")))
        .group_by(PrintJob.state, PrintJob.in_doubt)
    ).all()
    waiting = sum(n for state, _doubt, n in rows if state in WAITING)
    in_doubt = sum(n for state, doubt, n in rows if state == "sending" and doubt)
    return {"waiting": waiting, "in_doubt": in_doubt}


def get(session: Session, job_id: int) -> dict[str, Any]:
    return _view(_job(session, job_id))


def _job(session: Session, job_id: int, *, lock: bool = False) -> PrintJob:
    query = select(PrintJob).where(PrintJob.id == job_id)
    if lock:
        query = query.with_for_update()
    job = session.scalars(query).one_or_none()
    if job is None:
        raise NotFoundError("print_job_not_found", job_id=job_id)
    return job


def recover(session: Session, station: str, printer: str) -> list[int]:
    """At the start of a printer's sender: every job of it still in ``sending`` was being sent when the
    station stopped; mark it ``in_doubt`` (it is never sent again on its own). Returns their ids."""
    ids = list(session.scalars(
        select(PrintJob.id).where(
            PrintJob.station == station, PrintJob.printer == printer, PrintJob.state == "sending",
            PrintJob.in_doubt.is_(False),
        )
    ))
    if ids:
        session.execute(update(PrintJob).where(PrintJob.id.in_(ids)).values(in_doubt=True, updated_at=utcnow()))
        log.warning("print jobs %s of %s/%s may have printed before the stop; the officer decides", ids, station, printer)
    return ids


@dataclass(frozen=True)
class ClaimedJob:
    id: int
    content_type: str
    data: bytes
    title: str
    copies: int
    attempt: int


def claim_next(session: Session, station: str, printer: str) -> ClaimedJob | None:
    """Mark the printer's oldest waiting job ``sending`` and return it (None when nothing waits).
    The caller must commit before sending a byte: that commit is what makes a crash visible."""
    for _ in range(3):  # another sender (a second process by mistake) may take it first
        job = session.scalars(
            select(PrintJob)
            .where(PrintJob.station == station, PrintJob.printer == printer, PrintJob.state.in_(WAITING))
            .order_by(PrintJob.id)
            .limit(1)
        ).one_or_none()
        if job is None:
            return None
        taken = session.execute(
            update(PrintJob)
            .where(PrintJob.id == job.id, PrintJob.state.in_(WAITING))
            .values(state="sending", in_doubt=False, attempts=PrintJob.attempts + 1, sending_at=utcnow(), updated_at=utcnow())
            .execution_options(synchronize_session=False)
        ).rowcount
        if taken == 1:
            return ClaimedJob(job.id, job.content_type, bytes(job.payload), job.title, job.copies, job.attempts + 1)
        session.expire(job)
    return None


def mark_done(session: Session, job_id: int) -> None:
    session.execute(
        update(PrintJob).where(PrintJob.id == job_id, PrintJob.state == "sending")
        .values(state="done", done_at=utcnow(), last_error=None, last_error_detail=None, updated_at=utcnow())
    )


def mark_failed(session: Session, job_id: int, kind: str, detail: str = "") -> None:
    session.execute(
        update(PrintJob).where(PrintJob.id == job_id, PrintJob.state == "sending")
        .values(state="failed", last_error=kind[:20], last_error_detail=detail[:2000], updated_at=utcnow())
    )


def retry(
    session: Session,
    job_id: int,
    *,
    printer: str | None = None,
    content_type: str | None = None,
    data: bytes | None = None,
    by: Actor | None = None,
) -> dict[str, Any]:
    """The officer's decision (audited as ``by``: ``print.reprint`` or ``print.retry``): print ``job_id`` again, on ``printer`` if given (journey 9: "or the
    officer sends it to the A4 printer"). A waiting or failed job is re-queued (it keeps its place, its
    id being the oldest); a job that may have printed is queued again only by this explicit call; a
    done job is copied into a new job (a reprint). ``content_type``/``data`` replace the bytes when the
    other printer takes another format (the caller renders them). Returns the queued job."""
    job = _job(session, job_id, lock=True)
    if job.state == "sending" and not job.in_doubt:
        raise RuleError("print_job_sending", job_id=job_id)
    target = printer or job.printer
    if (data is None) != (content_type is None):
        raise ValidationError("print_retry_content_pair")
    if data is None and printer is not None and printer in PRINTERS and PRINTERS[printer] != job.content_type:
        raise RuleError("print_job_wrong_printer", printer=printer, takes=PRINTERS[printer], job_id=job_id, content_type=job.content_type)
    if job.state == "done":
        new_id = enqueue(
            session, station=job.station, printer=target, kind=job.kind, content_type=content_type or job.content_type,
            data=data if data is not None else job.payload, dossier_code=job.dossier_code, ticket=job.ticket,
            title=job.title, copies=job.copies, by=by,
        )
        audit(session, by or SYSTEM, "print.reprint", job.dossier_code or job.ticket, at_station=job.station,
              job=job_id, new_job=new_id)
        return get(session, new_id)
    job.printer = target
    if data is not None:
        job.content_type, job.payload = content_type, bytes(data)
        job.sha256, job.size = hashlib.sha256(job.payload).hexdigest(), len(job.payload)
    job.state, job.in_doubt = "queued", False
    session.flush()
    audit(session, by or SYSTEM, "print.retry", job.dossier_code or job.ticket, at_station=job.station, job=job_id,
          printer=target)
    return _view(job)


def cancel(session: Session, job_id: int, reason: str = "") -> None:
    """Take a waiting job (queued or failed) out of the queue for good; a job being sent is left alone."""
    session.execute(
        update(PrintJob).where(PrintJob.id == job_id, PrintJob.state.in_(WAITING))
        .values(state="cancelled", last_error_detail=(reason or None) and reason[:2000], updated_at=utcnow())
    )


def confirm_printed(session: Session, job_id: int, *, by: Actor | None = None) -> dict[str, Any]:
    """The officer saw that a job which may have printed did print: it is done (audited as ``by``)."""
    job = _job(session, job_id, lock=True)
    if not (job.state == "sending" and job.in_doubt):
        raise RuleError("print_job_not_in_doubt", job_id=job_id)
    job.state, job.in_doubt, job.done_at = "done", False, utcnow()
    session.flush()
    audit(session, by or SYSTEM, "print.confirmed", job.dossier_code or job.ticket, at_station=job.station, job=job_id)
    return _view(job)


# --------------------------------------------------------------------------- the sender


@dataclass
class PumpResult:
    """What one :meth:`QueueSender.pump` did: the jobs printed, and the failure that stopped it."""

    sent: list[int] = field(default_factory=list)
    failed_job: int | None = None
    error_kind: str | None = None
    error: BaseException | None = None


class QueueSender:
    """Sends one printer's jobs, oldest first, each committed as ``sending`` before it goes out.

    No thread of its own: create it and call :meth:`pump` from the one worker thread of the printer
    (devices.runtime, or a UI DeviceOp). :meth:`start` (run by the first pump) marks the jobs left in
    ``sending`` by a previous life of the station as in doubt.
    """

    def __init__(self, store, *, station: str, printer_name: str, printer, timeout: float = 30.0) -> None:
        self.store = store
        self.station = station
        self.printer_name = printer_name
        self.printer = printer
        self.timeout = timeout
        self._started = False
        self.in_doubt: list[int] = []

    def start(self) -> list[int]:
        with self.store.write() as session:
            self.in_doubt = recover(session, self.station, self.printer_name)
        self._started = True
        return self.in_doubt

    def pump(self, *, limit: int | None = None) -> PumpResult:
        """Send waiting jobs until none is left, ``limit`` were sent, or the printer refuses one
        (then that job is ``failed`` with the error's kind, and the result says so; nothing raises
        for a printer fault). Any other exception is raised after the job is marked failed."""
        if not self._started:
            self.start()
        result = PumpResult()
        printed: int | None = None  # the job the printer just took, marked done with the next claim
        try:
            while limit is None or len(result.sent) < limit:
                with self.store.write() as session:
                    if printed is not None:
                        # "done" and the next claim share one commit: one fewer fsync per job in a run.
                        mark_done(session, printed)
                        result.sent.append(printed)
                        printed = None
                    job = claim_next(session, self.station, self.printer_name) if limit is None or len(result.sent) < limit else None
                if job is None:
                    break
                try:
                    self._deliver(job)
                except Exception as exc:
                    kind = getattr(exc, "kind", None)
                    kind = kind if isinstance(kind, str) else "io"
                    with self.store.write() as session:
                        mark_failed(session, job.id, kind, str(exc))
                    log.warning("print job %d on %s failed (%s)", job.id, self.printer_name, kind)
                    result.failed_job, result.error_kind, result.error = job.id, kind, exc
                    if not hasattr(exc, "kind"):
                        raise
                    break
                printed = job.id
        finally:
            if printed is not None:  # the last one (limit reached): its own commit
                with self.store.write() as session:
                    mark_done(session, printed)
                result.sent.append(printed)
        return result

    def _deliver(self, job: ClaimedJob) -> None:
        if job.content_type == "pdf":
            self.printer.print_pdf(job.data, title=job.title or f"job-{job.id}", copies=job.copies, timeout=self.timeout)
        else:
            for _ in range(job.copies):
                self.printer.send(job.data, timeout=self.timeout)

