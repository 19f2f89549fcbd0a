"""Which engine runs: ``--engine``, else ``extra.safeguide.engine`` in mkdocs.yml, else
ProperDocs; the setting is read without loading an engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.site.engine.choice import (
    DEFAULT_ENGINE,
    ENGINES,
    PLUGIN_ENGINES,
    UnknownEngine,
    chosen_engine,
    configured_engine,
)
from tests.conftest import REPO


def config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_properdocs_is_the_default_then_mkdocs_and_zensical() -> None:
    assert DEFAULT_ENGINE == "properdocs"
    assert PLUGIN_ENGINES == ("properdocs", "mkdocs")
    assert ENGINES == ("properdocs", "mkdocs", "zensical")


def test_the_project_names_properdocs() -> None:
    assert configured_engine(REPO / "mkdocs.yml") == "properdocs"


def test_no_setting_means_the_default(tmp_path: Path) -> None:
    assert configured_engine(config(tmp_path, "site_name: x\n")) == "properdocs"
    assert configured_engine(config(tmp_path, "site_name: x\nextra: {}\n")) == "properdocs"
    assert configured_engine(config(tmp_path, "extra: {safeguide: {}}\n")) == "properdocs"


def test_the_setting_is_read_past_mkdocs_own_tags(tmp_path: Path) -> None:
    text = (
        "site_name: !ENV [SITE_NAME, 'Guidance']\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "extra:\n  safeguide:\n    engine: mkdocs\n"
    )
    assert configured_engine(config(tmp_path, text)) == "mkdocs"


def test_an_unknown_engine_is_refused_with_what_was_expected(tmp_path: Path) -> None:
    path = config(tmp_path, "extra:\n  safeguide:\n    engine: hugo\n")
    with pytest.raises(UnknownEngine) as raised:
        configured_engine(path)
    assert str(raised.value) == (
        "mkdocs.yml: extra.safeguide.engine: expected one of properdocs, mkdocs, zensical, "
        "got 'hugo'"
    )


def test_the_option_wins_over_the_setting(tmp_path: Path) -> None:
    path = config(tmp_path, "extra:\n  safeguide:\n    engine: mkdocs\n")
    assert chosen_engine(path, "properdocs") == "properdocs"
    assert chosen_engine(path, None) == "mkdocs"
