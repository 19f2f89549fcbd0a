"""The on-disk cache of rendered text (chart SVG, printed sections)."""

from __future__ import annotations

from pathlib import Path

from generator.text_cache import TextCache, cache_key, code_fingerprint


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
