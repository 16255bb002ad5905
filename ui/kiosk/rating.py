"""The kiosk's rating page: a citizen rates the service of their visit (mức độ hài lòng), one rating per visit.

Step 1: the ticket's number, typed on the touch keypad or its QR code held under the scanner (the field takes
the scanner's keys and Enter). Step 2: one big button per level — Rất hài lòng / Hài lòng / Không hài lòng,
or the five levels of the survey when the center's ``ratings.scale`` is 5 — best first. Step 3: thanks, and
the kiosk goes back to its start. A ticket not given today, not served yet or rated already is refused with a
sentence in the citizen's words on step 1. The store work (finding the visit, storing the rating, tied to the
ticket, its dossier, the counter and its officer by ``app.services.ratings``) is the controller's
(:meth:`ui.kiosk.controller.KioskController.find_visit` and ``rate``), on the store thread.

GUI thread only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from ui.i18n import arg
from ui.kiosk.keypad import SUBMIT, TouchKeypad

CONTEXT = "RatingPage"
#: (score, level code, words, colour) per scale, best first.
LEVELS = {
    3: (
        (3, "very_satisfied", QT_TRANSLATE_NOOP("RatingPage", "Very satisfied"), "#2e7d32"),
        (2, "satisfied", QT_TRANSLATE_NOOP("RatingPage", "Satisfied"), "#1565c0"),
        (1, "dissatisfied", QT_TRANSLATE_NOOP("RatingPage", "Not satisfied"), "#c62828"),
    ),
    5: (
        (5, "very_satisfied", QT_TRANSLATE_NOOP("RatingPage", "Very satisfied"), "#2e7d32"),
        (4, "satisfied", QT_TRANSLATE_NOOP("RatingPage", "Satisfied"), "#1565c0"),
        (3, "neutral", QT_TRANSLATE_NOOP("RatingPage", "Neither satisfied nor dissatisfied"), "#546e7a"),
        (2, "dissatisfied", QT_TRANSLATE_NOOP("RatingPage", "Not satisfied"), "#ef6c00"),
        (1, "very_dissatisfied", QT_TRANSLATE_NOOP("RatingPage", "Not satisfied at all"), "#c62828"),
    ),
}
STEP_TICKET, STEP_LEVELS, STEP_THANKS = range(3)


def level_text(score: int, scale: int) -> str:
    """The words of a score on its scale (GUI thread: translated)."""
    words = next((w for s, _code, w, _c in LEVELS.get(scale, ()) if s == score), "")
    return QCoreApplication.translate(CONTEXT, words) if words else str(score)


def _label(text: str, name: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


def _button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scanner's keys stay in the ticket field
    button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
    return button


class RatingPage(QWidget):
    """The three steps. ``ticket_given(text)`` asks for the visit (the kiosk's controller answers with
    :meth:`show_levels` or :meth:`refuse`); ``level_chosen(visit, score)`` asks to store the rating (answered
    by :meth:`thank` or :meth:`refuse`); ``back()`` leaves the page; ``activity()`` on every touch (the kiosk's
    idle timer)."""

    ticket_given = Signal(str)
    level_chosen = Signal(dict, int)
    back = Signal()
    activity = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ratingPage")
        self.visit: dict[str, Any] | None = None
        self.level_buttons: dict[int, QPushButton] = {}
        self._busy = False
        self.steps = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.steps)

        # 1. the ticket
        page = QWidget(self.steps)
        box = QVBoxLayout(page)
        box.addWidget(_label(self.tr("Rate our service"), "title", page))
        box.addWidget(_label(self.tr("Type the number on your ticket, or hold the ticket's QR code under the scanner"),
                             "subtitle", page))
        self.ticket_field = QLineEdit(page)
        self.ticket_field.setObjectName("lookupField")
        self.ticket_field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ticket_field.setMaxLength(30)
        self.ticket_field.returnPressed.connect(self.submit_ticket)
        self.ticket_field.textEdited.connect(lambda _t: self.activity.emit())
        self.keypad = TouchKeypad(self.ticket_field, parent=page)
        self.keypad.keys[SUBMIT].setText(self.tr("Continue"))
        self.keypad.submitted.connect(self.submit_ticket)
        self.keypad.typed.connect(self.activity.emit)
        self.message = _label("", "ratingMessage", page)
        back = _button(self.tr("Back"), "backButton", page)
        back.clicked.connect(self.back.emit)
        box.addWidget(self.ticket_field)
        box.addWidget(self.keypad, 2)
        box.addWidget(self.message, 1)
        box.addWidget(back)
        self.steps.addWidget(page)

        # 2. the levels
        page = QWidget(self.steps)
        box = QVBoxLayout(page)
        self.question = _label("", "title", page)
        self.visit_label = _label("", "subtitle", page)
        self.levels_grid = QGridLayout()
        self.levels_grid.setSpacing(20)
        self.level_message = _label("", "ratingMessage", page)
        again = _button(self.tr("Back"), "backButton", page)
        again.clicked.connect(self.restart)
        box.addWidget(self.question)
        box.addWidget(self.visit_label)
        box.addLayout(self.levels_grid, 1)
        box.addWidget(self.level_message)
        box.addWidget(again)
        self.steps.addWidget(page)

        # 3. thanks
        page = QWidget(self.steps)
        box = QVBoxLayout(page)
        self.thanks = _label("", "thanks", page)
        done = _button(self.tr("Done"), "doneButton", page)
        done.clicked.connect(self.back.emit)
        box.addWidget(self.thanks, 1)
        box.addWidget(done)
        self.steps.addWidget(page)

    # -- steps ----------------------------------------------------------------------------------

    def restart(self) -> None:
        """Step 1, empty, the field ready for the scanner."""
        self.visit = None
        self._busy = False
        self.ticket_field.clear()
        self.message.clear()
        self.steps.setCurrentIndex(STEP_TICKET)
        self.ticket_field.setFocus()
        self.activity.emit()

    def submit_ticket(self) -> None:
        text = self.ticket_field.text().strip()
        self.ticket_field.selectAll()  # the next scan replaces it
        self.activity.emit()
        if text and not self._busy:
            self._busy = True
            self.message.clear()
            self.ticket_given.emit(text)

    def show_levels(self, visit: dict[str, Any]) -> None:
        """Step 2 for ``visit`` (``ratings.visit``): one big button per level of its scale."""
        self._busy = False
        self.visit = visit
        self.question.setText(self.tr("How satisfied are you with the service?"))
        self.visit_label.setText(arg(self.tr("Ticket %1 · counter %2"), visit["ticket"], visit["counter"]))
        self.level_message.clear()
        for button in self.level_buttons.values():
            button.deleteLater()
        self.level_buttons.clear()
        for row, (score, code, _words, colour) in enumerate(LEVELS.get(visit["scale"], LEVELS[3])):
            button = _button(level_text(score, visit["scale"]), "levelButton", self.steps.widget(STEP_LEVELS))
            button.setProperty("level", code)
            button.setStyleSheet(f"background: {colour};")
            button.clicked.connect(lambda _checked=False, s=score: self.choose(s))
            self.levels_grid.addWidget(button, row, 0)
            self.level_buttons[score] = button
        self.steps.setCurrentIndex(STEP_LEVELS)
        self.activity.emit()

    def choose(self, score: int) -> None:
        """A level was touched: store it (once: a second touch while it is stored does nothing)."""
        if self.visit is None or self._busy:
            return
        self._busy = True
        for button in self.level_buttons.values():
            button.setEnabled(False)
        self.activity.emit()
        self.level_chosen.emit(self.visit, score)

    def thank(self, rating: dict[str, Any]) -> None:
        """Step 3: the rating is stored."""
        self._busy = False
        self.visit = None
        self.thanks.setText(arg(self.tr("Thank you! You rated: %1"), level_text(rating["score"], rating["scale"])))
        self.steps.setCurrentIndex(STEP_THANKS)

    def refuse(self, sentence: str) -> None:
        """The visit cannot be rated (or the rating was not stored): say why on step 1."""
        self._busy = False
        self.visit = None
        self.steps.setCurrentIndex(STEP_TICKET)
        self.message.setText(sentence)
        self.ticket_field.setFocus()
        self.ticket_field.selectAll()
