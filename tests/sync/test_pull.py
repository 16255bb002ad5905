"""Pulling from the province: status changes, conflicts with unsent local changes, online dossiers, an
expired cursor, pages delivered twice."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.services import dossiers, province
from app.store.models_sync import OnlineDossier, SyncConflict
from sync.pull import pull_once
from sync.push import push_once
from tests.sync.conftest import INTAKE, MON, receive_many


def status_of(store, code):
    with store.read() as s:
        return dossiers.get_dossier(s, code).status


def test_status_change_is_applied_and_not_sent_back(seeded, officer, sim, adapter):
    codes = receive_many(seeded, officer, 2)
    with seeded.write() as s:
        dossiers.act(s, officer, codes[0], "transfer", dossiers.ActionInput(to="Phòng Văn hóa - Xã hội"), now=MON)
    push_once(seeded, adapter, "w1", now=MON)
    sim.admin("set-status", code=codes[0], status="finished", note="Đã ký kết quả")
    counts = pull_once(seeded, adapter)
    assert counts["applied"] == 1
    assert status_of(seeded, codes[0]) == "finished"
    with seeded.read() as s:
        events = dossiers.get_dossier(s, codes[0]).events
    assert events[-1].kind == "province_update" and events[-1].note == "Đã ký kết quả"
    # Applying it wrote nothing to send back, and a second pull finds nothing new.
    assert push_once(seeded, adapter, "w1", now=MON + timedelta(minutes=1)).batches == 0
    assert pull_once(seeded, adapter)["applied"] == 0


def test_a_pull_never_overwrites_an_unsent_local_change(seeded, officer, sim, adapter):
    code = receive_many(seeded, officer, 1)[0]
    push_once(seeded, adapter, "w1", now=MON)
    with seeded.write() as s:  # a local change not yet sent
        dossiers.act(s, officer, code, "transfer", dossiers.ActionInput(to="Phòng Văn hóa - Xã hội"), now=MON)
    sim.admin("set-status", code=code, status="finished")
    assert pull_once(seeded, adapter)["conflict"] == 1
    assert status_of(seeded, code) == "processing"
    with seeded.read() as s:
        conflict = s.scalar(select(SyncConflict))
    assert conflict.dossier_code == code and conflict.remote["status"] == "finished" and conflict.local_status == "processing"


def test_online_dossiers_arrive_once_and_an_expired_cursor_resyncs(seeded, officer, sim, adapter):
    first = sim.admin("add-online", **INTAKE)["code"]
    second = sim.admin("add-online", **INTAKE)["code"]
    assert pull_once(seeded, adapter)["added"] == 2
    sim.admin("compact")  # the server forgets old changes: our cursor is still fine (it is at the end)
    third = sim.admin("add-online", **INTAKE)["code"]
    with seeded.write() as s:  # simulate a station whose cursor is older than what the server keeps
        from app.store.models_sync import SyncState

        s.get(SyncState, "pull.cursor").value = "1"
    counts = pull_once(seeded, adapter)
    assert counts["resync"] == 1 and counts["added"] == 1
    with seeded.read() as s:
        waiting = province.waiting_online(s)
        assert [w["province_code"] for w in waiting] == [first, second, third]  # each once, though pulled twice
        online = s.scalar(select(OnlineDossier).where(OnlineDossier.province_code == first))
        assert online.data["KenhThucHien"] == 2 and online.data["intake"]["procedure_code"] == "1.004837"


def test_an_online_dossier_is_received_at_the_counter(seeded, officer, sim, adapter):
    province_code = sim.admin("add-online", **INTAKE)["code"]
    pull_once(seeded, adapter)
    with seeded.write() as s:
        d = province.receive_online(s, officer, province_code, now=MON)
        code, channel = d.code, d.channel
    assert channel == "online" and code.endswith("-0001")
    with seeded.read() as s:
        assert province.waiting_online(s) == []
    import pytest

    from app.errors import RuleError

    with pytest.raises(RuleError), seeded.write() as s:
        province.receive_online(s, officer, province_code, now=MON)
    assert push_once(seeded, adapter, "w1", now=MON).sent == 1
    assert sim.stats()["dossiers"] == 1
    # The province's online record follows the dossier received from it (its status went back by the push).
    stats = sim.stats()
    assert stats["online_dossiers"] == 0 and stats["online_received"] == 1
    import requests

    held = requests.get(f"{sim.url}/api/v1/TraCuuHoSo", params={"MaHoSo": province_code},
                        headers={"Authorization": f"Bearer {adapter.token}"}, timeout=5).json()["data"]
    assert held["TrangThaiHoSo"] == 2 and held["MaHoSoTiepNhan"] == code


def test_an_online_dossier_with_missing_papers_gets_a_supplement_request_sent_back(seeded, officer, sim, adapter):
    import pytest
    import requests

    from app.errors import RuleError, ValidationError

    province_code = sim.admin("add-online", **INTAKE)["code"]
    pull_once(seeded, adapter)
    with pytest.raises(ValidationError), seeded.write() as s:
        province.request_online_supplement(s, officer, province_code, reason=" ")
    with seeded.write() as s:
        assert province.request_online_supplement(s, officer, province_code, reason="Thiếu bản sao CCCD",
                                                  now=MON)["status"] == "supplement"
    with seeded.read() as s:
        assert province.waiting_online(s) == []
    with pytest.raises(RuleError), seeded.write() as s:
        province.receive_online(s, officer, province_code, now=MON)
    assert push_once(seeded, adapter, "w1", now=MON).sent == 1
    held = requests.get(f"{sim.url}/api/v1/TraCuuHoSo", params={"MaHoSo": province_code},
                        headers={"Authorization": f"Bearer {adapter.token}"}, timeout=5).json()["data"]
    assert held["TrangThaiHoSo"] == 5 and held["QuaTrinhXuLy"][-1]["NoiDungXuLy"] == "Thiếu bản sao CCCD"
    assert sim.stats()["dossiers"] == 0  # still the province's online record, not a dossier of ours
