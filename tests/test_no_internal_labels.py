"""Readers never see internal labels, and the national edition cites national sources only.

These tests read the YAML content directly (comments are not content), so they run
without a build.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO

INTERNAL_LABEL = re.compile(r"\bseeds?\b", re.IGNORECASE)
CONTENT_ROOTS = (REPO / "content", REPO / "site_config" / "editions")
NATIONAL_SOURCES = REPO / "content" / "sources.yaml"
LOCAL_PUBLISHER_WORDS = ("council", "school", "trust", "essex", "leicester", "worcestershire")
# National bodies whose names contain one of the words above; they are not local.
NATIONAL_BODIES = (
    "National Police Chiefs' Council",
    "UK Council for Internet Safety",
    "Schools Week",
    "General Medical Council",
)


def yaml_files(*roots: Path) -> list[Path]:
    return sorted(path for root in roots for path in root.rglob("*.yaml"))


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def strings(value: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """Every string value in ``value``, with the path of keys and indexes leading to it."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, f"{where}[{index}]")


def cited_source_ids(value: Any) -> Iterator[str]:
    """Every citation's source id: the string under a ``source`` key, at any depth."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "source" and isinstance(item, str):
                yield item
            else:
                yield from cited_source_ids(item)
    elif isinstance(value, list):
        for item in value:
            yield from cited_source_ids(item)


def national_sources() -> dict[str, dict[str, Any]]:
    return {source["id"]: source for source in load(NATIONAL_SOURCES)["sources"]}


@pytest.mark.parametrize(
    "path", yaml_files(*CONTENT_ROOTS), ids=lambda path: path.relative_to(REPO).as_posix()
)
def test_no_string_value_mentions_seeds(path: Path) -> None:
    found = [
        f"{where}: {text!r}" for where, text in strings(load(path)) if INTERNAL_LABEL.search(text)
    ]
    assert found == []


def test_national_sources_are_published_nationally() -> None:
    local = []
    for source_id, source in national_sources().items():
        publisher = source["publisher"]
        for body in NATIONAL_BODIES:
            publisher = publisher.replace(body, "")
        if any(word in publisher.lower() for word in LOCAL_PUBLISHER_WORDS):
            local.append(f"{source_id}: {source['publisher']}")
    assert local == []


def test_national_content_cites_only_national_sources() -> None:
    defined = set(national_sources())
    files = yaml_files(REPO / "content") + sorted((REPO / "flowcharts").glob("*.yaml"))
    cited = {
        (path.relative_to(REPO).as_posix(), source_id)
        for path in files
        for source_id in cited_source_ids(load(path))
    }
    assert len(cited) > 50, "expected the national content to cite its sources"
    assert sorted(pair for pair in cited if pair[1] not in defined) == []
