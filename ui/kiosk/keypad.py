"""A touch keypad for the kiosk's dossier look-up: digits, letters, "." and "-" (the characters of a dossier
code such as ``000.31.12.H56-260504-0001``), backspace, clear and "Look up". For a citizen without the
printed slip at hand (a code read out by phone, written on paper). GUI thread only.

The keys never take the focus (a scanner typing into the field keeps working) and type into the
``QLineEdit`` they are given; ``submitted`` is emitted by the "Look up" key, ``typed`` after every key.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKL-", "ZXCVBNM.")
BACKSPACE, CLEAR, SUBMIT = "back", "clear", "submit"


class TouchKeypad(QWidget):
    """Big keys for ``field``. ``keys[text]`` is the button that types ``text``; ``keys["back"]``,
    ``keys["clear"]`` and ``keys["submit"]`` are the three actions."""

    submitted = Signal()
    typed = Signal()

    def __init__(self, field: QLineEdit, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setObjectName("keypad")
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        for row, chars in enumerate(ROWS):
            for column, char in enumerate(chars):
                button = self._key(char, "keypadKey")
                button.clicked.connect(lambda _checked=False, c=char: self.press(c))
                grid.addWidget(button, row, column)
        back = self._key("⌫", "keypadBack", BACKSPACE)
        back.setAccessibleName(self.tr("Delete the last character"))
        back.clicked.connect(self.backspace)
        grid.addWidget(back, 3, 8, 1, 2)
        clear = self._key(self.tr("Clear"), "keypadClear", CLEAR)
        clear.clicked.connect(self.clear)
        grid.addWidget(clear, 4, 0, 1, 3)
        submit = self._key(self.tr("Look up"), "keypadSubmit", SUBMIT)
        submit.clicked.connect(self.submitted.emit)
        grid.addWidget(submit, 4, 3, 1, 7)

    def _key(self, text: str, name: str, key: str | None = None) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.keys[key or text] = button
        return button

    def press(self, char: str) -> None:
        """Type ``char`` at the field's cursor (replacing a selection, e.g. the last scan)."""
        self.field.insert(char)
        self.typed.emit()

    def backspace(self) -> None:
        self.field.backspace()
        self.typed.emit()

    def clear(self) -> None:
        self.field.clear()
        self.typed.emit()
