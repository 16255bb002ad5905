"""Personal data: viewing and exporting need a role and are audited, exports need a reason; dossiers past
retention AND acknowledged by the province are anonymized and their files deleted (both engines)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from app.actors import Actor
from app.errors import RuleError, ValidationError
from app.filestore import content_store
from app.services import audit_chain, dossiers, files, privacy, search
from app.store.models import Dossier, DossierParty, OutboxMessage
from tests.sync.conftest import INTAKE, MON

DIRECTOR = Actor("giamdoc", "director")
RECEPTIONIST = Actor("letan", "receptionist")
PDF = b"%PDF-1.4\n% a scanned page\n" + b"x" * 200


def _receive(store, officer) -> str:
    with store.write() as s:
        return dossiers.receive(s, officer, dossiers.parse_intake(INTAKE), now=MON).code


def _last_entry(store):
    with store.read() as s:
        return audit_chain.entries(s, DIRECTOR)[-1]


def test_viewing_personal_data_needs_the_role_and_is_audited(seeded, officer):
    code = _receive(seeded, officer)
    with seeded.write() as s:
        d = privacy.view_personal(s, officer, code, purpose="counter")
        assert INTAKE["applicant"]["full_name"] in {p.full_name for p in d.parties}
    entry = _last_entry(seeded)
    assert (entry["action"], entry["object"], entry["actor"], entry["detail"]) == (
        "dossier.view_personal", code, "canbo1", {"purpose": "counter"})
    with pytest.raises(RuleError), seeded.write() as s:
        privacy.view_personal(s, RECEPTIONIST, code)


def test_an_export_needs_the_role_and_a_reason_and_is_audited(seeded, officer):
    code = _receive(seeded, officer)
    with pytest.raises(ValidationError) as caught, seeded.write() as s:
        privacy.record_export(s, officer, code, "files", "  ")
    assert caught.value.code == "export_reason_required"
    with pytest.raises(RuleError), seeded.write() as s:
        privacy.record_export(s, RECEPTIONIST, code, "files", "công dân đề nghị")
    with seeded.write() as s:
        privacy.record_export(s, officer, code, "files", "công dân đề nghị", count=2)
    entry = _last_entry(seeded)
    assert (entry["action"], entry["object"], entry["detail"]) == (
        "dossier.export", code, {"what": "files", "count": 2, "reason": "công dân đề nghị"})


def test_anonymize_past_retention_and_acknowledged_only(seeded, officer, tmp_path):
    fstore = content_store(seeded.dialect, tmp_path)
    acked, unacked, recent = (_receive(seeded, officer) for _ in range(3))
    with seeded.write() as s:
        files.attach(s, fstore, officer, acked, "TP1", PDF, pages=1, now=MON)
        for code in (acked, unacked, recent):
            dossiers.act(s, officer, code, "withdraw", dossiers.ActionInput(reason="Công dân rút hồ sơ"),
                         now=MON + timedelta(hours=1))
    with seeded.write() as s:
        digest = files.dossier_files(s, acked)[0]["sha256"]
        ids = [str(dossiers.get_dossier(s, c).id) for c in (acked, recent)]
        s.execute(update(OutboxMessage).where(OutboxMessage.aggregate_id.in_(ids)).values(status="sent"))
        # "recent" closed only now: within retention
        dossiers.get_dossier(s, recent).received_at = MON + timedelta(days=365 * 20)
        dossiers.get_dossier(s, recent).returned_at = None
    later = MON + timedelta(days=round(365.2425 * 20) + 2)
    with pytest.raises(RuleError), seeded.write() as s:
        privacy.anonymize(s, fstore, officer, now=later)
    with seeded.write() as s:
        plan = privacy.anonymize(s, fstore, DIRECTOR, dry_run=True, now=later)
    assert plan == {"retention_years": 20, "dry_run": True, "dossiers": [acked], "files_deleted": 0}
    assert fstore.exists(None, digest) if seeded.dialect == "sqlite" else True
    with seeded.write() as s:
        done = privacy.anonymize(s, fstore, DIRECTOR, now=later)
    assert done["dossiers"] == [acked] and done["files_deleted"] == 1
    with seeded.read() as s:
        gone = dossiers.get_dossier(s, acked)
        parties = list(s.scalars(select(DossierParty).where(DossierParty.dossier_id == gone.id)))
        assert {p.full_name for p in parties} == {privacy.ANONYMIZED}
        assert all(p.id_number is None and p.phone is None and p.address is None for p in parties)
        assert not fstore.exists(s, digest)
        assert files.dossier_files(s, acked) == []
        found = {d.code for d in search.search(s, INTAKE["applicant"]["id_number"])}
        assert acked not in found and unacked in found
        kept = s.scalar(select(Dossier).where(Dossier.code == unacked))
        assert INTAKE["applicant"]["full_name"] in {p.full_name for p in kept.parties}
        payloads = [m.payload for m in s.scalars(select(OutboxMessage).where(OutboxMessage.aggregate_id == str(gone.id)))]
        assert payloads and all(p == {"anonymized": True} for p in payloads)
    entry = _last_entry(seeded)
    assert (entry["action"], entry["object"], entry["detail"]) == ("dossier.anonymize", acked, {"files_deleted": 1})
    with seeded.write() as s:  # nothing left to do
        assert privacy.anonymize(s, fstore, DIRECTOR, now=later)["dossiers"] == []


def test_cli_privacy_anonymize(capsys, data_dir):
    import json

    from app.cli import main

    assert main(["demo", "seed"]) == 0
    capsys.readouterr()
    assert main(["privacy", "anonymize", "--dry-run", "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan == {"retention_years": 20, "dry_run": True, "dossiers": [], "files_deleted": 0}
    assert main(["privacy", "anonymize"]) == 0
    assert "anonymized 0 dossier(s) older than 20 years" in capsys.readouterr().out


def _due(store, officer, n: int) -> list[str]:
    """``n`` dossiers withdrawn at MON and acknowledged by the province: due 20 years later."""
    codes = [_receive(store, officer) for _ in range(n)]
    with store.write() as s:
        for code in codes:
            dossiers.act(s, officer, code, "withdraw", dossiers.ActionInput(reason="Công dân rút hồ sơ"),
                         now=MON + timedelta(hours=1))
        ids = [str(dossiers.get_dossier(s, c).id) for c in codes]
        s.execute(update(OutboxMessage).where(OutboxMessage.aggregate_id.in_(ids)).values(status="sent"))
    return codes


LATER = MON + timedelta(days=round(365.2425 * 20) + 2)


@pytest.mark.xdist_group("anonymize-lock")  # the PostgreSQL advisory lock is database-wide
def test_the_scheduled_job_anonymizes_everything_due_in_batches_as_the_system(seeded, officer, tmp_path):
    fstore = content_store(seeded.dialect, tmp_path)
    codes = _due(seeded, officer, 5)
    assert privacy.run_scheduled(seeded, fstore, now=MON) == {"dossiers": 0, "files_deleted": 0, "busy": False}
    assert privacy.run_scheduled(seeded, fstore, now=LATER, batch=2) == {"dossiers": 5, "files_deleted": 0,
                                                                         "busy": False}
    with seeded.read() as s:
        entries = [e for e in audit_chain.entries(s, DIRECTOR) if e["action"] == "dossier.anonymize"]
        assert sorted(e["object"] for e in entries) == sorted(codes) and {e["actor"] for e in entries} == {"system"}
        assert privacy.due_for_anonymization(s, now=LATER) == []
    assert privacy.run_scheduled(seeded, fstore, now=LATER)["dossiers"] == 0


@pytest.mark.xdist_group("anonymize-lock")
def test_the_scheduled_job_gives_way_to_another_station_of_the_center(pg_store, admin, officer, tmp_path):
    from sqlalchemy import create_engine, text

    from app.services import demo
    from tests.conftest import PG_URL

    with pg_store.write() as s:
        demo.seed(s, admin)
    _due(pg_store, officer, 1)
    other = create_engine(PG_URL)
    try:
        with other.connect() as conn, conn.begin():  # another counter's job holds the lock
            assert conn.execute(text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": privacy.ANONYMIZE_LOCK}).scalar()
            assert privacy.run_scheduled(pg_store, content_store("postgresql", tmp_path), now=LATER)["busy"] is True
        assert privacy.run_scheduled(pg_store, content_store("postgresql", tmp_path), now=LATER)["dossiers"] == 1
    finally:
        other.dispose()
