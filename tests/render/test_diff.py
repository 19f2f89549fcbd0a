"""`safeguide diff`: an edition's own additions, replacements, bindings, gaps and drift."""

from __future__ import annotations

from click.testing import CliRunner

from generator.cli import main
from generator.content.project import Layout
from tests.editions.test_resolve import (
    LOCAL_CONTACT,
    edition,
    hash_of_base_section,
    replace_section,
    write,
)


def test_diff_lists_what_the_edition_changes_and_its_drift(minimal_project: Layout) -> None:
    edition(minimal_project, "local", extra="bindings:\n  front-door: local-front-door\n")
    write(
        minimal_project,
        "site_config/editions/local/content/contacts.yaml",
        "contacts:\n  - add:\n" + LOCAL_CONTACT,
    )
    replace_section(minimal_project, hash_of_base_section(minimal_project), "Local summary.")
    runner = CliRunner()
    args = ["--project", str(minimal_project.root), "diff", "local"]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    lines = first.output.splitlines()
    assert lines[0] == "local (base: national; chain: national <- local)"
    assert "added: 1" in lines and "replaced: 1" in lines and "drift: 0" in lines
    assert any(line.startswith("  contact local-front-door  (") for line in lines)
    assert any("section responding  base_hash" in line and "(up to date)" in line for line in lines)
    assert "  front-door -> local-front-door" in lines
    base = minimal_project.root / "content/sections/responding.yaml"
    base.write_text(base.read_text().replace("straight away.", "at once."), encoding="utf-8")
    second = runner.invoke(main, args).output.splitlines()
    assert "drift: 1" in second
    assert any("DRIFT: base now" in line for line in second)


def test_diff_of_an_unknown_edition_is_a_usage_error(minimal_project: Layout) -> None:
    result = CliRunner().invoke(main, ["--project", str(minimal_project.root), "diff", "nope"])
    assert result.exit_code == 2
    assert "expected an edition id (known: national), got 'nope'" in result.output
