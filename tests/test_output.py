"""Writes are atomic: a failed or interrupted export leaves the old file as it was
and no temporary file behind; bad targets are clear errors."""

from __future__ import annotations

import os
import stat

import pytest

from argmap import output
from argmap.errors import UsageError
from argmap.output import OutputError, check_target, write_atomic

from .export_helpers import SMALL


def test_write_replaces_the_file_whole(tmp_path):
    path = tmp_path / "map.dot"
    path.write_text("old\n")
    write_atomic(path, "new\n")
    assert path.read_text() == "new\n"
    assert os.listdir(tmp_path) == ["map.dot"]


def test_bytes_are_written_unchanged_and_text_as_utf8(tmp_path):
    write_atomic(tmp_path / "a.png", b"\x89PNG\x00\xff")
    write_atomic(tmp_path / "b.txt", "ünïcode 😀")
    assert (tmp_path / "a.png").read_bytes() == b"\x89PNG\x00\xff"
    assert (tmp_path / "b.txt").read_bytes() == "ünïcode 😀".encode()


@pytest.mark.parametrize("failure", [KeyboardInterrupt, OSError])
def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch, failure):
    path = tmp_path / "map.svg"
    path.write_text("the old drawing\n")

    def broken(*args, **kwargs):
        raise failure("stopped half way")

    monkeypatch.setattr(output.os, "replace", broken)
    with pytest.raises((KeyboardInterrupt, OutputError)):
        write_atomic(path, "<svg>new</svg>\n")
    assert path.read_text() == "the old drawing\n"
    assert os.listdir(tmp_path) == ["map.svg"]


def test_an_interrupted_write_mid_data_leaves_nothing_new(tmp_path, monkeypatch):
    real_fsync = os.fsync

    def interrupted(fd):
        real_fsync(fd)
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "new.html", "<html>" * 100_000)
    assert os.listdir(tmp_path) == []


def test_the_command_reports_an_interrupt_and_keeps_the_old_file(tmp_path, monkeypatch, run):
    path = tmp_path / "map.svg"
    path.write_text("old\n")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "replace", interrupted)
    result = run("export", "-m", SMALL, "-o", path)
    assert result.exit_code == 130
    assert "interrupted" in result.stderr
    assert path.read_text() == "old\n" and os.listdir(tmp_path) == ["map.svg"]


def test_a_new_file_gets_the_usual_permissions_and_an_old_one_keeps_its_own(tmp_path):
    mask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.txt", "x")
        old = tmp_path / "old.txt"
        old.write_text("x")
        old.chmod(0o600)
        write_atomic(old, "y")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644
    assert stat.S_IMODE(old.stat().st_mode) == 0o600


def test_a_symbolic_link_is_followed_not_replaced(tmp_path):
    real = tmp_path / "real.dot"
    real.write_text("old")
    link = tmp_path / "link.dot"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


@pytest.mark.parametrize("fmt", [["--format", "dot"], []])
def test_writing_to_a_folder_is_a_usage_error(tmp_path, run, fmt):
    result = run("export", "-m", SMALL, *fmt, "-o", tmp_path)
    assert result.exit_code == 2
    assert "is a folder" in result.stderr


def test_writing_into_a_missing_folder_says_to_create_it(tmp_path, run):
    target = tmp_path / "no" / "such" / "map.svg"
    result = run("export", "-m", SMALL, "-o", target)
    assert result.exit_code == 1
    assert "does not exist" in result.stderr and "mkdir -p" in result.stderr
    assert not (tmp_path / "no").exists()


def test_permission_denied_is_explained(tmp_path, monkeypatch):
    """The error the OS gives is turned into a message (simulated: tests may run as root,
    whom no permission stops)."""

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(output.tempfile, "mkstemp", denied)
    with pytest.raises(OutputError, match="permission denied"):
        write_atomic(tmp_path / "map.svg", "x")


def test_a_full_disk_is_explained_and_leaves_nothing(tmp_path, monkeypatch):
    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", full)
    with pytest.raises(OutputError, match="no space left"):
        write_atomic(tmp_path / "map.svg", "x")
    assert os.listdir(tmp_path) == []


def test_the_map_being_read_is_refused_unless_forced(tmp_path):
    path = tmp_path / "map.yaml"
    path.write_text("x")
    with pytest.raises(UsageError, match="is the map being read"):
        check_target(path, input_path=path)
    with pytest.raises(UsageError):
        check_target(tmp_path / "." / "map.yaml", input_path=path)  # the same file by another name
    assert check_target(path, input_path=path, force=True) == path
    assert check_target(tmp_path / "other.yaml", input_path=path) == tmp_path / "other.yaml"
