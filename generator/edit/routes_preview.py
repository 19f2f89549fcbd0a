"""The preview: build it now, and report how its build is going (polled by editor.js)."""

from __future__ import annotations

from functools import partial

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from generator.edit.editor import Editor
from generator.edit.requests import checked_post


def routes(editor: Editor) -> list[Route]:
    """The routes of this module, bound to one session's editor."""
    return [
        Route("/e/{edition}/build", partial(build, editor), methods=["POST"]),
        Route("/e/{edition}/preview-status", partial(preview_status, editor)),
        Route("/e/{edition}/preview-waiting", partial(preview_waiting, editor)),
    ]


async def build(editor: Editor, request: Request) -> Response:
    """Rebuild the edition's preview, then go back to the page that asked."""
    edition_id = editor.edition_id(request)
    await checked_post(editor, request)
    editor.preview.request(edition_id)
    return RedirectResponse(request.headers.get("referer") or f"/e/{edition_id}", 303)


async def preview_status(editor: Editor, request: Request) -> Response:
    """The preview build's state as JSON."""
    state = editor.preview.state(editor.edition_id(request))
    return JSONResponse({"status": state.status, "message": state.message, "builds": state.builds})


async def preview_waiting(editor: Editor, request: Request) -> Response:
    """What the preview frame shows until the edition's first preview is built."""
    edition_id = editor.edition_id(request)
    return editor.page("preview-waiting.html.j2", title="Preview", waiting_for=edition_id)
