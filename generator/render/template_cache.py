"""Compiled Jinja templates kept in memory for the life of the process, shared by every
environment, so repeated builds (serve, build --all) do not compile them again."""

from __future__ import annotations

import jinja2
from jinja2.bccache import Bucket


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Template bytecode by template key and source checksum, in this process only."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_BYTECODE = MemoryBytecodeCache()


def html_environment() -> jinja2.Environment:
    """The environment for the standalone HTML documents (card, handouts, printed edition):
    autoescaped, strict about undefined values, templates compiled once per process."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        auto_reload=False,
        bytecode_cache=TEMPLATE_BYTECODE,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
