"""The YAML loader: positions, YAML 1.2 scalars, and every refusal with its position."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.content.loader import Document, load_document
from generator.errors import Diagnostic, Position, format_key_path

Write = Callable[[str, str], Path]


def load(write: Write, text: str) -> Document:
    loaded = load_document(write("f.yaml", text))
    assert isinstance(loaded, Document), loaded
    return loaded


def refused(write: Write, text: str) -> Diagnostic:
    loaded = load_document(write("f.yaml", text))
    assert isinstance(loaded, Diagnostic), loaded
    return loaded


def test_values_and_keys_carry_line_and_column(write: Write) -> None:
    document = load(write, "id: police\nnodes:\n  - id: a\n    next: b\n")
    assert document.data == {"id": "police", "nodes": [{"id": "a", "next": "b"}]}
    assert document.position(("id",)) == Position(1, 5)
    assert document.position(("nodes", 0, "next")) == Position(4, 11)
    assert document.position(("nodes", 0, "next"), of_key=True) == Position(4, 5)
    # A missing key falls back to its nearest ancestor.
    assert document.position(("nodes", 0, "missing")) == Position(3, 5)


def test_yaml_1_2_scalars_no_norway_problem(write: Write) -> None:
    document = load(write, "a: no\nb: yes\nc: on\nd: true\ne: 010\nf: 1_000\ng: 2027-09-01\n")
    assert document.data["a"] == "no"
    assert document.data["b"] == "yes"
    assert document.data["c"] == "on"
    assert document.data["d"] is True
    assert document.data["e"] == "010"  # leading zeros kept: phone numbers stay text
    assert document.data["f"] == "1_000"
    assert str(document.data["g"]) == "2027-09-01"


def test_duplicate_key_points_at_the_second(write: Write) -> None:
    found = refused(write, "id: a\ntitle: x\nid: b\n")
    assert (found.code, found.position, found.key_path) == ("duplicate-key", Position(3, 1), "id")


def test_yaml_bomb_is_refused(write: Write) -> None:
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, previous in zip("bcdefghij", "abcdefghi", strict=True):
        bomb.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    found = refused(write, "\n".join(bomb) + "\n")
    assert found.code == "yaml-alias-limit"


def test_merge_keys_are_refused(write: Write) -> None:
    found = refused(write, "base: &b {x: 1}\nother:\n  <<: *b\n")
    assert found.code == "yaml-merge-key"
    assert found.position.line == 3


def test_non_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: caf\xe9\n".encode("latin-1"))
    found = load_document(path)
    assert isinstance(found, Diagnostic)
    assert found.code == "not-utf8"


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("x: " + "a" * 1_100_000 + "\n", encoding="utf-8")
    found = load_document(path)
    assert isinstance(found, Diagnostic)
    assert found.code == "file-too-large"


def test_control_character_is_refused_with_its_line(write: Write) -> None:
    found = refused(write, "id: a\ntitle: bell\x07\n")
    assert found.code == "control-character"
    assert found.position.line == 2


def test_syntax_error_has_a_position_and_no_key_path(write: Write) -> None:
    found = refused(write, "id: a\ntitle: [unclosed\nother: b\n")
    assert found.code == "yaml-syntax"
    assert found.key_path == "-"
    assert found.position.line >= 2
    assert f"f.yaml:{found.position.line}:{found.position.column}: error: -: " in found.format()


@pytest.mark.parametrize(
    ("parts", "expected"),
    [((), ""), (("id",), "id"), (("nodes", 2, "next"), "nodes[2].next"), ((0,), "[0]")],
)
def test_key_paths_are_formatted_like_python(parts: tuple[str | int, ...], expected: str) -> None:
    assert format_key_path(parts) == expected


def test_a_file_parsed_before_comes_from_the_cache_and_a_changed_one_is_parsed_again(
    tmp_path: Path,
) -> None:

    path = tmp_path / "s.yaml"
    path.write_text("id: s\ntitle: First\nnodes:\n  - {id: a}\n", encoding="utf-8")
    cache = tmp_path / "cache"
    first = load_document(path, cache_dir=cache)
    assert len(list((cache / "parsed").iterdir())) == 1
    again = load_document(path, cache_dir=cache)
    assert isinstance(first, Document) and isinstance(again, Document)
    assert (again.data, again.value_positions, again.key_positions) == (
        first.data,
        first.value_positions,
        first.key_positions,
    )
    assert again.position(("nodes", 0, "id")) == first.position(("nodes", 0, "id"))
    path.write_text("id: s\ntitle: Second\n", encoding="utf-8")
    changed = load_document(path, cache_dir=cache)
    assert isinstance(changed, Document) and changed.data["title"] == "Second"
    for stored in (cache / "parsed").iterdir():  # a damaged cache entry is parsed afresh
        stored.write_bytes(b"not a pickle")
    damaged = load_document(path, cache_dir=cache)
    assert isinstance(damaged, Document) and damaged.data["title"] == "Second"
