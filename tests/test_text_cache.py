"""The on-disk cache of rendered text (chart SVG, printed sections), and its pruning."""

from __future__ import annotations

import os
import time
from pathlib import Path

from generator.text_cache import KEEP_UNUSED_DAYS, TextCache, cache_key, code_fingerprint, prune


def test_key_parts_are_kept_apart() -> None:
    assert cache_key("ab", "c") != cache_key("a", "bc")
    assert cache_key("a", "b") == cache_key("a", "b")


def test_stored_text_comes_back_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    cache = TextCache(tmp_path / "c", ".txt")
    key = cache_key("x")
    assert cache.get(key) is None
    cache.put(key, "café ✓")
    assert cache.get(key) == "café ✓"
    assert [p.name for p in (tmp_path / "c").iterdir()] == [f"{key}.txt"]


def test_without_a_folder_nothing_is_remembered() -> None:
    cache = TextCache(None, ".txt")
    cache.put("k", "v")
    assert cache.get("k") is None


def test_code_fingerprint_follows_the_source(tmp_path: Path) -> None:
    one, two = tmp_path / "one.py", tmp_path / "two.py"
    one.write_text("A = 1\n", encoding="utf-8")
    two.write_text("A = 2\n", encoding="utf-8")
    assert code_fingerprint(str(one)) != code_fingerprint(str(two))


DAY = 24 * 3600


def _aged(path: Path, days: float, now: float) -> None:
    os.utime(path, (now - days * DAY, now - days * DAY))


def test_prune_deletes_what_was_not_used_for_a_month_and_keeps_what_was(
    tmp_path: Path,
) -> None:
    now = time.time()
    cache = TextCache(tmp_path / "svg", ".svg")
    for key in ("old", "used", "new"):
        cache.put(key, key)
    _aged(tmp_path / "svg" / "old.svg", KEEP_UNUSED_DAYS + 1, now)
    _aged(tmp_path / "svg" / "used.svg", KEEP_UNUSED_DAYS + 1, now)
    assert cache.get("used") == "used"  # a hit marks it used
    (tmp_path / "page-html").mkdir()
    stale_page = tmp_path / "page-html" / "p.pickle"
    stale_page.write_bytes(b"x")
    _aged(stale_page, KEEP_UNUSED_DAYS + 5, now)

    assert prune(tmp_path, now) == 2
    assert sorted(p.name for p in (tmp_path / "svg").iterdir()) == ["new.svg", "used.svg"]
    assert not stale_page.exists()


def test_prune_runs_at_most_once_a_day(tmp_path: Path) -> None:
    now = time.time()
    (tmp_path / "svg").mkdir()
    assert prune(tmp_path, now) == 0
    old = tmp_path / "svg" / "old.svg"
    old.write_text("x")
    _aged(old, KEEP_UNUSED_DAYS + 1, now)
    assert prune(tmp_path, now + 3600) == 0 and old.exists()  # pruned an hour ago
    assert prune(tmp_path, now + DAY + 1) == 1 and not old.exists()


def test_a_missing_cache_folder_is_left_alone(tmp_path: Path) -> None:
    assert prune(tmp_path / "none") == 0
    assert not (tmp_path / "none").exists()
