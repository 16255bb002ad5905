"""Ratings from the counter keypads, stored with the ticket, dossier, officer and counter (both engines)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.actors import Actor
from app.errors import NotFoundError, RuleError, ValidationError
from app.services import queue, ratings
from app.workcal import VN_TZ

T0 = datetime(2026, 5, 4, 8, 0, tzinfo=VN_TZ)
KIOSK = Actor("kiosk", "kiosk")
KEYPAD = Actor("keypad", "system", counter=1)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_a_rating_goes_with_the_ticket_being_served_and_its_dossier(seeded, officer):
    with seeded.write() as s:
        queue.issue(s, KIOSK, "A", now=at(0))
        queue.call_next(s, officer, 1, now=at(1))
        ticket = queue.link_dossier(s, officer, 1, "000.17.22.H56-260504-0001")
        number = ticket.number
        got = ratings.record(s, KEYPAD, counter=1, score=5, scale=5, source="rating_keypad", now=at(5))
    assert got["ticket"] == number
    assert got["dossier"] == "000.17.22.H56-260504-0001"
    assert (got["officer"], got["counter"], got["level"], got["source"]) == ("canbo1", 1, "very_satisfied", "rating_keypad")


def test_after_done_the_last_ticket_is_rated_and_a_second_press_is_refused(seeded, officer):
    with seeded.write() as s:
        queue.issue(s, KIOSK, "A", now=at(0))
        queue.call_next(s, officer, 1, now=at(1))
        queue.done(s, officer, 1, now=at(4))
        first = ratings.record(s, KEYPAD, counter=1, score=1, scale=3, now=at(5))
        with pytest.raises(RuleError) as second:
            ratings.record(s, KEYPAD, counter=1, score=3, scale=3, now=at(6))
        assert second.value.code == "rating_already_given"
        late = ratings.record(s, KEYPAD, counter=1, score=2, scale=3, now=at(30))  # the window is over
    assert first["ticket"] == "A001" and first["level"] == "dissatisfied"
    assert late["ticket"] is None and late["officer"] == "canbo1"
    with seeded.read() as s:
        rows = ratings.ratings_between(s, at(0), at(60))
    assert [(r["ticket"], r["score"]) for r in rows] == [("A001", 1), (None, 2)]


def test_a_ticket_named_by_number_or_a_dossier_is_rated_once(seeded, officer, admin):
    with seeded.write() as s:
        queue.issue(s, KIOSK, "A", now=at(0))
        queue.call_next(s, officer, 1, now=at(1))
        queue.link_dossier(s, officer, 1, "000.17.22.H56-260504-0001")
        queue.done(s, officer, 1, now=at(4))
        got = ratings.record(s, KIOSK, ticket="a001", score=3, source="kiosk", now=at(40))  # long after: by number
        assert (got["ticket"], got["counter"], got["dossier"], got["scale"], got["level"]) == (
            "A001", 1, "000.17.22.H56-260504-0001", 3, "very_satisfied")
        with pytest.raises(RuleError):
            ratings.record(s, officer, ticket="A001", score=1, now=at(41))
        with pytest.raises(NotFoundError):
            ratings.record(s, officer, ticket="B999", score=1, now=at(41))
        from app.services import center

        center.set_value(s, admin, "ratings.scale", 5)
        queue.issue(s, KIOSK, "A", now=at(50))
        queue.call_next(s, officer, 1, now=at(51))
        five = ratings.record(s, KEYPAD, counter=1, score=4, source="screen", now=at(52))
        assert (five["scale"], five["level"], five["ticket"]) == (5, "satisfied", "A002")
        with pytest.raises(ValidationError) as unnamed:
            ratings.record(s, KEYPAD, score=1)  # no counter, ticket or dossier
        assert unnamed.value.code == "rating_counter_missing"


def test_report_section_counts_levels_per_officer_and_counter(seeded, officer):
    with seeded.write() as s:
        for i, score in enumerate((3, 2, 1)):
            queue.issue(s, KIOSK, "A", now=at(i * 10))
            queue.call_next(s, officer, 1, now=at(i * 10 + 1))
            ratings.record(s, KEYPAD, counter=1, score=score, scale=3, now=at(i * 10 + 2))
            queue.done(s, officer, 1, now=at(i * 10 + 3))
        ratings.record(s, KEYPAD, counter=1, score=5, scale=5, now=at(100))  # idle counter, 5-level survey
    with seeded.read() as s:
        section = ratings.report_section(s, T0.date(), T0.date())
        assert ratings.report_section(s, T0.date() + timedelta(days=1), T0.date() + timedelta(days=1))["total"] == 0
    assert section["total"] == 4 and section["by_scale"] == {"3": 3, "5": 1}
    assert section["by_level"] == {"very_dissatisfied": 0, "dissatisfied": 1, "neutral": 0, "satisfied": 1, "very_satisfied": 2}
    assert section["satisfied"] == 3 and section["satisfied_share"] == 0.75
    assert [(o["officer"], o["total"], o["satisfied"]) for o in section["by_officer"]] == [("canbo1", 4, 3)]
    assert [(c["counter"], c["total"]) for c in section["by_counter"]] == [(1, 4)]


def test_bad_ratings_are_refused(seeded):
    with seeded.write() as s:
        with pytest.raises(ValidationError):
            ratings.record(s, KEYPAD, counter=1, score=4, scale=3)
        with pytest.raises(ValidationError):
            ratings.record(s, KEYPAD, counter=1, score=1, scale=4)
        with pytest.raises(NotFoundError):
            ratings.record(s, KEYPAD, counter=99, score=1, scale=3)
        with pytest.raises(RuleError):
            ratings.record(s, Actor("giamdoc", "director"), counter=1, score=1, scale=3)  # the kiosk may (its prompt)


def test_levels():
    assert [ratings.level(n, 3) for n in (1, 2, 3)] == ["dissatisfied", "satisfied", "very_satisfied"]
    assert ratings.level(1, 5) == "very_dissatisfied"


def test_the_database_holds_one_rating_per_ticket_between_stations(seeded, officer):
    import sqlalchemy.exc

    from app.store.models_devices import Rating

    with seeded.write() as s:
        queue.issue(s, KIOSK, "A", now=at(0))
        queue.call_next(s, officer, 1, now=at(1))
        got = ratings.record(s, KEYPAD, counter=1, score=2, scale=3, now=at(2))
        ticket_id = s.get(Rating, got["id"]).ticket_id
    with pytest.raises(sqlalchemy.exc.IntegrityError):
        with seeded.write() as s:  # what a second station would insert without seeing the first
            s.add(Rating(counter=1, scale=3, score=3, ticket_id=ticket_id, source="keypad", at=at(3)))
            s.flush()
