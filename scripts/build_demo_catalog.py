"""Build resources/data/demo_catalog.json from the sourced catalog in ../shared/data/catalog.json.

Run: .venv/bin/python scripts/build_demo_catalog.py [SOURCE]

Keeps every procedure's code, fees and documents as sourced (never invents a code or a fee: unknown
amounts stay null and ``verified: false`` entries keep that flag) and maps the portal's long department
text onto the departments of a commune People's Committee after the 2025 reorganisation.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "catalog.json"
TARGET = ROOT / "resources" / "data" / "demo_catalog.json"

DEPARTMENT_BY_FIELD = {
    "Hộ tịch": "Văn phòng HĐND và UBND xã",
    "Chứng thực": "Văn phòng HĐND và UBND xã",
    "Nuôi con nuôi": "Văn phòng HĐND và UBND xã",
    "Bảo trợ xã hội": "Phòng Văn hóa - Xã hội",
    "Hoạt động xây dựng": "Phòng Kinh tế",
}


def build(source: Path) -> list[dict]:
    out = []
    for item in json.loads(source.read_text(encoding="utf-8")):
        out.append(
            {
                "code": item["code"],
                "local_code": item.get("local_code"),
                "name": item["name"],
                "field": item["field"],
                "department": DEPARTMENT_BY_FIELD.get(item["field"], "Văn phòng HĐND và UBND xã"),
                "urgent": bool(item.get("urgent", False)),
                "processing_time": item["processing_time"],
                "after_15h_next_day": bool(item.get("after_15h_next_day")),
                "verified": bool(item.get("verified")),
                "fees": [
                    {"name": f["name"], "kind": f["kind"], "amount": f.get("amount"), "per": f.get("per", "dossier")}
                    for f in item.get("fees", [])
                ],
                "documents": [
                    {
                        "code": d["code"],
                        "name": d["name"],
                        "originals": d.get("originals", 0),
                        "certified_copies": d.get("certified_copies", 0),
                        "photocopies": d.get("photocopies", 0),
                        # Items marked in the source as shown only, or needed only in some cases, are optional.
                        "required": d.get("required", not _conditional(d["name"], d["code"], item["code"])),
                        "alternative_group": d.get("alternative_group") or ALTERNATIVES.get((item["code"], d["code"])),
                    }
                    for d in item.get("documents", [])
                ],
                "demo": True,
                "notes": item.get("notes"),
                "source": item.get("source"),
            }
        )
    return out


# "One of" groups read from the item texts (either paper satisfies the checklist).
ALTERNATIVES = {
    ("1.000656", "TP2"): "bao_tu", ("1.000656", "TP4"): "bao_tu",
    ("1.004837", "TP2"): "giam_ho", ("1.004837", "TP3"): "giam_ho",
    ("1.001022", "TP2"): "chung_cu", ("1.001022", "TP3"): "chung_cu",
}
# Items the texts make conditional without one of the usual phrases.
CONDITIONAL = {("2.001019", "TP2")}
CONDITIONAL_MARKS = ("(chỉ", "(khi", "(trường hợp", "tùy trường hợp", "(không cần")


def _conditional(name: str, code: str, procedure: str = "") -> bool:
    """Shown-only items (XT...) and items the text says are needed only in some cases are optional."""
    lowered = name.lower()
    return code.startswith("XT") or (procedure, code) in CONDITIONAL or any(m in lowered for m in CONDITIONAL_MARKS)


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    data = {
        "about": "DEMO DATA (dữ liệu mẫu) for training and tests, built by scripts/build_demo_catalog.py from a "
        "sourced crawl of the national portal; entries with verified=false could not be confirmed. Not for production.",
        "procedures": build(source),
    }
    TARGET.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
