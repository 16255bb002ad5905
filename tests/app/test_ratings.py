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


def test_after_done_the_last_ticket_is_rated_and_a_second_press_replaces_the_first(seeded, officer):
    with seeded.write() as s:
        queue.issue(s, KIOSK, "A", now=at(0))
        queue.call_next(s, officer, 1, now=at(1))
        queue.done(s, officer, 1, now=at(4))
        first = ratings.record(s, KEYPAD, counter=1, score=1, scale=3, now=at(5))
        second = ratings.record(s, KEYPAD, counter=1, score=3, scale=3, now=at(6))
        late = ratings.record(s, KEYPAD, counter=1, score=2, scale=3, now=at(30))  # the window is over
    assert first["id"] == second["id"] and first["ticket"] == second["ticket"] == "A001"
    assert second["level"] == "satisfied"
    assert late["ticket"] is None and late["officer"] == "canbo1"
    with seeded.read() as s:
        rows = ratings.ratings_between(s, at(0), at(60))
    assert [(r["ticket"], r["score"]) for r in rows] == [("A001", 3), (None, 2)]


def test_bad_ratings_are_refused(seeded):
    with seeded.write() as s:
        with pytest.raises(ValidationError):
            ratings.record(s, KEYPAD, counter=1, score=4, scale=3)
        with pytest.raises(ValidationError):
            ratings.record(s, KEYPAD, counter=1, score=1, scale=4)
        with pytest.raises(NotFoundError):
            ratings.record(s, KEYPAD, counter=99, score=1, scale=3)
        with pytest.raises(RuleError):
            ratings.record(s, KIOSK, counter=1, score=1, scale=3)


def test_levels():
    assert [ratings.level(n, 3) for n in (1, 2, 3)] == ["dissatisfied", "neutral", "satisfied"]
    assert ratings.level(1, 5) == "very_dissatisfied"
