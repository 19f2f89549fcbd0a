"""Round-trip writes of an edition's files: comments and key order are kept (ruamel.yaml).

Every write goes to a file inside the edition's folder only (see ``security.inside``), is
parsed by safeguide's own loader before it replaces anything (a text the loader refuses is
never written), and replaces the file atomically. A :class:`Transaction` remembers what it
changed so a save whose content ``check`` refuses can be undone.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from generator.content.loader import parse_document
from generator.edit.security import inside
from generator.errors import Diagnostic

SCHEMA_LINE = "# yaml-language-server: $schema={up}schemas/{name}.schema.json\n"
"""First line of a new overlay file: editors that know JSON Schema check it as you type."""

CONTACTS_FILE = "content/contacts.yaml"
SOURCES_FILE = "content/sources.yaml"
EDITION_FILE = "edition.yaml"


class Unwritable(ValueError):
    """The text would not load; carries the loader's diagnostic. Nothing was written."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic
        super().__init__(diagnostic.format())


_KEY_THEN_ITEM = re.compile(r"^( *)[^\s#-][^\n]*:\n\1- ", re.MULTILINE)


def _yaml(text: str = "") -> YAML:
    """A round-trip YAML in the style of ``text``: list items indented under their key
    (the project's style, ``key:\n  - item``) unless the file puts them level with it."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line the officer wrote on one line
    if _KEY_THEN_ITEM.search(text):
        yaml.indent(mapping=2, sequence=2, offset=0)
    else:
        yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def to_yaml(value: Any) -> Any:
    """Plain Python data as ruamel's ordered, commentable nodes (multi-line text as a
    ``|`` block so it stays readable)."""
    if isinstance(value, Mapping):
        mapped = CommentedMap()
        for key, item in value.items():
            if item is not None and item != [] and item != "":
                mapped[key] = to_yaml(item)
        return mapped
    if isinstance(value, list):
        return CommentedSeq([to_yaml(item) for item in value])
    if isinstance(value, str) and "\n" in value.strip():
        return LiteralScalarString(value.strip().replace("\r\n", "\n") + "\n")
    return value


def dump(data: Any, like: str = "") -> str:
    """``data`` as YAML text in the project's style, or in the style of the text ``like``."""
    stream = io.StringIO()
    _yaml(like).dump(data, stream)
    return stream.getvalue()


def schema_line(relative: str, name: str) -> str:
    """The ``$schema`` comment for a new file at ``relative`` inside an edition folder."""
    depth = relative.count("/") + 3  # <id>/ , editions/ , site_config/
    return SCHEMA_LINE.format(up="../" * depth, name=name)


class Transaction:
    """The files of one edition changed by one save, with their earlier text to undo it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.before: dict[Path, bytes | None] = {}
        self.style: dict[Path, str] = {}
        self.comments_only: dict[Path, str] = {}
        """Files that hold only comments (they load as None), by path: a write keeps the
        comments above the new data (the scaffold's commented examples, say)."""

    def path(self, relative: str) -> Path:
        """The file at ``relative`` inside the edition's folder (refused outside it)."""
        return inside(self.folder, relative)

    def load(self, relative: str) -> Any:
        """The file's YAML as round-trip data, or None when the file does not exist or
        holds only comments (kept: :meth:`write_data` writes them back above the data)."""
        path = self.path(relative)
        self.comments_only.pop(path, None)
        if not path.is_file():
            return None
        text = path.read_text(encoding="utf-8")
        self.style[path] = text
        data = _yaml(text).load(text)
        if data is None and text.strip():
            self.comments_only[path] = text
        return data

    def write(self, relative: str, text: str) -> Path:
        """Check ``text`` with safeguide's loader, then replace the file atomically."""
        path = self.path(relative)
        try:
            parse_document(path, text)
        except Exception as exc:  # the loader's failure carries a positioned diagnostic
            diagnostic = getattr(exc, "diagnostic", None)
            if isinstance(diagnostic, Diagnostic):
                raise Unwritable(diagnostic) from None
            raise
        if path not in self.before:
            self.before[path] = path.read_bytes() if path.is_file() else None
        _atomic_write(path, text)
        return path

    def write_data(self, relative: str, data: Any, schema: str | None = None) -> Path:
        """Write round-trip ``data``; a new file starts with its ``$schema`` comment, a file
        of comments only keeps them above the data."""
        path = self.path(relative)
        text = dump(data, self.style.get(path, ""))
        if schema is not None and not path.is_file():
            text = schema_line(relative, schema) + text
        comments = self.comments_only.pop(path, None)
        if comments is not None:
            text = comments.rstrip("\n") + "\n" + text
        return self.write(relative, text)

    def undo(self) -> None:
        """Put every file this transaction wrote back as it was (or remove it if new)."""
        for path, old in self.before.items():
            if old is None:
                path.unlink(missing_ok=True)
            else:
                _atomic_write(path, old.decode("utf-8"))
        self.before.clear()


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def transaction(folder: Path) -> Iterator[Transaction]:
    """A transaction on one edition folder; undone if the block raises."""
    done = Transaction(folder)
    try:
        yield done
    except BaseException:
        done.undo()
        raise


# The operations the editor offers, each a small round-trip edit of one file.


def set_settings(t: Transaction, values: Mapping[str, Any]) -> None:
    """Set top-level keys of edition.yaml (name, authority, example...), keeping the rest."""
    data = t.load(EDITION_FILE)
    for key, value in values.items():
        if value is None or value is False:
            data.pop(key, None) if key == "example" else None
            continue
        data[key] = to_yaml(value)
    t.write_data(EDITION_FILE, data)


def set_roles(t: Transaction, bindings: Mapping[str, str], gaps: Mapping[str, str]) -> None:
    """Bind roles to contacts and declare gaps with their reasons in edition.yaml (a role
    moves from one to the other when the officer changes their mind)."""
    data = t.load(EDITION_FILE)
    for key, chosen, other in (("bindings", bindings, gaps), ("gaps", gaps, bindings)):
        current = data.get(key)
        if current is None and chosen:
            current = data[key] = CommentedMap()
        for role in other:
            if current is not None:
                current.pop(role, None)
        for role, value in chosen.items():
            current[role] = to_yaml(value)
        if current is not None and not current:
            del data[key]
    t.write_data(EDITION_FILE, data)


def append_to_list(
    t: Transaction, relative: str, key: str, operation: Mapping[str, Any], schema: str
) -> int:
    """Append an operation (``{"add": {...}}``) to a list overlay; returns its index."""
    data = t.load(relative)
    if data is None:
        data = CommentedMap()
    items = data.get(key)
    if items is None:
        items = data[key] = CommentedSeq()
    items.append(to_yaml(operation))
    t.write_data(relative, data, schema)
    return len(items) - 1


def write_new(t: Transaction, relative: str, data: Mapping[str, Any], schema: str) -> None:
    """Write a one-item overlay file that must not exist yet."""
    if t.path(relative).exists():
        raise FileExistsError(relative)
    t.write_data(relative, to_yaml(data), schema)


def append_patch(t: Transaction, tree_id: str, patch: Mapping[str, Any], base_hash: str) -> int:
    """Append a node patch to ``flowcharts/<tree>.yaml`` (created with ``base_hash`` when
    the edition does not patch that tree yet); returns the patch's index."""
    relative = f"flowcharts/{tree_id}.yaml"
    data = t.load(relative)
    if data is None:
        data = CommentedMap()
        data["base_hash"] = base_hash
        data["patch"] = CommentedSeq()
    data["patch"].append(to_yaml(patch))
    t.write_data(relative, data, "overlay-tree")
    return len(data["patch"]) - 1
