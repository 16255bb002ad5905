"""The Vietnamese catalog: complete, placeholders kept, .qm built from the .ts, and the translators load."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from ui.i18n import arg, install_translators, remove_catalogs, status_name

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "motcua_vi.ts"
QM = ROOT / "resources" / "i18n" / "motcua_vi.qm"
BIN = Path(sys.executable).parent
# The catalogs of the queue room live apart (ui/queue/__init__.py); the script skips these folders too.
OWN_CATALOG_DIRS = ("queue", "kiosk", "display", "sync", "scan", "backup", "security", "reports", "devices", "setup")
CATALOGS = sorted((ROOT / "resources" / "i18n").glob("motcua*_vi.ts"))
PLACEHOLDER = re.compile(r"%\d+|%n|\{[A-Za-z_][A-Za-z0-9_]*\}")


def messages(path: Path):
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def translations(message) -> list[str]:
    node = message.find("translation")
    forms = node.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [node.text or ""]


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: p.name)
def test_every_message_is_translated(catalog):
    problems = []
    for context, message in messages(catalog):
        node = message.find("translation")
        texts = translations(message)
        if node.get("type") in ("unfinished", "vanished", "obsolete") or not all(t.strip() for t in texts):
            problems.append(f"{context}: {message.findtext('source')!r}")
    assert not problems, "untranslated:\n" + "\n".join(problems)


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: p.name)
def test_translations_keep_their_placeholders_and_mnemonics(catalog):
    problems = []
    for context, message in messages(catalog):
        source = message.findtext("source")
        for text in translations(message):
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                problems.append(f"{context}: {source!r} -> {text!r}")
            if source.count("&&") != text.count("&&"):
                problems.append(f"{context}: literal && lost in {text!r}")
    assert not problems, "\n".join(problems)


def test_the_catalog_holds_every_string_of_the_sources(tmp_path):
    sources = sorted(
        str(p) for p in (ROOT / "ui").rglob("*.py")
        if not any(part in OWN_CATALOG_DIRS for part in p.relative_to(ROOT / "ui").parts[:-1])
    )
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(BIN / "pyside6-lupdate"), "-silent", "-locations", "none", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True)
    known = {(c, m.findtext("source")) for c, m in messages(TS)}
    missing = sorted({(c, m.findtext("source")) for c, m in messages(fresh)} - known)
    assert not missing, "run scripts/update_translations.sh and translate:\n" + "\n".join(map(str, missing))


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: p.name)
def test_the_qm_is_built_from_the_ts(tmp_path, catalog):
    """Every .qm is what lrelease makes of its .ts today (``make translations`` rebuilds them all)."""
    built = tmp_path / catalog.with_suffix(".qm").name
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(catalog), "-qm", str(built)], check=True, capture_output=True)
    assert built.read_bytes() == catalog.with_suffix(".qm").read_bytes(), "the .qm is stale: run make translations"


def test_every_catalog_is_registered_and_in_the_update_script():
    from ui.catalogs import CATALOGS as REGISTERED

    script = (ROOT / "scripts" / "update_translations.sh").read_text(encoding="utf-8")
    for catalog in CATALOGS:
        name = catalog.stem.removesuffix("_vi")
        assert name == "motcua" or name in REGISTERED, f"{name} is not in ui.catalogs.CATALOGS"
        assert catalog.name in script, f"{catalog.name} is not refreshed by the script"


def test_vietnamese_translators_translate_our_texts_and_qt_buttons(qapp):
    installed = install_translators(qapp, "vi")
    try:
        assert status_name("received") == "Đã tiếp nhận"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        assert sorted(b.text() for b in box.buttons()) == ["Quay lại", "Đồng ý"]
    finally:
        for translator in installed:
            remove_catalogs(qapp, [translator])


def test_english_installs_nothing(qapp):
    assert install_translators(qapp, "en") == []
    assert status_name("received") == "Received"


@pytest.mark.parametrize(("text", "values", "expected"), [
    ("Hẹn trả: %1 ngày %2", ("16:30", "07/05/2026"), "Hẹn trả: 16:30 ngày 07/05/2026"),
    ("%1 %10", tuple("abcdefghij"), "a j"),
    ("no placeholder", ("x",), "no placeholder"),
])
def test_arg_fills_numbered_placeholders(text, values, expected):
    assert arg(text, *values) == expected
