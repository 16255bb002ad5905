"""Secrets scanning in CI: no token, password or private key in the repository's tracked files or in a
diagnostics zip (scripts/scan_secrets.py). The planted secrets below are assembled at run time, so this
file holds none itself."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import scan_secrets  # noqa: E402  (a script, not a package)

PEM = "-----BEGIN " + "RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA " + "PRIVATE KEY-----\n"
AWS = "AKIA" + "Q7ZK3J5M2X4W9P6R"
GITHUB = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"
JWT = "eyJ" + "hbGciOiJIUzI1NiJ9" + ".eyJ" + "zdWIiOiIxMjM0NTY3ODkwIn0" + ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
PLANTED = {
    "private-key": PEM,
    "aws-access-key-id": f"key = {AWS}\n",
    "github-token": f"GH={GITHUB}\n",
    "jwt": f"Authorization: Bearer {JWT}\n",
    "assigned-secret": 'db_password = "' + "Kx9#mQ2" + '!vL7pZ"\n',
    "url-password": "MOTCUA_DB=postgresql://motcua:" + "S3cr3t-Pa55" + "@db.center.local/motcua\n",
}


def diagnostics_zips(tmp_path: Path) -> list[Path]:
    """The diagnostics zips to scan: the one ``motcua devices diagnostics`` writes when this build has it."""
    from app.cli import main

    out = tmp_path / "diagnostics.zip"
    try:
        status = main(["devices", "diagnostics", "--out", str(out)])
    except SystemExit:
        status = 2
    return [out] if status == 0 and out.is_file() else []


def test_the_tracked_files_hold_no_secrets():
    findings = list(scan_secrets.scan_paths(scan_secrets.tracked_files()))
    assert not findings, "secrets in the repository:\n" + "\n".join(map(str, findings))


def test_a_diagnostics_zip_holds_no_secrets(tmp_path, data_dir, capsys):
    zips = diagnostics_zips(tmp_path)
    capsys.readouterr()
    assert zips, "motcua devices diagnostics wrote no zip"
    findings = [f for z in zips for f in scan_secrets.scan_zip(z)]
    assert not findings, "\n".join(map(str, findings))


@pytest.mark.parametrize("rule", list(PLANTED))
def test_each_kind_of_secret_is_found(tmp_path, rule):
    path = tmp_path / "leak.txt"
    path.write_text("harmless line\n" + PLANTED[rule], encoding="utf-8")
    findings = list(scan_secrets.scan_paths([path], root=tmp_path))
    assert [(f.where, f.line, f.rule) for f in findings] == [("leak.txt", 2, rule)]
    assert PLANTED[rule].strip() not in str(findings[0])  # the report masks the value


def test_secrets_inside_zips_inside_zips_are_found_with_where(tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("logs/motcua.log", "2026-12-02 sync ok\n" + PLANTED["github-token"])
    outer = tmp_path / "diagnostics.zip"
    with zipfile.ZipFile(outer, "w") as zf:
        zf.writestr("station.toml", 'db_url = ""\n[station]\nrole = "counter"\n')
        zf.writestr("nested.zip", inner.getvalue())
        zf.writestr("screenshot.png", b"\x89PNG\r\n\x1a\n\x00\x00" + PEM.encode())  # binary members are skipped
    findings = scan_secrets.scan_zip(outer, "diagnostics.zip")
    assert [(f.where, f.rule) for f in findings] == [("diagnostics.zip!nested.zip!logs/motcua.log", "github-token")]
    assert scan_secrets.main([str(outer)]) == 1


def test_a_clean_zip_and_the_allowed_values_pass(tmp_path):
    clean = tmp_path / "clean.zip"
    with zipfile.ZipFile(clean, "w") as zf:
        zf.writestr("readme.txt", 'password = "demo"\ntoken = "{token}"\nsecret_key = "station.secret_name"\n'
                                  "url = postgresql://postgres@127.0.0.1:5432/test\n")
        zf.writestr("fixture.py", 'api_key = "' + "Zq8#Lw3!Rt6" + '"  # secrets: allow (a test fixture)\n')
    assert scan_secrets.scan_zip(clean) == []
    assert scan_secrets.main([str(clean)]) == 0


def test_a_broken_zip_is_reported_not_skipped(tmp_path):
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    assert [f.rule for f in scan_secrets.scan_zip(broken)] == ["unreadable-zip"]


def test_entropy():
    assert scan_secrets.entropy("aaaaaaaa") == 0
    assert scan_secrets.entropy("abcdefgh") == 3
