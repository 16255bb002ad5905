"""The report's charts in QtCharts: waits by hour, on-time rate by month, the satisfaction split, fees by
counter (when the fees section gives ``by_counter``). Built from the report document. GUI thread only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QPieSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPainter

from ui.reports.texts import LEVELS, word


def _bars(title: str, labels: list[str], values: list[float], *, top: float | None = None) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    bar = QBarSet(title)
    for v in values:
        bar.append(float(v))
    series = QBarSeries()
    series.append(bar)
    chart.addSeries(series)
    x = QBarCategoryAxis()
    x.append(labels)
    y = QValueAxis()
    y.setRange(0, top if top is not None else max([*values, 1.0]) * 1.15)
    y.setLabelFormat("%.0f")  # whole numbers: no decimal point (Vietnamese writes a comma)
    y.setTickCount(6)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    chart.legend().hide()
    return chart


def _month(text: str) -> str:
    """``2026-07`` → ``07/2026`` (the Vietnamese order)."""
    year, _, month = str(text).partition("-")
    return f"{month}/{year}" if month else str(text)


def build_charts(doc: dict[str, Any]) -> dict[str, QChart]:
    """Charts by name ("wait_by_hour", "on_time_by_month", "satisfaction", "fees_by_counter")."""
    charts: dict[str, QChart] = {}
    hours = doc.get("hours") or []
    charts["wait_by_hour"] = _bars(QCoreApplication.translate("ReportCharts", "Average wait by hour (minutes)"), [f"{h['hour']}h" for h in hours],
                                   [round((h["avg_wait_s"] or 0) / 60.0, 1) for h in hours])
    months = doc.get("on_time_by_month") or []
    charts["on_time_by_month"] = _bars(QCoreApplication.translate("ReportCharts", "On-time rate by month (%)"), [_month(m["month"]) for m in months],
                                       [m["on_time_rate"] or 0 for m in months], top=100)
    pie = QPieSeries()
    levels = (doc.get("satisfaction") or {}).get("levels") or {}
    for code in [c for c in LEVELS if c in levels] + [c for c in levels if c not in LEVELS]:  # worst to best
        pie.append(word(LEVELS, code), levels[code]).setLabelVisible(True)
    chart = QChart()
    chart.setTitle(QCoreApplication.translate("ReportCharts", "Satisfaction"))
    chart.addSeries(pie)
    charts["satisfaction"] = chart
    fees = ((doc.get("sections") or {}).get("fees") or {}).get("by_counter")
    if fees:
        items = sorted(fees.items()) if isinstance(fees, dict) else [(r["counter"], r["amount"]) for r in fees]
        charts["fees_by_counter"] = _bars(QCoreApplication.translate("ReportCharts", "Fees by counter (thousand dong)"), [str(k) for k, _ in items],
                                          [v / 1000.0 for _, v in items])
    return charts


def chart_view(chart: QChart) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(260)
    return view
