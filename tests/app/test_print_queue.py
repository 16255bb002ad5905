"""The persistent print queue on both engines, against real receivers (simulated printer, TCP 9100)."""

from __future__ import annotations

import pytest

from app.errors import NotFoundError, RuleError, ValidationError
from app.services import print_queue as pq
from devices.document_printer import SimulatedDocumentPrinter
from devices.printer import SimulatedPrinter, TcpPrinter
from tests.devices.netprinter import RecordingPrinterServer

STATION = "counter-1"
PDF = b"%PDF-1.4\n%slip\n"


def add(store, data: bytes, *, printer="receipt_printer", kind="slip:receipt", content_type="escpos", **kw) -> int:
    with store.write() as s:
        return pq.enqueue(s, station=STATION, printer=printer, kind=kind, content_type=content_type, data=data, **kw)


def states(store) -> dict[int, str]:
    with store.read() as s:
        return {j["id"]: j["state"] for j in pq.jobs(s, station=STATION)}


def counts(store) -> dict[str, int]:
    with store.read() as s:
        return pq.counts(s, STATION)


def sender(store, printer, name="receipt_printer") -> pq.QueueSender:
    return pq.QueueSender(store, station=STATION, printer_name=name, printer=printer, timeout=5)


def test_jobs_go_out_in_order_and_are_done(store):
    ids = [add(store, f"job {i}".encode(), dossier_code=f"X-{i}") for i in range(3)]
    assert counts(store) == {"waiting": 3, "in_doubt": 0}
    printer = SimulatedPrinter()
    result = sender(store, printer).pump()
    assert result.sent == ids and result.failed_job is None
    assert printer.jobs == [b"job 0", b"job 1", b"job 2"]
    assert set(states(store).values()) == {"done"}
    assert counts(store) == {"waiting": 0, "in_doubt": 0}
    with store.read() as s:
        job = pq.get(s, ids[0])
    assert job["attempts"] == 1 and job["dossier_code"] == "X-0" and job["bytes"] == 5


def test_a_jam_keeps_the_slip_and_the_ones_behind_it(store):
    ids = [add(store, f"slip {i}".encode()) for i in range(3)]
    printer = SimulatedPrinter(fail="paper_out")
    queue = sender(store, printer)
    result = queue.pump()
    assert result.sent == [] and result.failed_job == ids[0] and result.error_kind == "paper_out"
    assert states(store) == {ids[0]: "failed", ids[1]: "queued", ids[2]: "queued"}
    with store.read() as s:
        assert pq.get(s, ids[0])["last_error"] == "paper_out"
    assert counts(store)["waiting"] == 3
    queue.pump()  # still jammed: the same job fails again, nothing behind it passes
    assert printer.jobs == []
    printer.set_fault(None)  # the officer fixed the paper
    assert queue.pump().sent == ids
    assert printer.jobs == [b"slip 0", b"slip 1", b"slip 2"]
    with store.read() as s:
        assert pq.get(s, ids[0])["attempts"] == 3


def test_network_printer_goes_away_and_comes_back(store):
    server = RecordingPrinterServer()
    try:
        printer = TcpPrinter("127.0.0.1", server.port, timeout=1)
        queue = sender(store, printer)
        ids = [add(store, b"\x1b@" + f"ticket {i}".encode() + b"\x1dV\x00") for i in range(3)]
        assert queue.pump(limit=1).sent == ids[:1]
        server.stop()  # unplugged from the network
        result = queue.pump()
        assert result.failed_job == ids[1] and result.error_kind == "offline"
        assert states(store) == {ids[0]: "done", ids[1]: "failed", ids[2]: "queued"}
        server.start()  # back, on the same address
        assert queue.pump().sent == ids[1:]
        assert server.wait_for_jobs(3)
        assert server.jobs == [b"\x1b@" + f"ticket {i}".encode() + b"\x1dV\x00" for i in range(3)]
    finally:
        server.stop()


def test_a_job_found_sending_is_never_printed_on_its_own(store):
    first, second = add(store, b"first"), add(store, b"second")
    with store.write() as s:  # a station took the first job and stopped before marking it done
        assert pq.claim_next(s, STATION, "receipt_printer").id == first
    printer = SimulatedPrinter()
    queue = sender(store, printer)
    assert queue.pump().sent == [second]
    assert queue.in_doubt == [first]
    assert printer.jobs == [b"second"]
    with store.read() as s:
        job = pq.get(s, first)
    assert job["state"] == "sending" and job["may_have_printed"] is True
    assert counts(store) == {"waiting": 0, "in_doubt": 1}
    assert queue.pump().sent == []  # asked again: still not sent
    with store.write() as s:  # the officer: "in lại"
        assert pq.retry(s, first)["state"] == "queued"
    assert queue.pump().sent == [first]
    assert printer.jobs == [b"second", b"first"]


def test_the_officer_says_it_did_print(store):
    job = add(store, b"maybe")
    with store.write() as s:
        pq.claim_next(s, STATION, "receipt_printer")
    with store.write() as s:
        with pytest.raises(RuleError):
            pq.confirm_printed(s, job)  # not in doubt yet: its sender may be sending it right now
        with pytest.raises(RuleError):
            pq.retry(s, job)
    sender(store, SimulatedPrinter()).start()
    with store.write() as s:
        assert pq.confirm_printed(s, job)["state"] == "done"
    assert counts(store) == {"waiting": 0, "in_doubt": 0}


def test_send_a_waiting_slip_to_the_a4_printer(store):
    slip = add(store, b"\x1b@slip", dossier_code="D-1")
    receipt = SimulatedPrinter(fail="paper_out")
    sender(store, receipt).pump()
    with store.write() as s:
        with pytest.raises(RuleError):  # ESC/POS bytes cannot go to a PDF printer
            pq.retry(s, slip, printer="a4_printer")
        with pytest.raises(ValidationError):
            pq.retry(s, slip, printer="a4_printer", data=PDF)
        moved = pq.retry(s, slip, printer="a4_printer", content_type="pdf", data=PDF)
    assert moved["printer"] == "a4_printer" and moved["content_type"] == "pdf" and moved["state"] == "queued"
    a4 = SimulatedDocumentPrinter()
    assert sender(store, a4, "a4_printer").pump().sent == [slip]
    assert [data for _t, _c, data in a4.jobs] == [PDF]
    receipt.set_fault(None)
    assert sender(store, receipt).pump().sent == []  # it left the receipt printer's queue
    assert receipt.jobs == []


def test_reprint_of_a_done_job_is_a_new_job(store):
    job = add(store, b"done once")
    printer = SimulatedPrinter()
    sender(store, printer).pump()
    with store.write() as s:
        again = pq.retry(s, job)
    assert again["id"] != job and again["state"] == "queued"
    sender(store, printer).pump()
    assert printer.jobs == [b"done once", b"done once"]
    assert states(store) == {job: "done", again["id"]: "done"}


def test_queues_are_per_station_and_printer(store):
    mine = add(store, b"mine")
    with store.write() as s:
        pq.enqueue(s, station="counter-2", printer="receipt_printer", kind="ticket", content_type="escpos", data=b"other")
    add(store, b"ticket", printer="ticket_printer")
    printer = SimulatedPrinter()
    assert sender(store, printer).pump().sent == [mine]
    assert printer.jobs == [b"mine"]
    assert counts(store)["waiting"] == 1


def test_bad_input(store):
    with store.write() as s:
        with pytest.raises(ValidationError):
            pq.enqueue(s, station=STATION, printer="p", kind="k", content_type="zpl", data=b"x")
        with pytest.raises(ValidationError):
            pq.enqueue(s, station=STATION, printer="p", kind="k", content_type="escpos", data=b"")
        with pytest.raises(NotFoundError):
            pq.retry(s, 999_999)
        with pytest.raises(ValidationError):
            pq.jobs(s, states=["lost"])
    with pytest.raises(ValidationError):
        pq.content_type_of("label_printer")


def test_pdf_copies_go_to_the_document_printer(store):
    add(store, PDF, printer="a4_printer", kind="form:receipt", content_type="pdf", title="receipt-D-1", copies=2)
    a4 = SimulatedDocumentPrinter()
    sender(store, a4, "a4_printer").pump()
    assert a4.jobs == [("receipt-D-1", 2, PDF)]


# --------------------------------------------------------------------------- kill -9 at random points

KILL_TRIALS_PER_ENGINE = 11  # x 2 engines: 22 trials in the suite
JOBS_PER_TRIAL = 4

def _sender_process(url: str, port: int, station: str, ready) -> None:
    """A station's sender in its own (forked) process: its own engine and connection, as a station has."""
    from app.store.session import Store

    store = Store.open(url, migrate=False)
    sender = pq.QueueSender(
        store, station=station, printer_name="receipt_printer", printer=TcpPrinter("127.0.0.1", port, timeout=5), timeout=10
    )
    ready.set()
    sender.pump()
    store.close()


def _payload(trial: int, n: int, size: int) -> bytes:
    import random

    body = random.Random(trial * 100 + n).randbytes(size)
    return f"JOB{trial:03d}-{n:02d}|".encode() + body + f"|END{trial:03d}-{n:02d}".encode()


@pytest.mark.slow
def test_kill_minus_nine_never_loses_or_doubles_a_job(migrated_url):
    """A sender process is killed (SIGKILL) at a random point of a job — before the claim, between the
    claim's commit and the first byte, mid-transfer, after the printer took the job but before "done" —
    then the station starts again. Counted at the printer (a TCP 9100 receiver): every job printed
    exactly once, or shown as "may have printed" (then printed at most once), none twice on its own."""
    import multiprocessing
    import os
    import random
    import signal
    import threading

    from app.store.session import Store

    rng = random.Random(20261202)
    fork = multiprocessing.get_context("fork")
    store = Store.open(migrated_url, migrate=False)
    outcomes = {"done": 0, "in_doubt_printed": 0, "in_doubt_not_printed": 0, "partial": 0}
    try:
        for trial in range(KILL_TRIALS_PER_ENGINE):
            station = f"kill-{trial}"
            sizes = [rng.choice((300, 5_000, 120_000)) for _ in range(JOBS_PER_TRIAL)]
            payloads = {}
            with store.write() as s:
                for n, size in enumerate(sizes):
                    data = _payload(trial, n, size)
                    job = pq.enqueue(s, station=station, printer="receipt_printer", kind="ticket", content_type="escpos", data=data)
                    payloads[job] = data
            proc = None
            killed = threading.Event()
            # Where to pull the plug: mid-transfer (a byte count at the printer), right after the claim
            # was committed (seen in the database), or at a random moment of the run.
            mode = ("bytes", "claimed", "time")[trial % 3]
            target_conn = rng.randint(1, JOBS_PER_TRIAL)
            target_bytes = rng.randint(1, sizes[target_conn - 1])
            by_bytes = mode == "bytes"

            def kill_at(conn: int, received: int) -> None:  # on the receiver's thread: the printer pulls the plug
                if by_bytes and proc is not None and not killed.is_set() and conn == target_conn and received >= target_bytes:
                    killed.set()
                    os.kill(proc.pid, signal.SIGKILL)

            server = RecordingPrinterServer(on_bytes=kill_at, chunk=4096)
            try:
                # Forked (cheap: the modules are loaded) after dropping this process's pooled connections,
                # so that the child never touches a connection it inherited.
                store.engine.dispose()
                ready = fork.Event()
                proc = fork.Process(target=_sender_process, args=(migrated_url, server.port, station, ready), daemon=True)
                proc.start()
                assert ready.wait(30)
                if mode == "claimed":
                    target_job = sorted(payloads)[target_conn - 1]
                    while proc.is_alive():
                        with store.read() as s:
                            if pq.get(s, target_job)["state"] != "queued":
                                break
                elif mode == "time":
                    threading.Event().wait(rng.uniform(0.0, 0.15))
                if mode != "bytes" and proc.is_alive():
                    killed.set()
                    os.kill(proc.pid, signal.SIGKILL)
                proc.join(30)
                if not killed.is_set():
                    assert proc.exitcode == 0
                else:
                    assert proc.exitcode in (0, -signal.SIGKILL)
                # The station starts again (here, in this process) and sends what is left.
                restarted = pq.QueueSender(
                    store, station=station, printer_name="receipt_printer", printer=TcpPrinter("127.0.0.1", server.port), timeout=10
                )
                result = restarted.pump()
                assert result.failed_job is None, result.error
            finally:
                server.stop()

            received = server.jobs
            complete = {job: received.count(data) for job, data in payloads.items()}
            partial = [r for r in received if r not in payloads.values()]
            with store.read() as s:
                rows = {j["id"]: j for j in pq.jobs(s, station=station)}
            assert set(rows) == set(payloads), "a job was lost"
            doubtful = set()
            for job, row in rows.items():
                if row["state"] == "done":
                    assert complete[job] == 1, (trial, job, complete[job])
                    outcomes["done"] += 1
                else:
                    assert row["state"] == "sending" and row["may_have_printed"], (trial, row)
                    assert complete[job] <= 1, (trial, job)
                    doubtful.add(job)
                    outcomes["in_doubt_printed" if complete[job] else "in_doubt_not_printed"] += 1
            assert len(doubtful) <= 1  # one sender, one job in flight at a time
            for piece in partial:  # a torn job belongs to the job that was in flight
                assert doubtful and any(payloads[j].startswith(piece) for j in doubtful), (trial, piece[:20])
                outcomes["partial"] += 1
    finally:
        store.close()
    assert outcomes["done"] > 0 and outcomes["in_doubt_printed"] + outcomes["in_doubt_not_printed"] > 0, outcomes


# --------------------------------------------------------------------------- command line


def _cli(capsys, *argv):
    from app.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_queue_retry_and_send(capsys, data_dir, monkeypatch, tmp_path):
    import json

    from app.store.session import Store

    spool = tmp_path / "spool"
    monkeypatch.setenv("MOTCUA_DEVICES_RECEIPT_PRINTER", f"sim://?spool={spool}")
    assert _cli(capsys, "print", "queue", "--json")[0] == 0  # creates the database
    store = Store.open(str(data_dir / "motcua.sqlite3"))
    try:
        with store.write() as s:
            first = pq.enqueue(s, station=STATION, printer="receipt_printer", kind="ticket", content_type="escpos",
                               data=b"\x1b@A001", ticket="A001")
            second = pq.enqueue(s, station=STATION, printer="receipt_printer", kind="ticket", content_type="escpos",
                                data=b"\x1b@A002", ticket="A002")
        with store.write() as s:
            pq.claim_next(s, STATION, "receipt_printer")  # the station stopped while sending A001
    finally:
        store.close()

    code, out, err = _cli(capsys, "print", "send", "--printer", "receipt_printer", "--json")
    assert code == 0, err
    assert json.loads(out) == {"sent": [second], "failed_job": None, "error": None, "may_have_printed": [first]}
    assert (spool / "job-0001.bin").read_bytes() == b"\x1b@A002"

    code, out, err = _cli(capsys, "print", "queue", "--json")
    listing = json.loads(out)
    assert code == 0 and listing["station"] == STATION and listing["in_doubt"] == 1 and listing["waiting"] == 0
    [job] = listing["jobs"]
    assert job["id"] == first and job["state"] == "sending" and job["may_have_printed"] is True and job["ticket"] == "A001"
    assert {"id", "printer", "kind", "state", "attempts", "last_error", "dossier_code", "ticket"} <= set(job)
    all_jobs = json.loads(_cli(capsys, "print", "queue", "--all", "--json")[1])["jobs"]
    assert [(j["id"], j["state"]) for j in all_jobs] == [(first, "sending"), (second, "done")]

    code, out, err = _cli(capsys, "print", "retry", str(first), "--json")
    assert code == 0 and json.loads(out)["state"] == "queued"
    assert _cli(capsys, "print", "send", "--json")[0] == 0
    assert (spool / "job-0002.bin").read_bytes() == b"\x1b@A001"

    # refused: unknown job, unknown printer, a ticket has no A4 form
    code, _out, err = _cli(capsys, "print", "retry", "999999")
    assert code == 2 and err.count("\n") == 1
    code, _out, err = _cli(capsys, "print", "retry", str(first), "--printer", "label_printer")
    assert code == 2 and "label_printer" in err
    code, _out, err = _cli(capsys, "print", "retry", str(first), "--printer", "a4_printer")
    assert code == 2 and err.count("\n") == 1


def test_cli_send_reports_a_printer_fault(capsys, data_dir, monkeypatch):
    import json

    monkeypatch.setenv("MOTCUA_DEVICES_RECEIPT_PRINTER", "sim://?fault=paper_out")
    assert _cli(capsys, "print", "queue")[0] == 0
    from app.store.session import Store

    store = Store.open(str(data_dir / "motcua.sqlite3"))
    try:
        with store.write() as s:
            job = pq.enqueue(s, station=STATION, printer="receipt_printer", kind="ticket", content_type="escpos", data=b"x")
    finally:
        store.close()
    code, out, err = _cli(capsys, "print", "send", "--json")
    assert code == 1 and json.loads(out)["failed_job"] == job and "paper_out" in err
    listing = json.loads(_cli(capsys, "print", "queue", "--json")[1])
    assert listing["waiting"] == 1 and listing["jobs"][0]["last_error"] == "paper_out"


def test_cli_sends_a_jammed_slip_to_the_a4_printer(capsys, data_dir):
    import json

    from app.actors import Actor
    from app.services import dossiers
    from app.store.session import Store

    assert _cli(capsys, "demo", "seed")[0] == 0
    store = Store.open(str(data_dir / "motcua.sqlite3"))
    try:
        with store.write() as s:
            intake = {"procedure_code": "1.004837", "applicant": {"full_name": "Nguyễn Văn An", "id_number": "001089012345"},
                      "documents": [{"item": "TP1", "originals": 1}, {"item": "TP3", "originals": 1}]}
            code = dossiers.receive(s, Actor("canbo1", "officer", counter=1), dossiers.parse_intake(intake)).code
        with store.write() as s:
            job = pq.enqueue(s, station=STATION, printer="receipt_printer", kind="slip:receipt", content_type="escpos",
                             data=b"\x1b@slip", dossier_code=code)
    finally:
        store.close()
    code_, out, err = _cli(capsys, "print", "retry", str(job), "--printer", "a4_printer", "--json")
    assert code_ == 0, err
    moved = json.loads(out)
    assert moved["printer"] == "a4_printer" and moved["content_type"] == "pdf" and moved["state"] == "queued"
    code_, out, err = _cli(capsys, "print", "send", "--printer", "a4_printer", "--json")
    assert code_ == 0 and json.loads(out)["sent"] == [job], err
    [pdf] = (data_dir / "spool").glob("doc-*.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")


# --------------------------------------------------------------------------- the state machine (hypothesis)

from hypothesis import settings as hsettings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule  # noqa: E402


class PrintQueueMachine(RuleBasedStateMachine):
    """Jobs, printer faults, stations that die mid-send (before or after the printer took the bytes),
    restarts and the officer's decisions, in any order: the table always says what the model says, no
    job is lost, and a job is printed more than once only when the officer asked for it again."""

    def __init__(self) -> None:
        import shutil
        import tempfile
        from pathlib import Path

        from app.store.session import Store
        from tests.app.helpers import seeded_template

        super().__init__()
        self.folder = tempfile.mkdtemp()
        path = Path(self.folder) / "q.sqlite3"
        shutil.copyfile(seeded_template(), path)
        self.store = Store.open(str(path), migrate=False)
        self.printer = SimulatedPrinter()
        self.sender: pq.QueueSender | None = None
        self.model: dict[int, str] = {}  # id -> queued | failed | sending | doubt | done
        self.asked_again: dict[int, int] = {}
        self.counter = 0

    def teardown(self) -> None:
        import shutil

        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _data(self, job: int) -> bytes:
        return f"job-{job}".encode()

    def _waiting(self) -> list[int]:
        return sorted(j for j, s in self.model.items() if s in ("queued", "failed"))

    @rule()
    def enqueue(self) -> None:
        self.counter += 1
        with self.store.write() as s:
            job = pq.enqueue(s, station=STATION, printer="receipt_printer", kind="ticket", content_type="escpos",
                             data=f"pending-{self.counter}".encode())
            # the bytes name the job, so prints can be counted per job at the printer
            s.get(pq.PrintJob, job).payload = self._data(job)
        self.model[job] = "queued"
        self.asked_again[job] = 0

    @rule(kind=st.sampled_from([None, None, "paper_out", "offline", "cover_open"]))
    def printer_state(self, kind) -> None:
        self.printer.set_fault(kind)

    @rule()
    def pump(self) -> None:
        if self.sender is None:  # the station (re)starts: what it left sending is in doubt
            self.sender = pq.QueueSender(self.store, station=STATION, printer_name="receipt_printer", printer=self.printer)
            for job, state in self.model.items():
                if state == "sending":
                    self.model[job] = "doubt"
        result = self.sender.pump()
        waiting = self._waiting()
        if self.printer.fault is None:
            assert result.sent == waiting and result.failed_job is None
            for job in waiting:
                self.model[job] = "done"
        elif waiting:
            assert result.sent == [] and result.failed_job == waiting[0] and result.error_kind == self.printer.fault
            self.model[waiting[0]] = "failed"

    @precondition(lambda self: self._waiting())
    @rule(delivered=st.booleans())
    def station_dies_mid_send(self, delivered: bool) -> None:
        """The claim was committed; the printer got the bytes (or not); then the power went."""
        with self.store.write() as s:
            job = pq.claim_next(s, STATION, "receipt_printer")
        assert job is not None and job.id == self._waiting()[0]
        if delivered and self.printer.fault is None:
            self.printer.send(job.data)
        self.model[job.id] = "sending"
        self.sender = None

    @precondition(lambda self: any(s == "doubt" for s in self.model.values()))
    @rule(again=st.booleans(), data=st.data())
    def officer_decides(self, again: bool, data) -> None:
        job = data.draw(st.sampled_from(sorted(j for j, s in self.model.items() if s == "doubt")))
        with self.store.write() as s:
            if again:
                pq.retry(s, job)
                self.model[job] = "queued"
                self.asked_again[job] += 1
            else:
                pq.confirm_printed(s, job)
                self.model[job] = "done"

    @invariant()
    def table_matches_model_and_prints_are_counted(self) -> None:
        with self.store.read() as s:
            rows = {j["id"]: j for j in pq.jobs(s, station=STATION, limit=10_000)}
        assert set(rows) == set(self.model)
        for job, state in self.model.items():
            row = rows[job]
            expected = "sending" if state == "doubt" else state
            assert row["state"] == expected, (job, row, state)
            assert row["may_have_printed"] is (state == "doubt")
        prints = self.printer.jobs
        for job in self.model:
            assert prints.count(self._data(job)) <= 1 + self.asked_again[job], job


TestPrintQueueMachine = PrintQueueMachine.TestCase
TestPrintQueueMachine.settings = hsettings(max_examples=20, stateful_step_count=20, deadline=None)


def test_a_cancelled_job_leaves_the_queue_and_comes_back_only_by_a_retry(store):
    stale, fresh = add(store, b"stale ticket", kind="ticket"), add(store, b"fresh ticket", kind="ticket")
    printer = SimulatedPrinter(fail="paper_out")
    assert sender(store, printer).pump().failed_job == stale
    with store.write() as s:
        pq.cancel(s, stale, "kiosk: paper_out")
    assert states(store) == {stale: "cancelled", fresh: "queued"}
    assert counts(store) == {"waiting": 1, "in_doubt": 0}
    printer.set_fault(None)
    assert sender(store, printer).pump().sent == [fresh]
    assert printer.jobs == [b"fresh ticket"]
    with store.write() as s:
        assert pq.jobs(s, station=STATION, states=["cancelled"])[0]["id"] == stale
        assert pq.retry(s, stale)["state"] == "queued"  # the officer's word only
