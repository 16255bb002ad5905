"""Center settings stored in the database (declared in ``app.settings.CENTER``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actors import Actor
from app.errors import ValidationError
from app.services.audit import audit
from app.settings import CENTER
from app.store.models import CenterSetting


def get(session: Session, key: str) -> Any:
    var = _var(key)
    row = session.get(CenterSetting, key)
    return var.default if row is None else row.value


def get_all(session: Session) -> dict[str, Any]:
    values = {key: var.default for key, var in CENTER.items()}
    for row in session.scalars(select(CenterSetting)):
        if row.key in values:
            values[row.key] = row.value
    return values


def set_value(session: Session, actor: Actor, key: str, value: Any) -> None:
    actor.require("center.set")
    var = _var(key)
    if value is not None and var.type in (int, str, list, dict) and not isinstance(value, var.type):
        raise ValidationError("center_setting_type", key=key, expected=var.type.__name__, got=type(value).__name__)
    if isinstance(value, str):
        from app.text import nfc

        value = nfc(value)
    if key == "center.agency_id":
        from app.codes import validate_agency_id

        value = validate_agency_id(value)
    if key == "calendar.working_hours" and value is not None:
        from app.workcal import WorkingHours

        WorkingHours.from_config(value)
    row = session.get(CenterSetting, key)
    if row is None:
        session.add(CenterSetting(key=key, value=value, updated_by=actor.username))
    else:
        row.value = value
        row.updated_by = actor.username
    audit(session, actor, "center_setting.set", key, value=value)


def _var(key: str):
    try:
        return CENTER[key]
    except KeyError:
        raise ValidationError("center_setting_unknown", key=key) from None
