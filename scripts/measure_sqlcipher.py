"""The cost of SQLCipher against plain SQLite (docs/security.md): a 15-row write transaction and an indexed
prefix search on 200,000 rows, WAL and synchronous=FULL on both. SQLCipher is not a dependency: install it
apart, e.g. ``pip install --target /tmp/sqlc 'sqlcipher3-wheels>=0.5,<0.6'`` and pass that folder:

    python scripts/measure_sqlcipher.py /tmp/sqlc
"""
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time

sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else "/tmp/sqlc")
from sqlcipher3 import dbapi2 as sqlcipher  # noqa: E402

def setup(mod, path, key):
    con = mod.connect(path, isolation_level=None)
    if key:
        con.execute(f"PRAGMA key = '{key}'")
    con.execute("PRAGMA journal_mode=WAL"); con.execute("PRAGMA synchronous=FULL")
    con.execute("CREATE TABLE d (id INTEGER PRIMARY KEY, code TEXT, name TEXT, idn TEXT, body TEXT)")
    con.execute("CREATE INDEX ix_idn ON d(idn)"); con.execute("CREATE INDEX ix_code ON d(code)")
    con.execute("BEGIN")
    for i in range(200_000):
        con.execute("INSERT INTO d (code, name, idn, body) VALUES (?,?,?,?)", (f"C{i:08d}", f"Nguyen Van {i}", f"{random.randrange(10**12):012d}", "x"*300))
    con.execute("COMMIT")
    return con

def intake(con):
    con.execute("BEGIN IMMEDIATE")
    for j in range(15):
        con.execute("INSERT INTO d (code, name, idn, body) VALUES (?,?,?,?)", ("N", "Tran Thi", f"{random.randrange(10**12):012d}", "y"*300))
    con.execute("COMMIT")

def search(con):
    p = f"{random.randrange(1000):03d}"
    con.execute("SELECT id, code FROM d WHERE idn >= ? AND idn < ? LIMIT 20", (p, p + "\uffff")).fetchall()

tmp = tempfile.mkdtemp()
plain = setup(sqlite3, os.path.join(tmp, "p.db"), None)
enc = setup(sqlcipher, os.path.join(tmp, "e.db"), "correct horse battery staple")
res = {}
for rnd in range(3):
    for name, con in (("plain", plain), ("sqlcipher", enc)):
        for what, f, n in (("intake_ms", intake, 150), ("search_ms", search, 2000)):
            s = []
            for _ in range(n):
                t = time.perf_counter(); f(con); s.append(time.perf_counter() - t)
            res.setdefault((name, what), []).append(round(statistics.median(s) * 1000, 3))
for k, v in sorted(res.items()):
    print(k, v)  # noqa: T201
print(sqlcipher.connect(":memory:").execute("PRAGMA cipher_version").fetchone())  # noqa: T201
