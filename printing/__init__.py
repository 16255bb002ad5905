"""The printing room: domain values in, document bytes out.

Pure: no Qt, no device I/O, no database. Every function here may run on any thread (a UI worker
usually); each returns bytes (PDF, ESC/POS or PNG) and raises ``ValueError``/``TypeError`` only for
wrong arguments. Heavy libraries (reportlab, Pillow) load on first use, not on import.

- :func:`render_form` — forms 01-06 of Circular 03/2025 as A5/A4 PDF (deterministic bytes).
- :func:`render_register` — form 07, the tracking register, A4 landscape.
- :func:`render_handover` — the hand-over list of one round, A4.
- :func:`render_ticket` — queue ticket, ESC/POS or PNG.
- :func:`render_receipt_slip` — short thermal receipt, ESC/POS or PNG.
- :func:`render_fee_receipt` — the fee receipt (Biên lai thu tiền phí, lệ phí), A5, 2 or 3 copies.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

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

if TYPE_CHECKING:
    from PIL.Image import Image

log = logging.getLogger(__name__)

__all__ = [
    "FORM_KEYS",
    "ApologyInfo",
    "DocumentRow",
    "DossierDoc",
    "FeeRow",
    "HandoverEvent",
    "HandoverList",
    "HandoverRow",
    "Person",
    "RefusalInfo",
    "RegisterRow",
    "StopInfo",
    "SupplementInfo",
    "SupplementItem",
    "Template",
    "TicketDoc",
    "receipt_slip_image",
    "render_fee_receipt",
    "render_form",
    "render_handover",
    "render_handovers",
    "render_receipt_slip",
    "render_register",
    "render_ticket",
    "ticket_image",
]

FORM_KEYS = ("receipt", "supplement", "refusal", "apology", "stop", "control")

Form = Literal["receipt", "supplement", "refusal", "apology", "stop", "control"]
ThermalFormat = Literal["escpos", "png"]


def render_form(form: Form, dossier: DossierDoc, template: Template, *, extra: Any = None) -> bytes:
    """PDF of form ``form`` for ``dossier``; see :func:`printing.pdf_forms.render_form` for ``extra``."""
    from printing.pdf_forms import render_form as impl

    return impl(form, dossier, template, extra=extra)


def render_fee_receipt(data: dict[str, Any]) -> bytes:
    """PDF of a fee receipt from plain values (``app.services.fees.receipt_print_data``)."""
    from printing.fee_receipt import render_fee_receipt_data

    return render_fee_receipt_data(data)


def render_register(
    rows: Sequence[RegisterRow], date_from: date | datetime, date_to: date | datetime, template: Template
) -> bytes:
    """PDF of the tracking register (form 07) for a date range."""
    from printing.pdf_lists import render_register as impl

    return impl(rows, date_from, date_to, template)


def render_handover(handover_list: HandoverList, template: Template) -> bytes:
    """PDF of the hand-over list of one round."""
    from printing.pdf_lists import render_handover as impl

    return impl(handover_list, template)


def render_handovers(handover_lists: Sequence[HandoverList], template: Template) -> bytes:
    """PDF of a round's hand-over lists, one department per page group."""
    from printing.pdf_lists import render_handovers as impl

    return impl(handover_lists, template)


def render_ticket(
    ticket: TicketDoc, *, width_mm: int = 80, fmt: ThermalFormat = "escpos", full_raster: bool = False,
    width_dots: int | None = None,
) -> bytes:
    """Queue ticket for a 80 or 58 mm roll (or the printer's own ``width_dots`` from its capability
    profile): ESC/POS bytes ending with a cut, or PNG bytes."""
    from printing.thermal import render_ticket as impl

    return impl(ticket, width_mm=width_mm, fmt=fmt, full_raster=full_raster, width_dots=width_dots)


def render_receipt_slip(
    dossier: DossierDoc,
    template: Template,
    *,
    width_mm: int = 80,
    fmt: ThermalFormat = "escpos",
    full_raster: bool = False,
    width_dots: int | None = None,
) -> bytes:
    """Short thermal receipt (code, procedure, appointment, QR): ESC/POS or PNG bytes."""
    from printing.thermal import render_receipt_slip as impl

    return impl(dossier, template, width_mm=width_mm, fmt=fmt, full_raster=full_raster, width_dots=width_dots)


def ticket_image(ticket: TicketDoc, *, width_mm: int = 80, width_dots: int | None = None) -> Image:
    """The ticket as a Pillow image (mode "1") for an on-screen preview."""
    from printing.thermal import ticket_image as impl

    return impl(ticket, width_mm=width_mm, width_dots=width_dots)


def receipt_slip_image(dossier: DossierDoc, template: Template, *, width_mm: int = 80) -> Image:
    """The short receipt as a Pillow image (mode "1") for an on-screen preview."""
    from printing.thermal import receipt_slip_image as impl

    return impl(dossier, template, width_mm=width_mm)
