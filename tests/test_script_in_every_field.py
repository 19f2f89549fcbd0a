"""No text field anywhere accepts a script: every string value of every fixture file, in
turn replaced by a script element, is refused with an error at that very key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.errors import errors_in, format_key_path
from tests.conftest import FIXTURES

SCRIPT = "<script>alert(document.cookie)</script>"
FILES = sorted(
    p.relative_to(FIXTURES / "minimal").as_posix() for p in (FIXTURES / "minimal").rglob("*.yaml")
)


def string_leaves(data: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """The key path of every string value in ``data``."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from string_leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from string_leaves(value, (*path, index))
    elif isinstance(data, str):
        yield path


def replaced(data: Any, path: tuple[str | int, ...], value: str) -> Any:
    if not path:
        return value
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = replaced(data[path[0]], path[1:], value)  # type: ignore[index]
    return copy


def test_every_string_field_refuses_a_script(minimal_project: Layout) -> None:
    tried = 0
    for relative in FILES:
        path: Path = minimal_project.root / relative
        original = path.read_text(encoding="utf-8")
        data = yaml.safe_load(original)
        for leaf in string_leaves(data):
            path.write_text(yaml.safe_dump(replaced(data, leaf, SCRIPT)), encoding="utf-8")
            errors = errors_in(check_edition(minimal_project, "national").diagnostics)
            where = format_key_path(leaf)
            assert any(e.path.name == path.name and e.key_path == where for e in errors), (
                relative,
                where,
                [e.format() for e in errors],
            )
            tried += 1
        path.write_text(original, encoding="utf-8")
    assert tried > 80  # every title, text, label, action, name, note, id and URL
