"""`safeguide edit` refuses to listen anywhere but 127.0.0.1, and to open an unknown edition."""

from __future__ import annotations

from click.testing import CliRunner

from generator.cli import main
from tests.conftest import REPO


def test_another_host_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["--project", str(REPO), "edit", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "expected --host 127.0.0.1 (the editor is local only), got 0.0.0.0" in result.output


def test_an_unknown_edition_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["--project", str(REPO), "edit", "--edition", "nowhere"])
    assert result.exit_code == 2
    assert "expected an edition id" in result.output
