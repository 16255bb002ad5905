"""Dossier figures: intake_commit_ms, search_p95_ms (1,000,000 dossiers), board_ms (50,000 open).

``intake_commit_ms`` is measured against its honest floor, ``raw_intake_rows_ms``: the very rows one intake
writes (three sequence numbers, the dossier with its search index, parties, checklist, fees, event, outbox)
inserted with plain ``sqlite3`` in one transaction, with the same pragmas (WAL, ``synchronous=FULL``,
foreign keys) and so the same one fsync at commit; ``intake_over_raw`` is their ratio.

The million-dossier SQLite database is generated once (about a minute) and cached in bench/cache/,
keyed by GENERATOR_VERSION; names follow real Vietnamese surname frequencies.
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bench.util import CACHE, median_of, percentile

GENERATOR_VERSION = 5
TOTAL = 1_000_000
OPEN = 50_000

# Surname shares (per cent) from published Vietnamese surname statistics; the rest spread over others.
SURNAMES = [
    ("Nguyễn", 38.4), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.1), ("Hoàng", 3.1), ("Huỳnh", 2.1), ("Phan", 4.5),
    ("Vũ", 2.0), ("Võ", 1.9), ("Đặng", 2.1), ("Bùi", 2.0), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3),
    ("Dương", 1.0), ("Lý", 0.5), ("Đào", 0.4), ("Đinh", 0.4), ("Lâm", 0.3), ("Mai", 0.3), ("Trịnh", 0.3),
    ("Trương", 0.3), ("Tạ", 0.2), ("Hà", 0.3), ("Cao", 0.2), ("Lương", 0.2), ("Châu", 0.1), ("Tô", 0.1),
]
MIDDLE_M = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Xuân", "Công", "Ngọc", "Hoàng", "Anh", "Quốc", "Thành"]
MIDDLE_F = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Phương", "Thùy", "Hồng", "Mỹ", "Bảo"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hiếu", "Hùng", "Huy", "Khánh", "Khoa", "Long",
           "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Thắng", "Thành", "Toàn",
           "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Đạt", "Hòa", "Lộc", "Tâm", "Duy"]
GIVEN_F = ["Anh", "Châu", "Dung", "Giang", "Hà", "Hạnh", "Hiền", "Hoa", "Hương", "Huyền", "Lan", "Linh", "Loan",
           "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Tâm", "Thảo", "Thủy", "Trang",
           "Trinh", "Tuyết", "Vân", "Yến", "Uyên", "Diệp", "Ly", "Hằng", "Thư"]


def _cache_path() -> Path:
    return CACHE / f"dossiers-{TOTAL}-v{GENERATOR_VERSION}.sqlite3"


def make_name(rng: random.Random, surnames, weights) -> str:
    female = rng.random() < 0.5
    middle = rng.choice(MIDDLE_F if female else MIDDLE_M)
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    parts = [rng.choices(surnames, weights)[0], middle]
    if rng.random() < 0.25:
        parts.append(rng.choice(MIDDLE_F if female else MIDDLE_M))
    parts.append(given)
    return " ".join(parts)


def build_database(path: Path) -> dict:
    """Create a migrated, seeded database with TOTAL dossiers (OPEN of them open) and return query samples."""
    from app.actors import Actor
    from app.services import demo
    from app.services.bootstrap import bootstrap
    from app.store.session import Store
    from app.text import fold

    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    store = Store.open(str(tmp))
    bootstrap(store)
    with store.write() as s:
        demo.seed(s, Actor("bench", "admin"))
    store.close()
    con = sqlite3.connect(tmp, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    procs = con.execute("SELECT id, department_id FROM procedures").fetchall()
    triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger' AND tbl_name='dossiers'").fetchall()
    for name, _ in triggers:
        con.execute(f"DROP TRIGGER {name}")
    rng = random.Random(20260504)
    surnames = [s for s, _ in SURNAMES] + ["Khúc", "Kiều", "La", "Lục", "Mạc", "Nghiêm", "Quách", "Thái", "Tôn", "Văn"]
    weights = [w for _, w in SURNAMES] + [0.6] * 10
    start = datetime(2021, 1, 4, 1, 0, tzinfo=timezone.utc)
    now = datetime.now(timezone.utc)
    step = (now - timedelta(days=30) - start) / TOTAL
    per_day: dict[str, int] = {}
    samples = {"codes": [], "ids": [], "phones": [], "names": []}
    con.execute("BEGIN")
    rows = []
    for i in range(TOTAL):
        received = start + step * i
        day = (received + timedelta(hours=7)).strftime("%y%m%d")
        per_day[day] = per_day.get(day, 0) + 1
        code = f"000.31.12.H56-{day}-{per_day[day]:04d}"
        name = make_name(rng, surnames, weights)
        id_number = f"0{rng.randint(1, 96):02d}{rng.randint(0, 3)}{rng.randint(50, 99):02d}{rng.randint(0, 999999):06d}"
        phone = f"0{rng.choice('3579')}{rng.randint(0, 99999999):08d}"
        proc_id, dept_id = procs[i % len(procs)]
        is_open = i >= TOTAL - OPEN
        if is_open:
            received = now - timedelta(days=rng.uniform(0, 20))
            due = now + timedelta(hours=rng.uniform(-72, 240))
            status = rng.choice(["received", "processing", "processing", "supplement_requested", "payment_requested"])
        else:
            due = received + timedelta(days=3)
            status = "returned"
        fmt = "%Y-%m-%d %H:%M:%S.%f"
        rows.append((
            uuid.UUID(int=rng.getrandbits(128)).hex, code, "local-daily", proc_id, dept_id, status, "citizen", "in_person",
            "counter", 1, received.astimezone(timezone.utc).strftime(fmt), due.astimezone(timezone.utc).strftime(fmt), 0,
            f"canbo{1 + i % 4}", 1, str(received.year), fold(name), id_number, phone, received.strftime(fmt),
            received.strftime(fmt), 1, i + 1, 0, 0,
        ))
        if i % 997 == 0:
            samples["codes"].append(code if rng.random() < 0.5 else code[:-2])
            samples["ids"].append(id_number if rng.random() < 0.6 else id_number[:8])
            samples["phones"].append(phone if rng.random() < 0.6 else phone[:7])
            words = name.split()
            pick = rng.choice([[words[0]], [words[-1]], [words[0], words[-1]], words[:2], [words[0], words[1], words[-1]]])
            samples["names"].append(" ".join(pick) if rng.random() < 0.5 else fold(" ".join(pick)))
        if len(rows) == 20_000:
            _insert(con, rows)
            rows = []
    _insert(con, rows)
    con.execute("INSERT INTO dossier_fts(rowid, name) SELECT serial, search_name FROM dossiers")
    con.execute("INSERT INTO dossier_fts(dossier_fts) VALUES('optimize')")
    con.execute("INSERT OR REPLACE INTO sequences(name, value) VALUES ('dossier_serial', ?)", (TOTAL,))
    con.execute("COMMIT")
    for _, sql in triggers:
        con.execute(sql)
    con.execute("ANALYZE")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    tmp.rename(path)
    path.with_suffix(".samples.json").write_text(json.dumps(samples, ensure_ascii=False))
    return samples


def _insert(con, rows) -> None:
    con.executemany(
        "INSERT INTO dossiers (id, code, code_issuer, procedure_id, department_id, status, applicant_type, channel, "
        "delivery, sets, received_at, due_at, apology_count, officer, counter, register_book, search_name, "
        "search_id_number, search_phone, created_at, updated_at, version, serial, supplement_late, refused_at_intake) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )


def million_database() -> tuple[Path, dict]:
    path = _cache_path()
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        for old in CACHE.glob("dossiers-*.sqlite3*"):
            old.unlink()
        t = time.perf_counter()
        samples = build_database(path)
        print(f"generated {TOTAL:,} dossiers in {time.perf_counter() - t:.0f} s", flush=True)
        return path, samples
    return path, json.loads(path.with_suffix(".samples.json").read_text())


def query_mix(samples: dict, n: int = 1000) -> list[str]:
    rng = random.Random(7)
    mix = [("codes", 25), ("ids", 25), ("phones", 15), ("names", 35)]
    out = []
    for kind, share in mix:
        out += rng.choices(samples[kind], k=n * share // 100)
    rng.shuffle(out)
    return out


def _sequence_names(store, intake) -> list[str]:
    """The sequences one intake draws from (code, register entry, serial), in order, seen on the wire."""
    from sqlalchemy import event

    names: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith("INSERT INTO sequences"):
            names.append(parameters[0])

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        intake()
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    return names


def _raw_intake(path: Path, sequence_names: list[str]):
    """A function writing the rows of the last intake in ``path`` again, as a new dossier, with plain sqlite3
    in one fsync'd transaction: the floor no ORM path can go below."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA busy_timeout = 5000")
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = FULL")
    con.execute("PRAGMA foreign_keys = ON")

    def rows(sql: str, *args) -> tuple[list[str], list[tuple]]:
        cur = con.execute(sql, args)
        return [d[0] for d in cur.description], cur.fetchall()

    columns, [dossier] = rows("SELECT * FROM dossiers ORDER BY serial DESC LIMIT 1")
    old = dict(zip(columns, dossier))
    children = {}
    for table in ("dossier_parties", "dossier_documents", "dossier_fees", "dossier_events"):
        cols, found = rows(f"SELECT * FROM {table} WHERE dossier_id = ? ORDER BY id", old["id"])
        keep = [c for c in cols if c != "id"]
        children[table] = (keep, [[r[cols.index(c)] for c in keep] for r in found])
    id_is_text = isinstance(old["id"], str)
    old_uuid = uuid.UUID(hex=old["id"]) if id_is_text else uuid.UUID(bytes=old["id"])
    cols, found = rows("SELECT * FROM outbox WHERE aggregate_id IN (?, ?) ORDER BY id", str(old_uuid), old["code"])
    outbox_cols = [c for c in cols if c != "id"]
    outbox = [[r[cols.index(c)] for c in outbox_cols] for r in found]
    assert found and all(children[t][1] for t in children), "the intake wrote no outbox row or no children"

    def insert(table: str, cols: list[str]) -> str:
        return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"

    upsert = ("INSERT INTO sequences (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 "
              "RETURNING value")
    dossier_sql = insert("dossiers", columns)
    child_sql = {t: insert(t, cols) for t, (cols, _) in children.items()}
    outbox_sql = insert("outbox", outbox_cols)

    def write():
        con.execute("BEGIN IMMEDIATE")
        code_no, entry, serial = (con.execute(upsert, (name,)).fetchone()[0] for name in sequence_names)
        new_uuid = uuid.uuid4()
        new_id = new_uuid.hex if id_is_text else new_uuid.bytes
        code = f"{old['code'].rsplit('-', 1)[0]}-R{code_no:06d}"
        con.execute(dossier_sql, [new_id if c == "id" else code if c == "code" else entry if c == "register_entry"
                                  else serial if c == "serial" else old[c] for c in columns])
        for table, (cols, values) in children.items():
            at = cols.index("dossier_id")
            con.executemany(child_sql[table], [[new_id if i == at else v for i, v in enumerate(r)] for r in values])
        swap = {str(old_uuid): str(new_uuid), old_uuid.hex: new_uuid.hex, old["code"]: code}
        con.executemany(outbox_sql, [[_swap(v, swap) for v in r] for r in outbox])
        con.execute("COMMIT")

    return write


def _swap(value, swap: dict[str, str]):
    if isinstance(value, str):
        for before, after in swap.items():
            value = value.replace(before, after)
    return value


def run() -> dict[str, float]:
    from app.actors import Actor
    from app.services import demo, dossiers, search
    from app.services.board import board
    from app.services.bootstrap import bootstrap
    from app.store.session import Store

    figures: dict[str, float] = {}
    officer = Actor("canbo1", "officer", counter=1)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "intake.sqlite3"))
        bootstrap(store)
        with store.write() as s:
            demo.seed(s, Actor("bench", "admin"))
        req = dossiers.parse_intake({
            "procedure_code": "1.001193",
            "applicant": {"full_name": "Nguyễn Văn An", "id_number": "001089012345", "phone": "0905123456",
                          "date_of_birth": "1989-01-01", "address": "Thôn 1, xã Minh An"},
            "documents": [{"item": c, "originals": 1} for c in ("TP1", "TP2", "TP3", "TP4", "TP5", "XT1")],
        })

        def intake():
            with store.write() as s:
                dossiers.receive(s, officer, req)

        sequence_names = _sequence_names(store, intake)
        figures["intake_commit_ms"] = median_of(intake, repeat=300, warmup=20)
        store.close()
        figures["raw_intake_rows_ms"] = median_of(_raw_intake(Path(tmp) / "intake.sqlite3", sequence_names),
                                                  repeat=300, warmup=20)
        figures["intake_over_raw"] = round(figures["intake_commit_ms"] / figures["raw_intake_rows_ms"], 2)

    path, samples = million_database()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "m.sqlite3"
        shutil.copyfile(path, work)
        store = Store.open(str(work))
        queries = query_mix(samples)
        with store.read() as s:
            for q in queries[:50]:
                search.search(s, q)
            times = []
            for q in queries:
                t = time.perf_counter()
                search.search(s, q)
                times.append((time.perf_counter() - t) * 1000)
        figures["search_p95_ms"] = round(percentile(times, 95), 3)
        figures["search_p50_ms"] = round(percentile(times, 50), 3)

        def run_board():
            with store.read() as s:
                board(s)

        figures["board_ms"] = median_of(run_board, repeat=15, warmup=2)
        store.close()
    return figures
