"""``motcua report summary|export|register``: the JSON document, the XLSX read back with openpyxl, the PDF
read with pdftotext (a real SQLite database with generated rows)."""

from __future__ import annotations

import json
import subprocess
from datetime import date, datetime

import pytest

from app.cli import main

FIRST, LAST = date(2025, 3, 1), date(2025, 3, 31)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(capsys, data_dir, tmp_path):
    from app.store.session import Store
    from bench.report_data import context, generate, insert_orm

    path = str(tmp_path / "r.sqlite3")
    assert run(capsys, "--db", path, "demo", "seed")[0] == 0
    store = Store.open(path)
    with store.write() as s:
        rows = generate(3, FIRST, LAST, context(s), dossiers=300, tickets=400)
        insert_orm(s, rows)
    store.close()
    return path


def test_summary_json_is_the_services_document(capsys, db):
    from app.actors import Actor
    from app.services import reports
    from app.store.session import Store

    code, out, err = run(capsys, "--db", db, "report", "summary", "--from", "2025-03-01", "--to", "2025-03-31", "--json")
    assert code == 0, err
    doc = json.loads(out)
    store = Store.open(db, migrate=False, readonly=True)
    with store.read() as s:
        want = json.loads(json.dumps(reports.summary(s, Actor("x", "director"), FIRST, LAST), default=str))
    store.close()
    assert doc == want
    assert set(doc) >= {"period", "indicators", "channels", "procedures", "officers", "departments", "services", "hours",
                        "satisfaction", "on_time_by_month", "previous", "sections", "providers"}
    code, out, _ = run(capsys, "--db", db, "report", "summary", "--from", "2025-03-01", "--to", "2025-03-31")
    assert code == 0 and "on_time_rate" in out


def test_refresh_rolls_up_the_closed_days_and_the_figures_stay(capsys, db):
    first = run(capsys, "--db", db, "report", "summary", "--from", "2025-03-01", "--to", "2025-03-31", "--json")[1]
    code, out, err = run(capsys, "--db", db, "report", "refresh", "--json")
    assert code == 0, err
    assert json.loads(out)["days"] > 31
    assert json.loads(run(capsys, "--db", db, "report", "refresh", "--json")[1]) == {"days": 0}
    again = run(capsys, "--db", db, "report", "summary", "--from", "2025-03-01", "--to", "2025-03-31", "--json")[1]
    assert json.loads(again) == json.loads(first)


def test_bad_input_exits_2(capsys, db, tmp_path):
    assert run(capsys, "--db", db, "report", "summary", "--from", "march", "--to", "2025-03-31", "--json")[0] == 2
    assert run(capsys, "--db", db, "report", "summary", "--from", "2025-04-01", "--to", "2025-03-31")[0] == 2
    code, _, err = run(capsys, "--db", db, "report", "export", "--from", "2025-03-01", "--to", "2025-03-31",
                       "--out", str(tmp_path / "r.docx"))
    assert code == 2 and ".xlsx or .pdf" in err
    assert run(capsys, "--db", db, "report", "export", "--from", "2025-03-01", "--to", "2025-03-31",
               "--out", str(tmp_path))[0] == 2


def test_xlsx_reads_back(capsys, db, tmp_path):
    import openpyxl

    out = tmp_path / "r.xlsx"
    code, text, err = run(capsys, "--db", db, "report", "export", "--from", "2025-03-01", "--to", "2025-03-31",
                          "--out", str(out), "--json")
    assert code == 0, err
    assert json.loads(text)["out"] == str(out)
    _, summary, _ = run(capsys, "--db", db, "report", "summary", "--from", "2025-03-01", "--to", "2025-03-31", "--json")
    doc = json.loads(summary)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Chỉ số 766", "Theo kênh", "Theo thủ tục", "Theo cán bộ", "Theo cơ quan", "Theo dịch vụ",
                             "Theo giờ", "Đúng hạn theo tháng", "Mức độ hài lòng"]
    ind = wb["Chỉ số 766"]
    assert ind["A1"].value.startswith("Chỉ số") and ind["A2"].value == "Từ ngày 01/03/2025 đến ngày 31/03/2025"
    assert ind.freeze_panes == "A4"
    assert [c.value for c in ind[3]][:3] == ["Nhóm chỉ số", "Chỉ số", "Kỳ này"]
    by_name = {r[1].value: r for r in ind.iter_rows(min_row=4)}
    row = by_name["Tỷ lệ giải quyết trước hạn và đúng hạn"]
    assert row[2].value == doc["indicators"]["on_time_rate"]["value"] and row[2].number_format == "#,##0.00"
    assert row[7].value == doc["indicators"]["on_time_rate"]["formula_vi"]
    assert ind.column_dimensions["H"].width >= 40  # the formula column is wide
    officers = wb["Theo cán bộ"]
    heads = [c.value for c in officers[3]]
    assert heads[:4] == ["Tài khoản", "Họ và tên", "Tiếp nhận", "Trả kết quả"]
    got = {r[0].value: r[2].value for r in officers.iter_rows(min_row=4)}
    assert got == {r["officer"]: r["received"] for r in doc["officers"]}
    assert officers.cell(4, 3).number_format == "#,##0"
    hours = wb["Theo giờ"]
    waits = {r[0].value: r[4].value for r in hours.iter_rows(min_row=4)}
    assert waits == {h["hour"]: round(h["avg_wait_s"] / 60, 2) for h in doc["hours"]}


def test_register_xlsx_has_the_rows_of_form_07(capsys, db, tmp_path):
    import openpyxl

    out = tmp_path / "reg.xlsx"
    code, text, err = run(capsys, "--db", db, "report", "register", "--from", "2025-03-01", "--to", "2025-03-31",
                          "--out", str(out), "--json")
    assert code == 0, err
    n = json.loads(text)["rows"]
    ws = openpyxl.load_workbook(out).active
    assert ws.freeze_panes == "A4" and ws["A3"].value == "STT" and ws["B3"].value == "Mã hồ sơ"
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    assert len(rows) == n > 200 and [r[0] for r in rows] == list(range(1, n + 1))
    assert isinstance(rows[0][7], datetime) and ws.cell(4, 8).number_format == "dd/mm/yyyy hh:mm"
    assert all(date(2025, 3, 1) <= r[7].date() <= date(2025, 3, 31) for r in rows)
    assert run(capsys, "--db", db, "report", "register", "--from", "2025-03-01", "--to", "2025-03-31",
               "--out", str(tmp_path / "reg.pdf"))[0] == 2


def test_pdf_has_the_figures_and_charts(capsys, db, tmp_path):
    out = tmp_path / "r.pdf"
    code, _, err = run(capsys, "--db", db, "report", "export", "--from", "2025-03-01", "--to", "2025-03-31", "--out", str(out))
    assert code == 0, err
    _, summary, _ = run(capsys, "--db", db, "report", "summary", "--from", "2025-03-01", "--to", "2025-03-31", "--json")
    doc = json.loads(summary)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "BÁO CÁO KẾT QUẢ TIẾP NHẬN" in flat and "Từ ngày 01/03/2025 đến ngày 31/03/2025" in flat
    for title in ("Thời gian chờ trung bình theo giờ (phút)", "Tỷ lệ đúng hạn theo tháng (%)", "Mức độ hài lòng",
                  "Theo cán bộ", "Chỉ số 766"):
        assert title in flat
    rate = doc["indicators"]["on_time_rate"]["value"]
    assert f"{rate:.2f}".replace(".", ",") in flat
    assert "Chưa có số liệu" not in flat  # every provider (fees, ratings, complaints) is wired
    again = tmp_path / "r2.pdf"
    run(capsys, "--db", db, "report", "export", "--from", "2025-03-01", "--to", "2025-03-31", "--out", str(again))
    assert again.read_bytes() == out.read_bytes()  # deterministic


def test_fees_by_counter_chart_when_the_provider_gives_it():
    from printing.pdf_report import charts

    doc = {"period": {"from": "2025-03-01", "to": "2025-03-31"},
           "sections": {"fees": {"by_counter": {"1": 150000, "2": 30000}}}}
    titles = [d.contents[0].text for d in charts(doc, 500)]
    assert titles == ["Phí, lệ phí theo quầy (nghìn đồng)"]
    bars = charts(doc, 500)[0].contents[1]
    assert list(bars.data[0]) == [150.0, 30.0] and list(bars.categoryAxis.categoryNames) == ["Quầy 1", "Quầy 2"]
