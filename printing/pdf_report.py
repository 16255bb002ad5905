"""The director's report as a PDF: the Decision 766 indicators with their formulas, the tables of
``printing.report_layout`` and four charts drawn with reportlab graphics (waits by hour, on-time rate by
month, the satisfaction split, fees by counter when the fees section gives ``by_counter``).

Pure: the report document in, PDF bytes out (deterministic, like the forms).
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Spacer, Table

from printing.fonts import FONT_BOLD, FONT_REGULAR
from printing.model import Template
from printing.pdf_base import GEOMETRIES, RENDER_LOCK, build_pdf, cell, grid_style, header, p, styles
from printing.report_layout import sections_of, table, period_text

TITLE = "BÁO CÁO KẾT QUẢ TIẾP NHẬN VÀ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
PALETTE = (colors.HexColor("#2e6db4"), colors.HexColor("#3fa34d"), colors.HexColor("#e0a030"),
           colors.HexColor("#c8423b"), colors.HexColor("#7b5ea7"))
CHART_H = 55 * mm


def _fmt(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "int" and isinstance(value, (int, float)):
        return f"{int(value):,}".replace(",", ".")
    if kind in ("pct", "num") and isinstance(value, (int, float)):
        return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return str(value)


def _title(drawing: Drawing, text: str) -> None:
    drawing.add(String(drawing.width / 2, drawing.height - 10, text, fontName=FONT_BOLD, fontSize=9,
                       textAnchor="middle"))


def bar_chart(title: str, labels: list[str], values: list[float], width: float, *, color=PALETTE[0],
              value_max: float | None = None) -> Drawing:
    d = Drawing(width, CHART_H)
    _title(d, title)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 22, width - 45, CHART_H - 42
    chart.data = [values or [0]]
    chart.categoryAxis.categoryNames = labels or [""]
    chart.categoryAxis.labels.fontName = FONT_REGULAR
    chart.categoryAxis.labels.fontSize = 6.5
    chart.valueAxis.labels.fontName = FONT_REGULAR
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.valueMin = 0
    top = max(values or [0])
    chart.valueAxis.valueMax = value_max if value_max is not None else (top * 1.15 if top else 1)
    chart.bars[0].fillColor = color
    chart.bars[0].strokeColor = None
    d.add(chart)
    return d


def pie_chart(title: str, labels: list[str], values: list[float], width: float) -> Drawing:
    d = Drawing(width, CHART_H)
    _title(d, title)
    if not any(values):
        d.add(String(width / 2, CHART_H / 2, "Chưa có đánh giá", fontName=FONT_REGULAR, fontSize=8, textAnchor="middle"))
        return d
    pie = Pie()
    size = CHART_H - 30
    pie.x, pie.y, pie.width, pie.height = 12, 8, size, size
    pie.data = values
    pie.labels = None
    pie.slices.strokeColor = colors.white
    for i in range(len(values)):
        pie.slices[i].fillColor = PALETTE[i % len(PALETTE)]
    d.add(pie)
    total = sum(values)
    for i, (label, v) in enumerate(zip(labels, values)):
        y = CHART_H - 26 - i * 11
        d.add(String(size + 24, y, f"■ {label}: {100.0 * v / total:.1f}%", fontName=FONT_REGULAR, fontSize=7,
                     fillColor=PALETTE[i % len(PALETTE)]))
    return d


def charts(doc: dict[str, Any], width: float) -> list[Drawing]:
    """The report's charts: only those whose data the document holds."""
    out: list[Drawing] = []
    half = width / 2 - 4
    hours = doc.get("hours") or []
    if hours:
        out.append(bar_chart("Thời gian chờ trung bình theo giờ (phút)", [f"{h['hour']}h" for h in hours],
                             [round((h["avg_wait_s"] or 0) / 60.0, 1) for h in hours], half))
    months = doc.get("on_time_by_month") or []
    if months:
        out.append(bar_chart("Tỷ lệ đúng hạn theo tháng (%)", [m["month"][5:] + "/" + m["month"][2:4] for m in months],
                             [m["on_time_rate"] or 0 for m in months], half, color=PALETTE[1], value_max=100))
    sat = (doc.get("satisfaction") or {}).get("levels") or {}
    if "satisfaction" in doc:
        from printing.report_layout import LEVEL_NAMES

        out.append(pie_chart("Mức độ hài lòng", [LEVEL_NAMES.get(k, k) for k in sat], list(sat.values()), half))
    fees = ((doc.get("sections") or {}).get("fees") or {}).get("by_counter")
    if fees:
        items = sorted(fees.items()) if isinstance(fees, dict) else [(r["counter"], r.get("amount", r.get("total", 0))) for r in fees]
        out.append(bar_chart("Phí, lệ phí theo quầy (nghìn đồng)", [f"Quầy {k}" for k, _ in items],
                             [round(v / 1000.0, 1) for _, v in items], half, color=PALETTE[2]))
    return out


def _chart_rows(drawings: list[Drawing], width: float) -> list:
    rows = [drawings[i:i + 2] + [""] * (2 - len(drawings[i:i + 2])) for i in range(0, len(drawings), 2)]
    if not rows:
        return []
    return [Table(rows, colWidths=[width / 2] * 2, hAlign="LEFT")]


def render_report_pdf(doc: dict[str, Any], template: Template) -> bytes:
    with RENDER_LOCK:
        return _render(doc, template)


def _render(doc: dict[str, Any], template: Template) -> bytes:
    geo = GEOMETRIES["A4L"]
    st = styles(geo.base)
    story: list = [header(template, geo, place_date=None, motto=False), p(TITLE, st["title"]),
                   p(period_text(doc), st["subtitle"]), Spacer(1, 4)]
    story += _chart_rows(charts(doc, geo.width), geo.width)
    for section in sections_of(doc):
        rows = table(doc, section)
        cols = list(section.columns)
        story.append(CondPageBreak(40 * mm))
        story.append(Spacer(1, 6))
        story.append(p(section.title, st["small_b"]))
        weights = [4 if c.kind == "text" else 1.6 for c in cols]
        if section.key == "indicators":
            weights = [3, 4, 1.4, 1.4, 1.4, 1.6, 1.4, 9]
        widths = [w * geo.width / sum(weights) for w in weights]
        body = [[p(c.header, st["cell_h"]) for c in cols]]
        for r in rows:
            body.append([p(cell(_fmt(r.get(c.key), c.kind)), st["cell"] if c.kind == "text" else st["cell_c"])
                         for c in cols])
        if len(body) == 1:
            body.append([p("Không có số liệu trong kỳ.", st["cell"])] + [""] * (len(cols) - 1))
        story.append(Table(body, colWidths=widths, repeatRows=1, style=grid_style(1), hAlign="LEFT"))
    providers = doc.get("providers") or {}
    missing = [k for k, v in providers.items() if v != "ok"]
    if missing:
        from printing.report_layout import PROVIDER_TITLES

        names = ", ".join(PROVIDER_TITLES.get(k, k) for k in missing)
        story += [Spacer(1, 4), p(f"Chưa có số liệu: {names}.", st["body"])]
    return build_pdf(story, geo, title=TITLE, footer_lines=template.footer_lines, footer_left="Báo cáo · " + period_text(doc))
