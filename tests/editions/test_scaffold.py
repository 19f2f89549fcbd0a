"""`safeguide new-edition`: a scaffold that check then walks the user through."""

from __future__ import annotations

import datetime
import re

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


EXAMPLE_FILES = (
    "content/contacts.yaml",
    "content/sources.yaml",
    "content/sections/example-section.yaml",
    "flowcharts/police.yaml",
)
IDS = {
    "TODO-CONTACT-ID": "localshire-front-door",
    "TODO-SOURCE-ID": "localshire-procedures",
    "TODO-SECTION-ID": "local-procedures",
    "TODO-STEP-ID": "tell-the-head",
    "TODO-ROLE-ID": "front-door",
}
TEXTS = {"url": "https://www.localshire.gov.uk/safeguarding"}
"""What a quoted "TODO: ..." becomes, by the key it stands under (others: a sentence)."""


def _uncommented(text: str) -> str:
    """The example as a user would uncomment it: '# ' removed, '## ' lines kept."""
    return "\n".join(line[2:] if line.startswith("# ") else line for line in text.splitlines())


def _filled(text: str, today: datetime.date) -> str:
    """Every TODO placeholder replaced by a valid value."""
    for placeholder, value in IDS.items():
        text = text.replace(placeholder, value)
    lines = []
    for line in text.splitlines():
        key = line.strip().removeprefix("- ").split(":")[0]
        if "TODO-YYYY-MM-DD" in line:
            day = today if key == "verified" else today + datetime.timedelta(days=365)
            line = line.replace("TODO-YYYY-MM-DD", day.isoformat())
        if '"TODO:' in line:
            if key == "value" and "the number" in line:
                filled = "0300 123 4567"
            elif key == "value":
                filled = "safeguarding@localshire.gov.uk"
            else:
                filled = TEXTS.get(key) or "Filled in from the source."
            line = re.sub(r'"TODO:[^"]*"', f'"{filled}"', line)
        lines.append(line)
    return "\n".join(lines) + "\n"


def test_scaffold_writes_commented_examples_that_change_nothing(minimal_project: Layout) -> None:
    assert run(minimal_project, "new-edition", "localshire", "--base", "national")[0] == 0
    folder = minimal_project.editions_dir / "localshire"
    for relative in EXAMPLE_FILES:
        text = (folder / relative).read_text(encoding="utf-8")
        assert all(line.startswith("#") for line in text.splitlines()), relative
    contacts = (folder / "content/contacts.yaml").read_text(encoding="utf-8")
    for field in ("id", "name", "channels", "hours", "when_to_use", "urgency", "area"):
        assert f"## {field}: " in contacts and f"#       {field}:" in contacts, field
    for field in ("fulfils", "source", "verified"):
        assert f"## {field}: " in contacts and f"#       {field}:" in contacts, field
    assert "one of emergency, same-day, advice, support" in contacts
    patch = (folder / "flowcharts/police.yaml").read_text(encoding="utf-8")
    assert "#   - insert_after: record" in patch and "#     set: {contacts: [" in patch


def test_uncommented_and_filled_in_the_examples_check_clean(minimal_project: Layout) -> None:
    assert run(minimal_project, "new-edition", "localshire", "--base", "national")[0] == 0
    folder = minimal_project.editions_dir / "localshire"
    today = datetime.date.today()
    for relative in EXAMPLE_FILES:
        path = folder / relative
        path.write_text(_filled(_uncommented(path.read_text(encoding="utf-8")), today))
    section = folder / "content/sections/example-section.yaml"
    section.rename(section.with_name("local-procedures.yaml"))
    settings = folder / "edition.yaml"
    text = re.sub(r'(?m)^(name|authority): "TODO:[^"]*"$', r"\1: Localshire", settings.read_text())
    settings.write_text(text + "bindings:\n  front-door: localshire-front-door\n")
    checked = check_edition(minimal_project, "localshire")
    assert [d.format() for d in checked.diagnostics if d.severity.value == "error"] == []
    assert all("TODO" not in d.message for d in checked.diagnostics)
    assert checked.edition is not None
    resolved = checked.edition
    assert "local-procedures" in resolved.content.sections
    assert "localshire-procedures" in resolved.content.sources
    nodes = {node.id: node for node in resolved.content.trees["police"].item.nodes}
    assert nodes["record"].next == "tell-the-head"  # type: ignore[union-attr]
    assert "localshire-front-door" in nodes["call-999"].contacts  # type: ignore[union-attr]


def test_free_text_left_as_todo_is_an_error_at_its_line(minimal_project: Layout) -> None:
    """Ids and dates left as TODO are refused by the models; free text is refused by check,
    so an uncommented example never publishes "TODO: e.g. ..." as guidance."""
    assert run(minimal_project, "new-edition", "localshire", "--base", "national")[0] == 0
    folder = minimal_project.editions_dir / "localshire"
    today = datetime.date.today()
    contacts = folder / "content/contacts.yaml"
    filled = _filled(_uncommented(contacts.read_text(encoding="utf-8")), today)
    left = re.sub(r"(?m)^(\s+hours: ).*$", r'\1"TODO: e.g. Monday to Friday, 9am to 5pm"', filled)
    assert left != filled
    contacts.write_text(left, encoding="utf-8")
    line = next(n for n, text in enumerate(left.splitlines(), 1) if 'hours: "TODO' in text)
    checked = check_edition(minimal_project, "localshire")
    todo = [d for d in checked.diagnostics if d.code == "todo" and d.path.name == "contacts.yaml"]
    assert len(todo) == 1
    assert todo[0].severity.value == "error" and todo[0].position.line == line
    assert "expected your own text here, got the placeholder 'TODO: e.g." in todo[0].message
