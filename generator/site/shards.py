"""Split the editions of ``build --all`` into N shards, so that N CI runners build them.

The rule: the edition ids, sorted, are cut into N consecutive blocks whose sizes differ by
at most one (the first ``len % N`` blocks hold one more). Every runner computes the same
split from the same folder names, with no coordination. Adding or removing one edition
moves at most one other edition across each block boundary (at most N - 1 in all), so a
runner's cache keeps fitting its editions; dealing the ids round robin would move every
edition sorted after the new one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_SHARD = re.compile(r"(\d+)/(\d+)")


class BadShard(ValueError):
    """A ``--shard`` value that is not ``I/N`` with 1 <= I <= N."""


@dataclass(frozen=True)
class Shard:
    """Shard ``index`` (1-based) of ``total``."""

    index: int
    total: int

    def __str__(self) -> str:
        return f"{self.index}/{self.total}"


def parse_shard(text: str) -> Shard:
    """``"2/4"`` as a Shard; BadShard says what was expected when the text is malformed or
    out of range."""
    found = _SHARD.fullmatch(text.strip())
    if found is None:
        raise BadShard(f"expected --shard I/N with whole numbers, e.g. 2/4, got '{text}'")
    index, total = int(found.group(1)), int(found.group(2))
    if total < 1:
        raise BadShard(f"expected at least 1 shard (N >= 1), got '{text}'")
    if not 1 <= index <= total:
        raise BadShard(f"expected a shard number from 1 to {total}, got '{text}'")
    return Shard(index, total)


def shard_editions(edition_ids: Sequence[str], shard: Shard) -> list[str]:
    """The ids of ``shard``: block ``shard.index`` of the sorted ids cut into
    ``shard.total`` consecutive blocks whose sizes differ by at most one (a shard may be
    empty when there are fewer editions than shards)."""
    ordered = sorted(edition_ids)
    size, extra = divmod(len(ordered), shard.total)
    block = shard.index - 1
    start = block * size + min(block, extra)
    end = start + size + (1 if block < extra else 0)
    return ordered[start:end]
