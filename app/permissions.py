"""Who may do what: one table of permission → roles, checked by ``actor.require(permission)`` in the services.

A permission is named after the service action it guards (``"dossier.receive"``, ``"queue.call_next"``).
Every service function that takes an actor checks one (``tests/app/test_permissions.py`` fails on a service
action without an entry, and on an entry no service checks). ``admin`` and ``system`` may do everything.
A user may hold several roles (``app.actors.Actor.roles``): a check passes when any of them is allowed.
``kiosk`` is the unattended kiosk's own actor (no sign-in, it may only issue tickets); ``system`` is the
local actor of scheduled jobs.
"""

from __future__ import annotations

ROLES = ("officer", "receptionist", "technician", "director", "admin", "kiosk", "system")
#: roles that pass every check
ALWAYS = frozenset({"admin", "system"})

_CONFIGURE = ("technician", "director")  # the center's set-up: catalog, calendar, settings, queue layout
_COUNTER = ("officer", "director")  # dossier work at a reception counter
_QUEUE = ("officer", "receptionist", "director", "technician")  # serving the queue at a counter
_PEOPLE = ("officer", "receptionist", "technician", "director")  # everyone who signs in (admin passes anyway)
#: the roles a user may hold (``kiosk`` and ``system`` are actors of their own, nobody's role)
USER_ROLES = ("officer", "receptionist", "technician", "director", "admin")

PERMISSIONS: dict[str, tuple[str, ...]] = {
    # set-up
    "catalog.import": _CONFIGURE,
    "calendar.import_holidays": _CONFIGURE,
    "center.set": _CONFIGURE,
    "demo.seed": (),
    "queue.set_service": _CONFIGURE,
    "queue.set_priority_group": _CONFIGURE,
    "queue.set_counter": _CONFIGURE,
    # the queue
    "queue.issue": _QUEUE + ("kiosk",),
    "queue.call_next": _QUEUE,
    "queue.recall": _QUEUE,
    "queue.end_ticket": _QUEUE,
    "queue.transfer": _QUEUE,
    "queue.requeue": _QUEUE,
    "queue.pause": _QUEUE,
    "queue.resume": _QUEUE,
    "queue.link_dossier": _QUEUE,
    # dossiers
    "dossier.receive": _COUNTER,
    "handover.run": _COUNTER,
    "dossier.transfer": _COUNTER,
    "dossier.request_supplement": _COUNTER,
    "dossier.supplement_complete": _COUNTER,
    "dossier.finish": _COUNTER,
    "dossier.refuse": _COUNTER,
    "dossier.request_payment": _COUNTER,
    "dossier.stop": _COUNTER,
    "dossier.withdraw": _COUNTER,
    "dossier.apologize": _COUNTER,
    "dossier.return": _COUNTER,
    "dossier.correct": _COUNTER,
    "dossier.cancel": _COUNTER,
    "dossier.receive_online": _COUNTER,
    "sync.resolve_conflict": _COUNTER,
    "dossier.online_supplement": _COUNTER,
    # digitized document items (scans and imported files)
    "document.digitize": _COUNTER,
    # a citizen's rating from the keypad at a counter
    "rating.record": ("officer", "receptionist", "technician", "kiosk"),
    # fees (issue 13): payment and cancellation at the counter; the drawer report (an officer: their own)
    "fees.pay": _COUNTER,
    "fees.cancel": _COUNTER,
    "fees.report": _COUNTER,
    "fees.configure": _CONFIGURE,
    # the complaints and feedback register
    "complaint.add": _QUEUE + ("kiosk",),
    "complaint.route": _COUNTER,
    "complaint.answer": _COUNTER,
    "complaint.inform": _COUNTER + ("receptionist",),
    # the technician's device set-up (the Devices window, motcua devices set/diagnostics)
    "device.configure": ("technician",),
    # this station's own settings file (the daily backup's folder, time and how many to keep)
    "station.configure": ("technician",),
    # printing a dossier's forms (and archiving what was printed)
    "document.print": _QUEUE,
    # users and sign-in: the administrator manages accounts, everyone changes their own password
    "user.add": (),
    "user.list": ("director",),
    "user.set_roles": (),
    "user.reset_password": (),
    "user.lock": (),
    "user.unlock": (),
    "user.change_password": _PEOPLE,
    "user.sign_out": _PEOPLE,
    # the kiosk and the display board: leaving them, and the technician's window behind the kiosk
    "station.leave": ("technician",),
    "station.technician_window": ("technician",),
    # the director's reports: the whole center; an officer sees only their own figures
    "report.view": ("director",),
    "report.view_own": ("officer",),
    "report.export": ("director",),
    # personal data (Law 91/2025/QH15): seeing a dossier's applicant in full, and every export of it
    "dossier.view_personal": _COUNTER,
    "dossier.export": _COUNTER,
    # the tamper-evident audit log and data retention
    "audit.view": ("director",),
    "privacy.anonymize": ("director",),
}


def roles_for(permission: str) -> tuple[str, ...]:
    """The roles given ``permission`` (besides :data:`ALWAYS`); KeyError for an unknown permission."""
    return PERMISSIONS[permission]


def allows(role: str, permission: str) -> bool:
    return role in ALWAYS or role in roles_for(permission)
