"""The house rules of architecture.md, checked on every import statement of the project."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROOMS = ("app", "ui", "printing", "devices", "sync")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def files(room: str):
    return [p for p in (ROOT / room).rglob("*.py")]


def test_rules():
    problems = []
    for room in ROOMS:
        for path in files(room):
            rel = path.relative_to(ROOT).as_posix()
            mods = imports_of(path)
            if room != "ui" and "PySide6" in mods:
                problems.append(f"{rel} imports PySide6")
            if room == "app" and not rel.startswith("app/cli/") and rel != "app/__main__.py":
                bad = mods & {"ui", "devices", "printing", "sync"}
                if bad:
                    problems.append(f"{rel} imports {sorted(bad)}")
            if room == "devices" and mods & {"app", "ui", "printing", "sync"}:
                problems.append(f"{rel} imports {sorted(mods & {'app', 'ui', 'printing', 'sync'})}")
            if room in ("printing", "sync") and mods & {"ui", "devices"}:
                problems.append(f"{rel} imports {sorted(mods & {'ui', 'devices'})}")
    assert not problems, "\n".join(problems)


def test_version_starts_without_heavy_imports():
    import subprocess
    import sys

    code = "import sys; from app import cli; cli.build_parser(); print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy','PySide6','reportlab','alembic','openpyxl','PIL')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out.strip() == "[]"
