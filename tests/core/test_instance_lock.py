"""The lock that tells the app a project is open in another instance: held while that app
lives, gone the moment it dies, however it dies."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from annotator.core.store.instance import InstanceLock, host_name, lock_path

HOLD = """
import sys, time
from pathlib import Path
from annotator.core.store.instance import InstanceLock
lock = InstanceLock(Path(sys.argv[1]))
print("held" if lock.acquire() else "refused", flush=True)
time.sleep(60)
"""


def holder(project: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(project)], stdout=subprocess.PIPE, text=True,
        env={"PYTHONPATH": str(Path(__file__).parents[2])},
    )
    assert process.stdout.readline().strip() == "held"
    return process


def test_a_live_instance_holds_the_lock_and_a_killed_one_leaves_it_free(tmp_path: Path):
    project = tmp_path / "study.annot"
    project.write_bytes(b"")
    process = holder(project)
    try:
        mine = InstanceLock(project)
        assert not mine.acquire()
        assert str(process.pid) in mine.holder()
        process.send_signal(signal.SIGKILL)  # a crash: no clean-up runs
        process.wait()
        assert lock_path(project).exists()  # the file stays, but nobody holds it
        assert mine.acquire()
        mine.release()
        assert not lock_path(project).exists()
    finally:
        process.kill()
        process.wait()


def test_one_process_sees_its_own_second_window_as_another_instance(tmp_path: Path):
    project = tmp_path / "study.annot"
    first, second = InstanceLock(project), InstanceLock(project)
    assert first.acquire() and not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def test_the_holder_names_the_process_and_this_computer(tmp_path: Path, monkeypatch):
    import os
    import socket

    assert host_name() == socket.gethostname()  # what the system says, without socket here
    lock = InstanceLock(tmp_path / "p.annot")
    assert lock.acquire()
    try:
        assert lock.holder() == f"{os.getpid()} {host_name()}"
    finally:
        lock.release()
    monkeypatch.delattr(os, "uname")  # as on Windows
    monkeypatch.setenv("COMPUTERNAME", "研究室-PC")
    assert host_name() == "研究室-PC"

