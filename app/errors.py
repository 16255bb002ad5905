"""One error tree for the whole application, and the one table of what its errors mean.

Errors that cross rooms carry a **code** and **parameters**, never prose to be matched: the core raises
``RuleError("apology_once")`` or ``ValidationError("phone_invalid", party="applicant", phone=..., field=...)``;
the command line prints the English rendering from :data:`MESSAGES` (:func:`english`), the windows choose
Vietnamese words for the same code in ``ui/errors.py``. ``str(exc)`` is the English rendering, for logs and
the technician.

Adding an error: add one line to :data:`MESSAGES` (code → English template with ``{param}`` fields), raise it
with the parameters the template names, and add the code's Vietnamese text to ``ui/errors.py`` (the tests walk
every code in both tables and every raise site in ``app/``).

Exit codes of the command line come from the class (``exit_code``): 2 for bad input, a refused rule and a
schema on another revision; 1 for anything else.
"""

from __future__ import annotations

import string
from typing import Any

# code -> English template. One entry per code; grouped by the module that raises it.
MESSAGES: dict[str, str] = {
    # --- store, shared
    "stale_record": "record was changed by someone else; reload and try again",
    "catalog_rows_invalid": "the catalog has {count} bad row(s)",
    "permission_unknown": "no permission named {permission!r}",
    # --- actors.py
    "not_permitted": "{username} ({role}) may not do this ({permission}); needs one of: {roles}",
    # --- catalog_io.py
    "catalog_format_unsupported": "{path}: unsupported catalog format {suffix}; use .json, .csv or .xlsx",
    "catalog_not_a_list": "{path}: expected a JSON list of procedures",
    "catalog_xlsx_unreadable": "{path}: not a readable XLSX file: {exc}",
    "file_not_found": "{path}: no such file",
    # --- cccd.py
    "cccd_birth_before_1900": "date of birth is before 1900",
    "cccd_birth_future": "date of birth is in the future",
    "cccd_control_characters": "{field_en} contains control characters",
    "cccd_date_format": "{field_en} must be 8 digits ddmmyyyy",
    "cccd_date_invalid": "{field_en} is not a real calendar date",
    "cccd_empty": "QR text is empty",
    "cccd_field_count": "expected 7 fields separated by '|', found {count}",
    "cccd_id_birth_year": "ID number's birth-year digits do not match the date of birth",
    "cccd_id_century_sex": "ID number's century/sex digit does not match the date of birth and sex",
    "cccd_id_length": "ID number must be exactly 12 digits",
    "cccd_id_province": "ID number does not start with a known province code",
    "cccd_issue_before_birth": "issue date is before the date of birth",
    "cccd_issue_future": "issue date is in the future",
    "cccd_name_digits": "full name must be letters, not digits",
    "cccd_name_empty": "full name is empty",
    "cccd_not_utf8": "QR text is not valid UTF-8",
    "cccd_old_id_length": "old ID number must be exactly 9 digits or empty",
    "cccd_sex_unknown": "sex must be Nam or Nữ",
    "cccd_too_long": "QR text is too long to be an ID card",
    # --- cli/dossier.py
    "correction_not_object": "the correction file must hold a JSON object",
    # --- services/users.py, cli/users.py (users and sign-in)
    "signin_failed": "wrong user name or password",
    "signin_locked": "too many failed sign-ins: try again in {seconds} s",
    "account_locked": "this account is locked; ask the administrator",
    "user_not_found": "no user {username!r}",
    "user_exists": "user {username!r} already exists",
    "users_exist": "this database already has users: sign in as an administrator to add one",
    "first_user_admin": "the first user of a database must be an administrator (--role admin)",
    "username_invalid": "{username!r} is not a user name (lower-case letters, digits, '.', '_', '-'; up to 60)",
    "user_roles_empty": "give the user at least one role",
    "role_unknown": "unknown role {role!r}; use one of: {roles}",
    "password_too_short": "a password needs at least {min} characters",
    "password_mismatch": "the two passwords are not the same",
    "last_admin": "the last administrator cannot be locked or lose the admin role",
    "user_required": "this database has users: name one with --user NAME (or MOTCUA_USER) and give the password on stdin or in MOTCUA_PASSWORD",
    # --- cli/prints.py
    "cli_counter_invalid": "--counter must be 1 or more",
    "cli_dates_invalid": "--from and --to take dates as YYYY-MM-DD",
    "cli_queue_number_invalid": "--number {number!r} is not a queue number like A012",
    "queue_service_not_found": "no queue service {code!r}",
    # --- cli/reference.py
    "cli_amount_missing": "give --working-days, --working-hours, --days, --same-day or --procedure",
    "cli_date_invalid": "not a date (YYYY-MM-DD): {date!r}",
    "cli_one_amount_only": "give only one of --working-days, --working-hours, --days, --same-day",
    "cli_procedure_no_time": "procedure {procedure} has no processing time in the catalog; give an amount",
    "cli_year_out_of_range": "--year must be between 1900 and 2199",
    "holidays_file_invalid": "{path}: expected a JSON object with 'years'",
    # --- codes.py
    "agency_id_invalid": "agency identifier {value!r} is not of the form V1V2V3.Z1Z2.Y1Y2.MX1X2 (e.g. 000.17.22.H56)",
    "code_issuer_unknown": "unknown dossier code issuer {name!r}; known: {known}",
    # --- holidays.py
    "day_off_bad_kind": "day off {date}: bad kind {kind!r}",
    "day_off_no_name": "day off {date}: missing name",
    "day_off_not_a_date": "day off: not a date: {date!r}",
    "holiday_override_invalid": "holiday override is not a DayOff: {entry!r}",
    "holidays_bad_date": "{here}: bad date {text!r}",
    "holidays_bad_year": "{where}: the key must be a four-digit year",
    "holidays_date_twice": "{here}: date {text} is listed twice",
    "holidays_date_wrong_year": "{here}: date {text} is not in year {key}",
    "holidays_entry_bad_kind": "{here}: bad kind {kind!r} (expected one of {known})",
    "holidays_entry_no_name": "{here}: missing name",
    "holidays_entry_not_object": "{here}: expected an object",
    "holidays_makeup_not_weekend": "{here}: make-up workday {text} is not a Saturday or Sunday",
    "holidays_not_a_list": "{where}: expected a list of entries",
    "holidays_not_object": "holiday schedule: expected an object with a 'years' key",
    "holidays_unreadable": "cannot read holiday schedule {path}: {exc}",
    "holidays_years_missing": "holiday schedule: missing or invalid 'years' object",
    # --- lifecycle.py
    "action_not_allowed": "cannot {verb} a dossier that is {status_label} (allowed when: {allowed})",
    "action_unknown": "unknown action {action!r}",
    # --- lunar.py
    "lunar_date_out_of_range": "date {date} is outside the supported range",
    "lunar_day_invalid": "lunar month {label}/{year} has {length} days; day {day!r} does not exist",
    "lunar_month_invalid": "lunar month must be 1-12, got {month!r}",
    "lunar_no_leap_month": "lunar year {year} has no leap month {month}",
    "lunar_not_a_date": "not a date: {value!r}",
    "lunar_table_month_count": "lunar calendar: {count} months after month 11 of {year}",
    "lunar_table_no_leap": "lunar calendar: no leap month found after month 11 of {year}",
    "lunar_year_not_integer": "lunar year must be an integer, got {year!r}",
    "lunar_year_out_of_range": "lunar year {year} is outside the supported range {min_year}-{max_year}",
    # --- numbers_vi.py
    "counter_number_invalid": "a counter number must be a positive integer",
    "queue_number_invalid": "a queue number is up to 3 letters followed by 1 to 6 digits",
    "reading_four_invalid": "four_as must be 'tư' or 'bốn'",
    "reading_not_integer": "the number to read must be an integer",
    "reading_out_of_range": "the number to read must be between 0 and 999 999 999 999 999",
    "reading_zero_tens_invalid": "zero_tens must be 'linh' or 'lẻ'",
    # --- services/archive.py
    "archive_hash_mismatch": "archived file {path} does not match its recorded hash",
    # --- services/catalog.py
    "procedure_not_found": "no procedure with code {code!r}",
    # --- services/center.py
    "center_setting_type": "center setting {key}: expected {expected}, got {got}",
    "center_setting_unknown": "unknown center setting {key!r}",
    # --- services/dossier_actions.py
    "apology_due_not_later": "the new appointment must be after the current one ({due})",
    "apology_due_off_hours": "the new appointment {due} is not within working hours",
    "apology_due_required": "an apology needs the new appointment (--new-due)",
    "apology_no_due": "this dossier has no appointment to extend",
    "apology_once": "an apology with a new appointment may be given only once per dossier",
    "backdate_out_of_range": "--at must lie between the dossier's last event ({last}) and now",
    "correction_applicant_not_object": "applicant: expected an object with the fields to change",
    "correction_documents_not_list": "documents: expected a list of {{item, originals, certified_copies, photocopies}}",
    "correction_empty": "nothing to correct: give the new applicant data or document counts (--file)",
    "correction_submitter_not_object": "submitter: expected an object, or null to remove the submitter",
    "correction_unknown_fields": "cannot correct {fields}; correctable: {correctable}",
    "department_missing": "procedure {code} has no department; give --department",
    "department_not_found": "no department named {name!r}",
    "document_item_missing": "documents[{i}]: needs an 'item' (code or name)",
    "reason_required": "{what} needs a reason (--reason)",
    "return_collector_required": "record who collected the result: --collector-id with 9 or 12 digits",
    "return_refused_at_intake": "a dossier refused at intake was never taken in; there is no result to return",
    "return_tracking_required": "a result sent by post needs the tracking number (--tracking)",
    "stale_dossier": "dossier {code} was changed by someone else; reload and try again",
    "supplement_due_required": "this procedure has no processing time in the catalog; give --new-due",
    "supplement_items_required": "a supplement request lists every missing item (--items CODE,...)",
    # --- services/dossier_events.py
    "dossier_not_found": "no dossier with code {code!r}",
    # --- services/dossier_input.py
    "choice_invalid": "{key} must be one of {allowed}, not {value!r}",
    "date_of_birth_implausible": "{party}.date_of_birth: {dob} is not a plausible birth date",
    "date_of_birth_invalid": "{party}.date_of_birth: not a date (YYYY-MM-DD): {dob!r}",
    "documents_not_list": "documents must be a list",
    "intake_not_object": "the dossier file must hold a JSON object",
    "party_not_object": "{party}: expected an object",
    # --- services/dossier_rules.py
    "document_item_ambiguous": "document item {key!r} matches several items of {procedure_code}; use its code",
    "document_item_twice": "document item {code} is listed twice",
    "document_item_unknown": "procedure {procedure_code} has no document item {key!r}",
    # --- services/handover.py
    "handover_in_future": "a hand-over round cannot be recorded in the future",
    "handover_round_not_found": "no hand-over round {round_id}",
    # --- services/intake.py
    "agency_id_missing": "the center's agency identifier is not configured (center.agency_id)",
    "documents_missing": "required documents missing: {missing} (request a supplement or refuse instead)",
    "due_before_received": "the appointment cannot be before the time received",
    "due_not_allowed": "the appointment is computed from the catalog; due_at may only be given when it has no processing time",
    "due_required": "procedure {code} has no processing time in the catalog; give the appointment (due_at)",
    "on_missing_invalid": "--on-missing must be one of {allowed}",
    "procedure_inactive": "procedure {code} is no longer offered",
    "received_in_future": "the time received cannot be in the future",
    "refusal_reason_required": "a refusal needs a reason (--reason)",
    # --- services/print_data.py
    "form_cancelled": "dossier {code} was cancelled; no form applies",
    "form_no_apology": "dossier {code} has no apology and new appointment",
    "form_no_control_sheet": "dossier {code} was never taken in; there is no control sheet",
    "form_no_supplement": "dossier {code} has no open supplement request",
    "form_not_refused": "dossier {code} was not refused",
    "form_not_stopped": "dossier {code} was not stopped",
    "form_receipt_not_complete": "dossier {code} was not taken in complete; print the supplement or refusal form",
    "form_unknown": "unknown form {form!r}",
    "handover_round_empty": "hand-over round {round_id} handed over nothing",
    "period_reversed": "--to is before --from",
    # --- services/queue.py
    "counter_no_ticket": "counter {number} has no current ticket",
    "counter_not_found": "no counter {number}",
    "counter_numbers_from_one": "counter numbers start at 1",
    "pause_reason_required": "pausing a counter needs a reason",
    "priority_group_not_found": "no priority group {priority!r} (known: {known})",
    "queue_service_code_invalid": "service code {code!r} must be 1-3 letters",
    "queue_service_name_required": "a queue service needs a name",
    "queue_services_not_found": "no queue service {codes}",
    "ticket_not_found": "no ticket {number!r}",
    "ticket_not_skipped": "ticket {number} was not skipped (it is {status})",
    "ticket_skip_expired": "ticket {number} was skipped more than {limit} minutes ago; take a new ticket",
    "transfer_same_counter": "the ticket is already at this counter",
    "transfer_target_required": "give exactly one of --to-service or --to-counter",
    # --- settings.py
    "setting_type": "setting {key}: expected {expected}, got {value!r}",
    "settings_not_toml": "{path}: not valid TOML: {exc}",
    "settings_unknown": "{path}: unknown setting(s): {keys}",
    # --- store/engine.py
    # --- services/setup.py (the first-run wizard)
    "database_unreachable": "cannot connect to the database: {detail}",
    "setup_database_incomplete": "the server, the database name and the user are all needed",
    "setup_round_bad": "hand-over round {value!r} is not a time of day HH:MM",
    "database_unsupported": "unsupported database: {backend} (use a SQLite path or postgresql://)",
    "psycopg2_unsupported": "psycopg2 is not supported; use postgresql+psycopg:// (psycopg 3)",
    "sqlite_on_network_share": "refusing a SQLite database on a network share ({path}); use a local disk, or a PostgreSQL server for several stations",
    "sqlite_pragmas_failed": "SQLite settings did not take effect: {found}",
    # --- store/migrate.py
    "schema_outdated": "the database schema is at revision {current} but this version needs {head}; run 'motcua db upgrade' (once, from one station) and restart",
    "schema_too_new": "the database is at schema revision {current}, written by a newer version of motcua; install that version (this one understands up to {head})",
    # --- workcal.py
    "datetime_invalid": "not a date-time: {value!r}",
    "hours_bad_time": "working hours: {where}: bad time {value!r}",
    "hours_none": "working hours: no working period on any weekday",
    "hours_not_object": "working hours: expected an object",
    "hours_per_day_not_number": "working hours: hours_per_day must be a number, got {hours!r}",
    "hours_per_day_out_of_range": "working hours: hours_per_day must be in (0, 24], got {hours!r}",
    "hours_period_not_pair": "working hours: {where}: expected a [start, end] pair",
    "hours_period_overlap": "working hours: {where} ({start}-{end}) overlaps or precedes the previous period; list periods in order without overlap",
    "hours_period_reversed": "working hours: {where}: start {start} is not before end {end}",
    "hours_periods_key_not_map": "working hours: 'periods' must map weekdays to lists of periods",
    "hours_periods_not_map": "working hours: periods must map weekdays to lists of periods",
    "hours_time_zone": "working hours: {where}: times must not carry a time zone",
    "hours_unknown_weekday": "working hours: unknown weekday {key!r} (expected one of {known})",
    "hours_weekday_not_list": "working hours: {weekday}: expected a list of periods",
    "hours_weekday_twice": "working hours: weekday {weekday} listed twice",
    "no_working_day": "no working day within {days} days after {date}",
    "no_working_period": "no working period within {days} days after {time}",
    "processing_days_not_whole": "a count of calendar days must be a whole number, got {amount!r}",
    "processing_time_negative": "processing time must not be negative, got {amount!r}",
    "processing_time_not_finite": "processing time must be finite, got {amount!r}",
    "processing_time_not_number": "processing time must be a number, got {amount!r}",
    "processing_unit_unknown": "unknown processing time unit {unit!r} (expected one of {known})",
    "working_days_invalid": "number of working days must be a non-negative integer, got {n!r}",
    "working_time_negative": "working time must not be negative, got {amount}",
    "working_time_not_timedelta": "working time must be a timedelta, got {amount!r}",
    # --- input rules (fields.py), files, stores
    "field_not_text": "{label}: must be text",
    "field_too_long": "{label}: longer than {max_len} characters",
    "field_no_letters_or_digits": "{label}: has no letters or digits",
    "field_no_letters": "{label}: has no letters",
    "field_code_characters": "{label}: only letters A-Z, digits, '.', '-' and '_' are allowed",
    "phone_characters": "{label}: only digits, spaces, '+', '-', '.' and brackets are allowed",
    "phone_digit_count": "{label}: a phone number has 9 to 11 digits",
    "field_digits_only": "{label}: only digits are allowed",
    "id_number_digit_count": "{label}: must have 9 or 12 digits",
    "email_not_an_address": "{label}: not an e-mail address",
    "field_not_whole": "{where}: must be a whole number",
    "field_whole_out_of_range": "{where}: must be a whole number from {minimum} to {maximum}",
    "field_not_number": "{where}: must be a number",
    "field_number_out_of_range": "{where}: must be a number from {minimum} to {maximum}",
    "file_too_large": "{path}: larger than {mb} MB",
    "field_control_character": "{where}: has a control or invisible character (U+{codepoint})",
    "field_required": "{label} is required",
    "path_is_directory": "{path}: is a directory, not a {what}",
    "file_not_regular": "{path}: not a regular file",
    "file_permission_denied": "{path}: permission denied",
    "file_unreadable": "{path}: cannot be read ({reason})",
    "file_not_utf8": "{where}: not UTF-8 text (byte {byte}); save the file as UTF-8 (CSV UTF-8 in Excel)",
    "json_invalid_at": "{where}: not valid JSON (line {lineno}, column {colno})",
    "json_too_deep": "{where}: JSON nested too deeply",
    "json_invalid": "{where}: not valid JSON ({detail})",
    "catalog_too_many_procedures": "{where}: more than {max_rows} procedures",
    "catalog_csv_unreadable": "{where}: not a readable CSV file (line {line_num}: {exc})",
    "catalog_too_many_rows": "{path}: more than {max_rows} rows",
    "cli_procedure_no_database": "procedure {procedure}: there is no database to look it up in ({db_url})",
    "date_of_birth_format": "{where}.date_of_birth: not a date (YYYY-MM-DD)",
    "due_at_format": "due_at: not a date-time (YYYY-MM-DDTHH:MM)",
    "received_at_too_early": "--received-at: must be on or after {earliest} (at most {max_days} days back, not before the center opened)",
    "settings_disk_full": "{path}: the disk is full; the settings were not saved",
    "database_not_sqlite": "{path} is not a motcua database (not an SQLite file)",
    "database_foreign": "{path} is not a motcua database (it belongs to another application)",
    "database_missing": "no motcua database at {path}",
    "disk_full": "the disk is full: free some space and try again (nothing was saved)",
    "database_read_only": "the database is read-only here (a read-only disk or folder): nothing was saved",
    "database_is_directory": "{path} is a directory, not a database file",
    "database_unreadable": "{path}: cannot be read ({strerror})",
    "database_not_motcua": "{path} is not a motcua database ({exc})",
    "documents_too_many": "documents: more than {max} papers",
    "backup_disk_full": "the disk is full: no room for the backup before the upgrade (nothing was changed)",
    "backup_write_failed": "cannot write the backup before the upgrade: {exc}",
    "database_opened_read_only": "this database was opened read-only",
    # --- print queue, ratings
    "print_job_only_as": "print job {job} ({kind}) exists only as {content_type}",
    "printer_not_configured": "no printer set for devices.{printer}",
    "printer_setting_invalid": "devices.{printer}: {message}",
    "print_content_type_unknown": "content type must be one of {known}, not {content_type!r}",
    "print_job_empty": "an empty print job",
    "print_copies_invalid": "copies must be 1 or more",
    "print_job_not_found": "no print job {job_id}",
    "print_job_sending": "print job {job_id} is being sent now",
    "print_retry_content_pair": "give both the new content type and its bytes, or neither",
    "print_job_wrong_printer": "printer {printer!r} takes {takes}, job {job_id} is {content_type}",
    "print_job_not_in_doubt": "print job {job_id} is not waiting for a decision",
    "printer_unknown": "unknown printer {printer!r} (one of {known})",
    "print_state_unknown": "unknown state(s): {states}",
    "rating_score_invalid": "score {score} is not on a {scale}-key scale",
    "rating_counter_not_found": "counter {counter} does not exist",
    "rating_ticket_not_found": "no ticket {ticket} to rate",
    "rating_ticket_not_served": "ticket {ticket} has not been served at a counter yet",
    "rating_counter_missing": "say which counter, ticket or dossier is rated",
    "rating_already_given": "{what} has been rated already: one rating per visit",
    # --- services/fees.py
    "fee_exemption_invalid": "exemption {code!r}: give a code, a name, the legal basis and either a percent (1-100) or a fixed amount",
    "fee_exemption_not_found": "no active exemption {exemption!r}",
    "fee_stage_invalid": "stage must be intake or return, not {stage!r}",
    "fee_amount_unknown": "the amount of fee {name!r} is not known: enter it (amounts) or correct the dossier's fees",
    "fee_amount_fixed": "fee {name!r} has its amount in the catalog; it is not entered at the counter",
    "fee_amount_entered_invalid": "the amount entered for fee {name!r} must be a whole number of đồng above 0",
    "fee_means_invalid": "means must be one of {known}, not {means!r}",
    "fee_amount_invalid": "the amount must be a whole number of đồng, 0 or more (got {amount!r})",
    "fee_reference_required": "a {means} payment needs its reference (transaction code)",
    "fee_reference_invalid": "the reference is longer than 80 characters",
    "fee_dossier_cancelled": "dossier {code} is cancelled: no fee is taken",
    "fee_item_not_due": "fee item {position} of this dossier is not due now",
    "fee_nothing_due": "dossier {code} owes nothing now",
    "fee_amount_mismatch": "the amount {amount} đồng is not what is due ({due} đồng)",
    "fee_receipt_not_found": "no fee receipt {receipt!r}",
    "fee_receipt_none": "dossier {code} has no fee receipt in force",
    "fee_cancel_reason_required": "say why the receipt is cancelled (--reason)",
    "fee_receipt_cancelled": "receipt {receipt} is cancelled already",
    "fees_report_own_only": "{username} may see only their own drawer",
    "fee_month_invalid": "month must be 1-12, not {month}",
    # --- services/complaints.py
    "complaint_field_required": "complaint: {field} is required",
    "complaint_field_invalid": "complaint: {field} is not valid",
    "complaint_not_object": "the complaint file must hold a JSON object",
    "complaint_field_unknown": "complaint: unknown field(s) {fields}",
    "complaint_channel_invalid": "channel must be one of {known}, not {channel!r}",
    "complaint_kind_invalid": "kind must be one of {known}, not {kind!r}",
    "complaint_department_not_found": "no department {department!r}",
    "complaint_not_found": "no complaint {complaint!r}",
    "complaint_not_open": "complaint {complaint} is answered already; it cannot be routed",
    "complaint_answer_required": "the answer is empty",
    "complaint_already_answered": "complaint {complaint} is answered already",
    "complaint_informed_via_invalid": "via must be one of {known}, not {via!r}",
    "complaint_not_answered": "complaint {complaint} has no answer to tell yet",
    "complaint_state_invalid": "state must be one of {known}, not {state!r}",
    # --- services/device_setup.py, cli/devices.py
    "device_unknown": "no device named {name!r} (one of {known})",
    "device_no_setting": "{name} has no address to set",
    "device_url_invalid": "devices.{name}: {url!r}: {message}",
    "device_not_configured": "devices.{name} is not set on this station",
    "device_test_failed": "{name}: the self-test failed: {detail}",
    "diagnostics_not_written": "cannot write the diagnostics {path}: {exc}",
    "cli_subnet_invalid": "--subnet {subnet!r}: {message}",
    # --- cli/output.py
    "out_is_directory": "--out {path!r} is a directory; give a file name",
    "out_write_failed": "cannot write --out {path}: {reason}",
    # --- printing data
    "register_range_too_long": "a register covers at most {max_days} days ({days} asked); print it a year at a time",
    # --- backups (backup.py, backup_manifest.py, services/backups.py, cli/backup.py)
    "backup_manifest_invalid": "the backup's manifest is not valid: {reason}",
    "backup_manifest_missing": "{path} has no manifest.json: it is not a motcua backup",
    "backup_archive_unreadable": "{path} is not a readable backup archive ({reason})",
    "backup_entry_missing": "the backup lacks {entry}, which its manifest lists",
    "backup_entry_unexpected": "the backup holds {entry}, which its manifest does not list",
    "backup_entry_corrupt": "{entry} in the backup is damaged (its size or SHA-256 differs from the manifest)",
    "backup_schema_unknown": "the backup is of schema revision {revision}, which this program (at {head}) does not know: restore it with a newer motcua",
    "backup_database_mismatch": "the backup's database does not match its manifest ({reason})",
    "backup_restore_postgresql": "this is a PostgreSQL backup: restore its dump with pg_restore (see docs/backup.md)",
    "restore_target_not_empty": "{path} already holds a database or stored files: restore into a new data dir, or pass --replace to move them aside",
    "restore_target_not_folder": "{path} is not a folder",
    "restore_write_failed": "cannot write the restored data dir {path}: {reason}",
    "backup_out_exists": "{path} exists already: give a new file name or a folder",
    "backup_out_failed": "cannot write the backup {path}: {reason}",
    "pg_dump_not_found": "pg_dump is not on PATH: install the PostgreSQL client tools, or follow docs/backup.md",
    "pg_dump_failed": "pg_dump failed: {reason}",
    "backup_folder_not_set": "no backup folder is set (station setting backup.folder)",
    "backup_folder_missing": "the backup folder {path} is not there (is the USB disk plugged in?)",
    "backup_keep_invalid": "backup.keep must be from 1 to 365, not {keep}",
    "backup_time_invalid": "backup.time must be HH:MM, not {value!r}",
    # --- files (filestore.py, services/files.py, cli/files.py)
    "stored_file_write_failed": "cannot write the stored file {name}…: {reason}",
    "stored_file_missing": "stored file {digest}… is missing",
    "stored_file_corrupt": "stored file {digest}… is damaged",
    "attach_not_pdf": "the item's file must be a PDF",
    "attach_too_large": "the item's file is larger than {mb} MB",
    "attach_no_pages": "the item's file has no pages",
    "color_mode_unknown": "colour mode must be one of {known}",
    "dossier_item_unknown": "dossier {code} has no document item {item!r}",
    "item_not_digitized": "item {item!r} of {code} is not digitized",
    "gc_grace_too_short": "--older-than must be at least 1 day: files are never collected at once",
    "pdf_unreadable": "{path}: not a readable PDF",
    "attach_file_kind": "{path}: give one PDF, or JPEG/PNG/TIFF images",
    "images_unreadable": "cannot read the images: {exc}",
    "scan_dpi_low": "--dpi {dpi}: digitized papers need {minimum} dpi or more",
    "scan_pages_invalid": "--pages must be at least 1",
    "scan_request_invalid": "the scan request is not valid: {reason}",
    "scanner_failed": "scanner {scanner}: {kind}: {message}",
    "scanner_failed_after": "scanner {scanner}: {kind} after {pages} page(s): {message}; nothing stored",
    "scan_no_pages": "scanner {scanner}: no page scanned (all blank or the feeder empty)",
    "out_not_a_folder": "--out {path}: not a folder",
    # --- personal data (services/privacy.py)
    "export_reason_required": "an export of personal data needs a reason (at least {min} characters)",
    # --- sync (services/province.py, cli/sync.py)
    "online_dossier_not_found": "no online dossier {code!r}",
    "online_dossier_handled": "online dossier {code} was already handled ({status})",
    "sync_resolution_unknown": "unknown resolution; known: {known}",
    "sync_conflict_not_found": "no sync conflict {id}",
    "sync_conflict_resolved": "sync conflict {id} was already resolved ({resolution})",
    "sync_conflict_final": "dossier {code} is {status} here: the province's status cannot be taken",
    "sync_url_missing": "no provincial sync URL: set the center setting sync.url or give --url",
    "sync_config_refused": "the provincial link is refused: {reason}",
    "sync_busy": "another sync worker of this center is running",
    "audit_expect_or_province": "give --expect or --province, not both",
    "province_head_unreachable": "the province could not be asked for the audit chain head: {kind}",
    "sync_retry_what": "give an item id or --all",
    "sync_item_not_waiting": "no outbox item {item} waiting",
    "password_stdin_needed": "give the password on stdin with --password-stdin",
    "fault_rate_range": "--fault-rate must be between 0 and 1",
    "sim_unreachable": "simulator not reachable at {url}: {kind}",
    "sim_refused": "simulator refused: {reason}",
    "sim_status_unknown": "STATUS must be one of {known}",
    # --- reports (services/reports*.py, cli/reports.py)
    "report_period_kind": "unknown period {kind!r} (one of {kinds})",
    "report_period_too_long": "a report covers at most {max_days} days ({days} asked)",
    "report_out_kind": "--out must end in .xlsx or .pdf ({path!r})",
}

# English names of the fields a ``field`` parameter names (``{field_en}`` in a template).
FIELD_NAMES_EN = {
    "full_name": "full name",
    "date_of_birth": "date of birth",
    "issue_date": "issue date",
    "address": "address",
    "id_number": "ID number",
    "phone": "phone",
    "email": "e-mail",
}

_FORMATTER = string.Formatter()


def template_fields(template: str) -> set[str]:
    """The parameter names a template uses (``{name!r}`` → ``name``)."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in _FORMATTER.parse(template) if name}


def english(code: str, params: dict[str, Any] | None = None) -> str:
    """The English sentence for ``code`` (the command line's words). An unknown code renders as itself."""
    params = dict(params or {})
    template = MESSAGES.get(code)
    if template is None:
        return code
    field = params.get("field")
    if field is not None:
        params.setdefault("field_en", FIELD_NAMES_EN.get(str(field).rpartition(".")[2], str(field)))
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):  # a raise site that forgot a parameter still says something
        return f"{template} {params}"


class AppError(Exception):
    """Base of every error the application expects and can explain: a code and its parameters."""

    #: the command line's exit code for this kind of error
    exit_code = 1
    #: the code used when none is given (``StaleVersionError()``)
    default_code = ""

    def __init__(self, code: str = "", /, **params: Any) -> None:
        code = code or self.default_code
        super().__init__(code, params)
        self.code = code
        self.params = params
        self.field: str | None = params.get("field")

    def __str__(self) -> str:
        return english(self.code, self.params)

    def __reduce__(self):  # picklable across processes despite keyword parameters
        return (_rebuild, (type(self), self.code, self.params))


def _rebuild(cls: type[AppError], code: str, params: dict[str, Any]) -> AppError:
    error = cls.__new__(cls)
    AppError.__init__(error, code, **params)
    return error


class ValidationError(AppError):
    """Bad input or a rule that refuses (CLI exit code 2). ``field`` names the input at fault, when one is."""

    exit_code = 2


class NotFoundError(ValidationError):
    """A named thing (dossier, procedure, counter...) does not exist."""


class RuleError(ValidationError):
    """The input is well formed but a business rule refuses the action."""


class StaleVersionError(ValidationError):
    """Another station changed the row since it was read ("changed by someone else")."""

    default_code = "stale_record"


class StoreError(AppError):
    """The database cannot be used as configured (network path, wrong schema revision...)."""


class SchemaMismatchError(StoreError):
    """The database schema revision differs from what this version of the code expects (exit code 2: the
    station is refused, nothing failed)."""

    exit_code = 2
