"""`safeguide edit` refuses to listen anywhere but 127.0.0.1, and to open an unknown edition."""

from __future__ import annotations

import socket

from click.testing import CliRunner

from generator.cli import main
from generator.edit.server import listening_socket
from tests.conftest import REPO


def test_another_host_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["--project", str(REPO), "edit", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "expected --host 127.0.0.1 (the editor is local only), got 0.0.0.0" in result.output


def test_an_unknown_edition_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["--project", str(REPO), "edit", "--edition", "nowhere"])
    assert result.exit_code == 2
    assert "expected an edition id" in result.output


def test_a_port_in_use_is_a_usage_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["--project", str(REPO), "edit", "--port", str(port)])
    assert result.exit_code == 2
    assert f"expected a free --port, got {port}" in result.output


def test_the_printed_address_answers_at_once() -> None:
    """The socket listens before the address is printed: a browser opening it at once is
    queued until the server runs, never refused (the browser test once was)."""
    listener = listening_socket(0)
    port = listener.getsockname()[1]
    with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
        assert client.getpeername()[1] == port
    listener.close()
