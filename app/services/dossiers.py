"""Dossiers: intake and the whole life of a dossier — the public face of the dossier services.

The work is split along its seams: ``dossier_input`` (parsing what a dossier is received from),
``dossier_rules`` (checklist and dates, pure functions), ``intake`` (receiving), ``dossier_actions`` (the
lifecycle actions), ``dossier_events`` (history and outbox rows), ``dossier_views`` (JSON views). Callers
import this module; it re-exports those modules' public names and holds no logic of its own.
"""

from __future__ import annotations

from app.services.dossier_actions import ACTION_PERMISSIONS, CORRECTABLE, ActionInput, act
from app.services.dossier_events import add_event, get_dossier, now_utc
from app.services.dossier_input import (
    APPLICANT_TYPES,
    CHANNELS,
    DELIVERIES,
    ON_MISSING,
    DocumentInput,
    IntakeRequest,
    PartyInput,
    parse_intake,
    parse_party,
)
from app.services.dossier_rules import (
    ChecklistRow,
    checklist,
    compute_due,
    handover_deadline,
    is_working_instant,
    match_item,
    missing_text,
)
from app.services.dossier_views import department_names, dossier_json, summary_json
from app.services.intake import receive

__all__ = [
    "ACTION_PERMISSIONS", "APPLICANT_TYPES", "CHANNELS", "CORRECTABLE", "DELIVERIES", "ON_MISSING",
    "ActionInput", "ChecklistRow", "DocumentInput", "IntakeRequest", "PartyInput", "act", "add_event", "checklist",
    "compute_due", "department_names", "dossier_json", "get_dossier", "handover_deadline", "is_working_instant",
    "match_item", "missing_text", "now_utc", "parse_intake", "parse_party", "receive", "summary_json",
]
