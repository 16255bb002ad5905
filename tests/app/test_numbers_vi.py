import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.numbers_vi import (
    CLIP_TEXT,
    LETTER_NAMES,
    VOCABULARY,
    WORD_CLIP_KEYS,
    amount_in_words,
    announcement_clips,
    announcement_text,
    number_words,
    read_number,
    ticket_text,
    ticket_words,
)
from app.text import fold

READINGS = {
    0: "không",
    1: "một",
    2: "hai",
    3: "ba",
    4: "bốn",
    5: "năm",
    6: "sáu",
    7: "bảy",
    8: "tám",
    9: "chín",
    10: "mười",
    11: "mười một",
    12: "mười hai",
    14: "mười bốn",
    15: "mười lăm",
    19: "mười chín",
    20: "hai mươi",
    21: "hai mươi mốt",
    24: "hai mươi tư",
    25: "hai mươi lăm",
    30: "ba mươi",
    31: "ba mươi mốt",
    44: "bốn mươi tư",
    45: "bốn mươi lăm",
    55: "năm mươi lăm",
    99: "chín mươi chín",
    100: "một trăm",
    101: "một trăm linh một",
    104: "một trăm linh bốn",
    105: "một trăm linh năm",
    110: "một trăm mười",
    111: "một trăm mười một",
    114: "một trăm mười bốn",
    115: "một trăm mười lăm",
    121: "một trăm hai mươi mốt",
    200: "hai trăm",
    205: "hai trăm linh năm",
    250: "hai trăm năm mươi",
    999: "chín trăm chín mươi chín",
    1000: "một nghìn",
    1001: "một nghìn không trăm linh một",
    1010: "một nghìn không trăm mười",
    1011: "một nghìn không trăm mười một",
    1021: "một nghìn không trăm hai mươi mốt",
    1100: "một nghìn một trăm",
    1105: "một nghìn một trăm linh năm",
    2000: "hai nghìn",
    2024: "hai nghìn không trăm hai mươi tư",
    2025: "hai nghìn không trăm hai mươi lăm",
    5500: "năm nghìn năm trăm",
    8000: "tám nghìn",
    10000: "mười nghìn",
    10500: "mười nghìn năm trăm",
    15000: "mười lăm nghìn",
    21000: "hai mươi mốt nghìn",
    50000: "năm mươi nghìn",
    100000: "một trăm nghìn",
    105000: "một trăm linh năm nghìn",
    200000: "hai trăm nghìn",
    1_000_000: "một triệu",
    1_000_001: "một triệu không trăm linh một",
    1_005_000: "một triệu không trăm linh năm nghìn",
    1_100_000: "một triệu một trăm nghìn",
    1_500_000: "một triệu năm trăm nghìn",
    2_024_000: "hai triệu không trăm hai mươi tư nghìn",
    15_000_000: "mười lăm triệu",
    1_000_000_000: "một tỷ",
    1_000_000_005: "một tỷ không trăm linh năm",
    1_000_005_000: "một tỷ không trăm linh năm nghìn",
    2_500_000_000: "hai tỷ năm trăm triệu",
    1_000_000_000_000: "một nghìn tỷ",
    1_234_000_000_000: "một nghìn hai trăm ba mươi tư tỷ",
    1_000_001_000_000: "một nghìn tỷ không trăm linh một triệu",
    10**15 - 1: "chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ "
    "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín",
}


def test_table_is_large_enough():
    assert len(READINGS) >= 60


@pytest.mark.parametrize(("n", "expected"), sorted(READINGS.items()))
def test_read_number(n, expected):
    assert read_number(n) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (24, "hai mươi bốn"),
        (14, "mười bốn"),
        (104, "một trăm linh bốn"),
        (2024, "hai nghìn không trăm hai mươi bốn"),
        (44_000, "bốn mươi bốn nghìn"),
    ],
)
def test_four_as_bon(n, expected):
    assert read_number(n, four_as="bốn") == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [(105, "một trăm lẻ năm"), (1001, "một nghìn không trăm lẻ một"), (5, "năm"), (110, "một trăm mười")],
)
def test_zero_tens_le(n, expected):
    assert read_number(n, zero_tens="lẻ") == expected


@pytest.mark.parametrize("n", [-1, 10**15, 10**20, True, 1.0, "12", None])
def test_read_number_rejects(n):
    with pytest.raises(ValidationError):
        read_number(n)


@pytest.mark.parametrize("options", [{"four_as": "four"}, {"zero_tens": "zero"}])
def test_bad_options_are_rejected(options):
    with pytest.raises(ValidationError):
        read_number(24, **options)


def test_zero_to_1100_reads_cleanly():
    for n in range(1101):
        text = read_number(n)
        assert "  " not in text and text == text.strip()
        tens, ones = (n % 100) // 10, n % 10
        has_linh = "linh" in text.split()
        expected_linh = n >= 100 and tens == 0 and ones != 0
        assert has_linh == expected_linh, n
        if n >= 100 and n % 100 == 0:
            assert text.endswith("trăm") or text.endswith("nghìn")
        words = text.split()
        assert "mốt" not in words or words[words.index("mốt") - 1] == "mươi"
        assert "lăm" not in words or words[words.index("lăm") - 1] in ("mười", "mươi")
        assert "tư" not in words or words[words.index("tư") - 1] == "mươi"


def test_amount_in_words():
    assert amount_in_words(8000) == "Tám nghìn đồng"
    assert amount_in_words(0) == "Không đồng"
    assert amount_in_words(1_500_000) == "Một triệu năm trăm nghìn đồng"
    assert amount_in_words(10_000) == "Mười nghìn đồng"
    with pytest.raises(ValidationError):
        amount_in_words(-5)


def test_number_words():
    assert number_words(0) == ["không"]
    assert number_words(21) == ["hai", "mươi", "mốt"]
    assert number_words(2024, four_as="bốn")[-1] == "bốn"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("A012", ["A", "mười", "hai"]),
        ("a012", ["A", "mười", "hai"]),
        (" B5 ", ["B", "năm"]),
        ("C100", ["C", "một", "trăm"]),
        ("A000", ["A", "không"]),
        ("AB024", ["A", "B", "hai", "mươi", "tư"]),
        ("105", ["một", "trăm", "linh", "năm"]),
    ],
)
def test_ticket_words(code, expected):
    assert ticket_words(code) == expected
    assert ticket_text(code) == " ".join(expected)


@pytest.mark.parametrize("code", ["", "A", "012A", "A-12", "ABCD1", "Đ12", "A1234567", None, 12])
def test_ticket_words_rejects(code):
    with pytest.raises(ValidationError):
        ticket_words(code)


def test_announcement_text():
    assert announcement_text("A012", 3) == "Xin mời công dân có số thứ tự A mười hai đến quầy số ba"
    assert (
        announcement_text("B024", 14, four_as="bốn")
        == "Xin mời công dân có số thứ tự B hai mươi bốn đến quầy số mười bốn"
    )


def test_announcement_clips():
    assert announcement_clips("A012", 3) == ["invite", "letter_a", "muoi_huyen", "hai", "to_counter", "ba"]
    assert announcement_clips("C121", 21) == [
        "invite", "letter_c", "mot_nang", "tram", "hai", "muoi_ngang", "mot_sac",
        "to_counter", "hai", "muoi_ngang", "mot_sac",
    ]


@pytest.mark.parametrize("counter", [0, -1, True, "3", None])
def test_announcement_rejects_bad_counter(counter):
    with pytest.raises(ValidationError):
        announcement_clips("A012", counter)
    with pytest.raises(ValidationError):
        announcement_text("A012", counter)


def test_clip_keys_are_ascii_unique_and_cover_the_vocabulary():
    assert set(WORD_CLIP_KEYS) == VOCABULARY
    assert len(set(WORD_CLIP_KEYS.values())) == len(WORD_CLIP_KEYS)
    assert set(LETTER_NAMES) == set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    for key, text in CLIP_TEXT.items():
        assert re.fullmatch(r"[a-z_]+", key), key
        assert text and text == text.strip()
    for word, key in WORD_CLIP_KEYS.items():
        assert CLIP_TEXT[key] == word
        assert key.split("_")[0] == fold(word)


def test_clip_text_speaks_what_the_sentence_says():
    clips = announcement_clips("K205", 24)
    assert " ".join(CLIP_TEXT[c] for c in clips if not c.startswith("letter_")) == announcement_text(
        "K205", 24
    ).replace(" K ", " ")


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_read_number_uses_only_known_words(n):
    text = read_number(n)
    assert "  " not in text and text == text.strip()
    assert set(text.split(" ")) <= VOCABULARY
    assert set(read_number(n, four_as="bốn", zero_tens="lẻ").split(" ")) <= VOCABULARY


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999))
def test_thousands_compose(high, low):
    # Below a million, a number reads as its thousands, "nghìn", then the full three-digit rest.
    n = high * 1000 + low
    rest = read_number(low)
    if low < 100:
        rest = "không trăm " + (f"linh {rest}" if low < 10 else rest)
    assert read_number(n) == f"{read_number(high)} nghìn {rest}"


@given(
    st.from_regex(r"[A-Z][0-9]{3}", fullmatch=True),
    st.integers(min_value=1, max_value=99),
    st.sampled_from(["tư", "bốn"]),
    st.sampled_from(["linh", "lẻ"]),
)
def test_every_announcement_clip_has_a_text(ticket, counter, four_as, zero_tens):
    clips = announcement_clips(ticket, counter, four_as=four_as, zero_tens=zero_tens)
    assert all(clip in CLIP_TEXT for clip in clips)
    assert clips[0] == "invite" and "to_counter" in clips
    assert clips[1] == f"letter_{ticket[0].lower()}"


def test_every_ticket_and_counter_maps_to_known_clips():
    for letter in LETTER_NAMES:
        for n in range(1000):
            clips = announcement_clips(f"{letter}{n:03d}", n % 99 + 1)
            assert all(clip in CLIP_TEXT for clip in clips), (letter, n)
