"""The director's figures (issue 13): the center's own Decision 766 indicators, per officer and department,
per queue service and hour, for a period, with the previous period beside them.

Every figure comes from the aggregate queries of :mod:`app.services.reports_sql` (summed in the database);
this module only adds the small grouped results up, divides, and names each indicator with its formula
(Vietnamese and English) so the window, the XLSX and the PDF show the same thing.

Sections other rooms own (fees, per-visit ratings, complaints) come from **providers**: :data:`PROVIDERS`
lists ``(section, "module:function")``; each function is called as ``fn(session, first, last) -> dict`` with
the period's local dates. A provider whose module does not exist yet is skipped (its section is absent and
``providers[section]`` says ``"missing"``), so this module never imports them at load time. A complaints
section may hold ``by_officer`` / ``by_department`` (``{name: count}``): they fill the "complaints" column of
the officer and department tables.

Which thread: workers only (the store thread). Failures: RuleError/ValidationError for bad periods,
RuleError("not_permitted") for an actor who may not see the figures.
"""

from __future__ import annotations

import importlib
import logging
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actors import Actor
from app.errors import RuleError
from app.services import report_rollups as rollups
from app.services import reports_sql as q
from app.services.reports_periods import Period, custom, previous
from app.store.models import Department, Procedure, QueueService, User

log = logging.getLogger(__name__)

#: (section, "module:function"): wired by name, imported only when a report is made
PROVIDERS: tuple[tuple[str, str], ...] = (
    ("fees", "app.services.fees:report_section"),
    ("ratings", "app.services.ratings:report_section"),
    ("complaints", "app.services.complaints:report_section"),
)

CHANNELS = ("in_person", "online", "post")

#: key -> (Decision 766 group, unit, Vietnamese formula, English formula)
INDICATORS: dict[str, tuple[str, str, str, str]] = {
    "synced_share": ("publicity", "%",
                     "Số hồ sơ tiếp nhận trong kỳ đã đồng bộ lên hệ thống tỉnh / Tổng số hồ sơ tiếp nhận trong kỳ × 100",
                     "Dossiers received in the period with nothing left unsent to the province / dossiers received × 100"),
    "on_time_rate": ("progress", "%",
                     "(Số hồ sơ giải quyết trước hạn + đúng hạn) / Tổng số hồ sơ đã giải quyết trong kỳ × 100",
                     "(Dossiers decided early + on time) / dossiers decided in the period × 100"),
    "early_rate": ("progress", "%",
                   "Số hồ sơ giải quyết trước ngày hẹn trả / Tổng số hồ sơ đã giải quyết trong kỳ × 100",
                   "Dossiers decided before the due day / dossiers decided in the period × 100"),
    "late_rate": ("progress", "%",
                  "Số hồ sơ giải quyết quá hạn / Tổng số hồ sơ đã giải quyết trong kỳ × 100",
                  "Dossiers decided after the due time / dossiers decided in the period × 100"),
    "avg_processing_days": ("progress", "days",
                            "Tổng thời gian từ tiếp nhận đến có kết quả (ngày) / Số hồ sơ đã giải quyết trong kỳ",
                            "Sum of (decided − received) in calendar days / dossiers decided in the period"),
    "digitization_rate": ("digitization", "%",
                          "Số hồ sơ tiếp nhận trong kỳ có thành phần được số hóa / Tổng số hồ sơ tiếp nhận trong kỳ × 100",
                          "Dossiers received in the period with a digitized item / dossiers received × 100"),
    "online_share": ("online", "%",
                     "Số hồ sơ tiếp nhận trực tuyến / Tổng số hồ sơ tiếp nhận trong kỳ × 100",
                     "Dossiers received online / dossiers received in the period × 100"),
    "satisfaction_rate": ("satisfaction", "%",
                          "Số lượt đánh giá hài lòng trở lên / Tổng số lượt đánh giá trong kỳ × 100",
                          "Ratings at a satisfied (or neutral and above) level / ratings in the period × 100"),
}
#: Decision 766's groups and their points out of 100 (domain.md)
GROUPS = {"publicity": 18, "progress": 20, "digitization": 22, "online": 22, "satisfaction": 18}


def satisfied(score: int, scale: int) -> bool:
    """Not at a dissatisfied level: 2..3 of 3 keys, 3..5 of 5 (``ratings.LEVELS``)."""
    return score >= (2 if scale == 3 else 3)


def rate(num: float, den: float, digits: int = 2) -> float | None:
    return round(100.0 * num / den, digits) if den else None


def check_access(actor: Actor) -> bool:
    """True when ``actor`` sees the whole center; False when only their own figures (an officer)."""
    try:
        actor.require("report.view")
        return True
    except RuleError:
        actor.require("report.view_own")
        return False


def export_document(session: Session, actor: Actor, first: date, last: date, **kwargs) -> dict[str, Any]:
    """The document a file is made from (``report.export``: the director, or an admin)."""
    actor.require("report.export")
    return summary(session, actor, first, last, **kwargs)


def summary(session: Session, actor: Actor, first: date, last: date, *, compare: bool = True,
            kind: str | None = None, progress=None) -> dict[str, Any]:
    """Every figure of the period [first, last] (local dates) as one JSON-ready document.

    ``progress(done, total)`` is called between the steps (a window shows it; raising from it cancels).
    An officer (``report.view_own``) gets only their own row of the officer table."""
    whole = check_access(actor)
    p = custom(first, last)
    if kind:
        p = Period(kind, p.first, p.last)
    steps = 8 if compare else 7
    tick = _ticker(progress, steps)
    doc = _figures(session, p, tick)
    if compare:
        before = previous(p)
        prev = _figures(session, before, lambda: None, light=True)
        doc["previous"] = {"period": before.json(), "indicators": {k: v["value"] for k, v in prev["indicators"].items()}}
        for key, ind in doc["indicators"].items():
            old = prev["indicators"][key]["value"]
            ind["previous"] = old
            ind["change"] = round(ind["value"] - old, 2) if ind["value"] is not None and old is not None else None
        tick()
    doc["sections"], doc["providers"] = provider_sections(session, p.first, p.last)
    _apply_complaints(doc)
    tick()
    if not whole:
        me = actor.username
        doc = {"period": doc["period"], "officers": [r for r in doc["officers"] if r["officer"] == me],
               "scope": "own"}
    else:
        doc["scope"] = "center"
    return doc


def _ticker(progress, total: int):
    done = [0]

    def tick() -> None:
        done[0] += 1
        if progress is not None:
            progress(min(done[0], total), total)

    return tick


def _figures(session: Session, p: Period, tick, *, light: bool = False) -> dict[str, Any]:
    d = q.Dialect(session.get_bind().dialect.name)
    src = rollups.Source(session, d, p.first, p.last)
    received = src.rows("received")
    tick()
    decided = src.rows("decided")
    tick()
    ratings = src.rows("ratings")
    tick()
    doc: dict[str, Any] = {"period": p.json()}
    doc["indicators"] = _indicators(received, decided, ratings)
    if light:
        return doc
    events = src.rows("events")
    tick()
    tickets = src.rows("tickets")
    tick()
    # 12 months ending with the period's last month: the on-time trend chart
    trend_from = date(p.last.year - 1, p.last.month, 1) + timedelta(days=31)
    trend_from = date(trend_from.year, trend_from.month, 1)
    months = rollups.Source(session, d, trend_from, p.last).months()
    tick()
    names = _names(session)
    doc["channels"] = _channels(received)
    doc["procedures"] = _procedures(received, decided, names)
    doc["officers"], doc["departments"] = _people(received, decided, events, ratings, names)
    doc["services"], doc["hours"] = _services(tickets, names)
    doc["satisfaction"] = _satisfaction(ratings)
    doc["on_time_by_month"] = [
        {"month": m["month"], "decided": m["decided"], "early": m["early"], "on_time": m["on_time"], "late": m["late"],
         "on_time_rate": rate(m["early"] + m["on_time"], m["decided"])}
        for m in months
    ]
    tick()
    return doc


def _indicators(received, decided, ratings) -> dict[str, dict[str, Any]]:
    total = sum(r["received"] for r in received)
    online = sum(r["received"] for r in received if r["channel"] == "online")
    digitized = sum(r["digitized"] for r in received)
    synced = total - sum(r["unsent"] for r in received)
    n = sum(r["decided"] for r in decided)
    early = sum(r["early"] for r in decided)
    on_time = sum(r["on_time"] for r in decided)
    late = sum(r["late"] for r in decided)
    seconds = sum(r["seconds"] or 0 for r in decided)
    rated = sum(r["n"] for r in ratings)
    happy = sum(r["n"] for r in ratings if satisfied(r["score"], r["scale"]))
    values = {
        "synced_share": (synced, total),
        "on_time_rate": (early + on_time, n),
        "early_rate": (early, n),
        "late_rate": (late, n),
        "avg_processing_days": (seconds / 86400.0, n),
        "digitization_rate": (digitized, total),
        "online_share": (online, total),
        "satisfaction_rate": (happy, rated),
    }
    out = {}
    for key, (num, den) in values.items():
        group, unit, vi, en = INDICATORS[key]
        value = (round(num / den, 2) if den else None) if unit == "days" else rate(num, den)
        out[key] = {"group": group, "unit": unit, "value": value, "numerator": round(num, 4), "denominator": den,
                    "formula_vi": vi, "formula_en": en}
    return out


def _names(session: Session) -> dict[str, dict]:
    return {
        "procedures": {r.id: (r.code, r.name) for r in session.execute(select(Procedure.id, Procedure.code, Procedure.name))},
        "departments": {r.id: r.name for r in session.execute(select(Department.id, Department.name))},
        "users": {r.username: (r.full_name, r.department_id)
                  for r in session.execute(select(User.username, User.full_name, User.department_id))},
        "services": {r.code: r.name for r in session.execute(select(QueueService.code, QueueService.name))},
    }


def _channels(received) -> list[dict[str, Any]]:
    counts: dict[str, int] = defaultdict(int)
    for r in received:
        counts[r["channel"]] += r["received"]
    total = sum(counts.values())
    keys = list(CHANNELS) + sorted(set(counts) - set(CHANNELS))
    return [{"channel": k, "dossiers": counts.get(k, 0), "share": rate(counts.get(k, 0), total)} for k in keys]


def _procedures(received, decided, names) -> list[dict[str, Any]]:
    rows: dict[int, dict[str, Any]] = {}

    def row(pid: int) -> dict[str, Any]:
        if pid not in rows:
            code, name = names["procedures"].get(pid, ("", ""))
            rows[pid] = {"code": code, "name": name, "received": 0, "decided": 0, "early": 0, "on_time": 0, "late": 0,
                         "seconds": 0.0}
        return rows[pid]

    for r in received:
        row(r["procedure_id"])["received"] += r["received"]
    for r in decided:
        x = row(r["procedure_id"])
        for k in ("decided", "early", "on_time", "late"):
            x[k] += r[k]
        x["seconds"] += r["seconds"] or 0.0
    out = []
    for x in sorted(rows.values(), key=lambda x: x["code"]):
        seconds = x.pop("seconds")
        x["avg_days"] = round(seconds / 86400.0 / x["decided"], 2) if x["decided"] else None
        x["on_time_rate"] = rate(x["early"] + x["on_time"], x["decided"])
        out.append(x)
    return out


PERSON_KEYS = ("received", "returned", "decided", "early", "on_time", "late", "supplement_requests", "apologies",
               "ratings", "satisfied")
_EVENT_KEY = {"returned": "returned", "supplement_requested": "supplement_requests", "apologized": "apologies"}


def _people(received, decided, events, ratings, names) -> tuple[list, list]:
    officers: dict[str, dict[str, Any]] = defaultdict(lambda: dict.fromkeys(PERSON_KEYS, 0))
    depts: dict[str, dict[str, Any]] = defaultdict(lambda: dict.fromkeys(PERSON_KEYS, 0))
    dept_name = names["departments"]
    users = names["users"]
    for r in received:
        officers[r["officer"] or ""]["received"] += r["received"]
        depts[dept_name.get(r["department_id"], "")]["received"] += r["received"]
    for r in decided:
        for target in (officers[r["officer"] or ""], depts[dept_name.get(r["department_id"], "")]):
            for k in ("decided", "early", "on_time", "late"):
                target[k] += r[k]
    for r in events:
        key = _EVENT_KEY[r["kind"]]
        officers[r["actor"]][key] += r["n"]
        depts[r["department"] or ""][key] += r["n"]
    for r in ratings:
        happy = r["n"] if satisfied(r["score"], r["scale"]) else 0
        user = users.get(r["officer"] or "")
        dept = dept_name.get(user[1], "") if user else ""
        for target in (officers[r["officer"] or ""], depts[dept]):
            target["ratings"] += r["n"]
            target["satisfied"] += happy

    def finish(x: dict[str, Any]) -> dict[str, Any]:
        x["on_time_rate"] = rate(x["early"] + x["on_time"], x["decided"])
        x["satisfaction_rate"] = rate(x["satisfied"], x["ratings"])
        x["complaints"] = None  # filled by a complaints provider (see _apply_complaints)
        return x

    officer_rows = [finish({"officer": k, "name": users.get(k, ("", None))[0], **v}) for k, v in sorted(officers.items())]
    dept_rows = [finish({"department": k, **v}) for k, v in sorted(depts.items())]
    return officer_rows, dept_rows


def _services(tickets, names) -> tuple[list, list]:
    by_service: dict[str, dict[str, Any]] = {}
    by_hour: dict[int, dict[str, Any]] = {}
    keys = ("tickets", "called", "wait", "served", "service", "no_shows")
    for r in tickets:
        for bucket in (by_service.setdefault(r["service_code"], dict.fromkeys(keys, 0)),
                       by_hour.setdefault((int(r["utc_hour"]) + 7) % 24, dict.fromkeys(keys, 0))):
            for k in keys:
                bucket[k] += r[k] or 0

    def finish(x: dict[str, Any]) -> dict[str, Any]:
        wait, service = x.pop("wait"), x.pop("service")
        x["avg_wait_s"] = round(wait / x["called"], 1) if x["called"] else None
        x["avg_service_s"] = round(service / x["served"], 1) if x["served"] else None
        return x

    services = [finish({"code": k, "name": names["services"].get(k, ""), **v}) for k, v in sorted(by_service.items())]
    hours = [finish({"hour": h, **v}) for h, v in sorted(by_hour.items())]
    return services, hours


def _satisfaction(ratings) -> dict[str, Any]:
    from app.services.ratings import level

    levels: dict[str, int] = defaultdict(int)
    for r in ratings:
        levels[level(r["score"], r["scale"])] += r["n"]
    total = sum(levels.values())
    happy = sum(r["n"] for r in ratings if satisfied(r["score"], r["scale"]))
    return {"levels": dict(sorted(levels.items())), "ratings": total, "satisfied": happy, "rate": rate(happy, total)}


def provider_sections(session: Session, first: date, last: date) -> tuple[dict[str, Any], dict[str, str]]:
    """Call each provider of :data:`PROVIDERS` that exists; ``(sections, {section: "ok" | "missing"})``."""
    sections: dict[str, Any] = {}
    status: dict[str, str] = {}
    for name, target in PROVIDERS:
        fn = load_provider(target)
        if fn is None:
            status[name] = "missing"
            continue
        sections[name] = fn(session, first, last)
        status[name] = "ok"
    return sections, status


def load_provider(target: str):
    """The function named ``"module:function"``, or None while its module (or function) does not exist."""
    module_name, _, func_name = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            return None
        raise
    return getattr(module, func_name, None)


def _apply_complaints(doc: dict[str, Any]) -> None:
    section = doc["sections"].get("complaints") or {}
    for table, key, field in (("officers", "officer", "by_officer"), ("departments", "department", "by_department")):
        counts = section.get(field)
        if isinstance(counts, dict):
            for row in doc[table]:
                row["complaints"] = int(counts.get(row[key], 0))
