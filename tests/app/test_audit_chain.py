"""The hash-chained audit log: appends, verification, tampering (edit, delete, reorder, truncate, rewrite)
on both engines, the PostgreSQL guard triggers, concurrent appends, and the migration chaining old rows."""

from __future__ import annotations

import hashlib
import json
import threading

import pytest
from sqlalchemy import text

from app.actors import Actor
from app.cli import main
from app.services import audit_chain
from app.services.audit import audit, canonical
from app.store.models_audit import GENESIS

OFFICER = Actor("canbo1", "officer", counter=3)
DIRECTOR = Actor("giamdoc", "director")


def _append(store, n: int, prefix: str = "e") -> int:
    """Append ``n`` entries (one transaction each); return the seq of the first."""
    with store.read() as s:
        first = audit_chain.chain_head(s)[0] + 1
    for i in range(n):
        with store.write() as s:
            audit(s, OFFICER, "test.action", f"{prefix}{i}", step=i)
    return first


def _tamper(store, *statements: str, **params) -> None:
    """Change the log behind the application's back (as someone with the database's owner rights would: on
    PostgreSQL the guard triggers are switched off for this transaction only)."""
    with store.write() as s:
        if store.dialect == "postgresql":
            s.execute(text("SET LOCAL session_replication_role = replica"))
        for sql in statements:
            s.execute(text(sql), params)
        if store.dialect == "postgresql":
            s.execute(text("SET LOCAL session_replication_role = origin"))


def _verdict(store, expected=None):
    with store.read() as s:
        return audit_chain.verify(s, DIRECTOR, expected=expected)


def test_entries_carry_who_when_where_and_chain(store):
    first = _append(store, 3)
    with store.read() as s:
        items = audit_chain.entries(s, DIRECTOR, after_seq=first - 1)
        head = audit_chain.head(s, DIRECTOR)
    assert [e["seq"] for e in items] == [first, first + 1, first + 2]
    e = items[0]
    assert (e["actor"], e["station"], e["action"], e["object"], e["detail"]) == ("canbo1", "counter-3", "test.action", "e0",
                                                                                 {"step": 0})
    assert e["at_local"].endswith("+07:00") and e["at"].endswith("+00:00")
    assert items[1]["prev_hash"] == items[0]["hash"] and items[2]["prev_hash"] == items[1]["hash"]
    assert (head["seq"], head["hash"]) == (items[-1]["seq"], items[-1]["hash"])
    assert _verdict(store).ok


def test_several_entries_in_one_transaction_chain_in_order(store):
    with store.write() as s:
        for i in range(4):
            audit(s, OFFICER, "test.batch", f"b{i}")
    v = _verdict(store)
    assert v.ok and v.entries == v.head_seq


def test_audit_refuses_personal_data_keys(store):
    with pytest.raises(ValueError, match="personal data"), store.write() as s:
        audit(s, OFFICER, "test.leak", "x", full_name="Nguyễn Văn An")


def test_edit_is_found_at_the_edited_entry(store):
    first = _append(store, 5)
    _tamper(store, "UPDATE audit_log SET entity = 'forged' WHERE seq = :seq", seq=first + 2)
    v = _verdict(store)
    assert (v.ok, v.broken_seq, v.problem) == (False, first + 2, "edited")
    assert f"entry {first + 2}" in v.sentence()


def test_detail_edit_is_found(store):
    first = _append(store, 3)
    _tamper(store, "UPDATE audit_log SET detail = :d WHERE seq = :seq", d=json.dumps({"step": 99}), seq=first + 1)
    assert (_verdict(store).broken_seq, _verdict(store).problem) == (first + 1, "edited")


def test_delete_is_found_at_the_gap(store):
    first = _append(store, 5)
    _tamper(store, "DELETE FROM audit_log WHERE seq = :seq", seq=first + 1)
    v = _verdict(store)
    assert (v.ok, v.broken_seq, v.problem) == (False, first + 1, "missing")


def test_reorder_is_found_where_the_order_breaks(store):
    first = _append(store, 5)
    a, b = first + 1, first + 2
    _tamper(store, "UPDATE audit_log SET seq = -1 WHERE seq = :a", "UPDATE audit_log SET seq = :a WHERE seq = :b",
            "UPDATE audit_log SET seq = :b WHERE seq = -1", a=a, b=b)
    v = _verdict(store)
    assert (v.ok, v.broken_seq, v.problem) == (False, a, "reordered")


def test_truncation_is_found_against_the_head(store):
    first = _append(store, 5)
    _tamper(store, "DELETE FROM audit_log WHERE seq >= :seq", seq=first + 3)
    v = _verdict(store)
    assert (v.ok, v.broken_seq, v.problem) == (False, first + 3, "truncated")


def rewrite_from(store, seq: int) -> None:
    """Forge entry ``seq`` and recompute every hash from it on, head included: consistent in itself."""
    from app.store.models import AuditEntry

    _tamper(store, "UPDATE audit_log SET entity = 'forged' WHERE seq = :seq", seq=seq)
    with store.read() as s:
        prev = s.execute(text("SELECT hash FROM audit_log WHERE seq = :seq"), {"seq": seq - 1}).scalar_one()
        entries = list(s.query(AuditEntry).filter(AuditEntry.seq >= seq).order_by(AuditEntry.seq))
    fixes = []
    for e in entries:
        digest = hashlib.sha256(canonical(e.seq, e.at, e.at_local, e.actor, e.station, e.action, e.entity, e.detail,
                                          prev)).hexdigest()
        fixes.append((e.seq, prev, digest))
        prev = digest
    statements = [f"UPDATE audit_log SET prev_hash = '{p}', hash = '{h}' WHERE seq = {q}" for q, p, h in fixes]
    statements.append(f"UPDATE audit_chain_head SET hash = '{prev}'")
    _tamper(store, *statements)


def test_rewritten_chain_is_found_against_a_head_kept_outside(store):
    """Someone recomputes every hash after an edit and moves the head: the database alone looks intact, the
    head written on paper (or held by the province) does not match."""
    first = _append(store, 4)
    with store.read() as s:
        paper = audit_chain.chain_head(s)
    rewrite_from(store, first + 1)
    assert _verdict(store).ok  # the rewrite is consistent in itself
    v = _verdict(store, expected=paper)
    assert (v.ok, v.broken_seq, v.problem) == (False, paper[0], "rewritten")


def test_reading_the_audit_needs_the_permission(store):
    from app.errors import RuleError

    with store.read() as s, pytest.raises(RuleError):
        audit_chain.verify(s, OFFICER)


def test_postgres_refuses_update_delete_truncate_of_the_log(pg_store):
    _append(pg_store, 2)
    for sql in ("UPDATE audit_log SET entity = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log",
                "UPDATE audit_chain_head SET seq = 0", "DELETE FROM audit_chain_head"):
        with pytest.raises(Exception, match="append-only|only moves forward"), pg_store.write() as s:
            s.execute(text(sql))
    assert _verdict(pg_store).ok


def test_concurrent_appends_on_postgres_keep_one_chain(pg_schema_url):
    from app.store.engine import make_engine
    from app.store.migrate import upgrade
    from app.store.session import Store

    engine = make_engine(pg_schema_url)
    upgrade(engine)
    engine.dispose()
    per_thread, errors = 40, []

    def work(name: str) -> None:
        store = Store(make_engine(pg_schema_url))
        try:
            for i in range(per_thread):
                with store.write() as s:
                    audit(s, Actor(name, "officer", counter=1), "test.concurrent", f"{name}-{i}")
        except Exception as exc:  # reported below: the assertion names it
            errors.append(exc)
        finally:
            store.engine.dispose()

    threads = [threading.Thread(target=work, args=(f"c{n}",)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    store = Store(make_engine(pg_schema_url))
    v = _verdict(store)
    store.engine.dispose()
    assert v.ok and v.entries == v.head_seq == 3 * per_thread


def test_migration_chains_the_entries_of_an_older_database(tmp_path):
    from app.store.engine import make_engine
    from app.store.migrate import upgrade
    from app.store.session import Store

    path = tmp_path / "old.sqlite3"
    engine = make_engine(str(path))
    upgrade(engine, "0012")
    with engine.begin() as conn:
        for i in range(3):
            conn.execute(text("INSERT INTO audit_log (at, actor, action, entity, detail) VALUES "
                              "(:at, 'old', 'catalog.import', :e, :d)"),
                         {"at": f"2025-01-0{i + 1} 08:00:00.000000", "e": f"o{i}", "d": json.dumps({"n": i})})
    upgrade(engine)
    engine.dispose()
    store = Store.open(str(path))
    with store.read() as s:
        items = audit_chain.entries(s, DIRECTOR)
    assert [(e["seq"], e["object"]) for e in items] == [(1, "o0"), (2, "o1"), (3, "o2")]
    assert items[0]["prev_hash"] == GENESIS
    _append(store, 1)
    assert _verdict(store).ok and _verdict(store).head_seq == 4
    store.close()


def _cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_verify_show_head(capsys, data_dir):
    assert _cli(capsys, "demo", "seed")[0] == 0
    code, out, err = _cli(capsys, "audit", "verify", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["ok"] is True and report["entries"] == report["head_seq"] > 0
    code, out, _ = _cli(capsys, "audit", "head", "--json")
    head = json.loads(out)
    # (every command signs in, and each sign-in is an entry of its own)
    assert head["seq"] == report["head_seq"] + 1 and len(head["hash"]) == 64
    code, out, _ = _cli(capsys, "audit", "show", "--json")
    shown = json.loads(out)
    assert code == 0 and [e["seq"] for e in shown] == list(range(1, head["seq"] + 2))
    assert shown[-1]["action"] == "user.sign_in"
    obj = shown[0]["object"]
    code, out, _ = _cli(capsys, "audit", "show", "--object", obj, "--json")
    assert {e["object"] for e in json.loads(out)} == {obj}
    # an edit behind the application's back: exit 1, naming the entry
    import sqlite3

    con = sqlite3.connect(data_dir / "motcua.sqlite3")
    con.execute("UPDATE audit_log SET actor = 'someone' WHERE seq = 2")
    con.commit()
    con.close()
    code, out, err = _cli(capsys, "audit", "verify")
    assert code == 1 and "entry 2" in err and "changed" in err
    code, _, err = _cli(capsys, "audit", "verify", "--expect", "nonsense")
    assert code == 2


def test_prints_reprints_and_print_jobs_are_audited(seeded, officer, tmp_path):
    from app.services import archive, dossiers
    from app.services import print_queue as pq
    from tests.sync.conftest import INTAKE

    with seeded.write() as s:
        d = dossiers.receive(s, officer, dossiers.parse_intake(INTAKE))
        archive.reprint_or_render(s, tmp_path, officer, d, "form:receipt", lambda: b"%PDF-1.4 first")
    with seeded.write() as s:
        d = dossiers.get_dossier(s, d.code)
        _data, _row, reprinted = archive.reprint_or_render(s, tmp_path, officer, d, "form:receipt", lambda: b"%PDF-1.4 x")
        assert reprinted
        job = pq.enqueue(s, station="counter-1", printer="receipt_printer", kind="slip:receipt", content_type="escpos",
                         data=b"\x1b@slip", dossier_code=d.code, by=officer)
    with seeded.write() as s:
        claimed = pq.claim_next(s, "counter-1", "receipt_printer")
        pq.mark_done(s, claimed.id)
    with seeded.write() as s:
        pq.retry(s, job, by=officer)
    with seeded.read() as s:
        items = audit_chain.entries(s, DIRECTOR, object_id=d.code)
        verdict = audit_chain.verify(s, DIRECTOR)
    actions = [e["action"] for e in items]
    assert actions[0] == "dossier.received"
    assert actions[1:] == ["document.print", "document.reprint", "print.queued", "print.queued", "print.reprint"]
    assert {e["station"] for e in items if e["action"].startswith("print.")} == {"counter-1"}
    assert verdict.ok
