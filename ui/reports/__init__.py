"""The director's window (``motcua reports``): a period, the Decision 766 indicators with their formulas,
the officer / department / procedure / service tables, QtCharts charts, and XLSX / PDF export.

Texts are in their own catalog, ``resources/i18n/motcua_reports_vi.ts`` (built to ``motcua_reports_vi.qm``),
installed by :func:`install_reports_translator` when the station starts. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from ui.i18n import ensure_catalog

REPORTS_CATALOG = "motcua_reports"


def install_reports_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install the catalog (``motcua_reports_<language>.qm``) on ``app`` unless it is in
    place already (:func:`ui.i18n.ensure_catalog`); returns it. English installs nothing."""
    return ensure_catalog(app, REPORTS_CATALOG, language)


def run_reports(store, settings, *, argv=None) -> int:
    """``motcua reports``: a director signs in (``report.view``), then the window until closed. Returns the
    exit code (0 also when the sign-in was cancelled)."""
    from ui.reports.window import ReportsWindow
    from ui.security import sign_in_at_start
    from ui.station import open_station

    station = open_station("reports", store, settings, argv=argv)  # every catalog, the reports' included
    actor = sign_in_at_start(station.tasks, settings, permission="report.view")
    if actor is None:
        station.shutdown()
        return 0
    window = ReportsWindow(station.tasks, actor)
    window.showMaximized()
    return station.run(window)
