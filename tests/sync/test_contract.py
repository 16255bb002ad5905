"""The simulator against the contract (schemathesis generates requests from sync/openapi.yaml; every answer
must match the response schema of its operation, and the server never fails with a 5xx when no fault is set),
and the client's own validator on the answers it gets."""

from __future__ import annotations

import pytest
import requests

from sync.contract import SPEC_PATH, ContractError, parse_answer
from tests.sync.conftest import start_sim

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis import checks  # noqa: E402


@pytest.fixture(scope="module")
def running_sim(tmp_path_factory):
    handle = start_sim(tmp_path_factory.mktemp("contract"))
    yield handle
    handle.process.terminate()
    handle.process.wait(10)


@pytest.fixture(scope="module")
def token(running_sim):
    return requests.post(f"{running_sim.url}/api/v1/token", json={"username": "motcua", "password": "motcua"},
                         timeout=10).json()["access_token"]


def test_the_simulator_keeps_the_contract(running_sim, token):
    # The schemathesis pytest plugin does not run under this pytest; its Python API does: one hypothesis run
    # per operation, each case sent to the real simulator and its answer checked against the document.
    from hypothesis import given

    contract = schemathesis.openapi.from_path(str(SPEC_PATH))
    operations = [result.ok() for result in contract.get_all_operations()]
    assert len(operations) >= 7
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            case.call_and_validate(base_url=running_sim.url, headers={"Authorization": f"Bearer {token}"},
                                   checks=[checks.not_a_server_error, checks.status_code_conformance,
                                           checks.content_type_conformance, checks.response_schema_conformance])

        check()


def test_the_client_refuses_what_breaks_the_contract():
    with pytest.raises(ContractError) as caught:
        parse_answer("DongBoHoSoMC", 200, "text/html", b"<html>Wi-Fi</html>")
    assert caught.value.kind == "not_json"
    with pytest.raises(ContractError):
        parse_answer("DongBoHoSoMC", 200, "application/json", b'{"error_code": "0", "results": [')
    with pytest.raises(ContractError) as caught:
        parse_answer("DongBoHoSoMC", 200, "application/json", b'{"error_code": "0", "message": "ok"}')
    assert caught.value.kind == "schema"
    ok = parse_answer("DongBoHoSoMC", 200, "application/json",
                      b'{"error_code": "0", "message": "ok", "results": [{"key": "k", "error_code": "0", "message": ""}]}')
    assert ok["results"][0]["key"] == "k"
