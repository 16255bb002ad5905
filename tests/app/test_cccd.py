import unicodedata
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.cccd import PROVINCE_CODES, CccdData, looks_like_cccd, parse_cccd
from app.errors import ValidationError
from app.text import nfc
from app.workcal import VN_TZ

TODAY = date(2025, 3, 1)

HANOI_MAN = "001089012345|123456789|Nguyễn Văn An|01011989|Nam|Số 1 Phố X, Phường Y, Hà Nội|15062021"
HCM_WOMAN_2000S = "079304001234||Trần Thị Ngọc Ánh|29022004|Nữ|12 Lê Lợi, Phường Bến Nghé, TP Hồ Chí Minh|10082021"


def parse(text, today=TODAY):
    return parse_cccd(text, today=today)


def test_parses_a_full_record():
    data = parse(HANOI_MAN)
    assert data == CccdData(
        id_number="001089012345",
        old_id_number="123456789",
        full_name="Nguyễn Văn An",
        date_of_birth=date(1989, 1, 1),
        sex="Nam",
        address="Số 1 Phố X, Phường Y, Hà Nội",
        issue_date=date(2021, 6, 15),
    )


def test_to_json_has_exact_keys_and_iso_dates():
    assert parse(HANOI_MAN).to_json() == {
        "id_number": "001089012345",
        "old_id_number": "123456789",
        "full_name": "Nguyễn Văn An",
        "date_of_birth": "1989-01-01",
        "sex": "Nam",
        "address": "Số 1 Phố X, Phường Y, Hà Nội",
        "issue_date": "2021-06-15",
    }


def test_to_json_nulls():
    data = parse("001089012345||Nguyễn Văn An|01011989|Nam|15062021")
    assert data.to_json()["old_id_number"] is None
    assert data.to_json()["address"] is None
    data = parse("001089012345||Nguyễn Văn An|01011989|Nam|Hà Nội")
    assert data.to_json()["issue_date"] is None


def test_empty_old_id_and_21st_century_woman():
    data = parse(HCM_WOMAN_2000S)
    assert data.old_id_number is None
    assert data.sex == "Nữ"
    assert data.date_of_birth == date(2004, 2, 29)


def test_repr_hides_personal_data():
    text = repr(parse(HANOI_MAN))
    assert "Nguyễn" not in text and "1989" not in text and "Hà Nội" not in text
    assert "001089012345" not in text


@pytest.mark.parametrize(
    "text",
    [
        "  " + HANOI_MAN + "\r\n",
        "\ufeff" + HANOI_MAN,
        "\r\n\ufeff" + HANOI_MAN + "\n",
        unicodedata.normalize("NFD", HANOI_MAN),
        HANOI_MAN + "|extra|fields|9999",
        HANOI_MAN.replace("|", " | "),
        HANOI_MAN.replace("Nguyễn Văn An", "  Nguyễn   Văn  An "),
        HANOI_MAN.encode("utf-8"),
        b"\xef\xbb\xbf" + HANOI_MAN.encode("utf-8"),
    ],
)
def test_tolerated_variants_give_the_same_record(text):
    assert parse(text) == parse(HANOI_MAN)


def test_result_is_nfc():
    data = parse(unicodedata.normalize("NFD", HANOI_MAN))
    assert unicodedata.is_normalized("NFC", data.full_name)
    assert unicodedata.is_normalized("NFC", data.address)


@pytest.mark.parametrize("sex", ["Nam", "nam", "NAM", " Nam "])
def test_male_variants(sex):
    assert parse(HANOI_MAN.replace("|Nam|", f"|{sex}|")).sex == "Nam"


@pytest.mark.parametrize("sex", ["Nữ", "nữ", "NỮ", "Nu", "nu", "NU", unicodedata.normalize("NFD", "Nữ")])
def test_female_variants(sex):
    assert parse(HCM_WOMAN_2000S.replace("|Nữ|", f"|{sex}|")).sex == "Nữ"


def test_six_fields_without_address():
    data = parse("001089012345|123456789|Nguyễn Văn An|01011989|Nam|15062021")
    assert data.address is None
    assert data.issue_date == date(2021, 6, 15)


def test_six_fields_without_issue_date():
    data = parse("001089012345|123456789|Nguyễn Văn An|01011989|Nam|Số 1 Phố X, Hà Nội")
    assert data.address == "Số 1 Phố X, Hà Nội"
    assert data.issue_date is None


def test_six_fields_without_old_id_field():
    data = parse("001089012345|Nguyễn Văn An|01011989|Nam|Số 1 Phố X, Hà Nội|15062021")
    assert data.old_id_number is None
    assert data.full_name == "Nguyễn Văn An"
    assert data.address == "Số 1 Phố X, Hà Nội"
    assert data.issue_date == date(2021, 6, 15)


def test_seven_fields_with_empty_issue_date():
    assert parse(HANOI_MAN.rsplit("|", 1)[0] + "|").issue_date is None


def replace_field(text, index, value):
    fields = text.split("|")
    fields[index] = value
    return "|".join(fields)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \r\n", "empty"),
        ("001089012345|123456789|Nguyễn Văn An", "fields"),
        ("001089012345|123456789|Nguyễn Văn An|01011989|Nam", "fields"),
        (replace_field(HANOI_MAN, 0, "00108901234"), "12 digits"),
        (replace_field(HANOI_MAN, 0, "0010890123456"), "12 digits"),
        (replace_field(HANOI_MAN, 0, "00108901234X"), "12 digits"),
        (replace_field(HANOI_MAN, 0, "００1089012345"), "12 digits"),
        (replace_field(HANOI_MAN, 0, "000089012345"), "province"),
        (replace_field(HANOI_MAN, 0, "003089012345"), "province"),
        (replace_field(HANOI_MAN, 0, "097089012345"), "province"),
        (replace_field(HANOI_MAN, 0, "001189012345"), "century/sex"),
        (replace_field(HANOI_MAN, 0, "001289012345"), "century/sex"),
        (replace_field(HANOI_MAN, 0, "001090012345"), "birth-year"),
        (replace_field(HANOI_MAN, 1, "12345678"), "old ID"),
        (replace_field(HANOI_MAN, 1, "12345678X"), "old ID"),
        (replace_field(HANOI_MAN, 2, ""), "full name"),
        (replace_field(HANOI_MAN, 2, "Nguyễn Văn 4n"), "full name"),
        (replace_field(HANOI_MAN, 2, "Nguyễn\x00Văn"), "full name"),
        (replace_field(HANOI_MAN, 3, "31021989"), "date of birth"),
        (replace_field(HANOI_MAN, 3, "29021989"), "date of birth"),
        (replace_field(HANOI_MAN, 3, "1989-01-01"), "date of birth"),
        (replace_field(HANOI_MAN, 3, "0101198"), "date of birth"),
        (replace_field(HANOI_MAN, 3, "00001989"), "date of birth"),
        (replace_field(HANOI_MAN, 4, "Male"), "sex"),
        (replace_field(HANOI_MAN, 4, ""), "sex"),
        (replace_field(HANOI_MAN, 6, "31022020"), "issue date"),
        (replace_field(HANOI_MAN, 6, "01011980"), "before the date of birth"),
        (replace_field(HANOI_MAN, 6, "01012030"), "future"),
        (HANOI_MAN + "x" * 3000, "too long"),
        (b"\xff\xfe" + HANOI_MAN.encode("utf-16-le"), "UTF-8"),
    ],
)
def test_rejections(text, message):
    with pytest.raises(ValidationError, match=message):
        parse(text)


def test_mismatched_sex_digit():
    # Digit 4 says male, the sex field says female.
    with pytest.raises(ValidationError, match="century/sex"):
        parse(replace_field(HANOI_MAN, 4, "Nữ"))


def test_future_birth_date():
    text = "001225012345||Nguyễn Văn Bé|01062025|Nam|Hà Nội|"
    with pytest.raises(ValidationError, match="future"):
        parse(text, today=date(2025, 5, 31))
    assert parse(text, today=date(2025, 6, 1)).date_of_birth == date(2025, 6, 1)


def test_birth_before_1900_is_rejected():
    with pytest.raises(ValidationError, match="1900"):
        parse("001099012345||Nguyễn Văn Cụ|31121899|Nam|Hà Nội|01012021")


def test_messages_never_contain_personal_data():
    bad = replace_field(HANOI_MAN, 3, "31021989")
    with pytest.raises(ValidationError) as info:
        parse(bad)
    message = str(info.value)
    for field in bad.split("|"):
        assert field not in message
    assert "\n" not in message


def test_default_today_is_the_real_date():
    assert parse_cccd(HANOI_MAN).id_number == "001089012345"
    tomorrow = datetime.now(VN_TZ).date() + timedelta(days=1)
    century_digit = 2 * (tomorrow.year // 100 - 19)
    future = f"001{century_digit}{tomorrow.year % 100:02d}012345||Bé|{tomorrow:%d%m%Y}|Nam|Hà Nội|"
    with pytest.raises(ValidationError, match="future"):
        parse_cccd(future)


def test_province_codes():
    assert len(PROVINCE_CODES) == 63
    assert {"001", "079", "096", "048"} <= PROVINCE_CODES
    assert all(1 <= int(code) <= 96 for code in PROVINCE_CODES)


@pytest.mark.parametrize(
    "text",
    [
        HANOI_MAN,
        "\ufeff" + HANOI_MAN + "\r\n",
        # A keyboard-wedge reader that dropped every non-ASCII character.
        "001089012345|123456789|Nguyn Vn An|01011989|Nam|S 1 Ph X, Phng Y, H Ni|15062021",
        "001089012345|Nguyen Van An|01011989|Nam|Ha Noi|15062021",
        # Plausible structure but refused by the parser: still a card scan for the UI.
        replace_field(HANOI_MAN, 4, "N?"),
    ],
)
def test_looks_like_cccd(text):
    assert looks_like_cccd(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "001089012345",
        "A012",
        "0912345678",
        "00108901234|123456789|Nguyễn Văn An|01011989|Nam|Hà Nội|15062021",
        "001089012345|123456789|Nguyễn Văn An|1989|Nam|Hà Nội|15062021",
        "001089012345|123456789|Nguyễn Văn An|01011989",
        b"\xff\xfe\x00",
    ],
)
def test_does_not_look_like_cccd(text):
    assert not looks_like_cccd(text)


# --- properties ---------------------------------------------------------------------------

SYLLABLES = ["Nguyễn", "Trần", "Lê", "Phạm", "Đỗ", "Văn", "Thị", "Ngọc", "Ánh", "Đức", "Hưng",
             "Thảo", "Quỳnh", "Ý", "An", "Bảo", "Khuê", "Hoàng", "Phương", "Vũ"]

address_text = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn"), blacklist_characters="|"
    ),
    max_size=60,
)


@st.composite
def records(draw):
    date_of_birth = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
    sex = draw(st.sampled_from(["Nam", "Nữ"]))
    digit = 2 * (date_of_birth.year // 100 - 19) + (sex == "Nữ")
    province = draw(st.sampled_from(sorted(PROVINCE_CODES)))
    serial = draw(st.integers(0, 999_999))
    id_number = f"{province}{digit}{date_of_birth.year % 100:02d}{serial:06d}"
    old_id = draw(st.none() | st.from_regex(r"[0-9]{9}", fullmatch=True))
    name = " ".join(draw(st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=5)))
    address = nfc(draw(address_text)) or None
    issue_date = draw(st.none() | st.dates(min_value=date_of_birth, max_value=TODAY))
    return CccdData(id_number, old_id, name, date_of_birth, sex, address, issue_date)


def to_qr_text(data: CccdData) -> str:
    return "|".join(
        [
            data.id_number,
            data.old_id_number or "",
            data.full_name,
            f"{data.date_of_birth:%d%m%Y}",
            data.sex,
            data.address or "",
            f"{data.issue_date:%d%m%Y}" if data.issue_date else "",
        ]
    )


@given(records())
def test_valid_records_round_trip(data):
    text = to_qr_text(data)
    assert looks_like_cccd(text)
    assert parse(text) == data
    assert parse(unicodedata.normalize("NFD", text) + "\r\n") == data


@given(st.text(max_size=300))
def test_arbitrary_text_raises_only_validation_error(text):
    try:
        parse(text)
    except ValidationError as exc:
        assert str(exc) and "\n" not in str(exc)
    looks_like_cccd(text)


@given(st.binary(max_size=200))
def test_arbitrary_bytes_raise_only_validation_error(raw):
    try:
        parse(raw)
    except ValidationError:
        pass
    looks_like_cccd(raw)


field_text = st.one_of(
    st.from_regex(r"[0-9]{0,13}", fullmatch=True),
    st.sampled_from(["Nam", "Nữ", "nu", "", "Nguyễn Văn An", "29022000", "31122099", "00000000"]),
    st.text(max_size=12),
)


@given(st.lists(field_text, min_size=5, max_size=9))
def test_near_valid_records_raise_only_validation_error(fields):
    try:
        data = parse("|".join(fields))
    except ValidationError:
        return
    assert len(data.id_number) == 12 and data.id_number.isdigit()
    assert data.sex in ("Nam", "Nữ")
    assert date(1900, 1, 1) <= data.date_of_birth <= TODAY
