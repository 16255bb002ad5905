#!/bin/sh
# Refresh resources/i18n/motcua_vi.ts from the source strings in ui/ (pyside6-lupdate), then build the
# .qm the windows load (pyside6-lrelease). Translate new strings in Qt Linguist
# (.venv/bin/pyside6-linguist resources/i18n/motcua_vi.ts) and run this script again.
set -eu
# ui/queue, ui/kiosk and ui/display keep their own catalog (resources/i18n/motcua_queue_vi.ts, see
# ui/queue/__init__.py); everything else in ui/ belongs to this one.
cd "$(dirname "$0")/.."
BIN="${VENV:-.venv}/bin"
TS=resources/i18n/motcua_vi.ts
mkdir -p resources/i18n
# shellcheck disable=SC2046 # one argument per source file
"$BIN/pyside6-lupdate" -no-obsolete -locations relative -source-language en -target-language vi \
    $(find ui -name '*.py' -not -path 'ui/queue/*' -not -path 'ui/kiosk/*' -not -path 'ui/display/*' -not -path 'ui/sync/*' -not -path 'ui/scan/*' -not -path 'ui/backup/*' -not -path 'ui/security/*' -not -path 'ui/reports/*' -not -path 'ui/devices/*' -not -path 'ui/setup/*' | LC_ALL=C sort) \
    -ts "$TS"
"$BIN/pyside6-lrelease" "$TS" -qm resources/i18n/motcua_vi.qm
# ui/sync keeps its own catalog too (resources/i18n/motcua_sync_vi.ts).
"$BIN/pyside6-lupdate" -no-obsolete -locations relative -source-language en -target-language vi \
    $(find ui/sync -name '*.py' | LC_ALL=C sort) -ts resources/i18n/motcua_sync_vi.ts
"$BIN/pyside6-lrelease" resources/i18n/motcua_sync_vi.ts -qm resources/i18n/motcua_sync_vi.qm
# ui/scan (digitization) keeps its own catalog too (resources/i18n/motcua_scan_vi.ts).
"$BIN/pyside6-lupdate" -no-obsolete -locations relative -source-language en -target-language vi \
    $(find ui/scan -name '*.py' | LC_ALL=C sort) -ts resources/i18n/motcua_scan_vi.ts
"$BIN/pyside6-lrelease" resources/i18n/motcua_scan_vi.ts -qm resources/i18n/motcua_scan_vi.qm
# ui/backup (the daily backup's status) keeps its own catalog too (resources/i18n/motcua_backup_vi.ts).
"$BIN/pyside6-lupdate" -no-obsolete -locations relative -source-language en -target-language vi \
    $(find ui/backup -name '*.py' | LC_ALL=C sort) -ts resources/i18n/motcua_backup_vi.ts
"$BIN/pyside6-lrelease" resources/i18n/motcua_backup_vi.ts -qm resources/i18n/motcua_backup_vi.qm
# ui/security (sign-in, screen lock, users) keeps its own catalog too (resources/i18n/motcua_security_vi.ts).
"$BIN/pyside6-lupdate" -no-obsolete -locations relative -source-language en -target-language vi \
    $(find ui/security -name '*.py' | LC_ALL=C sort) -ts resources/i18n/motcua_security_vi.ts
"$BIN/pyside6-lrelease" resources/i18n/motcua_security_vi.ts -qm resources/i18n/motcua_security_vi.qm
# ui/reports (the director's window) keeps its own catalog too (resources/i18n/motcua_reports_vi.ts).
"$BIN/pyside6-lupdate" -no-obsolete -locations relative -source-language en -target-language vi \
    $(find ui/reports -name '*.py' | LC_ALL=C sort) -ts resources/i18n/motcua_reports_vi.ts
"$BIN/pyside6-lrelease" resources/i18n/motcua_reports_vi.ts -qm resources/i18n/motcua_reports_vi.qm
# ui/devices (the technician's Devices window, the stations' device line) keeps its own catalog too
# (resources/i18n/motcua_devices_vi.ts).
"$BIN/pyside6-lupdate" -no-obsolete -locations relative -source-language en -target-language vi \
    $(find ui/devices -name '*.py' | LC_ALL=C sort) -ts resources/i18n/motcua_devices_vi.ts
"$BIN/pyside6-lrelease" resources/i18n/motcua_devices_vi.ts -qm resources/i18n/motcua_devices_vi.qm
# ui/setup (the set-up wizard) keeps its own catalog too (resources/i18n/motcua_setup_vi.ts).
"$BIN/pyside6-lupdate" -no-obsolete -locations relative -source-language en -target-language vi \
    $(find ui/setup -name '*.py' | LC_ALL=C sort) -ts resources/i18n/motcua_setup_vi.ts
"$BIN/pyside6-lrelease" resources/i18n/motcua_setup_vi.ts -qm resources/i18n/motcua_setup_vi.qm
# ui/queue, ui/kiosk and ui/display share the queue catalog (resources/i18n/motcua_queue_vi.ts).
"$BIN/pyside6-lupdate" -no-obsolete -locations relative -source-language en -target-language vi \
    $(find ui/queue ui/kiosk ui/display -name '*.py' | LC_ALL=C sort) -ts resources/i18n/motcua_queue_vi.ts
"$BIN/pyside6-lrelease" resources/i18n/motcua_queue_vi.ts -qm resources/i18n/motcua_queue_vi.qm
