"""Field rules and the input parsers: any input gives a parsed value or a ValidationError, nothing else."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import fields
from app.catalog_io import parse_csv_catalog, parse_json_catalog, read_catalog
from app.errors import ValidationError
from app.services.dossier_input import parse_intake

GOOD = {
    "procedure_code": "1.004837",
    "applicant": {"full_name": "Nguyễn Văn Đức", "id_number": "001089012345", "phone": "0905123456"},
    "documents": [{"item": "TP1", "originals": 1}],
}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=20), inner, max_size=4),
    max_leaves=20,
)


def _party(**over):
    return {**GOOD, "applicant": {**GOOD["applicant"], **over}}


@pytest.mark.parametrize(
    "applicant, field",
    [
        ({"full_name": "A" * 1_000_000}, "full_name"),
        ({"address": "x" * 1_000_000}, "address"),
        ({"full_name": ["a", "b"]}, "full_name"),
        ({"full_name": {"x": 1}}, "full_name"),
        ({"full_name": "Nguyễn\x00Văn"}, "full_name"),
        ({"full_name": "Nguyễn \x1b[31mVăn"}, "full_name"),
        ({"full_name": "\u200b\u200c\u200d\ufeff"}, "full_name"),
        ({"full_name": "Nguyễn \ud800 Văn"}, "full_name"),
        ({"phone": "call me 0912345678 now"}, "phone"),
        ({"id_number": "abc001089012345"}, "id_number"),
        ({"email": "a@b"}, "email"),
        ({"date_of_birth": ["1990-01-01"]}, "date_of_birth"),
    ],
)
def test_party_field_rules(applicant, field):
    with pytest.raises(ValidationError) as err:
        parse_intake(_party(**applicant))
    message = str(err.value)
    assert f"applicant.{field}" in message
    assert len(message) < 200 and "\x1b" not in message and "\x00" not in message


@pytest.mark.parametrize(
    "change, field",
    [
        ({"note": "n" * 1_000_000}, "note"),
        ({"note": ["a", "b"]}, "note"),
        ({"sets": 10**20}, "sets"),
        ({"sets": 1e308}, "sets"),
        ({"documents": [{"item": "TP1", "originals": 1e308}]}, "originals"),
        ({"documents": [{"item": "TP1", "originals": 10**20}]}, "originals"),
        ({"documents": [{"item": "TP1", "originals": True}]}, "originals"),
        ({"procedure_code": "1.0048\x1b37"}, "procedure_code"),
        ({"channel": ["in_person"]}, "channel"),
    ],
)
def test_intake_field_rules(change, field):
    with pytest.raises(ValidationError) as err:
        parse_intake({**GOOD, **change})
    assert field in str(err.value)


def test_good_values_are_cleaned():
    req = parse_intake(_party(full_name="  nguyễn   văn\tđức ", phone="+84 905 123 456", email="a.b@c.vn"))
    assert req.applicant.full_name == "nguyễn văn đức"
    assert req.applicant.phone == "0905123456"
    # decomposed input is stored composed (NFC)
    assert parse_intake(_party(full_name="Nguye\u0302\u0303n")).applicant.full_name == "Nguyễn"


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(value=json_values, name=st.sampled_from(sorted(fields.FIELDS)))
def test_text_field_total(value, name):
    try:
        result = fields.text(value, name)
    except ValidationError:
        return
    if result is not None:
        assert len(result) <= fields.FIELDS[name].max_len
        assert result.encode("utf-8")  # no lone surrogate reaches the database
        fields.check_chars(result, name)


@settings(max_examples=150)
@given(value=json_values)
def test_whole_total(value):
    try:
        result = fields.whole(value, "n", maximum=1000)
    except ValidationError:
        return
    assert result == 0 or 0 <= result <= 1000


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(data=json_values | st.fixed_dictionaries({"procedure_code": json_values, "applicant": json_values}, optional={
    "documents": json_values, "sets": json_values, "note": json_values, "submitter": json_values,
    "channel": json_values, "due_at": json_values}))
def test_parse_intake_total(data):
    try:
        parse_intake(data)
    except ValidationError:
        pass


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300) | json_values.map(lambda v: json.dumps(v)))
def test_parse_json_total(text):
    try:
        fields.parse_json(text, "f")
    except ValidationError:
        pass


def test_parse_json_hostile():
    for text in ("[" * 100_000 + "]" * 100_000, '{"a": NaN}', "[Infinity]", "1" * 5000, "[1e400]"):
        try:
            value = fields.parse_json(text, "f")
        except ValidationError:
            continue
        assert value == [float("inf")]  # 1e400 parses as inf: the field rules refuse it later
    with pytest.raises(ValidationError):
        fields.whole(float("inf"), "n", maximum=10)


procedure_items = st.fixed_dictionaries(
    {"code": json_values, "name": json_values, "field": json_values},
    optional={"processing_time": json_values | st.fixed_dictionaries({"amount": json_values, "unit": json_values}),
              "documents": st.lists(st.dictionaries(st.sampled_from(["code", "name", "originals", "required", "_row"]), json_values)),
              "fees": st.lists(st.dictionaries(st.sampled_from(["name", "kind", "amount", "per"]), json_values)),
              "urgent": json_values, "supplement_notice_days": json_values},
)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(procedure_items | json_values, max_size=4))
def test_json_catalog_total(items):
    try:
        parse_json_catalog(json.dumps(items))
    except ValidationError:
        pass


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=400) | st.lists(st.lists(st.text(max_size=10), max_size=6), max_size=5).map(
    lambda rows: "row,code,name,field,time_amount,originals,fee_amount\n" + "\n".join(",".join(r) for r in rows)))
def test_csv_catalog_total(text):
    try:
        parse_csv_catalog(text)
    except ValidationError:
        pass


def test_catalog_files_refused_with_exit_2_errors(tmp_path):
    with pytest.raises(ValidationError):
        read_catalog(tmp_path)
    folder = tmp_path / "cat.json"
    folder.mkdir()
    with pytest.raises(ValidationError, match="directory"):
        read_catalog(folder)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("row,code,name,field\nprocedure,1.1,Đăng ký khai sinh,Hộ tịch\n".encode("utf-8").replace(
        "Đăng ký".encode(), "Dang k\xfd".encode("latin-1")))
    with pytest.raises(ValidationError, match="UTF-8"):
        read_catalog(latin)
    nul = tmp_path / "nul.csv"
    nul.write_bytes(b"row,code,name,field\nprocedure,1.1,a\x00b,c\n")
    with pytest.raises(ValidationError):
        read_catalog(nul)
    big = tmp_path / "big.csv"
    with big.open("wb") as fh:
        fh.truncate(fields.MAX_CATALOG_BYTES + 1)
    with pytest.raises(ValidationError, match="larger than"):
        read_catalog(big)


def test_catalog_numbers_bounded():
    item = {"code": "1.1", "name": "Thủ tục", "field": "Hộ tịch",
            "processing_time": {"amount": 1e308, "unit": "working_days"},
            "documents": [{"code": "TP1", "name": "Tờ khai", "originals": 10**20}],
            "fees": [{"name": "Lệ phí", "amount": 10**30}]}
    with pytest.raises(ValidationError) as err:
        parse_json_catalog(json.dumps([item]))
    text = "\n".join(err.value.lines)
    assert "processing_time.amount" in text and "originals" in text and "amount" in text
