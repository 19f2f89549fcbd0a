"""`safeguide build --all --shard I/N` and `safeguide editions --shard I/N`: the editions
split over N CI runners, each edition in exactly one shard, every shard writing the index."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from generator.cli import main
from generator.content.project import Layout
from generator.site.shards import BadShard, Shard, parse_shard, shard_editions
from tests.conftest import REPO

SHIPPED = Layout(REPO).edition_ids()


def run(*args: str, project: Path = REPO) -> tuple[int, str]:
    """The CLI in this process; its exit code and what it printed."""
    result = CliRunner().invoke(main, ["--project", str(project), *args])
    return result.exit_code, result.output


ids = st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True), unique=True, max_size=40)


@given(ids, st.integers(min_value=1, max_value=9))
def test_the_shards_partition_the_editions_into_balanced_sorted_blocks(
    edition_ids: list[str], total: int
) -> None:
    shards = [shard_editions(edition_ids, Shard(i, total)) for i in range(1, total + 1)]
    assert [e for shard in shards for e in shard] == sorted(edition_ids)  # each once, in order
    sizes = [len(shard) for shard in shards]
    assert max(sizes) - min(sizes) <= 1
    assert sizes == sorted(sizes, reverse=True)  # the first blocks take the extra ones


@given(ids, st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True), st.integers(1, 9))
def test_adding_an_edition_moves_at_most_one_other_per_boundary(
    edition_ids: list[str], new: str, total: int
) -> None:
    if new in edition_ids:
        return

    def where(editions: list[str]) -> dict[str, int]:
        return {
            e: i for i in range(1, total + 1) for e in shard_editions(editions, Shard(i, total))
        }

    before, after = where(edition_ids), where([*edition_ids, new])
    moved = [e for e in edition_ids if before[e] != after[e]]
    assert len(moved) <= total - 1


def test_a_shard_of_more_shards_than_editions_is_empty() -> None:
    assert [shard_editions(["a", "b"], Shard(i, 3)) for i in (1, 2, 3)] == [["a"], ["b"], []]


@pytest.mark.parametrize(
    ("text", "expected"), [("2/4", Shard(2, 4)), ("1/1", Shard(1, 1)), (" 4/4 ", Shard(4, 4))]
)
def test_parse_shard_reads_i_of_n(text: str, expected: Shard) -> None:
    assert parse_shard(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0/4", "expected a shard number from 1 to 4, got '0/4'"),
        ("5/4", "expected a shard number from 1 to 4, got '5/4'"),
        ("1/0", "expected at least 1 shard (N >= 1), got '1/0'"),
        ("2", "expected --shard I/N with whole numbers, e.g. 2/4, got '2'"),
        ("-1/4", "expected --shard I/N with whole numbers, e.g. 2/4, got '-1/4'"),
        ("a/b", "expected --shard I/N with whole numbers, e.g. 2/4, got 'a/b'"),
    ],
)
def test_parse_shard_refuses_malformed_or_out_of_range_values(text: str, message: str) -> None:
    with pytest.raises(BadShard) as refused:
        parse_shard(text)
    assert str(refused.value) == message


def test_the_four_shards_of_the_shipped_editions_hold_each_edition_exactly_once() -> None:
    listed: list[str] = []
    for index in range(1, 5):
        code, output = run("editions", "--shard", f"{index}/4")
        assert code == 0, output
        listed += output.split()
    assert len(SHIPPED) >= 4
    assert sorted(listed) == SHIPPED  # every shipped edition, none twice
    assert len(listed) == len(set(listed))
    assert run("editions")[1].split() == SHIPPED


@pytest.mark.parametrize(
    "args",
    [
        ["build", "--shard", "1/2"],  # without --all
        ["build", "--edition", "national", "--shard", "1/2"],
        ["build", "--all", "--shard", "3/2"],
        ["build", "--all", "--shard", "0/2"],
        ["build", "--all", "--shard", "1/0"],
        ["build", "--all", "--shard", "half"],
        ["editions", "--shard", "5/4"],
    ],
)
def test_shard_usage_errors_exit_2(args: list[str]) -> None:
    code, output = run(*args)
    assert code == 2, output
    assert "--shard" in output


@pytest.mark.slow
def test_two_shards_built_apart_and_copied_together(tmp_path: Path) -> None:
    """Shards 2/4 and 4/4 of the shipped editions built as two CI runners would, each in a
    folder of its own, then copied into one: only their editions are there, and the index
    (the same from both) links every edition."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764460800", "SAFEGUIDE_CARD_PDF": "off"}
    wanted = {index: shard_editions(SHIPPED, Shard(index, 4)) for index in (2, 4)}
    indexes = []
    merged = tmp_path / "merged"
    command = [sys.executable, "-m", "generator", "--project", str(REPO), "build", "--all"]
    for index in wanted:
        out = tmp_path / f"shard-{index}"
        done = subprocess.run(
            [*command, "--shard", f"{index}/4", "--out", str(out)],
            capture_output=True,
            text=True,
            env={**env, "SAFEGUIDE_CACHE_DIR": str(tmp_path / f"cache-{index}")},
            check=False,
        )
        assert done.returncode == 0, done.stderr
        built = sorted(p.name for p in out.iterdir() if p.is_dir())
        assert built == wanted[index]
        indexes.append((out / "index.html").read_bytes())
        shutil.copytree(out, merged, dirs_exist_ok=True)
    assert indexes[0] == indexes[1]  # the same index from every shard
    index_html = indexes[0].decode()
    for edition_id in SHIPPED:
        assert f'href="{edition_id}/index.html"' in index_html
    others = set(SHIPPED) - {e for shard in wanted.values() for e in shard}
    assert others  # the two shards leave some editions to the other two
    for edition_id in SHIPPED:
        folder = merged / edition_id
        if edition_id in others:
            assert not folder.exists()
        else:
            data = json.loads((folder / "edition.json").read_text(encoding="utf-8"))
            assert data["id"] == edition_id
            assert (folder / "index.html").is_file()
            assert (folder / "contacts.json").is_file()
