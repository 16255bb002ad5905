"""Words of the reports window: indicator, group, channel and level names (codes from app.services.reports)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

INDICATORS = {
    "synced_share": QT_TRANSLATE_NOOP("ReportTexts", "Dossiers synced to the province"),
    "on_time_rate": QT_TRANSLATE_NOOP("ReportTexts", "Decided early or on time"),
    "early_rate": QT_TRANSLATE_NOOP("ReportTexts", "Decided early"),
    "late_rate": QT_TRANSLATE_NOOP("ReportTexts", "Decided late"),
    "avg_processing_days": QT_TRANSLATE_NOOP("ReportTexts", "Average processing time (days)"),
    "digitization_rate": QT_TRANSLATE_NOOP("ReportTexts", "Digitized dossiers"),
    "online_share": QT_TRANSLATE_NOOP("ReportTexts", "Dossiers received online"),
    "satisfaction_rate": QT_TRANSLATE_NOOP("ReportTexts", "Satisfied citizens"),
}
GROUPS = {
    "publicity": QT_TRANSLATE_NOOP("ReportTexts", "Publicity and transparency"),
    "progress": QT_TRANSLATE_NOOP("ReportTexts", "Progress and results"),
    "digitization": QT_TRANSLATE_NOOP("ReportTexts", "Digitization"),
    "online": QT_TRANSLATE_NOOP("ReportTexts", "Online services"),
    "satisfaction": QT_TRANSLATE_NOOP("ReportTexts", "Satisfaction"),
}
LEVELS = {
    "very_dissatisfied": QT_TRANSLATE_NOOP("ReportTexts", "Very dissatisfied"),
    "dissatisfied": QT_TRANSLATE_NOOP("ReportTexts", "Dissatisfied"),
    "neutral": QT_TRANSLATE_NOOP("ReportTexts", "Neutral"),
    "satisfied": QT_TRANSLATE_NOOP("ReportTexts", "Satisfied"),
    "very_satisfied": QT_TRANSLATE_NOOP("ReportTexts", "Very satisfied"),
}
PERIODS = {
    "day": QT_TRANSLATE_NOOP("ReportTexts", "Day"),
    "week": QT_TRANSLATE_NOOP("ReportTexts", "Week"),
    "month": QT_TRANSLATE_NOOP("ReportTexts", "Month"),
    "quarter": QT_TRANSLATE_NOOP("ReportTexts", "Quarter"),
    "year": QT_TRANSLATE_NOOP("ReportTexts", "Year"),
    "custom": QT_TRANSLATE_NOOP("ReportTexts", "Custom"),
}


def word(table: dict[str, str], code: str) -> str:
    """The translated name of ``code`` in ``table`` (the code itself when unknown)."""
    return QCoreApplication.translate("ReportTexts", table[code]) if code in table else code
