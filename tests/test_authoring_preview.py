"""Preview while editing: `argmap preview` (a real server process, real HTTP requests)
and `argmap export --watch` (a real process re-exporting on save). Every wait is bounded."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from argmap.authoring.preview import Report, stamps, watch, with_reload

from .conftest import TINY

WAIT = 30.0  # seconds any one thing may take on a busy machine


def _as_from_a_terminal() -> None:
    """In the child: Ctrl-C as a terminal delivers it. A suite run as a background job
    (`pytest &`) has SIGINT ignored, the child would inherit that and sleep through
    stop()'s Ctrl-C (issue 15, item 10); with the default disposition Python installs
    its own handler."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(*args: str, cwd: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "80"}
    return subprocess.Popen(
        [sys.executable, "-m", "argmap", *args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_as_from_a_terminal,
    )


def until(check, what: str, proc: subprocess.Popen | None = None):
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"the process ended before {what}: {proc.stderr.read()}")
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=WAIT) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


def save(path: Path, text: str) -> None:
    """Write ``text`` so the change shows even within one tick of the file clock."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


def stop(proc: subprocess.Popen) -> tuple[int, str, str]:
    proc.send_signal(signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=WAIT)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        pytest.fail(f"Ctrl-C did not stop it: {err}")
    return proc.returncode, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "tiny.yaml").write_text(TINY, encoding="utf-8")
    return tmp_path


def test_preview_serves_the_report_on_loopback_and_reloads_on_save(folder):
    proc = start("preview", "--map", "tiny.yaml", "--port", "0", cwd=folder)
    try:
        line = until(lambda: proc.stderr.readline(), "the server's address", proc)
        port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", line).group(1))
        base = f"http://127.0.0.1:{port}"
        status, page = get(base + "/")
        assert status == 200 and "<title>Umbrellas</title>" in page
        assert "/__argmap/version" in page  # the page polls for a new version
        _, first = get(base + "/__argmap/version")
        save(folder / "tiny.yaml", TINY.replace("title: Umbrellas", "title: Umbrellas in May"))
        until(lambda: get(base + "/__argmap/version")[1] != first, "a new version after the save", proc)
        assert "<title>Umbrellas in May</title>" in get(base + "/")[1]
        # a mistake shows on the page (no traceback, the server keeps going) until it is fixed
        save(folder / "tiny.yaml", TINY.replace("kind: premise", "kind: opinion", 1))
        status, page = until(lambda: (r := get(base + "/")) and "cannot be shown yet" in r[1] and r, "the problem page")
        assert status == 200 and "&#x27;opinion&#x27; is not a valid kind" in page
        save(folder / "tiny.yaml", TINY)
        until(lambda: "<title>Umbrellas</title>" in get(base + "/")[1], "the fixed map", proc)
        # a quote not in the source (a draft) is drawn all the same, with the problem above the report
        (folder / "rain.txt").write_text("Rain\n\nIt is raining hard.\n", encoding="utf-8")
        save(
            folder / "tiny.yaml",
            TINY.replace("title: Umbrellas", "title: Umbrellas\nsource: {file: rain.txt}").replace(
                "text: It is raining.", "text: It is raining.\n    quote: It pours"
            ),
        )
        page = until(lambda: (r := get(base + "/")[1]) and "argmap preview</strong>" in r and r, "the warning banner")
        assert "<title>Umbrellas</title>" in page and "1 warning" in page
        assert "quote of &#x27;rain&#x27; does not occur in the source text" in page
        assert get(base + "/elsewhere")[0] == 404
    finally:
        code, _, err = stop(proc)
    assert code == 0, err
    assert "Stopped." in err and "Traceback" not in err


def listening_addresses(port: int) -> list[str]:
    """The local addresses listening on TCP ``port``, as the kernel lists them (Linux)."""
    out = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, hexport = local.split(":")
            if state == "0A" and int(hexport, 16) == port:  # 0A: LISTEN
                out.append(address)
    return out


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="the kernel's socket table is Linux's")
def test_preview_listens_on_loopback_only(folder):
    proc = start("preview", "--map", "tiny.yaml", "--port", "0", cwd=folder)
    try:
        line = until(lambda: proc.stderr.readline(), "the server's address", proc)
        port = int(re.search(r":(\d+)/", line).group(1))
        assert listening_addresses(port) == ["0100007F"]  # 127.0.0.1, and nothing else
    finally:
        stop(proc)


def test_preview_says_when_the_port_is_taken(folder, run):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("preview", "--map", folder / "tiny.yaml", "--port", port)
    assert result.exit_code == 2
    assert f"cannot serve on 127.0.0.1:{port}" in result.stderr and "--port 0" in result.stderr


def test_export_watch_exports_again_on_every_save_until_ctrl_c(folder):
    out = folder / "tiny.mmd"
    proc = start("export", "--map", "tiny.yaml", "-o", "tiny.mmd", "--watch", cwd=folder)
    try:
        until(lambda: out.exists() and "Take an umbrella." in out.read_text(encoding="utf-8"), "the first export", proc)
        save(folder / "tiny.yaml", TINY.replace("Take an umbrella.", "Take a raincoat."))
        until(lambda: "Take a raincoat." in out.read_text(encoding="utf-8"), "the export after the save", proc)
        # a broken map is reported and the last good export stays; fixing it exports again
        save(folder / "tiny.yaml", TINY + "  - id: [broken\n")
        time.sleep(1.0)
        assert "Take a raincoat." in out.read_text(encoding="utf-8")
        save(folder / "tiny.yaml", TINY)
        until(lambda: "Take an umbrella." in out.read_text(encoding="utf-8"), "the export after the fix", proc)
    finally:
        code, _, err = stop(proc)
    assert code == 0, err
    assert err.count("Wrote tiny.mmd") >= 2  # the third may be cut short by the Ctrl-C right after the file is in place
    assert "Error: tiny.yaml:" in err and "invalid YAML" in err
    assert "Stopped watching tiny.yaml." in err and "Traceback" not in err


def test_export_watch_needs_a_map_file_and_an_output_file(run, folder):
    result = run("export", "--watch", "-o", folder / "x.mmd")
    assert result.exit_code == 2 and "Give --map FILE and -o FILE" in result.stderr
    result = run("export", "--watch", "--map", folder / "tiny.yaml")
    assert result.exit_code == 2


# ------------------------------------------------------------ the library ---


def test_watch_runs_the_action_again_only_when_a_file_changes(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("a", encoding="utf-8")
    calls = []

    def action():
        calls.append(path.read_text(encoding="utf-8"))
        return [path]

    edits = iter(["b", None, None, "c"])

    def tick(_seconds):
        text = next(edits)
        if text is not None:
            save(path, text)

    watch(action, [path], sleep=tick, rounds=4)
    assert calls == ["a", "b", "c"]


def test_a_report_is_rebuilt_only_when_what_it_was_made_from_changes(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("one", encoding="utf-8")
    builds = []

    def build():
        builds.append(1)
        return f"<html><body>{path.read_text(encoding='utf-8')}</body></html>", ["a warning"], [path]

    report = Report("m.yaml", build, [path])
    v1, page = report.current()
    assert report.current()[0] == v1 and len(builds) == 1
    assert "a warning" in page  # shown above the report
    save(path, "two")
    v2, page = report.current()
    assert v2 == v1 + 1 and "two" in page and len(builds) == 2
    assert stamps([path]) == report.last
    assert with_reload("<body>x</body>", 7).count('"7"') == 1
