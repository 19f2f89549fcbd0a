"""What keeps the editor local and the officer's own: token, Host, Origin and path checks.

The editor listens on 127.0.0.1 only. Every request must carry the session's token (a
cookie set on the first visit from the address ``safeguide edit`` prints); every POST
also carries it in a hidden form field. A request whose Host is not the editor's own
(DNS rebinding) is refused with 400, a POST from another site with 403.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

LOCAL_HOST = "127.0.0.1"
COOKIE = "safeguide_edit"
TOKEN_FIELD = "token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def new_token() -> str:
    """A fresh random session token."""
    return secrets.token_urlsafe(32)


def allowed_hosts(port: int) -> frozenset[str]:
    """The Host headers the editor answers to."""
    return frozenset({f"{LOCAL_HOST}:{port}", f"localhost:{port}"})


def same_site(url: str, hosts: frozenset[str]) -> bool:
    """Whether an Origin or Referer value names the editor itself."""
    parts = urlsplit(url)
    return parts.scheme == "http" and parts.netloc in hosts


class PathRefused(ValueError):
    """A path that would leave the edition's folder (``..``, an absolute path, a link)."""


def inside(folder: Path, relative: str) -> Path:
    """``folder / relative``, refused unless it stays inside ``folder`` with no symbolic
    link on the way (the file itself may not exist yet)."""
    if not relative or relative.startswith(("/", "\\")) or "\\" in relative:
        raise PathRefused(f"expected a path inside {folder.name}/, got {relative!r}")
    parts = Path(relative).parts
    if any(part in ("..", ".", "") for part in parts):
        raise PathRefused(f"expected a path inside {folder.name}/, got {relative!r}")
    if folder.is_symlink():
        raise PathRefused(f"expected a real folder, got a link at {folder}")
    current = folder
    for part in parts:
        current = current / part
        if current.is_symlink():
            raise PathRefused(f"expected no link on the way, got one at {relative!r}")
    resolved_folder = folder.resolve()
    target = (resolved_folder / relative).resolve()
    if resolved_folder not in target.parents:
        raise PathRefused(f"expected a path inside {folder.name}/, got {relative!r}")
    return folder / relative


class LocalOnly:
    """ASGI middleware: Host, token and Origin checks in front of every route."""

    def __init__(self, app: ASGIApp, token: str, port: int) -> None:
        self.app = app
        self.token = token
        self.hosts = allowed_hosts(port)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        refusal = self.refusal(request)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def refusal(self, request: Request) -> Response | None:
        """The response refusing ``request``, or None to let it through."""
        if request.headers.get("host", "") not in self.hosts:
            return PlainTextResponse(
                "Refused: the editor answers only at 127.0.0.1 or localhost.", status_code=400
            )
        if request.method in UNSAFE_METHODS:
            origin = request.headers.get("origin")
            referer = request.headers.get("referer")
            if (origin and not same_site(origin, self.hosts)) or (
                not origin and referer and not same_site(referer, self.hosts)
            ):
                return PlainTextResponse("Refused: a request from another site.", 403)
        given = request.query_params.get(TOKEN_FIELD)
        if request.method == "GET" and given is not None:
            if not secrets.compare_digest(given, self.token):
                return PlainTextResponse(_NO_TOKEN, status_code=403)
            clean = request.url.remove_query_params(TOKEN_FIELD)
            response = RedirectResponse(
                clean.path + (f"?{clean.query}" if clean.query else ""), 303
            )
            response.set_cookie(COOKIE, self.token, httponly=True, samesite="strict", path="/")
            return response
        if not secrets.compare_digest(request.cookies.get(COOKIE, ""), self.token):
            return PlainTextResponse(_NO_TOKEN, status_code=403)
        return None


_NO_TOKEN = (
    "Refused: open the editor from the address `safeguide edit` printed (it ends with ?token=...)."
)


async def form_token_matches(request: Request, token: str) -> bool:
    """Whether a POST's hidden token field is the session's token."""
    form = await request.form()
    given = form.get(TOKEN_FIELD)
    return isinstance(given, str) and secrets.compare_digest(given, token)
