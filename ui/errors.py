"""The one place that shows errors (conventions §8).

:func:`error_text` turns an exception into one clear Vietnamese sentence (the status bar and tests use it): a
known error by its code (``CODE_TEXTS``, the Vietnamese side of ``app.errors.MESSAGES``), never by its words;
:func:`show_error` puts it in a message box, with the core's English message as detail text for the
technician. An error the application does not expect is logged with its traceback and shown as
"unexpected error, see the log" — never as a traceback dialog. GUI thread only.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import (
    AppError,
    NotFoundError,
    RuleError,
    SchemaMismatchError,
    StaleVersionError,
    StoreError,
    ValidationError,
)
from devices.base import DeviceError

log = logging.getLogger(__name__)

CONTEXT = "errors"

DEVICE_KINDS = {
    "offline": QT_TRANSLATE_NOOP("errors", "The device is disconnected"),
    "paper_out": QT_TRANSLATE_NOOP("errors", "The printer is out of paper"),
    "timeout": QT_TRANSLATE_NOOP("errors", "The device did not answer in time"),
    "cover_open": QT_TRANSLATE_NOOP("errors", "The printer cover is open"),
    "busy": QT_TRANSLATE_NOOP("errors", "The device is busy; please try again"),
    "config": QT_TRANSLATE_NOOP("errors", "The device is not configured correctly; call the technician"),
    "io": QT_TRANSLATE_NOOP("errors", "Reading from or writing to the device failed"),
}

# What each of the core's error codes (``app.errors.MESSAGES``) tells the officer. Several codes may share a
# sentence; ``{name}`` fills in the error's parameter of that name. Every code needs an entry here (the tests
# walk both tables), and every sentence a Vietnamese translation in resources/i18n/motcua_vi.ts.
_INVALID = QT_TRANSLATE_NOOP("errors", "The data entered is not valid.")
_NOT_PERMITTED = QT_TRANSLATE_NOOP("errors", "Your account is not allowed to do this.")
_REASON = QT_TRANSLATE_NOOP("errors", "Please enter the reason.")
_NO_TIME = QT_TRANSLATE_NOOP("errors", "This procedure has no processing time in the catalog: enter the appointment.")
_STALE = QT_TRANSLATE_NOOP("errors", "The dossier was just changed by someone else. Please reload and try again.")
_CORRECTION = QT_TRANSLATE_NOOP("errors", "The correction is not valid.")
_DOB = QT_TRANSLATE_NOOP("errors", "The date of birth is not valid.")
_QUEUE_SERVICE = QT_TRANSLATE_NOOP("errors", "That queue service does not exist.")
_COUNTER_FROM_ONE = QT_TRANSLATE_NOOP("errors", "Counter numbers start at 1.")
_CARD_ISSUE = QT_TRANSLATE_NOOP("errors", "The issue date on the card is not valid.")
_CARD_DOB = QT_TRANSLATE_NOOP("errors", "The date of birth on the card is not valid.")
_CARD_ID = QT_TRANSLATE_NOOP("errors", "The ID number does not match the date of birth and sex.")
_CARD_NAME = QT_TRANSLATE_NOOP("errors", "The name on the card could not be read.")
_CARD_UNREADABLE = QT_TRANSLATE_NOOP("errors", "The QR text could not be read; scan again or type the details.")
_HOURS = QT_TRANSLATE_NOOP("errors", "The center's working hours are not set up correctly; call the technician.")
_PROCESSING = QT_TRANSLATE_NOOP("errors", "The procedure's processing time in the catalog is not valid; call the technician.")
_NO_WORKING_TIME = QT_TRANSLATE_NOOP("errors", "No working time was found in the calendar; call the technician.")
_HOLIDAYS = QT_TRANSLATE_NOOP("errors", "The holiday schedule is not valid; call the technician.")
_LUNAR = QT_TRANSLATE_NOOP("errors", "The date is outside the range of the lunar calendar.")
_READING = QT_TRANSLATE_NOOP("errors", "The number cannot be read aloud.")
_CATALOG = QT_TRANSLATE_NOOP("errors", "The catalog file cannot be read.")
_SETTING = QT_TRANSLATE_NOOP("errors", "A setting is not valid; call the technician.")
_DATABASE = QT_TRANSLATE_NOOP("errors", "The database cannot be used; call the technician.")
_SCHEMA = QT_TRANSLATE_NOOP("errors", "The database belongs to another version of the software; call the technician.")
_CLI = QT_TRANSLATE_NOOP("errors", "The command line was given something it cannot use.")

_PHONE = QT_TRANSLATE_NOOP("errors", "The phone number is not valid.")
_COUNT = QT_TRANSLATE_NOOP("errors", "A number of copies must be a whole number, 0 or more.")
_JSON = QT_TRANSLATE_NOOP("errors", "The file is not valid JSON.")
_DISK_FULL = QT_TRANSLATE_NOOP("errors", "The disk is full: nothing was saved. Free some space or call the technician.")
_STORE = QT_TRANSLATE_NOOP("errors", "The database cannot be opened as configured; call the technician.")
_BACKUP_BROKEN = QT_TRANSLATE_NOOP("errors", "The backup is damaged or is not a motcua backup; nothing was restored.")
_BACKUP_WRITE = QT_TRANSLATE_NOOP("errors", "The backup could not be written (disk full, unplugged or no permission).")
_BACKUP_CENTER = QT_TRANSLATE_NOOP("errors", "The center's database could not be backed up on this computer; call the technician.")

CODE_TEXTS: dict[str, str] = {
    # permissions, store
    "not_permitted": _NOT_PERMITTED,
    "permission_unknown": _NOT_PERMITTED,
    "stale_record": _STALE,
    "stale_dossier": _STALE,
    "psycopg2_unsupported": _DATABASE,
    "database_unsupported": _DATABASE,
    "database_unreachable": QT_TRANSLATE_NOOP("errors", "Cannot connect to the database ({detail}); check the server, the name and the password."),
    "setup_database_incomplete": QT_TRANSLATE_NOOP("errors", "Enter the server, the database name and the user."),
    "setup_round_bad": QT_TRANSLATE_NOOP("errors", "Hand-over round \"{value}\" is not a time such as 09:00."),
    "sqlite_pragmas_failed": _DATABASE,
    "sqlite_on_network_share": QT_TRANSLATE_NOOP("errors", "The database file is on a network share; call the technician."),
    "schema_too_new": _SCHEMA,
    "schema_outdated": _SCHEMA,
    "archive_hash_mismatch": QT_TRANSLATE_NOOP("errors", "An archived file was changed on disk; call the technician."),
    # dossier lifecycle
    "action_unknown": QT_TRANSLATE_NOOP("errors", "This action is not known."),
    "action_not_allowed": QT_TRANSLATE_NOOP("errors", "The dossier's current status does not allow this action."),
    "dossier_not_found": QT_TRANSLATE_NOOP("errors", "No dossier has this code."),
    "backdate_out_of_range": QT_TRANSLATE_NOOP("errors", "The time must lie between the dossier's last event ({last}) and now."),
    "reason_required": _REASON,
    "department_missing": QT_TRANSLATE_NOOP("errors", "Choose the department to transfer the dossier to."),
    "department_not_found": QT_TRANSLATE_NOOP("errors", "That department does not exist."),
    "supplement_items_required": QT_TRANSLATE_NOOP("errors", "List every missing document."),
    "supplement_due_required": _NO_TIME,
    "apology_once": QT_TRANSLATE_NOOP("errors", "An apology with a new appointment may be given only once per dossier."),
    "apology_due_required": QT_TRANSLATE_NOOP("errors", "Enter the new appointment."),
    "apology_no_due": QT_TRANSLATE_NOOP("errors", "This dossier has no appointment to extend."),
    "apology_due_not_later": QT_TRANSLATE_NOOP("errors", "The new appointment must be after the current one ({due})."),
    "apology_due_off_hours": QT_TRANSLATE_NOOP("errors", "The new appointment must fall within working hours."),
    "return_refused_at_intake": QT_TRANSLATE_NOOP("errors", "A dossier refused at intake has no result to return."),
    "return_tracking_required": QT_TRANSLATE_NOOP("errors", "A result sent by post needs the postal tracking number."),
    "return_collector_required": QT_TRANSLATE_NOOP(
        "errors", "Enter the ID number (9 or 12 digits) of the person collecting the result."),
    "correction_empty": QT_TRANSLATE_NOOP("errors", "Nothing was changed."),
    "correction_unknown_fields": _CORRECTION,
    "correction_applicant_not_object": _CORRECTION,
    "correction_submitter_not_object": _CORRECTION,
    "correction_documents_not_list": _CORRECTION,
    "correction_not_object": _CORRECTION,
    # intake and its input
    "on_missing_invalid": _INVALID,
    "received_in_future": QT_TRANSLATE_NOOP("errors", "The time received cannot be in the future."),
    "procedure_inactive": QT_TRANSLATE_NOOP("errors", "This procedure is no longer offered."),
    "procedure_not_found": QT_TRANSLATE_NOOP("errors", "No procedure has this code."),
    "refusal_reason_required": _REASON,
    "documents_missing": QT_TRANSLATE_NOOP("errors", "Required documents are missing."),
    "agency_id_missing": QT_TRANSLATE_NOOP("errors", "The center's agency identifier is not configured; call the technician."),
    "due_required": _NO_TIME,
    "due_not_allowed": QT_TRANSLATE_NOOP("errors", "The appointment of this procedure is computed from the catalog."),
    "due_before_received": QT_TRANSLATE_NOOP("errors", "The appointment cannot be before the time received."),
    "intake_not_object": _INVALID,
    "party_not_object": _INVALID,
    "date_of_birth_invalid": _DOB,
    "date_of_birth_implausible": _DOB,
    "id_number_digit_count": QT_TRANSLATE_NOOP("errors", "The ID number must have 9 or 12 digits."),
    "phone_characters": _PHONE,
    "phone_digit_count": _PHONE,
    "email_not_an_address": QT_TRANSLATE_NOOP("errors", "The e-mail address is not valid."),
    "field_required": QT_TRANSLATE_NOOP("errors", "Fill in this field."),
    "field_not_text": _INVALID,
    "field_too_long": QT_TRANSLATE_NOOP("errors", "Too long: at most {max_len} characters."),
    "field_no_letters_or_digits": QT_TRANSLATE_NOOP("errors", "This field needs letters or digits."),
    "field_no_letters": QT_TRANSLATE_NOOP("errors", "A name needs letters."),
    "field_code_characters": QT_TRANSLATE_NOOP("errors", "A code has only letters A-Z, digits, '.', '-' and '_'."),
    "field_digits_only": QT_TRANSLATE_NOOP("errors", "Only digits are allowed here."),
    "field_control_character": QT_TRANSLATE_NOOP("errors", "The text holds an invisible or control character; type it again."),
    "field_not_whole": _COUNT,
    "field_whole_out_of_range": QT_TRANSLATE_NOOP("errors", "Enter a whole number from {minimum} to {maximum}."),
    "field_not_number": QT_TRANSLATE_NOOP("errors", "Enter a number."),
    "field_number_out_of_range": QT_TRANSLATE_NOOP("errors", "Enter a number from {minimum} to {maximum}."),
    "date_of_birth_format": _DOB,
    "due_at_format": QT_TRANSLATE_NOOP("errors", "The appointment is not a date and time."),
    "received_at_too_early": QT_TRANSLATE_NOOP("errors", "The time received is too far back (at most {max_days} days, not before the center opened)."),
    "documents_too_many": QT_TRANSLATE_NOOP("errors", "Too many documents in one dossier (at most {max})."),
    "choice_invalid": _INVALID,
    "documents_not_list": _INVALID,
    "document_item_missing": QT_TRANSLATE_NOOP("errors", "Each document needs its name or code."),
    "document_item_unknown": QT_TRANSLATE_NOOP("errors", "The document {key} is not in this procedure's checklist."),
    "document_item_ambiguous": QT_TRANSLATE_NOOP("errors", "The document {key} matches several items; choose it by its code."),
    "document_item_twice": QT_TRANSLATE_NOOP("errors", "A document is listed twice."),
    # the ID card's QR code
    "cccd_empty": _CARD_UNREADABLE,
    "cccd_too_long": _CARD_UNREADABLE,
    "cccd_not_utf8": _CARD_UNREADABLE,
    "cccd_control_characters": _CARD_UNREADABLE,
    "cccd_field_count": QT_TRANSLATE_NOOP("errors", "This is not the QR code of an ID card (fields missing)."),
    "cccd_id_length": QT_TRANSLATE_NOOP("errors", "The ID number on the card must have 12 digits."),
    "cccd_id_province": QT_TRANSLATE_NOOP("errors", "The ID number does not start with a known province code."),
    "cccd_old_id_length": QT_TRANSLATE_NOOP("errors", "The old ID number on the card must have 9 digits."),
    "cccd_id_century_sex": _CARD_ID,
    "cccd_id_birth_year": _CARD_ID,
    "cccd_name_empty": _CARD_NAME,
    "cccd_name_digits": _CARD_NAME,
    "cccd_sex_unknown": QT_TRANSLATE_NOOP("errors", "The sex on the card could not be read."),
    "cccd_date_format": _CARD_UNREADABLE,
    "cccd_date_invalid": _CARD_UNREADABLE,
    "cccd_birth_future": _CARD_DOB,
    "cccd_birth_before_1900": _CARD_DOB,
    "cccd_issue_before_birth": _CARD_ISSUE,
    "cccd_issue_future": _CARD_ISSUE,
    # printing
    "form_unknown": QT_TRANSLATE_NOOP("errors", "This form does not exist."),
    "form_cancelled": QT_TRANSLATE_NOOP("errors", "The dossier was cancelled; no form applies."),
    "form_receipt_not_complete": QT_TRANSLATE_NOOP(
        "errors", "The dossier was not taken in complete; print the supplement request or the refusal instead."),
    "form_no_supplement": QT_TRANSLATE_NOOP("errors", "The dossier has no open supplement request."),
    "form_not_refused": QT_TRANSLATE_NOOP("errors", "The dossier was not refused."),
    "form_no_apology": QT_TRANSLATE_NOOP("errors", "The dossier has no apology with a new appointment."),
    "form_not_stopped": QT_TRANSLATE_NOOP("errors", "The dossier's processing was not stopped."),
    "form_no_control_sheet": QT_TRANSLATE_NOOP("errors", "The dossier was never taken in; there is no control sheet."),
    "period_reversed": QT_TRANSLATE_NOOP("errors", "The end date is before the start date."),
    "handover_round_empty": QT_TRANSLATE_NOOP("errors", "This hand-over round handed over no dossier."),
    "handover_round_not_found": QT_TRANSLATE_NOOP("errors", "That hand-over round does not exist."),
    "handover_in_future": QT_TRANSLATE_NOOP("errors", "A hand-over round cannot be recorded in the future."),
    # the queue
    "queue_service_code_invalid": QT_TRANSLATE_NOOP("errors", "A queue service code is 1 to 3 letters."),
    "queue_service_name_required": QT_TRANSLATE_NOOP("errors", "Enter the queue service's name."),
    "queue_service_not_found": _QUEUE_SERVICE,
    "queue_services_not_found": _QUEUE_SERVICE,
    "priority_group_not_found": QT_TRANSLATE_NOOP("errors", "That priority group does not exist."),
    "counter_numbers_from_one": _COUNTER_FROM_ONE,
    "counter_number_invalid": _COUNTER_FROM_ONE,
    "counter_not_found": QT_TRANSLATE_NOOP("errors", "Counter {number} does not exist."),
    "counter_no_ticket": QT_TRANSLATE_NOOP("errors", "This counter is not serving a ticket."),
    "ticket_not_found": QT_TRANSLATE_NOOP("errors", "Ticket {number} does not exist."),
    "ticket_not_skipped": QT_TRANSLATE_NOOP("errors", "Ticket {number} was not skipped."),
    "ticket_skip_expired": QT_TRANSLATE_NOOP(
        "errors", "Ticket {number} was skipped more than {limit} minutes ago; the citizen needs a new ticket."),
    "transfer_target_required": QT_TRANSLATE_NOOP("errors", "Choose a service or a counter to transfer the ticket to."),
    "transfer_same_counter": QT_TRANSLATE_NOOP("errors", "The ticket is already at this counter."),
    "pause_reason_required": _REASON,
    "queue_number_invalid": QT_TRANSLATE_NOOP("errors", "Not a queue number (e.g. A012)."),
    # the calendar: working hours, processing times, holidays, the lunar calendar
    "datetime_invalid": QT_TRANSLATE_NOOP("errors", "Not a valid date and time."),
    "hours_not_object": _HOURS,
    "hours_periods_not_map": _HOURS,
    "hours_periods_key_not_map": _HOURS,
    "hours_unknown_weekday": _HOURS,
    "hours_weekday_twice": _HOURS,
    "hours_weekday_not_list": _HOURS,
    "hours_bad_time": _HOURS,
    "hours_time_zone": _HOURS,
    "hours_period_not_pair": _HOURS,
    "hours_period_reversed": _HOURS,
    "hours_period_overlap": _HOURS,
    "hours_none": _HOURS,
    "hours_per_day_not_number": _HOURS,
    "hours_per_day_out_of_range": _HOURS,
    "processing_time_not_number": _PROCESSING,
    "processing_time_not_finite": _PROCESSING,
    "processing_time_negative": _PROCESSING,
    "processing_days_not_whole": _PROCESSING,
    "processing_unit_unknown": _PROCESSING,
    "no_working_day": _NO_WORKING_TIME,
    "no_working_period": _NO_WORKING_TIME,
    "working_days_invalid": _NO_WORKING_TIME,
    "working_time_not_timedelta": _NO_WORKING_TIME,
    "working_time_negative": _NO_WORKING_TIME,
    "holidays_not_object": _HOLIDAYS,
    "holidays_years_missing": _HOLIDAYS,
    "holidays_bad_year": _HOLIDAYS,
    "holidays_not_a_list": _HOLIDAYS,
    "holidays_unreadable": _HOLIDAYS,
    "holidays_entry_not_object": _HOLIDAYS,
    "holidays_bad_date": _HOLIDAYS,
    "holidays_date_wrong_year": _HOLIDAYS,
    "holidays_entry_bad_kind": _HOLIDAYS,
    "holidays_entry_no_name": _HOLIDAYS,
    "holidays_makeup_not_weekend": _HOLIDAYS,
    "holidays_date_twice": _HOLIDAYS,
    "holidays_file_invalid": _HOLIDAYS,
    "holiday_override_invalid": _HOLIDAYS,
    "day_off_not_a_date": _HOLIDAYS,
    "day_off_bad_kind": _HOLIDAYS,
    "day_off_no_name": _HOLIDAYS,
    "lunar_year_not_integer": _LUNAR,
    "lunar_year_out_of_range": _LUNAR,
    "lunar_not_a_date": _LUNAR,
    "lunar_date_out_of_range": _LUNAR,
    "lunar_month_invalid": _LUNAR,
    "lunar_no_leap_month": _LUNAR,
    "lunar_day_invalid": _LUNAR,
    "lunar_table_no_leap": _LUNAR,
    "lunar_table_month_count": _LUNAR,
    "reading_four_invalid": _READING,
    "reading_zero_tens_invalid": _READING,
    "reading_not_integer": _READING,
    "reading_out_of_range": _READING,
    # catalog, settings, files
    "catalog_format_unsupported": _CATALOG,
    "catalog_not_a_list": _CATALOG,
    "catalog_xlsx_unreadable": _CATALOG,
    "catalog_rows_invalid": QT_TRANSLATE_NOOP("errors", "The catalog file has {count} invalid row(s)."),
    "file_not_found": QT_TRANSLATE_NOOP("errors", "The file does not exist."),
    "json_invalid": _JSON,
    "json_invalid_at": _JSON,
    "json_too_deep": _JSON,
    "file_too_large": QT_TRANSLATE_NOOP("errors", "The file is too large (at most {mb} MB)."),
    "path_is_directory": QT_TRANSLATE_NOOP("errors", "This is a folder, not a file."),
    "file_not_regular": QT_TRANSLATE_NOOP("errors", "This is not an ordinary file."),
    "file_permission_denied": QT_TRANSLATE_NOOP("errors", "No permission to read the file."),
    "file_unreadable": QT_TRANSLATE_NOOP("errors", "The file could not be read."),
    "file_not_utf8": QT_TRANSLATE_NOOP("errors", "The file is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in Excel)."),
    "catalog_too_many_procedures": _CATALOG,
    "catalog_csv_unreadable": _CATALOG,
    "catalog_too_many_rows": _CATALOG,
    "settings_disk_full": _DISK_FULL,
    "disk_full": _DISK_FULL,
    "backup_disk_full": _DISK_FULL,
    "backup_write_failed": _STORE,
    "database_not_sqlite": _STORE,
    "database_foreign": _STORE,
    "database_missing": _STORE,
    "database_read_only": QT_TRANSLATE_NOOP("errors", "The database is read-only on this computer; nothing was saved. Call the technician."),
    "database_opened_read_only": QT_TRANSLATE_NOOP("errors", "The database is read-only on this computer; nothing was saved. Call the technician."),
    "database_is_directory": _STORE,
    "database_unreadable": _STORE,
    "database_not_motcua": _STORE,
    "cli_procedure_no_database": _CLI,
    "print_job_only_as": _CLI,
    "printer_not_configured": QT_TRANSLATE_NOOP("errors", "No printer of that kind is set up on this station."),
    "printer_setting_invalid": QT_TRANSLATE_NOOP("errors", "The printer's setting is not valid; call the technician."),
    "print_content_type_unknown": _CLI,
    "print_job_empty": _CLI,
    "print_copies_invalid": QT_TRANSLATE_NOOP("errors", "Print at least one copy."),
    "print_job_not_found": QT_TRANSLATE_NOOP("errors", "This print job does not exist."),
    "print_job_sending": QT_TRANSLATE_NOOP("errors", "This print job is being sent now."),
    "print_retry_content_pair": _CLI,
    "print_job_wrong_printer": QT_TRANSLATE_NOOP("errors", "That printer cannot print this document."),
    "print_job_not_in_doubt": QT_TRANSLATE_NOOP("errors", "This print job is not waiting for a decision."),
    "printer_unknown": _CLI,
    "print_state_unknown": _CLI,
    "rating_score_invalid": QT_TRANSLATE_NOOP("errors", "The rating key is not on the keypad's scale."),
    "rating_counter_not_found": QT_TRANSLATE_NOOP("errors", "This counter does not exist."),
    "rating_ticket_not_found": QT_TRANSLATE_NOOP("errors", "There is no ticket with this number to rate."),
    "rating_ticket_not_served": QT_TRANSLATE_NOOP("errors", "This ticket has not been served yet."),
    "rating_counter_missing": _CLI,
    "rating_already_given": QT_TRANSLATE_NOOP("errors", "This visit has been rated already: one rating per visit."),
    "fee_exemption_invalid": QT_TRANSLATE_NOOP("errors", "The exemption needs a code, a name, its legal basis and either a percentage or an amount."),
    "fee_exemption_not_found": QT_TRANSLATE_NOOP("errors", "This exemption does not exist or is no longer in use."),
    "fee_stage_invalid": _CLI,
    "fee_amount_unknown": QT_TRANSLATE_NOOP("errors", "The amount of a fee of this dossier is not known: type it in the payment dialog."),
    "fee_amount_fixed": QT_TRANSLATE_NOOP("errors", "This fee's amount is set in the catalog; it cannot be typed."),
    "fee_amount_entered_invalid": QT_TRANSLATE_NOOP("errors", "Type the fee's amount as a whole number of đồng above 0, e.g. 50.000."),
    "fee_means_invalid": QT_TRANSLATE_NOOP("errors", "Choose cash, bank transfer or online payment."),
    "fee_amount_invalid": QT_TRANSLATE_NOOP("errors", "The amount must be a whole number of đồng."),
    "fee_reference_required": QT_TRANSLATE_NOOP("errors", "A transfer or online payment needs its transaction reference."),
    "fee_reference_invalid": QT_TRANSLATE_NOOP("errors", "The transaction reference is too long."),
    "fee_dossier_cancelled": QT_TRANSLATE_NOOP("errors", "This dossier is cancelled: no fee is taken."),
    "fee_item_not_due": QT_TRANSLATE_NOOP("errors", "This fee is not due now."),
    "fee_nothing_due": QT_TRANSLATE_NOOP("errors", "This dossier owes nothing now."),
    "fee_amount_mismatch": QT_TRANSLATE_NOOP("errors", "The amount taken is not the amount due."),
    "fee_receipt_not_found": QT_TRANSLATE_NOOP("errors", "There is no fee receipt with this number."),
    "fee_receipt_none": QT_TRANSLATE_NOOP("errors", "This dossier has no fee receipt in force."),
    "fee_cancel_reason_required": QT_TRANSLATE_NOOP("errors", "Say why the receipt is cancelled."),
    "fee_receipt_cancelled": QT_TRANSLATE_NOOP("errors", "This receipt is cancelled already."),
    "fees_report_own_only": QT_TRANSLATE_NOOP("errors", "You may see only your own drawer."),
    "fee_month_invalid": _CLI,
    "complaint_field_required": QT_TRANSLATE_NOOP("errors", "Fill in the sender's name and the content."),
    "complaint_field_invalid": QT_TRANSLATE_NOOP("errors", "A field of the complaint is not valid."),
    "complaint_not_object": _CLI,
    "complaint_field_unknown": _CLI,
    "complaint_channel_invalid": QT_TRANSLATE_NOOP("errors", "Choose how the complaint came in."),
    "complaint_kind_invalid": QT_TRANSLATE_NOOP("errors", "Choose feedback or proposal."),
    "complaint_department_not_found": QT_TRANSLATE_NOOP("errors", "This department does not exist."),
    "complaint_not_found": QT_TRANSLATE_NOOP("errors", "This complaint does not exist."),
    "complaint_not_open": QT_TRANSLATE_NOOP("errors", "This complaint is answered already; it cannot be routed."),
    "complaint_answer_required": QT_TRANSLATE_NOOP("errors", "Write the answer first."),
    "complaint_already_answered": QT_TRANSLATE_NOOP("errors", "This complaint is answered already."),
    "complaint_informed_via_invalid": QT_TRANSLATE_NOOP("errors", "Choose how the citizen was told."),
    "complaint_not_answered": QT_TRANSLATE_NOOP("errors", "This complaint has no answer to tell yet."),
    "complaint_state_invalid": _CLI,
    "settings_not_toml": _SETTING,
    "settings_unknown": _SETTING,
    "setting_type": _SETTING,
    "center_setting_type": _SETTING,
    "center_setting_unknown": _SETTING,
    "code_issuer_unknown": _SETTING,
    "agency_id_invalid": QT_TRANSLATE_NOOP("errors", "The agency identifier is not valid (e.g. 000.17.22.H56)."),
    "device_unknown": _CLI,
    "device_no_setting": _CLI,
    "device_url_invalid": QT_TRANSLATE_NOOP("errors", "The device address is not valid."),
    "device_not_configured": QT_TRANSLATE_NOOP("errors", "This device is not set up on this station."),
    "device_test_failed": QT_TRANSLATE_NOOP("errors", "The device's self-test failed: {detail}"),
    "diagnostics_not_written": QT_TRANSLATE_NOOP("errors", "The diagnostics file could not be written (disk full or no permission)."),
    "cli_subnet_invalid": _CLI,
    # the command line's own input (never shown in a window, named for completeness)
    "cli_queue_number_invalid": _CLI,
    "cli_counter_invalid": _CLI,
    # users and sign-in
    "signin_failed": QT_TRANSLATE_NOOP("errors", "Wrong user name or password."),
    "signin_locked": QT_TRANSLATE_NOOP("errors", "Too many failed sign-ins: try again in {seconds} seconds."),
    "account_locked": QT_TRANSLATE_NOOP("errors", "This account is locked; ask the administrator."),
    "user_not_found": QT_TRANSLATE_NOOP("errors", "There is no such user."),
    "user_exists": QT_TRANSLATE_NOOP("errors", "This user name is already taken."),
    "users_exist": QT_TRANSLATE_NOOP("errors", "This database already has users: sign in as an administrator."),
    "username_invalid": QT_TRANSLATE_NOOP("errors", "A user name is lower-case letters without accents, digits, '.', '_' or '-'."),
    "user_roles_empty": QT_TRANSLATE_NOOP("errors", "Choose at least one role."),
    "role_unknown": QT_TRANSLATE_NOOP("errors", "Choose at least one role."),
    "password_too_short": QT_TRANSLATE_NOOP("errors", "A password needs at least {min} characters."),
    "password_mismatch": QT_TRANSLATE_NOOP("errors", "The two passwords are not the same."),
    "last_admin": QT_TRANSLATE_NOOP("errors", "The last administrator cannot be locked or lose the administrator role."),
    "user_required": _CLI,
    "first_user_admin": QT_TRANSLATE_NOOP("errors", "The first user must be the administrator."),
    "cli_dates_invalid": _CLI,
    "cli_one_amount_only": _CLI,
    "cli_amount_missing": _CLI,
    "cli_year_out_of_range": _CLI,
    "cli_procedure_no_time": _CLI,
    "cli_date_invalid": _CLI,
    "out_is_directory": _CLI,
    "out_write_failed": QT_TRANSLATE_NOOP("errors", "The file could not be written (disk full or no permission)."),
    "register_range_too_long": QT_TRANSLATE_NOOP("errors", "A register covers at most {max_days} days; print it a year at a time."),
    "backup_manifest_invalid": _BACKUP_BROKEN,
    "backup_manifest_missing": _BACKUP_BROKEN,
    "backup_archive_unreadable": _BACKUP_BROKEN,
    "backup_entry_missing": _BACKUP_BROKEN,
    "backup_entry_unexpected": _BACKUP_BROKEN,
    "backup_entry_corrupt": _BACKUP_BROKEN,
    "backup_database_mismatch": _BACKUP_BROKEN,
    "backup_schema_unknown": QT_TRANSLATE_NOOP("errors", "The backup was made by a newer version of the program; restore it with that version."),
    "backup_restore_postgresql": _CLI,
    "restore_target_not_empty": _CLI,
    "restore_target_not_folder": _CLI,
    "restore_write_failed": _BACKUP_WRITE,
    "backup_out_exists": _CLI,
    "backup_out_failed": _BACKUP_WRITE,
    "pg_dump_not_found": _BACKUP_CENTER,
    "pg_dump_failed": _BACKUP_CENTER,
    "backup_folder_not_set": QT_TRANSLATE_NOOP("errors", "No backup folder is set; call the technician."),
    "backup_folder_missing": QT_TRANSLATE_NOOP("errors", "The backup folder is not there (is the USB disk plugged in?)."),
    "backup_keep_invalid": _SETTING,
    "backup_time_invalid": _SETTING,
    "stored_file_write_failed": QT_TRANSLATE_NOOP("errors", "The scanned or printed file could not be saved (disk full or no permission)."),
    "stored_file_missing": QT_TRANSLATE_NOOP("errors", "A stored file of this dossier is missing; ask the technician to run the file check."),
    "stored_file_corrupt": QT_TRANSLATE_NOOP("errors", "A stored file of this dossier is damaged; ask the technician to run the file check."),
    "attach_not_pdf": QT_TRANSLATE_NOOP("errors", "The document's file must be a PDF."),
    "attach_too_large": QT_TRANSLATE_NOOP("errors", "The document's file is larger than {mb} MB."),
    "attach_no_pages": QT_TRANSLATE_NOOP("errors", "The document has no pages."),
    "color_mode_unknown": _CLI,
    "dossier_item_unknown": QT_TRANSLATE_NOOP("errors", "This dossier has no such document item."),
    "item_not_digitized": QT_TRANSLATE_NOOP("errors", "This document item has not been scanned yet."),
    "gc_grace_too_short": _CLI,
    "pdf_unreadable": QT_TRANSLATE_NOOP("errors", "The file is not a readable PDF."),
    "attach_file_kind": QT_TRANSLATE_NOOP("errors", "Choose one PDF, or JPEG, PNG or TIFF images."),
    "images_unreadable": QT_TRANSLATE_NOOP("errors", "The images could not be read."),
    "scan_dpi_low": QT_TRANSLATE_NOOP("errors", "Digitized papers need {minimum} dpi or more."),
    "scan_pages_invalid": _CLI,
    "scan_request_invalid": _CLI,
    "scanner_failed": QT_TRANSLATE_NOOP("errors", "The scanner does not answer; check its cable and power, or call the technician."),
    "scanner_failed_after": QT_TRANSLATE_NOOP("errors", "The scanner stopped after {pages} page(s); nothing was stored."),
    "scan_no_pages": QT_TRANSLATE_NOOP("errors", "No page was scanned (all blank, or the feeder is empty)."),
    "out_not_a_folder": _CLI,
    "online_dossier_not_found": QT_TRANSLATE_NOOP("errors", "This online dossier does not exist."),
    "online_dossier_handled": QT_TRANSLATE_NOOP("errors", "This online dossier was already handled."),
    "sync_resolution_unknown": QT_TRANSLATE_NOOP("errors", "Choose to keep this station's change or take the province's."),
    "sync_conflict_not_found": QT_TRANSLATE_NOOP("errors", "This sync conflict does not exist."),
    "sync_conflict_resolved": QT_TRANSLATE_NOOP("errors", "This sync conflict was already resolved."),
    "sync_conflict_final": QT_TRANSLATE_NOOP("errors", "The dossier is closed here; the province's status cannot be taken."),
    "sync_url_missing": QT_TRANSLATE_NOOP("errors", "The link to the province is not set up (sync address)."),
    "sync_config_refused": QT_TRANSLATE_NOOP("errors", "The link to the province is set up in a way that is refused (use https)."),
    "sync_busy": QT_TRANSLATE_NOOP("errors", "Another station of the center is syncing now; try again in a moment."),
    "audit_expect_or_province": _CLI,
    "province_head_unreachable": QT_TRANSLATE_NOOP("errors", "The province could not be asked for the audit "
                                                             "chain head; check the link and try again."),
    "sync_retry_what": _CLI,
    "sync_item_not_waiting": QT_TRANSLATE_NOOP("errors", "This item is not waiting to be sent."),
    "password_stdin_needed": _CLI,
    "fault_rate_range": _CLI,
    "sim_unreachable": _CLI,
    "sim_refused": _CLI,
    "sim_status_unknown": _CLI,
    "report_period_kind": _CLI,
    "report_period_too_long": QT_TRANSLATE_NOOP("errors", "A report covers at most {max_days} days."),
    "report_out_kind": QT_TRANSLATE_NOOP("errors", "Reports are saved as .xlsx or .pdf files."),
    "export_reason_required": QT_TRANSLATE_NOOP("errors", "An export of personal data needs a reason (at least {min} characters)."),
}

# A sentence for a code given for one field (``exc.field``, or its last part) rather than the code alone.
FIELD_TEXTS: dict[tuple[str, str], str] = {
    ("field_required", "submitter.full_name"): QT_TRANSLATE_NOOP("errors", "Enter the submitter's full name."),
    ("field_required", "full_name"): QT_TRANSLATE_NOOP("errors", "Enter the applicant's full name."),
    ("field_required", "procedure_code"): QT_TRANSLATE_NOOP("errors", "Choose the procedure."),
    ("cccd_date_format", "date_of_birth"): _CARD_DOB,
    ("cccd_date_invalid", "date_of_birth"): _CARD_DOB,
    ("cccd_date_format", "issue_date"): _CARD_ISSUE,
    ("cccd_date_invalid", "issue_date"): _CARD_ISSUE,
    ("cccd_control_characters", "full_name"): _CARD_NAME,
}

_PARAM = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def code_source(exc: AppError) -> str | None:
    """The untranslated sentence for ``exc``'s code (and field), or None when the code has none."""
    field = exc.field or ""
    return (FIELD_TEXTS.get((exc.code, field)) or FIELD_TEXTS.get((exc.code, field.rpartition(".")[2]))
            or CODE_TEXTS.get(exc.code))


def fill(text: str, params: dict) -> str:
    """Put the error's parameters into ``{name}`` placeholders (a missing one stays as it is)."""
    return _PARAM.sub(lambda m: str(params[m.group(1)]) if m.group(1) in params else m.group(0), text)


def _is_database_error(exc: BaseException) -> bool:
    try:
        from sqlalchemy.exc import DBAPIError, TimeoutError as PoolTimeout
    except ImportError:  # pragma: no cover - sqlalchemy is a dependency
        return False
    return isinstance(exc, (DBAPIError, PoolTimeout))


def is_expected(exc: BaseException) -> bool:
    """Errors the application knows how to explain (no traceback needed in the log)."""
    return isinstance(exc, (AppError, DeviceError))


def error_text(exc: BaseException) -> str:
    """One Vietnamese sentence (through the translator) that tells the officer what went wrong."""
    if isinstance(exc, AppError):
        source = code_source(exc)
        if source is not None:
            return fill(QCoreApplication.translate(CONTEXT, source), exc.params)
        log.warning("no words for error code %r", exc.code)
    if isinstance(exc, StaleVersionError):
        return QCoreApplication.translate(CONTEXT, _STALE)
    if isinstance(exc, NotFoundError):
        return QCoreApplication.translate("errors", "Not found: the dossier or item asked for does not exist.")
    if isinstance(exc, RuleError):
        return QCoreApplication.translate("errors", "This cannot be done under the rules.")
    if isinstance(exc, ValidationError):
        return QCoreApplication.translate(CONTEXT, _INVALID)
    if isinstance(exc, SchemaMismatchError):
        return QCoreApplication.translate(CONTEXT, _SCHEMA)
    if isinstance(exc, StoreError):
        return QCoreApplication.translate(CONTEXT, _DATABASE)
    if isinstance(exc, DeviceError):
        return QCoreApplication.translate(CONTEXT, DEVICE_KINDS.get(exc.kind, DEVICE_KINDS["io"]))
    if isinstance(exc, AppError):
        return QCoreApplication.translate("errors", "The operation could not be completed.")
    if _is_database_error(exc):
        return QCoreApplication.translate("errors", "Cannot reach the database. Check the network connection and try again.")
    return QCoreApplication.translate("errors", "An unexpected error occurred. The details were written to the log.")


def error_detail(exc: BaseException) -> str:
    """The core's own message (English, for the technician); empty for unexpected errors."""
    if isinstance(exc, DeviceError):
        return f"{exc.device}: {exc.kind}: {exc.message}"
    if is_expected(exc):
        return str(exc)
    return ""


def show_error(exc: BaseException, *, parent: QWidget | None) -> QMessageBox:
    """Show ``exc`` in a non-blocking message box (GUI thread) and return the box.

    Unknown errors are logged with their traceback first; known ones only by class, since their messages
    may hold personal data.
    """
    if is_expected(exc):
        log.info("shown to the user: %s", type(exc).__name__)
    else:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    box = QMessageBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("errorBox")
    box.setWindowTitle(QCoreApplication.translate("errors", "Error"))
    box.setIcon(QMessageBox.Icon.Warning if is_expected(exc) else QMessageBox.Icon.Critical)
    box.setText(error_text(exc))
    if not is_expected(exc) and not _is_database_error(exc):
        box.setInformativeText(QCoreApplication.translate("errors", "If it happens again, tell the technician the time it happened."))
    detail = error_detail(exc)
    if detail:
        box.setDetailedText(detail)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box
