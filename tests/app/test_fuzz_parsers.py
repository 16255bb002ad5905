"""Bad input and abuse: hypothesis feeds random and mutated input to the parsers of outside data (the ID
card's QR text, catalog files). Each answer is a parsed value or a ValidationError whose code has words
(app.errors.MESSAGES); nothing else escapes, and a refused catalog changes nothing in the database."""

from __future__ import annotations

import json
import shutil
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.actors import Actor
from app.catalog_io import CatalogErrors, parse_csv_catalog, parse_json_catalog, read_catalog
from app.cccd import parse_cccd
from app.errors import MESSAGES, ValidationError, english

VALID_QR = "001089012345|123456789|Nguyễn Văn An|01011989|Nam|Thôn 1, xã Minh An, tỉnh Khánh Hòa|15062021"
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                         HealthCheck.too_slow])


def _coded(exc: ValidationError) -> None:
    assert exc.code in MESSAGES, exc.code
    text = english(exc.code, exc.params)
    assert text and "{" not in text.replace("{}", "")  # every parameter filled in


@st.composite
def mutated(draw, seed: str) -> str:
    """``seed`` with characters replaced, inserted, deleted, duplicated or its fields shuffled."""
    text = seed
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["replace", "insert", "delete", "dup", "swap"]))
        at = draw(st.integers(0, max(0, len(text) - 1)))
        ch = draw(st.characters(codec="utf-8") | st.sampled_from("|0123456789\x00\n\u202e"))
        if op == "replace" and text:
            text = text[:at] + ch + text[at + 1:]
        elif op == "insert":
            text = text[:at] + ch + text[at:]
        elif op == "delete" and text:
            text = text[:at] + text[at + 1:]
        elif op == "dup":
            text = text[:at] + text[at:at + 20] * draw(st.integers(2, 50)) + text[at:]
        else:
            parts = text.split("|")
            draw(st.randoms()).shuffle(parts)
            text = "|".join(parts)
    return text


@FUZZ
@given(st.one_of(st.text(max_size=300), st.binary(max_size=300), mutated(VALID_QR)))
def test_id_card_qr_gives_a_card_or_a_coded_error(raw):
    try:
        card = parse_cccd(raw, today=date(2026, 12, 2))
    except ValidationError as exc:
        _coded(exc)
        if isinstance(raw, str):  # the message never repeats the card's content (it may be logged)
            for part in raw.split("|"):
                if len(part) >= 6:
                    assert part not in english(exc.code, exc.params)
    else:
        assert len(card.id_number) == 12 and card.id_number.isdigit() and card.full_name


CATALOG = [{"code": "1.001193", "name": "Thủ tục đăng ký khai sinh", "field": "Hộ tịch",
            "department": "Văn phòng HĐND và UBND xã", "processing_time": {"amount": 3, "unit": "working_days"},
            "fees": [{"name": "Phí cấp bản sao", "kind": "phi", "amount": 8000, "per": "copy"}],
            "documents": [{"code": "TP1", "name": "Tờ khai", "originals": 1}]}]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=30)


@FUZZ
@given(st.one_of(json_values.map(lambda v: json.dumps(v)), mutated(json.dumps(CATALOG, ensure_ascii=False)),
                 st.text(max_size=400)))
def test_json_catalog_gives_procedures_or_coded_errors(text):
    try:
        procedures = parse_json_catalog(text, "fuzz.json")
    except CatalogErrors as exc:
        assert exc.lines and all(isinstance(line, str) and line for line in exc.lines)
        _coded(exc)
    except ValidationError as exc:
        _coded(exc)
    else:
        assert isinstance(procedures, list) and all(isinstance(p, dict) and p.get("code") for p in procedures)


CSV = ("row,code,local_code,name,field,department,urgent,time_amount,time_unit,after_15h_next_day,"
       "supplement_notice_days,verified,doc_code,doc_name,originals,certified_copies,photocopies,required,"
       "alternative_group,fee_name,fee_kind,fee_amount,fee_per\r\n"
       "procedure,2.000815,,Chứng thực bản sao,Chứng thực,Phòng Tư pháp,,,same_day,true,,,,,,,,,,,,,\r\n"
       "document,2.000815,,,,,,,,,,,TP1,Bản chính,1,,,,,,,,\r\n"
       "fee,2.000815,,,,,,,,,,,,,,,,,,Phí chứng thực,phi,2000,page\r\n")


def test_the_seeds_are_valid():
    assert len(parse_json_catalog(json.dumps(CATALOG, ensure_ascii=False))) == 1
    assert len(parse_csv_catalog(CSV)) == 1
    assert parse_cccd(VALID_QR, today=date(2026, 12, 2)).id_number == "001089012345"


@FUZZ
@given(st.one_of(mutated(CSV), st.text(max_size=400)))
def test_csv_catalog_gives_procedures_or_coded_errors(text):
    try:
        parse_csv_catalog(text, "fuzz.csv")
    except ValidationError as exc:  # CatalogErrors is one
        _coded(exc)


def _snapshot(store):
    from app.store.models import AuditEntry, Procedure

    with store.read() as s:
        procedures = sorted((p.code, p.name, p.version) for p in s.scalars(select(Procedure)))
        return procedures, s.scalar(select(func.count()).select_from(AuditEntry))


def test_a_refused_catalog_file_changes_nothing(tmp_path_factory):
    """The whole import path (file → parser → service, in one transaction) on a seeded database: a file
    refused at any step leaves the catalog and the audit exactly as they were."""
    from app.services import catalog
    from app.store.session import Store
    from tests.app.helpers import seeded_template

    folder = tmp_path_factory.mktemp("fuzzcat")
    shutil.copyfile(seeded_template(), folder / "db.sqlite3")
    store = Store.open(str(folder / "db.sqlite3"))
    admin = Actor("fuzz-admin", "admin")
    before = _snapshot(store)
    refused = accepted = 0

    @FUZZ
    @given(st.sampled_from([".json", ".csv"]), st.one_of(mutated(json.dumps(CATALOG, ensure_ascii=False)),
                                                         mutated(CSV), st.binary(max_size=200)))
    def check(suffix, content):
        nonlocal before, refused, accepted
        path = folder / f"catalog{suffix}"
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
        try:
            procedures = read_catalog(path)
            with store.write() as s:
                catalog.import_procedures(s, admin, procedures)
        except ValidationError as exc:
            _coded(exc)
            refused += 1
            assert _snapshot(store) == before
        else:
            before = _snapshot(store)  # an accepted file is a legitimate change
            accepted += 1

    try:
        check()
    finally:
        store.close()
    assert refused > 0 and accepted > 0
