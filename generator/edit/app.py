"""The editor's ASGI app: each module's routes, the static files, the preview, and the
security layers in front (local-only checks, then headers).

Forms are plain HTML rendered on the server (they work without JavaScript); the only
script refreshes the preview. Every save goes through :mod:`generator.edit.saving`.
"""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from generator.edit import (
    routes_contacts,
    routes_editions,
    routes_preview,
    routes_roles,
    routes_sections,
    routes_trees,
)
from generator.edit.editor import HERE, Editor
from generator.edit.security import TOKEN_FIELD, LocalOnly

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'; "
    "object-src 'none'"
)


def build_app(editor: Editor) -> ASGIApp:
    """The ASGI app of one session, with the local-only checks in front."""
    routes: list[BaseRoute] = []
    for module in (
        routes_editions,
        routes_roles,
        routes_contacts,
        routes_sections,
        routes_trees,
        routes_preview,
    ):
        routes += module.routes(editor)
    routes += [
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        Mount(
            "/preview",
            StaticFiles(directory=editor.preview.folder, html=True, check_dir=False),
            name="preview",
        ),
    ]
    app = Starlette(routes=routes)
    return LocalOnly(Headers(app), editor.token, editor.port)


class Headers:
    """Security headers: a strict CSP on the editor's pages; the preview keeps its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        is_preview = scope.get("path", "").startswith("/preview/")

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not is_preview:
                    headers.append((b"content-security-policy", CSP.encode()))
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"referrer-policy", b"same-origin"))
                headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


__all__ = ["TOKEN_FIELD", "Editor", "build_app"]
