"""The kiosk's rating by ticket number: the visit is checked first (today's ticket only, served, not rated),
then stored with the ticket, dossier, officer and counter; the ticket as typed or scanned (both engines)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.errors import NotFoundError, RuleError
from app.services import center, queue, ratings
from tests.app.test_ratings import KIOSK, T0, at


@pytest.mark.parametrize(("text", "expected"), [
    ("a12", ("A012", None)), ("A012", ("A012", None)), (" A 7 ", ("A007", None)), ("B1234", ("B1234", None)),
    ("A012|2026-05-04", ("A012", date(2026, 5, 4))), ("A012|yesterday", None), ("12", None), ("", None),
    ("000.31.12.H56-260504-0001", None),
])
def test_a_ticket_as_typed_or_scanned(text, expected):
    assert ratings.parse_ticket(text) == expected


def test_the_visit_is_checked_then_rated_once(seeded, officer, admin):
    with seeded.write() as s:
        queue.issue(s, KIOSK, "A", now=at(0))
        queue.issue(s, KIOSK, "A", now=at(1))
        with pytest.raises(RuleError) as waiting:
            ratings.visit(s, "A001", now=at(2))
        assert waiting.value.code == "rating_ticket_not_served"
        queue.call_next(s, officer, 1, now=at(3))
        queue.link_dossier(s, officer, 1, "000.17.22.H56-260504-0001")
        queue.done(s, officer, 1, now=at(9))
        found = ratings.visit(s, "A001", now=at(60))
        assert found == {"ticket": "A001", "day": "2026-05-04", "counter": 1, "officer": "canbo1",
                         "dossier": "000.17.22.H56-260504-0001", "scale": 3}
        center.set_value(s, admin, "ratings.scale", 5)
        assert ratings.visit(s, "A001", now=at(60))["scale"] == 5
        got = ratings.record(s, KIOSK, score=4, scale=5, source="kiosk", ticket="A001", ticket_day=T0.date(), now=at(61))
        assert (got["ticket"], got["dossier"], got["officer"], got["counter"], got["level"]) == (
            "A001", "000.17.22.H56-260504-0001", "canbo1", 1, "satisfied")
        with pytest.raises(RuleError) as again:
            ratings.visit(s, "A001", now=at(62))
        assert again.value.code == "rating_already_given"


def test_a_number_not_given_today_is_not_yesterdays_visit(seeded, officer):
    with seeded.write() as s:
        queue.issue(s, KIOSK, "A", now=at(0))
        queue.call_next(s, officer, 1, now=at(1))
        queue.done(s, officer, 1, now=at(5))
        tomorrow = T0 + timedelta(days=1)
        with pytest.raises(NotFoundError) as gone:
            ratings.visit(s, "A001", now=tomorrow)
        assert gone.value.code == "rating_ticket_not_found"
        with pytest.raises(NotFoundError):
            ratings.record(s, KIOSK, score=3, ticket="A001", ticket_day=tomorrow.date(), now=tomorrow)
        assert ratings.visit(s, "A001", day=T0.date(), now=tomorrow)["ticket"] == "A001"  # its QR names its day
