"""Compiled Jinja templates, shared by every environment safeguide makes: kept in memory for
the life of the process (repeated builds in serve and build --all compile nothing) and, once
a build has named its cache folder, on disk there too (a fresh process compiles nothing)."""

from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2.bccache import Bucket


class TemplateBytecodeCache(jinja2.BytecodeCache):
    """Template bytecode by template key, checked against the source's checksum by Jinja:
    memory first, then the folder given to :meth:`keep_in` (if any)."""

    def __init__(self) -> None:
        self._memory: dict[str, bytes] = {}
        self._disk: jinja2.FileSystemBytecodeCache | None = None

    def keep_in(self, folder: Path) -> None:
        """Also keep compiled templates in ``folder`` (the user's cache, never the project:
        bytecode is run as it is). A different folder starts afresh, memory included, so
        what is in memory is always in the folder too."""
        folder.mkdir(parents=True, exist_ok=True)
        if self._disk is None or Path(self._disk.directory) != folder:
            self._disk = jinja2.FileSystemBytecodeCache(str(folder))
            self._memory.clear()

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._memory.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)
        elif self._disk is not None:
            self._disk.load_bytecode(bucket)
            if bucket.code is not None:
                self._memory[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._memory[bucket.key] = bucket.bytecode_to_string()
        if self._disk is not None:
            self._disk.dump_bytecode(bucket)


TEMPLATE_BYTECODE = TemplateBytecodeCache()


def html_environment() -> jinja2.Environment:
    """The environment for the standalone HTML documents (card, handouts, printed edition):
    autoescaped, strict about undefined values, templates compiled once."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("generator.render", "templates"),
        auto_reload=False,
        bytecode_cache=TEMPLATE_BYTECODE,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
