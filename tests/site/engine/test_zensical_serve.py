"""``safeguide serve --engine zensical``: the real ``zensical serve`` serves an export that
safeguide writes again when the project changes; a content error is reported and the last
good pages stay served; stopping removes the working folder and the child process."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.content.project import Layout
from generator.site.engine.zensical_serve import Synced, sync_folder
from tests.conftest import interruptible
from tests.site.test_serve import PAGE, fetch, free_port, wait_for

EXPORTED = re.compile(r"^national: exported to (?P<work>\S+), served by zensical at ", re.M)


# --- the working folder brought up to date (no executable needed) ---------------------


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_sync_rewrites_only_changed_files_and_removes_missing_ones(tmp_path: Path) -> None:
    source, target = tmp_path / "next", tmp_path / "export"
    for folder in (source, target):
        (folder / "docs" / "guidance").mkdir(parents=True)
        (folder / "docs" / "guidance" / "same.md").write_text("same", encoding="utf-8")
    (source / "docs" / "guidance" / "edited.md").write_text("new text", encoding="utf-8")
    (target / "docs" / "guidance" / "edited.md").write_text("old text", encoding="utf-8")
    (target / "docs" / "gone").mkdir()
    (target / "docs" / "gone" / "removed.md").write_text("removed", encoding="utf-8")
    (target / "site").mkdir()  # what zensical serve wrote: left alone
    (target / "site" / "index.html").write_text("built", encoding="utf-8")
    same = target / "docs" / "guidance" / "same.md"
    os.utime(same, (1, 1))

    assert sync_folder(source, target) == Synced(rewritten=1, removed=1)
    assert tree(target) == {**tree(source), "site/index.html": b"built"}
    assert not (target / "docs" / "gone").exists()
    assert same.stat().st_mtime == 1  # unchanged bytes are not written again
    assert sync_folder(source, target) == Synced(rewritten=0, removed=0)


# --- the real executable ----------------------------------------------------------------


STOP_WAIT = 30
"""Seconds a stopped server may take to exit: twice STOP_SECONDS, and slack."""


@dataclass
class Serving:
    """A running ``safeguide serve --engine zensical`` and where its stderr goes."""

    process: subprocess.Popen[bytes]
    url: str
    stderr: Path

    def output(self) -> str:
        return self.stderr.read_text(encoding="utf-8", errors="replace")

    def wait_for_output(self, pattern: str, seconds: float = 60) -> re.Match[str]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            found = re.search(pattern, self.output(), re.MULTILINE)
            if found is not None:
                return found
            time.sleep(0.2)
        raise AssertionError(f"never printed {pattern!r}:\n{self.output()}")

    def work(self) -> Path:
        return Path(self.wait_for_output(EXPORTED.pattern)["work"])

    def stop(self, how: signal.Signals, *, group: bool) -> int:
        if group:  # Ctrl-C in a terminal reaches the whole process group
            os.killpg(self.process.pid, how)
        else:
            self.process.send_signal(how)
        # Stopping waits up to STOP_SECONDS for Zensical and as long for the file watcher.
        try:
            return self.process.wait(timeout=STOP_WAIT)
        except subprocess.TimeoutExpired:
            output = self.output()
            raise AssertionError(
                f"still serving {STOP_WAIT} s after {how.name}:\n{output}"
            ) from None


@pytest.fixture
def serving(minimal_project: Layout, tmp_path: Path) -> Iterator[Serving]:
    port = free_port()
    stderr = tmp_path / "stderr.txt"
    with stderr.open("wb") as sink:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "generator",
                "--project",
                str(minimal_project.root),
                "serve",
                "--engine",
                "zensical",
                "--dev-addr",
                f"127.0.0.1:{port}",
            ],
            cwd=minimal_project.root,
            stdout=subprocess.DEVNULL,
            stderr=sink,
            start_new_session=True,
            preexec_fn=interruptible,
        )
    try:
        yield Serving(process, f"http://127.0.0.1:{port}/", stderr)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


def edit_summary(layout: Layout, new: str) -> None:
    section = layout.content / "sections" / "responding.yaml"
    text = section.read_text(encoding="utf-8")
    assert "summary: " in text
    section.write_text(text.replace("summary: ", f"summary: {new}", 1), encoding="utf-8")


@pytest.mark.slow
def test_zensical_serves_the_edition_and_serves_it_again_after_an_edit(
    serving: Serving, minimal_project: Layout
) -> None:
    wait_for(serving.url, "</html>")
    page = wait_for(serving.url + PAGE, "Responding to a disclosure")
    assert 'name="generator" content="zensical-' in page
    assert "Content-Security-Policy" not in page  # no post-build pass on served pages
    work = serving.work()
    assert (work / "mkdocs.yml").is_file() and not work.is_relative_to(minimal_project.root)

    edit_summary(minimal_project, "Edited while serving. ")
    wait_for(serving.url + PAGE, "Edited while serving.", seconds=30)
    serving.wait_for_output(r"^national: regenerated \(\d+ file\(s\) rewritten, 0 removed\)$")

    assert serving.stop(signal.SIGINT, group=True) == 0
    assert "national: stopped serving" in serving.output()
    assert not work.parent.exists()
    assert fetch(serving.url) is None


@pytest.mark.slow
def test_a_content_error_while_serving_is_positioned_and_the_last_pages_stay(
    serving: Serving, minimal_project: Layout
) -> None:
    wait_for(serving.url + PAGE, "Responding to a disclosure")
    work = serving.work()
    section = minimal_project.content / "sections" / "responding.yaml"
    good = section.read_text(encoding="utf-8")
    edit_summary(minimal_project, "[unclosed ")
    serving.wait_for_output(
        r"^content/sections/responding\.yaml:\d+:\d+: error: -: expected valid YAML, .*"
        r"\(yaml-syntax\)$",
        seconds=30,
    )
    serving.wait_for_output(r"^national: not regenerated; zensical keeps serving")
    assert "Responding to a disclosure" in (fetch(serving.url + PAGE) or "")
    assert serving.process.poll() is None  # still serving

    section.write_text(good.replace("summary: ", "summary: Fixed. ", 1), encoding="utf-8")
    wait_for(serving.url + PAGE, "Fixed.", seconds=30)

    assert serving.stop(signal.SIGTERM, group=False) == 0  # the child is stopped too
    assert not work.parent.exists()
    assert fetch(serving.url) is None


@pytest.mark.slow
def test_serve_fails_at_the_start_as_build_does(minimal_project: Layout) -> None:
    edit_summary(minimal_project, "[unclosed ")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "serve", "--engine", "zensical"],
        cwd=minimal_project.root,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert re.search(
        r"^content/sections/responding\.yaml:\d+:\d+: error: .*\(yaml-syntax\)$",
        done.stderr,
        re.MULTILINE,
    )
    assert done.stderr.strip().endswith("national: not served")
