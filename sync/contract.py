"""The sync contract (``sync/openapi.yaml``): response validation for the client.

An answer is accepted only when it is JSON and matches the response schema of its operation and status in
the OpenAPI document; anything else (a captive portal's HTML page with 200, a truncated body) is a
``ContractError``. Pure; any thread.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012 as _DRAFT

SPEC_PATH = Path(__file__).with_name("openapi.yaml")


class ContractError(Exception):
    """The server's answer is not what the contract says (kind: not_json, schema, unexpected_status)."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail


@lru_cache(maxsize=1)
def spec() -> dict[str, Any]:
    return yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _validator(operation: str, status: int) -> Draft202012Validator | None:
    document = spec()
    for item in document["paths"].values():
        for op in item.values():
            if op.get("operationId") != operation:
                continue
            response = op["responses"].get(str(status))
            if response is None:
                return None
            if "$ref" in response:
                response = document["components"]["responses"][response["$ref"].rsplit("/", 1)[-1]]
            schema = response["content"]["application/json"]["schema"]
            registry = Registry().with_resource("urn:spec", Resource.from_contents(document, default_specification=_DRAFT))
            ref = schema["$ref"].replace("#/", "urn:spec#/") if "$ref" in schema else None
            return Draft202012Validator({"$ref": ref} if ref else schema, registry=registry)
    raise KeyError(f"no operation {operation} in {SPEC_PATH.name}")



def parse_answer(operation: str, status: int, content_type: str, body: bytes) -> dict[str, Any]:
    """The answer's JSON, checked against the contract; ``ContractError`` otherwise."""
    if "json" not in (content_type or "").lower():
        raise ContractError("not_json", f"{status} {content_type or 'no content type'}")
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ContractError("not_json", f"{status} body is not JSON: {exc}") from None
    validator = _validator(operation, status)
    if validator is None:
        raise ContractError("unexpected_status", f"{operation} answered {status}")
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        raise ContractError("schema", f"{operation} {status}: {'/'.join(map(str, first.path)) or '(root)'}: {first.message}")
    return data


def request_validator(operation: str) -> Draft202012Validator:
    """The request body schema of an operation (used by tests and by the simulator's own checks)."""
    document = spec()
    for item in document["paths"].values():
        for op in item.values():
            if op.get("operationId") == operation:
                schema = op["requestBody"]["content"]["application/json"]["schema"]
                registry = Registry().with_resource("urn:spec", Resource.from_contents(document, default_specification=_DRAFT))
                return Draft202012Validator({"$ref": schema["$ref"].replace("#/", "urn:spec#/")}, registry=registry)
    raise KeyError(operation)
