"""`safeguide new-edition`: a scaffold that check then walks the user through."""

from __future__ import annotations

from click.testing import CliRunner

from generator.checks.pipeline import check_edition
from generator.cli import main
from generator.content.project import Layout


def run(project: Layout, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--project", str(project.root), *args])
    return result.exit_code, result.output


def test_scaffold_then_check_lists_exactly_what_remains(minimal_project: Layout) -> None:
    code, output = run(minimal_project, "new-edition", "localshire", "--base", "national")
    assert code == 0, output
    text = (minimal_project.editions_dir / "localshire" / "edition.yaml").read_text()
    assert "#   front-door: CONTACT-ID" in text
    assert "#   police-emergency: police-999" in text
    assert "#   police: " in text  # the base tree's hash, for patches
    found = check_edition(minimal_project, "localshire").diagnostics
    assert sorted((d.code, d.key_path) for d in found) == [
        ("todo", "authority"),
        ("todo", "name"),
        ("unbound-role", "bindings"),
    ]
    draft = check_edition(minimal_project, "localshire", draft=True).diagnostics
    assert {d.severity.value for d in draft} == {"warning"}
    assert "placeholder" in {d.code for d in draft}


def test_scaffold_never_overwrites(minimal_project: Layout) -> None:
    assert run(minimal_project, "new-edition", "localshire", "--base", "national")[0] == 0
    path = minimal_project.editions_dir / "localshire" / "edition.yaml"
    path.write_text("id: localshire\n", encoding="utf-8")
    code, output = run(minimal_project, "new-edition", "localshire", "--base", "national")
    assert code == 2 and "exists" in output
    assert path.read_text() == "id: localshire\n"


def test_scaffold_needs_a_known_base_and_a_valid_id(minimal_project: Layout) -> None:
    code, output = run(minimal_project, "new-edition", "localshire", "--base", "nope")
    assert code == 2 and "known: national" in output
    code, output = run(minimal_project, "new-edition", "Local Shire", "--base", "national")
    assert code == 2
    assert not (minimal_project.editions_dir / "Local Shire").exists()
