"""The counter's daily retention job: it runs off the GUI thread as the system actor, anonymizes what is due,
then waits a day; a failure is reported and tried again at the next run."""

from __future__ import annotations

from app.filestore import content_store
from app.services import audit_chain, privacy
from tests.app.test_privacy import DIRECTOR, LATER, MON, _due


def test_the_job_anonymizes_what_is_due_off_the_gui_thread_then_waits_a_day(qtbot, seeded_store, tmp_path, officer,
                                                                            monkeypatch):
    from ui.security.retention import EVERY_MS, RetentionJob
    from ui.tasks import TaskManager

    codes = _due(seeded_store, officer, 3)
    tasks = TaskManager(seeded_store)
    try:
        files = content_store("sqlite", tmp_path)
        job = RetentionJob(tasks, seeded_store, files, first_delay_ms=10, clock=lambda: MON)
        with qtbot.waitSignal(job.finished, timeout=10_000) as done:  # not due yet: nothing done
            job.start()
        assert done.args[0]["dossiers"] == 0 and job.timer.interval() == EVERY_MS and job.timer.isActive()
        job.clock = lambda: LATER
        with qtbot.waitSignal(job.finished, timeout=10_000) as done:
            job.run_now()
        assert done.args[0] == {"dossiers": 3, "files_deleted": 0, "busy": False}
        with seeded_store.read() as s:
            anonymized = [e for e in audit_chain.entries(s, DIRECTOR) if e["action"] == "dossier.anonymize"]
        assert sorted(e["object"] for e in anonymized) == sorted(codes)
        assert {e["actor"] for e in anonymized} == {"system"}

        def broken(*_a, **_k):
            raise OSError("disk gone")

        monkeypatch.setattr(privacy, "run_scheduled", broken)
        with qtbot.waitSignal(job.failed, timeout=10_000):
            job.run_now()
        assert not job.running and job.timer.isActive()  # tried again tomorrow
        job.stop()
    finally:
        tasks.shutdown()
