"""The director's figures, each recomputed here from the raw rows in plain Python (both engines)."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

import pytest

from app.actors import Actor
from app.errors import RuleError, ValidationError
from app.services import report_rollups as rollups
from app.services import reports
from app.services.reports_periods import custom, period, previous
from app.workcal import to_local
from bench.report_data import context, generate, insert_orm

FIRST, LAST = date(2025, 3, 1), date(2025, 3, 31)
DIRECTOR = Actor("giamdoc", "director")


#: how much of the period the daily roll-ups cover: none (raw rows only), every day, the first half
ROLLED_UP_BEFORE = {"raw": None, "rolled": date(2025, 4, 10), "half": date(2025, 3, 16)}


@pytest.fixture(params=list(ROLLED_UP_BEFORE))
def loaded(seeded, request):
    """The generated rows; the roll-ups built for the days before ``ROLLED_UP_BEFORE[param]`` (``today``)."""
    with seeded.write() as s:
        rows = generate(7, FIRST, LAST, context(s), dossiers=600, tickets=900)
        insert_orm(s, rows)
    today = ROLLED_UP_BEFORE[request.param]
    if today is not None:
        with seeded.write() as s:
            assert rollups.refresh(s, today=today) > 0
    return seeded, rows


def _pct(num, den):
    return round(100.0 * num / den, 2) if den else None


def _in(p, at):
    return at is not None and p.start <= at < p.end


def expected(rows, first, last):
    p = custom(first, last)
    received = [d for d in rows["dossiers"] if _in(p, d["received_at"]) and d["status"] != "cancelled"]
    digitized_ids = {f["dossier_id"] for f in rows["files"] if f["replaced_at"] is None}
    unsent_ids = {o["aggregate_id"] for o in rows["outbox"] if o["status"] != "sent"}
    decided = [d for d in rows["dossiers"] if _in(p, d["decided_at"]) and d["status"] != "cancelled"
               and not d["refused_at_intake"] and d["due_at"] is not None]

    def timeliness(d):
        if to_local(d["decided_at"]).date() < to_local(d["due_at"]).date():
            return "early"
        return "late" if d["decided_at"] > d["due_at"] else "on_time"

    kinds = Counter(timeliness(d) for d in decided)
    ratings = [r for r in rows["ratings"] if _in(p, r["at"])]
    happy = [r for r in ratings if r["score"] >= (2 if r["scale"] == 3 else 3)]
    seconds = sum((d["decided_at"] - d["received_at"]).total_seconds() for d in decided)
    return p, received, decided, timeliness, ratings, happy, {
        "synced_share": _pct(sum(1 for d in received if str(d["id"]) not in unsent_ids), len(received)),
        "on_time_rate": _pct(kinds["early"] + kinds["on_time"], len(decided)),
        "early_rate": _pct(kinds["early"], len(decided)),
        "late_rate": _pct(kinds["late"], len(decided)),
        "avg_processing_days": round(seconds / 86400 / len(decided), 2),
        "digitization_rate": _pct(sum(1 for d in received if d["id"] in digitized_ids), len(received)),
        "online_share": _pct(sum(1 for d in received if d["channel"] == "online"), len(received)),
        "satisfaction_rate": _pct(len(happy), len(ratings)),
    }


def test_the_766_indicators_match_the_rows(loaded):
    store, rows = loaded
    with store.read() as s:
        doc = reports.summary(s, DIRECTOR, FIRST, LAST)
    p, received, decided, timeliness, ratings, happy, want = expected(rows, FIRST, LAST)
    assert len(received) > 300 and len(decided) > 200 and len(ratings) > 50  # the data covers every case
    assert {k: v["value"] for k, v in doc["indicators"].items()} == want
    for ind in doc["indicators"].values():
        assert ind["formula_vi"] and ind["formula_en"] and ind["group"] in reports.GROUPS
    channels = Counter(d["channel"] for d in received)
    assert {c["channel"]: c["dossiers"] for c in doc["channels"]} == {k: channels.get(k, 0) for k in reports.CHANNELS}
    assert doc["satisfaction"]["ratings"] == len(ratings) and doc["satisfaction"]["satisfied"] == len(happy)
    from app.services.ratings import level

    assert doc["satisfaction"]["levels"] == dict(sorted(Counter(level(r["score"], r["scale"]) for r in ratings).items()))
    # the previous period (February) is compared
    prev = expected(rows, date(2025, 2, 1), date(2025, 2, 28))[-1]
    assert doc["previous"]["indicators"] == prev
    assert doc["indicators"]["on_time_rate"]["previous"] == prev["on_time_rate"]


def test_per_procedure_officer_and_department(loaded):
    store, rows = loaded
    with store.read() as s:
        doc = reports.summary(s, DIRECTOR, FIRST, LAST, compare=False)
        from sqlalchemy import select

        from app.store.models import Department, Procedure, User

        proc_code = dict(s.execute(select(Procedure.id, Procedure.code)).all())
        dept_name = dict(s.execute(select(Department.id, Department.name)).all())
        user_dept = dict(s.execute(select(User.username, User.department_id)).all())
    p, received, decided, timeliness, ratings, happy, _ = expected(rows, FIRST, LAST)
    by_proc = {r["code"]: r for r in doc["procedures"]}
    for pid in {d["procedure_id"] for d in decided}:
        mine = [d for d in decided if d["procedure_id"] == pid]
        row = by_proc[proc_code[pid]]
        assert row["decided"] == len(mine)
        assert row["received"] == sum(1 for d in received if d["procedure_id"] == pid)
        assert row["late"] == sum(1 for d in mine if timeliness(d) == "late")
        avg = sum((d["decided_at"] - d["received_at"]).total_seconds() for d in mine) / 86400 / len(mine)
        assert row["avg_days"] == round(avg, 2)
    events = [e for e in rows["events"] if _in(p, e["occurred_at"])]
    want_off: dict[str, Counter] = defaultdict(Counter)
    want_dept: dict[str, Counter] = defaultdict(Counter)
    for d in received:
        want_off[d["officer"]]["received"] += 1
        want_dept[dept_name.get(d["department_id"], "")]["received"] += 1
    for d in decided:
        for c in (want_off[d["officer"]], want_dept[dept_name.get(d["department_id"], "")]):
            c["decided"] += 1
            c[timeliness(d)] += 1
    names = {"returned": "returned", "supplement_requested": "supplement_requests", "apologized": "apologies"}
    for e in events:
        if e["kind"] in names:
            want_off[e["actor"]][names[e["kind"]]] += 1
            want_dept[e["department"] or ""][names[e["kind"]]] += 1
    for r in ratings:
        ok = r["score"] >= (2 if r["scale"] == 3 else 3)
        for c in (want_off[r["officer"]], want_dept[dept_name.get(user_dept.get(r["officer"]), "")]):
            c["ratings"] += 1
            c["satisfied"] += ok
    for table, key, want in (("officers", "officer", want_off), ("departments", "department", want_dept)):
        got = {r[key]: {k: r[k] for k in reports.PERSON_KEYS if r[k]} for r in doc[table]}
        assert got == {k: {kk: vv for kk, vv in v.items() if vv} for k, v in want.items()}
    assert sum(r["supplement_requests"] for r in doc["officers"]) > 0 and sum(r["apologies"] for r in doc["officers"]) > 0


def test_per_service_and_hour(loaded):
    store, rows = loaded
    with store.read() as s:
        doc = reports.summary(s, DIRECTOR, FIRST, LAST, compare=False)
    tickets = [t for t in rows["tickets"] if FIRST <= t["day"] <= LAST]
    for key, group in (("services", lambda t: t["service_code"]), ("hours", lambda t: to_local(t["issued_at"]).hour)):
        want = {}
        for g in {group(t) for t in tickets}:
            mine = [t for t in tickets if group(t) == g]
            called = [t for t in mine if t["called_at"]]
            served = [t for t in mine if t["status"] == "done"]
            want[g] = {
                "tickets": len(mine), "no_shows": sum(t["status"] == "skipped" for t in mine),
                "avg_wait_s": round(sum((t["called_at"] - t["issued_at"]).total_seconds() for t in called) / len(called), 1),
                "avg_service_s": round(sum((t["finished_at"] - t["called_at"]).total_seconds() for t in served) / len(served), 1),
            }
        field = "code" if key == "services" else "hour"
        assert {r[field]: {k: r[k] for k in ("tickets", "no_shows", "avg_wait_s", "avg_service_s")} for r in doc[key]} == want


def test_on_time_by_month_covers_the_year_before(loaded):
    store, rows = loaded
    with store.read() as s:
        doc = reports.summary(s, DIRECTOR, FIRST, LAST, compare=False)
    months = Counter()
    for d in rows["dossiers"]:
        if d["decided_at"] and d["status"] != "cancelled" and not d["refused_at_intake"]:
            local = to_local(d["decided_at"])
            if date(2024, 4, 1) <= local.date() <= LAST:
                months[local.strftime("%Y-%m")] += 1
    assert {m["month"]: m["decided"] for m in doc["on_time_by_month"]} == dict(months)


def test_an_officer_sees_only_their_own_row_and_others_nothing(loaded):
    store, _ = loaded
    with store.read() as s:
        mine = reports.summary(s, Actor("canbo1", "officer"), FIRST, LAST)
        assert mine["scope"] == "own" and [r["officer"] for r in mine["officers"]] == ["canbo1"]
        assert "indicators" not in mine
        with pytest.raises(RuleError):
            reports.summary(s, Actor("kiosk", "kiosk"), FIRST, LAST)


def test_missing_providers_are_skipped_and_present_ones_fill_the_tables(loaded, monkeypatch):
    store, _ = loaded
    with store.read() as s:
        doc = reports.summary(s, DIRECTOR, FIRST, LAST, compare=False)
        # the fees, ratings and complaints rooms provide their sections
        assert doc["providers"] == {"fees": "ok", "ratings": "ok", "complaints": "ok"}
        assert {"by_means", "receipts"} <= set(doc["sections"]["fees"])
        # a provider whose module is not there is skipped and named
        monkeypatch.setattr(reports, "PROVIDERS", (("fees", "app.services.no_such_room:report_section"),))
        assert reports.summary(s, DIRECTOR, FIRST, LAST, compare=False)["providers"] == {"fees": "missing"}
        # a provider that exists: a real module function named by its path
        monkeypatch.setattr(reports, "PROVIDERS", (("complaints", "tests.app.report_provider:complaints"),))
        doc = reports.summary(s, DIRECTOR, FIRST, LAST, compare=False)
    assert doc["providers"] == {"complaints": "ok"}
    assert doc["sections"]["complaints"]["period"] == [FIRST.isoformat(), LAST.isoformat()]
    assert {r["officer"]: r["complaints"] for r in doc["officers"]}["canbo1"] == 2
    assert all(r["complaints"] == 0 for r in doc["officers"] if r["officer"] != "canbo1")


def test_periods():
    assert period("week", date(2026, 12, 2)) == custom(date(2026, 11, 30), date(2026, 12, 6)).__class__("week", date(2026, 11, 30), date(2026, 12, 6))
    m = period("month", date(2024, 2, 10))
    assert (m.first, m.last) == (date(2024, 2, 1), date(2024, 2, 29))
    q = period("quarter", date(2026, 11, 5))
    assert (q.first, q.last) == (date(2026, 10, 1), date(2026, 12, 31))
    assert (previous(q).first, previous(q).last) == (date(2026, 7, 1), date(2026, 9, 30))
    assert (previous(m).first, previous(m).last) == (date(2024, 1, 1), date(2024, 1, 31))
    y = period("year", date(2026, 5, 5))
    assert (previous(y).first, previous(y).last) == (date(2025, 1, 1), date(2025, 12, 31))
    c = custom(date(2026, 3, 10), date(2026, 3, 19))
    assert (previous(c).first, previous(c).last) == (date(2026, 2, 28), date(2026, 3, 9))
    d = period("day", date(2026, 1, 1))
    assert (previous(d).first, d.end - d.start) == (date(2025, 12, 31), d.end - d.start)
    with pytest.raises(RuleError):
        custom(date(2026, 3, 2), date(2026, 3, 1))
    with pytest.raises(ValidationError):
        custom(date(1900, 1, 1), date(9999, 1, 1))
    with pytest.raises(ValidationError):
        period("fortnight", date(2026, 1, 1))


def test_only_the_director_exports(loaded):
    store, _ = loaded
    with store.read() as s:
        assert reports.export_document(s, DIRECTOR, FIRST, LAST, compare=False)["scope"] == "center"
        with pytest.raises(RuleError):
            reports.export_document(s, Actor("canbo1", "officer"), FIRST, LAST)
