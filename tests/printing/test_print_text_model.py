"""Value formatting and the Template round trip."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timezone

import pytest

from printing.model import Template
from printing.text import (
    date_vn,
    date_words_vn,
    hhmm,
    money_vn,
    nfc,
    or_dots,
    place_date_line,
    qr_payload,
    time_date_vn,
)

UTC = timezone.utc


def test_dates_print_in_local_time():
    # 20:30 UTC on 4 May is 03:30 on 5 May in Vietnam.
    t = datetime(2026, 5, 4, 20, 30, tzinfo=UTC)
    assert date_vn(t) == "05/05/2026"
    assert hhmm(t) == "03:30"
    assert time_date_vn(t) == "03 giờ 30 phút, ngày 05/05/2026"
    assert date_words_vn(t) == "ngày 05 tháng 05 năm 2026"


def test_naive_datetime_is_local_and_dates_pass_through():
    assert time_date_vn(datetime(2026, 1, 2, 7, 5)) == "07 giờ 05 phút, ngày 02/01/2026"
    assert date_vn(date(2026, 12, 31)) == "31/12/2026"


def test_missing_values_print_blanks_not_none():
    for text in (date_vn(None), hhmm(None), time_date_vn(None), date_words_vn(None), or_dots(None), money_vn(None)):
        assert "None" not in text
        assert "…" in text


def test_place_date_line():
    assert place_date_line("Xã An Bình", date(2026, 5, 5)) == "Xã An Bình, ngày 05 tháng 05 năm 2026"
    assert place_date_line("", None).startswith("…")


def test_money():
    assert money_vn(0) == "0 đồng"
    assert money_vn(1234567) == "1.234.567 đồng"
    assert money_vn(-5000) == "-5.000 đồng"


def test_nfc_composes_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "Nguyễn")
    assert nfc(decomposed) == "Nguyễn"
    assert nfc(None) == ""


def test_qr_payload_templates():
    code = "000.17.22.H56-260505-0012"
    assert qr_payload("{code}", code) == code
    assert qr_payload("", code) == code
    assert qr_payload("https://x.example/tra-cuu?ma={code}", code) == f"https://x.example/tra-cuu?ma={code}"
    assert qr_payload("https://x.example/?ma={code}", "A B/1") == "https://x.example/?ma=A%20B%2F1"
    assert qr_payload("{agency_id}|{code}|{other}", code, "000.17.22.H56") == f"000.17.22.H56|{code}|{{other}}"


def test_template_round_trip():
    t = Template(
        center_name="Trung tâm",
        parent_body="UBND xã A",
        unit_name="TTPVHCC",
        place_name="Xã A",
        footer_lines=["dòng 1", "dòng 2"],
        paper_size="A4",
        qr_template="https://x/{code}",
    )
    assert t.footer_lines == ("dòng 1", "dòng 2")
    d = t.to_dict()
    assert d["footer_lines"] == ["dòng 1", "dòng 2"]
    assert Template.from_dict(d) == t


def test_template_from_dict_is_lenient(caplog):
    t = Template.from_dict({"center_name": "X", "unknown_key": 1, "footer_lines": "one line"})
    assert t.center_name == "X"
    assert t.footer_lines == ("one line",)
    assert t.paper_size == "A5"
    assert "unknown_key" in caplog.text


def test_template_rejects_bad_paper():
    with pytest.raises(ValueError):
        Template(paper_size="Letter")


def test_leading_words_the_sentence_already_says_are_dropped():
    from printing.text import place_after, procedure_words, without_lead

    assert procedure_words("Thủ tục đăng ký khai tử") == "đăng ký khai tử"
    assert procedure_words("THỦ TỤC cấp bản sao") == "cấp bản sao"
    assert procedure_words("Chứng thực di chúc") == "Chứng thực di chúc"
    assert procedure_words("Thủ tục") == "Thủ tục"  # nothing would be left
    assert without_lead("Tạiđây", "tại") == "Tạiđây"  # a whole word only
    assert place_after("Nhận kết quả", "Tại Bộ phận Một cửa") == "Nhận kết quả tại: Bộ phận Một cửa"
    assert place_after("Nhận kết quả", "Bộ phận Một cửa") == "Nhận kết quả tại: Bộ phận Một cửa"
    assert place_after("Nhận kết quả", "Qua dịch vụ bưu chính công ích") == "Nhận kết quả: Qua dịch vụ bưu chính công ích"
    assert place_after("Nhận kết quả", "") == "Nhận kết quả tại: …………"


def test_long_runs_get_break_opportunities_in_linear_time():
    from printing.text import MAX_RUN, hard_break

    assert hard_break("nhung.nguyen@example.vn") == "nhung.nguyen@example.vn"
    broken = hard_break("x" * 1_000_000)
    assert broken.replace(" ", "") == "x" * 1_000_000
    assert max(len(w) for w in broken.split()) == MAX_RUN
    assert hard_break("a " + "y" * (MAX_RUN + 1)) == "a " + "y" * MAX_RUN + " y"


def test_split_markup_keeps_the_text_and_balances_tags():
    import re

    from printing.pdf_base import split_markup

    markup = "Địa chỉ: <b>" + " ".join(["phố&amp;ngõ"] * 3000) + "</b> và <i>" + "z " * 2000 + "</i>."
    pieces = split_markup(markup, 1000)
    assert len(pieces) > 10
    untag = lambda s: re.sub(r"<[^>]*>", "", s)  # noqa: E731
    assert " ".join(untag(x) for x in pieces) == untag(markup)
    for piece in pieces:
        assert piece.count("<b>") == piece.count("</b>") and piece.count("<i>") == piece.count("</i>")
        assert len(piece) < 1100 and "&amp" not in piece.replace("&amp;", "")
