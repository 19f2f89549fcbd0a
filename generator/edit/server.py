"""Start the editor: a free port on 127.0.0.1, a fresh token, a temporary preview folder."""

from __future__ import annotations

import shutil
import socket
import tempfile
import webbrowser
from collections.abc import Callable
from pathlib import Path

from generator.content.project import Layout
from generator.edit.app import Editor, build_app
from generator.edit.security import LOCAL_HOST, new_token


def listening_socket(port: int) -> socket.socket:
    """A socket listening on 127.0.0.1 at ``port`` (0: a free one), before the server runs:
    a browser that opens the printed address at once waits in the queue, never refused."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((LOCAL_HOST, port))
    except OSError:
        listener.close()
        raise
    listener.listen(128)
    return listener


def serve_editor(
    layout: Layout,
    port: int,
    edition_id: str | None,
    open_browser: bool,
    say: Callable[[str], None],
) -> None:
    """Serve the editor until Ctrl-C; the preview folder is removed afterwards."""
    import uvicorn

    listener = listening_socket(port)
    port = int(listener.getsockname()[1])
    token = new_token()
    preview_dir = Path(tempfile.mkdtemp(prefix="safeguide-edit-"))
    editor = Editor(layout, token, port, preview_dir)
    start = f"/e/{edition_id}" if edition_id else "/"
    address = f"http://{LOCAL_HOST}:{port}{start}?token={token}"
    say(f"safeguide editor for {layout.root}")
    say(f"open: {address}")
    say("Ctrl-C stops it.")
    if open_browser:
        webbrowser.open(address)
    config = uvicorn.Config(
        build_app(editor),
        host=LOCAL_HOST,
        port=port,
        log_level="warning",
        server_header=False,
        proxy_headers=False,
    )
    try:
        uvicorn.Server(config).run(sockets=[listener])
    finally:
        listener.close()
        shutil.rmtree(preview_dir, ignore_errors=True)
