"""Plain dicts (from ``app.services.print_data``) into this room's dataclasses, and rendered.

Keys are the dataclasses' field names; nested values are dicts and lists of dicts. Pure.
"""

from __future__ import annotations

from typing import Any

from printing.model import (
    ApologyInfo,
    DocumentRow,
    DossierDoc,
    FeeRow,
    HandoverEvent,
    HandoverList,
    HandoverRow,
    Person,
    RefusalInfo,
    RegisterRow,
    StopInfo,
    SupplementInfo,
    SupplementItem,
    Template,
    TicketDoc,
)


def template(data: dict[str, Any]) -> Template:
    return Template.from_dict(data)


def dossier(data: dict[str, Any]) -> DossierDoc:
    values = dict(data)
    values["applicant"] = Person(**data["applicant"])
    values["submitter"] = Person(**data["submitter"]) if data.get("submitter") else None
    values["documents"] = [DocumentRow(**row) for row in data.get("documents", ())]
    values["fees"] = [FeeRow(**row) for row in data.get("fees", ())]
    return DossierDoc(**values)


def extra(form: str, data: Any) -> Any:
    if data is None:
        return None
    if form == "supplement":
        return SupplementInfo(**{**data, "items": [SupplementItem(**i) for i in data.get("items", ())]})
    if form == "refusal":
        return RefusalInfo(**data)
    if form == "apology":
        return ApologyInfo(**data)
    if form == "stop":
        return StopInfo(**data)
    if form == "control":
        return [HandoverEvent(**row) for row in data]
    return None


def render_form_data(data: dict[str, Any]) -> bytes:
    from printing import render_form

    return render_form(data["form"], dossier(data["dossier"]), template(data["template"]), extra=extra(data["form"], data["extra"]))


def render_register_data(data: dict[str, Any]) -> bytes:
    from printing import render_register

    return render_register([RegisterRow(**r) for r in data["rows"]], data["date_from"], data["date_to"], template(data["template"]))


def render_handover_data(data: dict[str, Any]) -> bytes:
    from printing import render_handovers

    lists = [HandoverList(**{**lst, "rows": [HandoverRow(**r) for r in lst["rows"]]}) for lst in data["lists"]]
    return render_handovers(lists, template(data["template"]))


def ticket(data: dict[str, Any]) -> TicketDoc:
    return TicketDoc(**data)
