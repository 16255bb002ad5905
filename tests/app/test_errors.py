"""Errors carry codes: every code has its English words, every raise site names a known code and gives the
parameters its words need, and the command line's exit code comes from the error's class."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest

from app.catalog_io import CatalogErrors
from app.errors import (
    MESSAGES,
    AppError,
    NotFoundError,
    RuleError,
    SchemaMismatchError,
    StaleVersionError,
    StoreError,
    ValidationError,
    english,
    template_fields,
)

ROOT = Path(__file__).resolve().parents[2]
ERROR_CLASSES = {"AppError", "ValidationError", "NotFoundError", "RuleError", "StaleVersionError", "StoreError",
                 "SchemaMismatchError", "FileMissing", "FileCorrupt"}


def error_calls():
    """Every ``SomeError(...)`` call of the error tree in ``app/``, with where it is."""
    for path in sorted((ROOT / "app").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            if name in ERROR_CLASSES:
                yield f"{path.relative_to(ROOT).as_posix()}:{node.lineno}", name, node


def test_every_raise_site_names_a_declared_code_with_the_parameters_its_words_need():
    problems = []
    calls = list(error_calls())
    assert len(calls) > 150  # the walk really sees the raise sites
    for where, name, call in calls:
        if not call.args:
            if name != "StaleVersionError":  # the one class with a default code
                problems.append(f"{where}: {name}() without a code")
            continue
        code = call.args[0]
        if not (isinstance(code, ast.Constant) and isinstance(code.value, str)):
            problems.append(f"{where}: the code must be a string literal, not {ast.unparse(code)}")
            continue
        if len(call.args) > 1:
            problems.append(f"{where}: parameters go by keyword")
        if code.value not in MESSAGES:
            problems.append(f"{where}: {code.value!r} is not declared in app.errors.MESSAGES")
            continue
        given = {k.arg for k in call.keywords}
        needed = template_fields(MESSAGES[code.value]) - {"field_en"}
        if "field_en" in template_fields(MESSAGES[code.value]):
            needed.add("field")
        if needed - given:
            problems.append(f"{where}: {code.value!r} needs {sorted(needed - given)}")
    assert not problems, "\n".join(problems)


def test_every_declared_code_is_raised_somewhere():
    raised = {call.args[0].value for _, _, call in error_calls() if call.args and isinstance(call.args[0], ast.Constant)}
    raised |= {"stale_record", "catalog_rows_invalid"}  # the default of StaleVersionError, CatalogErrors' own
    assert sorted(set(MESSAGES) - raised) == []


def test_codes_are_plain_identifiers_and_templates_render():
    for code, template in MESSAGES.items():
        assert code.isidentifier() and code == code.lower(), code
        params = {name: f"<{name}>" for name in template_fields(template)}
        params.setdefault("field", "applicant.full_name")
        text = english(code, params)
        assert text and "{" not in text.replace("{item", ""), (code, text)


def test_english_words_come_from_the_table():
    assert str(RuleError("apology_once")) == "an apology with a new appointment may be given only once per dossier"
    exc = ValidationError("phone_digit_count", label="applicant.phone", field="applicant.phone")
    assert str(exc) == "applicant.phone: a phone number has 9 to 11 digits"
    assert exc.code == "phone_digit_count" and exc.field == "applicant.phone" and exc.params["label"] == "applicant.phone"
    assert str(ValidationError("cccd_date_format", field="issue_date")) == "issue date must be 8 digits ddmmyyyy"
    assert str(StaleVersionError()) == "record was changed by someone else; reload and try again"


def test_an_unknown_code_or_a_missing_parameter_still_says_something():
    assert str(ValidationError("not_a_code_yet")) == "not_a_code_yet"
    assert "no ticket" in str(NotFoundError("ticket_not_found"))


@pytest.mark.parametrize(("error", "exit_code"), [
    (ValidationError("received_in_future"), 2),
    (RuleError("apology_once"), 2),
    (NotFoundError("dossier_not_found", code="X"), 2),
    (StaleVersionError(), 2),
    (SchemaMismatchError("schema_outdated", current="0001", head="0005"), 2),
    (StoreError("sqlite_pragmas_failed", found={}), 1),
    (AppError("archive_hash_mismatch", path="x"), 1),
])
def test_exit_codes_come_from_the_class(error, exit_code):
    assert error.exit_code == exit_code


def test_errors_cross_processes_whole():
    for error in (RuleError("ticket_skip_expired", number="A012", limit=30), StaleVersionError(),
                  CatalogErrors(["row 2: 'code' is empty", "row 3: 'code' is empty"])):
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is type(error) and back.code == error.code and back.params == error.params
        assert str(back) == str(error)
    assert pickle.loads(pickle.dumps(CatalogErrors(["a", "b"]))).lines == ["a", "b"]


def test_the_cli_prints_the_english_words_and_the_class_exit_code(tmp_path, capsys):
    from app.cli import main

    assert main(["--db", str(tmp_path / "x.sqlite3"), "--data-dir", str(tmp_path), "db", "upgrade"]) == 0
    capsys.readouterr()
    code = main(["--db", str(tmp_path / "x.sqlite3"), "--data-dir", str(tmp_path), "dossier", "show", "NOPE"])
    err = capsys.readouterr().err
    assert code == 2 and err == "motcua: no dossier with code 'NOPE'\n"
