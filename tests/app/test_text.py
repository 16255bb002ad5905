import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.text import VIETNAMESE_LETTERS, _fold_slow, digits_only, fold, fold_tokens, nfc

vietnamese_text = st.text(
    alphabet=st.sampled_from(VIETNAMESE_LETTERS + "abcdeghiklmnopqrstuvxyABCDEGHIKLMNOPQRSTUVXY \t\n"),
    max_size=40,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, None),
        ("", ""),
        ("  Nguyễn   Văn\tAn \r\n", "Nguyễn Văn An"),
        (unicodedata.normalize("NFD", "Đức Thọ"), "Đức Thọ"),
        ("a\u00a0\u00a0b", "a b"),
    ],
)
def test_nfc(raw, expected):
    assert nfc(raw) == expected


def test_nfc_returns_composed_form():
    result = nfc(unicodedata.normalize("NFD", "Trần Thị Ngọc Ánh"))
    assert unicodedata.is_normalized("NFC", result)
    assert len(result) == len("Trần Thị Ngọc Ánh")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Nguyễn Văn Đức", "nguyen van duc"),
        ("TRẦN THỊ ÁNH", "tran thi anh"),
        ("  Phường   Bến Nghé ", "phuong ben nghe"),
        (unicodedata.normalize("NFD", "Quận Ba Đình"), "quan ba dinh"),
        ("Ỷ Lan, Hưng Yên", "y lan, hung yen"),
        ("Straße", "strasse"),
        ("Crème Brûlée", "creme brulee"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold(raw, expected):
    assert fold(raw) == expected


def test_vietnamese_letters_are_the_134_precomposed_letters():
    assert len(VIETNAMESE_LETTERS) == 134
    assert len(set(VIETNAMESE_LETTERS)) == 134
    for letter in VIETNAMESE_LETTERS:
        assert unicodedata.is_normalized("NFC", letter)
        assert len(fold(letter)) == 1 and fold(letter) in "aeiouyd"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Số 1/2, Phố Hàng Bài", ["so", "1", "2", "pho", "hang", "bai"]),
        ("Nguyễn-Văn_An!!", ["nguyen", "van", "an"]),
        ("", []),
        (None, []),
    ],
)
def test_fold_tokens(raw, expected):
    assert fold_tokens(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("+84 912-345.678", "84912345678"), ("abc", ""), ("", ""), (None, ""), ("０９１２", "0912")],
)
def test_digits_only(raw, expected):
    assert digits_only(raw) == expected


@given(st.text())
def test_fold_is_idempotent(s):
    assert fold(fold(s)) == fold(s)


@given(vietnamese_text)
def test_fold_of_vietnamese_is_ascii(s):
    assert fold(s).isascii()
    assert fold(s) == fold(unicodedata.normalize("NFD", s))


@given(st.text())
def test_fold_matches_unicodedata_path(s):
    assert fold(s) == _fold_slow(s)


@given(vietnamese_text)
def test_fold_matches_unicodedata_path_on_vietnamese(s):
    assert fold(s) == _fold_slow(s)


@given(st.text())
def test_nfc_is_idempotent_and_trimmed(s):
    once = nfc(s)
    assert nfc(once) == once
    assert once == once.strip()
    assert "  " not in once


@given(st.text())
def test_fold_tokens_are_words_of_fold(s):
    tokens = fold_tokens(s)
    assert all(t and " " not in t for t in tokens)
    assert all(t in fold(s) for t in tokens)


@given(st.text())
def test_digits_only_is_ascii_digits(s):
    assert set(digits_only(s)) <= set("0123456789")


def test_fast_table_covers_every_vietnamese_letter():
    assert max(ord(c) for c in VIETNAMESE_LETTERS) < 0x1F00
