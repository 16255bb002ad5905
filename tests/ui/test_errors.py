"""The windows' words for the core's error codes: every code has a Vietnamese sentence (and the command line's
English one), parameters fill in, and nothing is recovered from an error's English message."""

from __future__ import annotations

import re

import pytest

from app.cccd import parse_cccd
from app.errors import MESSAGES, RuleError, ValidationError, template_fields
from ui.errors import CODE_TEXTS, FIELD_TEXTS, code_source, error_text, fill

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def sample_params(code: str) -> dict:
    params = {name: f"<{name}>" for name in template_fields(MESSAGES[code])}
    params.setdefault("field", "applicant.phone")
    return params


def test_every_code_has_words_in_both_languages(counter_vi):
    """English from app.errors.MESSAGES (the CLI), Vietnamese through the translator from ui.errors."""
    problems = []
    for code in sorted(MESSAGES):
        if code not in CODE_TEXTS:
            problems.append(f"{code}: no sentence in ui.errors.CODE_TEXTS")
            continue
        error = ValidationError(code, **sample_params(code))
        english = str(error)
        vietnamese = error_text(error)
        if not english or english == code:
            problems.append(f"{code}: no English words")
        if vietnamese == CODE_TEXTS[code]:
            problems.append(f"{code}: {CODE_TEXTS[code]!r} has no Vietnamese translation")
        if PLACEHOLDER.search(vietnamese):
            problems.append(f"{code}: placeholder left in {vietnamese!r}")
    assert not problems, "\n".join(problems)
    assert set(CODE_TEXTS) <= set(MESSAGES), "ui.errors names codes the core does not declare"


def test_a_window_sentence_only_uses_parameters_the_core_gives():
    problems = []
    for code, text in CODE_TEXTS.items():
        extra = set(PLACEHOLDER.findall(text)) - template_fields(MESSAGES.get(code, ""))
        if extra:
            problems.append(f"{code}: {sorted(extra)} are not parameters of the English template")
    for (code, _field), text in FIELD_TEXTS.items():
        assert code in MESSAGES and not PLACEHOLDER.findall(text), code
    assert not problems, "\n".join(problems)


def test_the_words_follow_the_code_not_the_message(counter_vi):
    apology = RuleError("apology_once")
    assert error_text(apology) == "Mỗi hồ sơ chỉ được xin lỗi và hẹn lại một lần."
    skipped = RuleError("ticket_skip_expired", number="A012", limit=30)
    assert error_text(skipped) == "Số A012 đã bị bỏ qua quá 30 phút; công dân cần lấy số mới."
    # A parameter that happens to read like another rule's message changes nothing.
    tricky = ValidationError("field_not_whole", where="applicant.phone only once per dossier")
    assert error_text(tricky) == "Số bản phải là số nguyên từ 0 trở lên."


def test_a_field_picks_its_own_sentence(counter_vi):
    applicant = ValidationError("field_required", label="applicant.full_name", field="applicant.full_name")
    submitter = ValidationError("field_required", label="submitter.full_name", field="submitter.full_name")
    assert error_text(applicant) == "Nhập họ tên chủ hồ sơ."
    assert error_text(submitter) == "Nhập họ tên người nộp hộ."


@pytest.mark.parametrize(("replace", "text"), [
    ((6, "31022020"), "Ngày cấp trên thẻ không hợp lệ."),
    ((3, "31021989"), "Ngày sinh trên thẻ không hợp lệ."),
    ((1, "12345678"), "Số CMND cũ trên thẻ phải có 9 chữ số."),
    ((0, "001289012345"), "Số CCCD không khớp với ngày sinh và giới tính."),
])
def test_a_scanned_card_error_reads_by_code_and_field(counter_vi, replace, text):
    fields = "001089012345|123456789|Nguyễn Văn An|01011989|Nam|Hà Nội|15062021".split("|")
    index, value = replace
    fields[index] = value
    with pytest.raises(ValidationError) as err:
        parse_cccd("|".join(fields))
    assert error_text(err.value) == text


def test_fill_leaves_unknown_placeholders_alone():
    assert fill("Số {number} ở quầy {counter}", {"number": "A1"}) == "Số A1 ở quầy {counter}"
    assert code_source(ValidationError("not_declared")) is None


def test_the_counter_form_judges_its_fields_with_the_core(counter_window):
    """No copy of the validators in the window: each field goes through the core's party parser."""
    form, intake = counter_window.intake_form, counter_window.intake
    form.name_edit.setText("Nguyễn Văn An")
    form.email_edit.setText("an at example.vn")
    form.dob_edit.setText("01/01/2999")
    form.phone_edit.setText("0905 123 456")
    form.id_edit.setText("0010890123")
    form.submitter_toggle.setChecked(True)
    form.sub_name_edit.setText("")
    form.sub_phone_edit.setText("12")
    assert not intake.validate()
    assert form.errors["email"].text() == "Địa chỉ email không hợp lệ."
    assert form.errors["date_of_birth"].text() == "Ngày sinh không hợp lệ."
    assert form.errors["id_number"].text() == "Số CCCD/CMND phải có 9 hoặc 12 chữ số."
    assert form.errors["sub_full_name"].text() == "Nhập họ tên người nộp hộ."
    assert form.errors["sub_phone"].text() == "Số điện thoại không hợp lệ."
    assert not form.errors["phone"].isVisibleTo(form) and not form.errors["full_name"].isVisibleTo(form)
    form.dob_edit.setText("31/02/1990")  # not a date at all: the form's own dd/mm/yyyy reading says so
    assert not intake.validate() and form.errors["date_of_birth"].text() == "Ngày sinh không hợp lệ (dd/mm/yyyy)."
