"""The bundled font covers Vietnamese, and every glyph survives the PDF round trip."""

from __future__ import annotations

from printing.fonts import FONTS_DIR, font_path, pil_font, register_pdf_fonts
from printing.model import DocumentRow
from printing.pdf_forms import render_form
from printing.samples import sample_dossier
from tests.printing.print_helpers import flat, pdf_text

_LOWER = (
    "aàáảãạăằắẳẵặâầấẩẫậ"
    "eèéẻẽẹêềếểễệ"
    "iìíỉĩị"
    "oòóỏõọôồốổỗộơờớởỡợ"
    "uùúủũụưừứửữự"
    "yỳýỷỹỵ"
    "đ"
)
LETTERS = _LOWER + _LOWER.upper()


def test_font_files_and_licence():
    for bold in (False, True):
        assert font_path(bold).is_file()
    licence = (FONTS_DIR / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Bitstream Vera Fonts Copyright" in licence and "Arev Fonts Copyright" in licence
    total = sum(p.stat().st_size for p in FONTS_DIR.glob("*.ttf"))
    assert total < 2_000_000


def test_every_vietnamese_letter_has_a_glyph():
    from reportlab.pdfbase import pdfmetrics

    for name in register_pdf_fonts():
        face = pdfmetrics.getFont(name).face
        missing = [c for c in LETTERS + "…·–" if ord(c) not in face.charToGlyph]
        assert not missing, (name, missing)


def test_registration_is_cached():
    assert register_pdf_fonts() is register_pdf_fonts()
    assert pil_font(22, True) is pil_font(22, True)


def test_every_letter_round_trips_through_pdf(template):
    chunks = [LETTERS[i : i + 18] for i in range(0, len(LETTERS), 18)]
    words = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
             "Dương", "Lý", "Ưng", "Ỷ", "Khuất", "Quách"]
    docs = [DocumentRow(name=c, originals=1) for c in chunks] + [DocumentRow(name=" ".join(words))]
    pdf = render_form("receipt", sample_dossier(documents=docs), template)
    text = pdf_text(pdf, first=1, last=2)
    for c in chunks:
        assert c in text, c
    assert " ".join(words) in flat(pdf_text(pdf, layout=False, first=1, last=2))
