"""Drift output: the base's change and the edition's own change, never the resolved tree."""

from __future__ import annotations

import shutil

import pytest

from generator.checks.pipeline import check_edition
from generator.content.item_hash import short_hash
from generator.content.project import Layout
from generator.errors import Diagnostic
from tests.editions.test_resolve import git
from tests.editions.test_tree_patch import EDITION

PATCH = """\
  - insert_after: record
    step: {id: tell-head, text: Tell the headteacher., basis: local}
"""


def drift_of_patched_tree(project: Layout, *, history: bool) -> Diagnostic:
    """Patch the police tree against its current hash, then change one node of the base."""
    checked = check_edition(project, "national")
    assert checked.edition is not None
    base_hash = short_hash(checked.edition.content.trees["police"].item)
    folder = project.editions_dir / "local"
    (folder / "flowcharts").mkdir(parents=True)
    (folder / "edition.yaml").write_text(EDITION, encoding="utf-8")
    (folder / "flowcharts" / "police.yaml").write_text(
        f"base_hash: {base_hash}\npatch:\n{PATCH}", encoding="utf-8"
    )
    if history:
        git(project, "init", "-q")
        git(project, "add", "-A")
        git(project, "commit", "-q", "-m", "patched")
    tree = project.flowcharts_dir / "police.yaml"
    tree.write_text(
        tree.read_text().replace("Call 999 now.", "Call 999 straight away."), encoding="utf-8"
    )
    [drift] = [d for d in check_edition(project, "local").diagnostics if d.code == "drift"]
    return drift


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_patched_trees_drift_shows_the_base_change_and_the_patch_only(
    minimal_project: Layout,
) -> None:
    detail = drift_of_patched_tree(minimal_project, history=True).detail
    lines = detail.splitlines()
    assert "-  text: Call 999 now." in lines
    assert "+  text: Call 999 straight away." in lines
    assert "local's patch (" in detail
    assert "  - insert_after: record" in lines
    assert "      text: Tell the headteacher." in lines
    # the unrelated nodes of the tree are not shown: neither its other texts nor whole nodes
    assert "Manage internally" not in detail
    assert "Has a crime been reported" not in detail
    assert len(lines) < 25, detail


def test_keys_keep_the_order_of_the_file(minimal_project: Layout) -> None:
    detail = drift_of_patched_tree(minimal_project, history=True).detail
    step = detail.index("insert_after: record")
    assert detail.index("id: tell-head", step) < detail.index("text: Tell", step)
    assert detail.index("text: Tell", step) < detail.index("basis: local", step)


def test_without_history_a_long_base_item_is_named_not_printed(minimal_project: Layout) -> None:
    detail = drift_of_patched_tree(minimal_project, history=False).detail
    assert "not found in git history" in detail and "police.yaml" in detail
    assert "  - insert_after: record" in detail.splitlines()
    assert "Manage internally" not in detail
