"""A real MkDocs + Material build of the test project: outputs, determinism, atomicity."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.content.project import Layout
from generator.errors import ContentError
from generator.site.build import build_edition, one_build_at_a_time
from generator.text_cache import default_cache_dir

pytestmark = pytest.mark.slow

GENERATOR_META = re.compile(rb'<meta name="generator" content="[^"]*">')


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _leftovers(out: Path) -> list[Path]:
    """Temporary or set-aside folders beside ``out`` (the lock file stays, by design)."""
    return [
        p
        for p in out.parent.iterdir()
        if p.name.startswith(f".{out.name}.") and p.name != f".{out.name}.lock"
    ]


def test_build_writes_the_contracted_files(minimal_project: Layout) -> None:
    out = minimal_project.root / "site" / "national"
    # strict: any MkDocs warning (broken link or anchor, page outside nav) fails the build
    build_edition(minimal_project, "national", out, strict=True)
    for name in (
        "index.html",
        "contacts.html",
        "contacts.json",
        "edition.json",
        "guidance/responding.html",
        "flowcharts/police.html",
        "flowcharts/police.json",
        "scenarios/index.html",
        "scenarios/playground.html",
        "search/search_index.json",
        "assets/vendor/iframe-worker-shim.js",
    ):
        assert (out / name).is_file(), name


def test_built_pages_carry_the_content(minimal_project: Layout) -> None:
    out = minimal_project.root / "out"
    build_edition(minimal_project, "national", out)
    section = (out / "guidance" / "responding.html").read_text(encoding="utf-8")
    assert "<title>Responding to a disclosure &amp; what *not* to do (&lt;10s) - Test edition" in (
        section
    )
    assert '<a href="tel:999">999</a>' in section
    assert "not published in the source: confirm with the local authority" in section
    tree = (out / "flowcharts" / "police.html").read_text(encoding="utf-8")
    assert '<a href="#police-call-999">go to step 2</a>' in tree
    assert '<h3 id="police-call-999">' in tree
    index = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["title"] for doc in index["docs"]}
    assert "Do we need to call the police?" in titles


def test_built_site_requests_nothing_outside_itself(minimal_project: Layout) -> None:
    out = minimal_project.root / "out"
    build_edition(minimal_project, "national", out)
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html, page
        assert "unpkg.com" not in html, page
        assert "cdn.jsdelivr.net" not in html, page


def test_tree_export_follows_the_schema(minimal_project: Layout) -> None:
    out = minimal_project.root / "out"
    build_edition(minimal_project, "national", out)
    tree = json.loads((out / "flowcharts" / "police.json").read_text(encoding="utf-8"))
    assert tree["schema"] == "safeguide.tree/1"
    assert tree["start"] == "danger"
    assert tree["edition"] == "national"
    by_id = {node["id"]: node for node in tree["nodes"]}
    assert by_id["call-999"]["contacts"][0] == {
        "id": "police-999",
        "name": "Police emergency",
        "phone": "999",
        "email": None,
        "url": None,
    }
    assert by_id["crime"]["answers"][2] == {
        "label": "Not sure",
        "next": "record",
        "loop_back": True,
        "facts": [],
    }
    assert "loop_back" not in by_id["crime"]["answers"][0]
    contacts = json.loads((out / "contacts.json").read_text(encoding="utf-8"))
    assert contacts["schema"] == "safeguide.contacts/1"
    assert [g["role"] for g in contacts["gaps"]] == ["front-door"]


def test_same_inputs_and_epoch_give_identical_bytes(
    minimal_project: Layout, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = minimal_project.root / "first"
    second = minimal_project.root / "second"
    build_edition(minimal_project, "national", first)
    build_edition(minimal_project, "national", second)
    assert _snapshot(first) == _snapshot(second)
    edition = json.loads((first / "edition.json").read_text(encoding="utf-8"))
    assert edition["generated"] == "2023-11-14T22:13:20Z"


def test_failed_build_leaves_previous_site_untouched(minimal_project: Layout) -> None:
    out = minimal_project.root / "site" / "national"
    build_edition(minimal_project, "national", out)
    before = _snapshot(out)
    tree = minimal_project.flowcharts_dir / "police.yaml"
    tree.write_text(tree.read_text().replace("next: crime", "next: nowhere"))
    with pytest.raises(ContentError) as raised:
        build_edition(minimal_project, "national", out)
    assert [d.code for d in raised.value.diagnostics] == ["unknown-reference"]
    assert _snapshot(out) == before
    assert not _leftovers(out)


def _start_build(layout: Layout) -> subprocess.Popen[str]:
    """``safeguide build`` of the default edition in its own process (and process group)."""
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build"],
        cwd=layout.root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _wait_for_temporary_folder(out: Path, build: subprocess.Popen[str]) -> bool:
    """Wait (up to a minute) until a build is writing its temporary folder beside ``out``."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and build.poll() is None:
        if any(p.name.startswith(f".{out.name}.tmp-") for p in out.parent.iterdir()):
            return True
        time.sleep(0.005)
    return False


def test_killed_build_leaves_previous_site_and_next_build_clears_leftovers(
    minimal_project: Layout,
) -> None:
    out = minimal_project.root / "site" / "national"
    build_edition(minimal_project, "national", out)
    before = _snapshot(out)
    process = _start_build(minimal_project)
    assert _wait_for_temporary_folder(out, process), "the build never made its temporary folder"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert _snapshot(out) == before
    build_edition(minimal_project, "national", out)
    assert not _leftovers(out)
    assert (out / "index.html").is_file()


def test_builds_of_one_edition_at_once_take_turns_and_leave_a_whole_site(
    minimal_project: Layout,
) -> None:
    """Each later build starts while the one before is writing its temporary folder: without
    turns, its clean-up of leftovers would delete that folder mid-build."""
    for n in range(40):  # enough pages that MkDocs writes for a while
        _add_section(minimal_project, f"extra-{n}", "Extra", 10 + n)
    out = minimal_project.root / "site" / "national"
    build_edition(minimal_project, "national", out)
    expected = set(_snapshot(out))
    builds = []
    for _ in range(3):
        builds.append(_start_build(minimal_project))
        _wait_for_temporary_folder(out, builds[-1])
    errors = [build.communicate(timeout=120)[1] for build in builds]
    assert [build.returncode for build in builds] == [0, 0, 0], errors
    assert set(_snapshot(out)) == expected  # every file there, none half-written or missing
    assert json.loads((out / "edition.json").read_text(encoding="utf-8"))["id"] == "national"
    assert not _leftovers(out)


def test_a_build_waits_while_another_holds_the_folder(minimal_project: Layout) -> None:
    """The turn-taking itself: while this test holds the folder's lock, a build of it waits
    and changes nothing; once the lock is released it finishes."""
    out = minimal_project.root / "site" / "national"
    build_edition(minimal_project, "national", out)
    before = _snapshot(out)
    with one_build_at_a_time(out.resolve()):
        waiting = _start_build(minimal_project)
        time.sleep(5)  # a build of this project takes about a second
        assert waiting.poll() is None
        assert _snapshot(out) == before and not _leftovers(out)
    assert waiting.wait(timeout=120) == 0
    assert (out / "index.html").is_file()


def test_a_draft_build_marks_a_section_past_its_review_date(
    minimal_project: Layout, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAFEGUIDE_TODAY", "2027-09-02")  # the fixture's review_by is 2027-09-01
    out = minimal_project.root / "out"
    generated = build_edition(minimal_project, "national", out, draft=True)
    assert "review-overdue" in [d.code for d in generated.diagnostics]
    page = (out / "guidance" / "responding.html").read_text(encoding="utf-8")
    assert "Review overdue" in page and "due for review by 1 September 2027" in page
    build_edition(minimal_project, "national", out)  # a published build: warned, not marked
    assert "Review overdue" not in (out / "guidance" / "responding.html").read_text("utf-8")
    monkeypatch.setenv("SAFEGUIDE_TODAY", "2027-09-01")  # due today is not yet overdue
    build_edition(minimal_project, "national", out, draft=True)
    assert "Review overdue" not in (out / "guidance" / "responding.html").read_text("utf-8")


def _without_generator_line(pages: dict[str, bytes]) -> dict[str, bytes]:
    """Pages with the engine's ``<meta name="generator">`` taken out: the one line that
    names which engine wrote them."""
    return {path: GENERATOR_META.sub(b"", page) for path, page in pages.items()}


@pytest.mark.parametrize("launcher", ["properdocs", "mkdocs"])
def test_a_plain_engine_build_uses_the_hook(minimal_project: Layout, launcher: str) -> None:
    # Material, once imported, sets NO_MKDOCS_2_WARNING in its process (this one, after an
    # earlier build) to print its notice once; the launcher gets an environment without it
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    result = subprocess.run(
        [sys.executable, "-m", launcher, "build", "--quiet"],
        cwd=minimal_project.root,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    site = minimal_project.root / "site" / "national"
    assert "Do we need to call the police?" in (site / "flowcharts" / "police.html").read_text()
    assert (site / "contacts.json").is_file()
    # the same pages as `safeguide build`: security policy, safe outside links, 404 fixes
    out = minimal_project.root / "out"
    build_edition(minimal_project, "national", out)
    plain = {k: v for k, v in _snapshot(site).items() if k.endswith(".html")}
    ours = {k: v for k, v in _snapshot(out).items() if k.endswith(".html")}
    assert _without_generator_line(plain) == _without_generator_line(ours)
    assert b"Content-Security-Policy" in plain["guidance/responding.html"]
    # only the old launcher makes Material print its end-of-life notice
    assert ("end of life" in result.stderr) == (launcher == "mkdocs")


def test_the_hook_passes_every_event_the_plugin_handles() -> None:
    from generator.site.engine import hook
    from generator.site.engine.plugin import SafeguidePlugin

    handled = {name for name in vars(SafeguidePlugin) if name.startswith("on_")}
    assert handled <= set(vars(hook)), handled - set(vars(hook))


def _add_section(layout: Layout, section_id: str, part: str, order: int) -> None:
    source = (layout.content / "sections" / "responding.yaml").read_text(encoding="utf-8")
    text = source.replace("id: responding", f"id: {section_id}", 1).replace(
        'title: "Responding to a disclosure',
        f'part: "{part}"\norder: {order}\ntitle: "{section_id}',
        1,
    )
    (layout.content / "sections" / f"{section_id}.yaml").write_text(text, encoding="utf-8")


def test_sections_in_parts_are_grouped_and_other_parts_folded_away(
    minimal_project: Layout,
) -> None:
    """A long edition's menu holds the sections of the reader's part, not every section."""
    _add_section(minimal_project, "alpha", "Part one", 1)
    _add_section(minimal_project, "beta", "Part two", 2)
    _add_section(minimal_project, "gamma", "Part two", 3)
    out = minimal_project.root / "out"
    build_edition(minimal_project, "national", out, strict=True)
    alpha = (out / "guidance" / "alpha.html").read_text(encoding="utf-8")
    beta = (out / "guidance" / "beta.html").read_text(encoding="utf-8")
    assert "Part one" in alpha and "Part two" in alpha  # both parts listed
    assert '<a href="alpha.html" class="md-nav__link' in alpha
    # a folded part links its first page only (Material's prune), not the rest of its pages
    assert '<a href="gamma.html" class="md-nav__link' not in alpha
    assert '<a href="gamma.html" class="md-nav__link' in beta and "Part one" in beta
    # a section with no part stays in every guidance page's menu
    assert '<a href="responding.html" class="md-nav__link' in alpha


def test_templates_compiled_once_are_kept_in_the_cache(minimal_project: Layout) -> None:
    out = minimal_project.root / "out"
    build_edition(minimal_project, "national", out)
    first = _snapshot(out)
    kept = default_cache_dir(minimal_project.root) / "templates"
    assert len(list(kept.glob("*.cache"))) > 10  # Material's base, partials, our overrides
    ours = [f for f in kept.glob("*.cache") if b"section.md.j2" in f.read_bytes()]
    assert ours, "safeguide's own page templates are kept compiled too"
    build_edition(minimal_project, "national", out)  # now from the compiled templates
    second = _snapshot(out)
    assert {k for k in first if k.endswith(".html")} == {k for k in second if k.endswith(".html")}
    assert first["guidance/responding.html"] == second["guidance/responding.html"]


def _converted_and_reused(pages: str) -> tuple[int, int]:
    """(converted, reused) from ``pages: 3 converted, 70 reused from cache``."""
    words = pages.replace(",", "").split()
    return int(words[1]), int(words[3])


def test_a_rebuild_takes_unchanged_pages_from_the_cache_with_the_same_html(
    minimal_project: Layout,
) -> None:
    out = minimal_project.root / "out"
    first = build_edition(minimal_project, "national", out)
    converted, reused = _converted_and_reused(first.pages)
    assert converted >= 8 and reused == 0
    html = {k: v for k, v in _snapshot(out).items() if k.endswith(".html")}

    second = build_edition(minimal_project, "national", out)
    assert _converted_and_reused(second.pages) == (0, converted)
    assert {k: v for k, v in _snapshot(out).items() if k.endswith(".html")} == html

    section = minimal_project.content / "sections" / "responding.yaml"
    text = section.read_text(encoding="utf-8")
    section.write_text(text.replace("summary: ", "summary: Edited. ", 1), encoding="utf-8")
    third = build_edition(minimal_project, "national", out)
    again, kept = _converted_and_reused(third.pages)
    assert 1 <= again <= 3 and again + kept == converted  # the section, and what lists it
    assert "Edited." in (out / "guidance" / "responding.html").read_text(encoding="utf-8")
