"""Text normalisation shared by storage, comparison and search.

Pure functions, safe on any thread. ``nfc`` is applied to every piece of text before it is
stored or compared; ``fold`` builds accent-free search keys ("Nguyễn Văn Đức" -> "nguyen van duc").
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["VIETNAMESE_LETTERS", "digits_only", "fold", "fold_tokens", "nfc"]

# The 67 precomposed lowercase Vietnamese letters outside ASCII: 12 vowels x 6 tones, minus the
# 6 plain ASCII vowels, plus đ. Their uppercase forms make 134.
_VIETNAMESE_LOWER = (
    "àáảãạăằắẳẵặâầấẩẫậ"
    "èéẻẽẹêềếểễệ"
    "ìíỉĩị"
    "òóỏõọôồốổỗộơờớởỡợ"
    "ùúủũụưừứửữự"
    "ỳýỷỹỵ"
    "đ"
)
VIETNAMESE_LETTERS: str = _VIETNAMESE_LOWER + _VIETNAMESE_LOWER.upper()

# Nonspacing and enclosing marks are what the diacritics become after NFD.
_DROPPED_CATEGORIES = frozenset({"Mn", "Me"})


def nfc(s: str | None) -> str | None:
    """Return ``s`` in NFC with surrounding whitespace removed and inner runs collapsed to one space."""
    if s is None:
        return None
    return " ".join(unicodedata.normalize("NFC", s).split())


def _fold_slow(s: str) -> str:
    # casefold first: a few foldings (e.g. "İ") produce combining marks that NFD then exposes.
    decomposed = unicodedata.normalize("NFD", s.casefold())
    stripped = "".join(c for c in decomposed if unicodedata.category(c) not in _DROPPED_CATEGORIES)
    return " ".join(stripped.replace("đ", "d").split())


def _build_table() -> tuple[str, ...]:
    # A sequence indexed by code point up to the end of Latin Extended Additional (where the
    # precomposed Vietnamese letters live): str.translate looks a sequence up far faster than a
    # dict, and unmapped characters map to themselves. Later code points raise IndexError, which
    # translate treats as "leave unchanged".
    table = [chr(i) for i in range(0x1F00)]
    for c in VIETNAMESE_LETTERS:
        table[ord(c)] = _fold_slow(c)
    for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        table[ord(c)] = c.lower()
    return tuple(table)


_FOLD_TABLE = _build_table()


def fold(s: str | None) -> str:
    """Return the search key of ``s``: no diacritics, đ -> d, case-folded, whitespace collapsed.

    Vietnamese text goes through one ``str.translate``; anything the table leaves non-ASCII takes
    the general unicodedata path, which gives the same result. ``None`` folds to "".
    """
    if not s:
        return ""
    translated = unicodedata.normalize("NFC", s).translate(_FOLD_TABLE)
    if translated.isascii():
        return " ".join(translated.split())
    return _fold_slow(translated)


_WORD = re.compile(r"[^\W_]+")


def fold_tokens(s: str | None) -> list[str]:
    """Return the words of ``fold(s)``; punctuation and underscores separate words and are dropped."""
    return _WORD.findall(fold(s))


_NON_DIGIT = re.compile(r"[^0-9]")


def digits_only(s: str | None) -> str:
    """Return the decimal digits of ``s`` as ASCII digits ("+84 912-345" -> "84912345")."""
    if not s:
        return ""
    if s.isascii():
        return _NON_DIGIT.sub("", s)
    return "".join(str(unicodedata.decimal(c)) for c in s if c.isdecimal())
