"""Input checking at the door: the field rules on an intake form and on a catalog file."""

from __future__ import annotations

import json

from bench.util import median_of

FORM = {
    "procedure_code": "1.004837",
    "applicant": {"full_name": "Nguyễn Thị Minh Khai", "id_number": "001089012345", "phone": "0905 123 456",
                  "date_of_birth": "1989-01-01", "address": "Số 12, ngõ 34, phường Láng Thượng, quận Đống Đa, Hà Nội",
                  "email": "khai.nguyen@example.vn"},
    "submitter": {"full_name": "Trần Văn Bình", "id_number": "079123456789", "phone": "+84 912 345 678"},
    "documents": [{"item": f"TP{i}", "originals": 1, "photocopies": 2} for i in range(1, 6)],
    "note": "Nộp thay; hẹn trả qua bưu điện",
}


def run() -> dict[str, float]:
    from app.catalog_io import parse_csv_catalog, parse_json_catalog
    from app.services.dossier_input import parse_intake

    catalog = [{"code": f"8.{i:05d}", "name": f"Thủ tục cấp giấy phép số {i}", "field": "Thử nghiệm",
                "processing_time": {"amount": 3, "unit": "working_days"},
                "documents": [{"code": f"TP{j}", "name": "Tờ khai theo mẫu", "originals": 1} for j in range(4)],
                "fees": [{"name": "Lệ phí", "kind": "le_phi", "amount": 50000}]} for i in range(1000)]
    text = json.dumps(catalog, ensure_ascii=False)
    rows = ["row,code,name,field,time_amount,doc_code,doc_name,originals"]
    for i in range(1000):
        rows.append(f"procedure,8.{i:05d},Thủ tục {i},Thử,3,,,")
        rows += [f"document,8.{i:05d},,,,TP{j},Tờ khai,1" for j in range(4)]
    csv_text = "\n".join(rows) + "\n"
    return {
        "input.parse_intake_us": median_of(lambda: parse_intake(FORM), repeat=300, scale=1e6),
        "input.json_catalog_1000_ms": median_of(lambda: parse_json_catalog(text), repeat=5),
        "input.csv_catalog_1000_ms": median_of(lambda: parse_csv_catalog(csv_text), repeat=5),
    }
