"""The dossier state machine: statuses, national codes, and which action may run in which status.

Pure data and functions; ``app.services.dossiers`` applies them inside a transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import RuleError

# Status name -> national TrangThaiHoSo code (domain.md). "cancelled" (entered by mistake) has none.
STATUS_CODES: dict[str, int | None] = {
    "received": 2,
    "refused": 3,
    "processing": 4,
    "supplement_requested": 5,
    "payment_requested": 6,
    "withdrawn": 7,
    "stopped": 8,
    "finished": 9,
    "returned": 10,
    "cancelled": None,
}
STATUSES = tuple(STATUS_CODES)

# Statuses in which processing is under way (the clock may run, the dossier may still be late).
OPEN = frozenset({"received", "processing", "supplement_requested", "payment_requested"})
# Statuses in which the processing clock runs.
CLOCK_RUNNING = frozenset({"received", "processing", "payment_requested"})
# No decision or result exists yet: the applicant may still stop or withdraw.
UNDECIDED = OPEN
FINAL = frozenset({"returned", "withdrawn", "stopped", "cancelled"})


@dataclass(frozen=True)
class Action:
    name: str
    allowed_from: frozenset[str]
    to: str | None  # None: the status stays (apologize, correct) or is computed (supplement_complete)


ACTIONS: dict[str, Action] = {
    a.name: a
    for a in (
        Action("transfer", frozenset({"received", "processing", "payment_requested"}), "processing"),
        Action("request_supplement", frozenset({"received", "processing", "payment_requested", "supplement_requested"}), "supplement_requested"),
        Action("supplement_complete", frozenset({"supplement_requested"}), None),
        Action("finish", frozenset({"received", "processing", "payment_requested"}), "finished"),
        Action("refuse", frozenset({"received", "processing", "supplement_requested", "payment_requested"}), "refused"),
        Action("request_payment", frozenset({"processing"}), "payment_requested"),
        Action("stop", UNDECIDED, "stopped"),
        Action("withdraw", UNDECIDED, "withdrawn"),
        Action("apologize", CLOCK_RUNNING, None),
        Action("return", frozenset({"finished", "refused"}), "returned"),
        Action("correct", frozenset(STATUSES) - {"cancelled"}, None),
        Action("cancel", frozenset(STATUSES) - {"cancelled", "returned"}, "cancelled"),
    )
}

STATUS_LABELS_EN = {
    "received": "received",
    "refused": "refused",
    "processing": "processing",
    "supplement_requested": "supplement requested",
    "payment_requested": "financial obligation requested",
    "withdrawn": "withdrawn",
    "stopped": "stopped",
    "finished": "finished",
    "returned": "result returned",
    "cancelled": "cancelled",
}


def check(action: str, status: str) -> Action:
    """Return the action if it may run in ``status``; raise RuleError with a clear message otherwise."""
    try:
        spec = ACTIONS[action]
    except KeyError:
        raise RuleError("action_unknown", action=action) from None
    if status not in spec.allowed_from:
        allowed = ", ".join(sorted(spec.allowed_from))
        raise RuleError(
            "action_not_allowed", action=action, status=status, allowed=allowed,
            verb=action.replace("_", " "), status_label=STATUS_LABELS_EN.get(status, status),
        )
    return spec


def allowed_actions(status: str, *, apology_count: int = 0, refused_at_intake: bool = False) -> list[str]:
    """The actions a dossier in ``status`` offers (for the counter window's buttons)."""
    out = []
    for name, spec in ACTIONS.items():
        if status not in spec.allowed_from:
            continue
        if name == "apologize" and apology_count >= 1:
            continue
        if name == "return" and status == "refused" and refused_at_intake:
            continue
        out.append(name)
    return out
