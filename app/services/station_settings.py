"""Audited changes of this station's own settings (``station.toml``: the backup folder and time, how many to
keep). The file is written by ``app.settings.StationSettings.save``; this records who changed which keys to
what, with secrets blanked, as ``station_setting.set`` (the center's settings are audited by
``app.services.center``, a device's address by ``app.services.device_setup``). Any thread but the GUI's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.actors import Actor
from app.services.audit import audit
from app.services.device_setup import SECRET_WORDS, redact


def check(actor: Actor) -> None:
    """Refuse an actor who may not change the station's settings (before anything is written)."""
    actor.require("station.configure")


def record_change(session: Session, actor: Actor, changes: Mapping[str, Any]) -> None:
    """Audit ``changes`` (key → new value) written to the station's settings; nothing when empty."""
    check(actor)
    if not changes:
        return
    values = {key: "(hidden)" if SECRET_WORDS.search(key) else redact(str(value)) for key, value in changes.items()}
    audit(session, actor, "station_setting.set", "station", values=values)
