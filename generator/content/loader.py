"""Read one YAML file into plain data plus the position of every key and value.

The loader is deliberately strict: it refuses files that are too large or not
UTF-8, duplicate keys, non-text keys, and aliases that expand past a small
limit (YAML "billion laughs" bombs) or refer to themselves.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator import errors
from generator.errors import START, Diagnostic, Position, format_key_path
from generator.text_cache import TextCache, cache_key, code_fingerprint

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 20_000
MAX_ALIASES = 100
MAX_DEPTH = 40
"""Content needs a handful of levels; a limit well under Python's recursion limit turns a
hostile, deeply nested file into one error instead of a crash."""

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Document:
    """A loaded YAML file: its data and where each value and key stood."""

    path: Path
    data: Any
    value_positions: Mapping[KeyPath, Position] = field(repr=False)
    key_positions: Mapping[KeyPath, Position] = field(repr=False)

    def position(self, key_path: KeyPath, *, of_key: bool = False) -> Position:
        """Where ``key_path`` stands; falls back to its nearest ancestor that exists."""
        if of_key and key_path in self.key_positions:
            return self.key_positions[key_path]
        probe = key_path
        while probe:
            if probe in self.value_positions:
                return self.value_positions[probe]
            probe = probe[:-1]
        return self.value_positions.get((), START)


class _LoadFailure(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


_FAST_BASE: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it (about 10x faster), else the pure-Python one."""


class _StrictLoader(_FAST_BASE):  # type: ignore[misc]
    """SafeLoader with YAML 1.2 booleans and integers.

    Only true/false are booleans, so ``label: Yes`` stays text, and a leading
    zero never makes an octal number, so ``0345`` stays text.
    """


_StrictLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)


def _position(mark: yaml.Mark | None) -> Position:
    if mark is None:
        return START
    return Position(mark.line + 1, mark.column + 1)


class _Builder:
    """Walks a composed YAML node graph into Python data, recording positions."""

    def __init__(self, path: Path, loader: _StrictLoader) -> None:
        self.path = path
        self.loader = loader
        self.value_positions: dict[KeyPath, Position] = {}
        self.key_positions: dict[KeyPath, Position] = {}
        self.nodes_built = 0
        self.aliases_followed = 0
        self.seen: set[int] = set()
        self.stack: set[int] = set()

    def fail(self, node: yaml.Node, key_path: KeyPath, message: str, code: str) -> _LoadFailure:
        return _LoadFailure(
            Diagnostic(
                self.path, _position(node.start_mark), format_key_path(key_path), message, code
            )
        )

    def build(self, node: yaml.Node, key_path: KeyPath) -> Any:
        node_id = id(node)
        if node_id in self.stack:
            raise self.fail(
                node, key_path, "expected a value, got an alias that contains itself", "yaml-alias"
            )
        if node_id in self.seen:
            self.aliases_followed += 1
            if self.aliases_followed > MAX_ALIASES:
                raise self.fail(
                    node,
                    key_path,
                    f"expected at most {MAX_ALIASES} alias uses, got more",
                    "yaml-alias-limit",
                )
        self.seen.add(node_id)
        self.nodes_built += 1
        if self.nodes_built > MAX_NODES:
            raise self.fail(
                node,
                key_path,
                f"expected at most {MAX_NODES} values in one file, got more "
                "(aliases expanding too far?)",
                "yaml-alias-limit",
            )
        if len(key_path) > MAX_DEPTH:
            raise self.fail(
                node,
                key_path[:1],
                f"expected at most {MAX_DEPTH} levels of nesting, got more",
                "yaml-too-deep",
            )
        self.value_positions.setdefault(key_path, _position(node.start_mark))
        if isinstance(node, yaml.ScalarNode):
            try:
                return self.loader.construct_object(node, deep=True)
            except (ValueError, OverflowError) as exc:  # e.g. 2027-13-01 looks like a date
                raise self.fail(
                    node, key_path, f"expected a real date, got '{node.value}' ({exc})", "bad-date"
                ) from None
        self.stack.add(node_id)
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, (*key_path, i)) for i, item in enumerate(node.value)]
            if isinstance(node, yaml.MappingNode):
                return self.build_mapping(node, key_path)
        finally:
            self.stack.discard(node_id)
        raise self.fail(node, key_path, "expected a mapping, list or value", "yaml-syntax")

    def build_mapping(self, node: yaml.MappingNode, key_path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Position] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.fail(
                    key_node, key_path, "expected a key, got a '<<' merge key", "yaml-merge-key"
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(
                    key_node, key_path, "expected a text key, got a list or mapping", "key-type"
                )
            key = self.loader.construct_object(key_node)
            if not isinstance(key, str):
                key = str(key)
            child: KeyPath = (*key_path, key)
            where = _position(key_node.start_mark)
            if key in first_seen:
                before = first_seen[key]
                raise _LoadFailure(
                    Diagnostic(
                        self.path,
                        where,
                        format_key_path(child),
                        f"expected each key once, got '{key}' again "
                        f"(first at line {before.line}, column {before.column})",
                        "duplicate-key",
                    )
                )
            first_seen[key] = where
            self.key_positions[child] = where
            result[key] = self.build(value_node, child)
        return result


def _decode(path: Path, raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise _LoadFailure(
            Diagnostic(
                path,
                Position(line, column),
                "-",
                f"expected UTF-8 text, got byte 0x{raw[exc.start]:02x}",
                "not-utf8",
            )
        ) from None
    return text.removeprefix("\ufeff")


def outside_message(path: Path, within: Path) -> str | None:
    """What is wrong when ``path`` (a link, or in a linked folder) leads out of ``within``;
    None when it stays inside."""
    if path.resolve().is_relative_to(within.resolve()):
        return None
    return f"expected a file inside {within.name}/, got a link to a file outside it"


def _outside(path: Path, within: Path) -> Diagnostic | None:
    """A diagnostic when ``path`` leads out of ``within``."""
    message = outside_message(path, within)
    return None if message is None else Diagnostic(path, START, "-", message, "link-outside")


def _cached_parse(path: Path, text: str, cache_dir: Path | None) -> Document:
    """``parse_document``, remembered in ``cache_dir`` (the user's cache folder, never the
    project: see text_cache.py) by a hash of the text and of the code that parses it."""
    if cache_dir is None:
        return parse_document(path, text)
    cache = TextCache(cache_dir / "parsed", ".pickle")
    key = cache_key(code_fingerprint(__file__), code_fingerprint(errors.__file__), text)
    kept = cache.get_bytes(key)
    if kept is not None:
        try:
            data, values, keys = pickle.loads(kept)
            return Document(path, data, values, keys)
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError):
            pass
    document = parse_document(path, text)
    cache.put_bytes(
        key, pickle.dumps((document.data, document.value_positions, document.key_positions))
    )
    return document


def load_document(
    path: Path, within: Path | None = None, cache_dir: Path | None = None
) -> Document | Diagnostic:
    """Load ``path``; return the document, or the one diagnostic that stopped it.

    With ``within``, a file that is a link (or sits in a linked folder) leading outside
    that folder is refused: content must not pull in files from elsewhere on the machine.
    With ``cache_dir``, a file parsed before (same text) is not parsed again.
    """
    if within is not None and (outside := _outside(path, within)):
        return outside
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Diagnostic(
                path,
                START,
                "-",
                f"expected a file of at most {MAX_FILE_BYTES} bytes, got {size}",
                "file-too-large",
            )
        text = _decode(path, path.read_bytes())
        return _cached_parse(path, text, cache_dir)
    except _LoadFailure as failure:
        return failure.diagnostic
    except OSError as exc:
        return Diagnostic(
            path, START, "-", f"expected a readable file, got {exc.strerror}", "unreadable"
        )


def _is_tab_at(text: str, mark: yaml.Mark) -> bool:
    """Whether the character YAML stopped at (or the line's indentation) is a tab."""
    lines = text.splitlines()
    if mark.line >= len(lines):
        return False
    line = lines[mark.line]
    indentation = line[: len(line) - len(line.lstrip())]
    return "\t" in indentation or line[mark.column : mark.column + 1] == "\t"


def parse_document(path: Path, text: str) -> Document:
    """Parse YAML ``text`` that came from ``path``; raises on the first problem."""
    unprintable = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if unprintable is not None:
        before = text[: unprintable.start()]
        where = Position(before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1)
        raise _LoadFailure(
            Diagnostic(
                path,
                where,
                "-",
                "expected printable text, got control character "
                f"U+{ord(unprintable.group()[0]):04X}",
                "control-character",
            )
        )
    loader = _StrictLoader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = exc.problem or "invalid YAML"
            context = f" {exc.context}" if exc.context else ""
            if mark is not None and _is_tab_at(text, mark):
                raise _LoadFailure(
                    Diagnostic(
                        path,
                        _position(mark),
                        "-",
                        "expected spaces, got a tab (YAML does not allow tabs for indentation)",
                        "yaml-tab",
                    )
                ) from None
            raise _LoadFailure(
                Diagnostic(
                    path,
                    _position(mark),
                    "-",
                    f"expected valid YAML, got {problem}{context}",
                    "yaml-syntax",
                )
            ) from None
        except yaml.YAMLError as exc:
            raise _LoadFailure(
                Diagnostic(path, START, "-", f"expected valid YAML, got {exc}", "yaml-syntax")
            ) from None
        if root is None:
            return Document(path, None, {(): START}, {})
        builder = _Builder(path, loader)
        try:
            data = builder.build(root, ())
        except yaml.constructor.ConstructorError as exc:
            raise _LoadFailure(
                Diagnostic(
                    path,
                    _position(exc.problem_mark),
                    "-",
                    f"expected a plain value, got {exc.problem}",
                    "yaml-syntax",
                )
            ) from None
        return Document(path, data, builder.value_positions, builder.key_positions)
    finally:
        loader.dispose()


def load_documents(
    paths: list[Path], within: Path | None = None, cache_dir: Path | None = None
) -> tuple[list[Document], list[Diagnostic]]:
    """Load many files; return those that loaded and one diagnostic per file that did not."""
    documents: list[Document] = []
    problems: list[Diagnostic] = []
    for path in paths:
        loaded = load_document(path, within, cache_dir)
        if isinstance(loaded, Document):
            documents.append(loaded)
        else:
            problems.append(loaded)
    return documents, problems
