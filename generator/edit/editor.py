"""The state of one editing session (project, token, preview builds, templates) and the
look-ups every page shares: the edition in the address, its draft resolution, its base,
its sources and the roles it must fill."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse

from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.edit import forms
from generator.edit.ids import added_id
from generator.edit.preview import Preview
from generator.editions.resolve import ResolvedEdition

HERE = Path(__file__).parent


class Editor:
    """The state of one editing session: project, token, preview builds, templates."""

    def __init__(
        self, layout: Layout, token: str, port: int, preview_dir: Path, auto_preview: bool = True
    ) -> None:
        self.layout = layout
        self.auto_preview = auto_preview
        """Rebuild the preview after each save (tests of the forms alone turn it off)."""
        self.token = token
        self.port = port
        self.preview = Preview(layout.root, preview_dir)
        self.templates = Environment(
            loader=FileSystemLoader(HERE / "templates"),
            autoescape=select_autoescape(["html", "j2"]),
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def saved(self, edition_id: str) -> None:
        """After a kept save: rebuild the preview (when automatic)."""
        if self.auto_preview:
            self.preview.request(edition_id)

    # pages

    def page(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        """Render a template with the token and the edition's preview state."""
        edition_id = context.get("edition_id")
        if edition_id:
            context.setdefault("preview", self.preview.state(edition_id))
            context.setdefault(
                "preview_ready", (self.preview.site(edition_id) / "index.html").is_file()
            )
        html = self.templates.get_template(name).render(token=self.token, **context)
        return HTMLResponse(html, status_code=status)

    def edition_id(self, request: Request) -> str:
        """The edition named in the address; 404 unless it is one of the project's."""
        edition_id = str(request.path_params["edition"])
        if edition_id not in self.layout.edition_ids():
            raise HTTPException(404, "No such edition in this project.")
        return edition_id

    def resolved(self, edition_id: str) -> ResolvedEdition:
        """The edition resolved as a draft; 409 when it does not resolve (see its problems)."""
        checked = check_edition(self.layout, edition_id, draft=True)
        if checked.edition is None:
            raise HTTPException(409, "The edition has errors; open its page to see them.")
        return checked.edition

    def base_of(self, edition_id: str) -> ResolvedEdition | None:
        """The resolved base edition (for the hashes tree patches record)."""
        base = self.resolved(edition_id).edition.item.base
        return check_edition(self.layout, base).edition if base else None

    def sources(self, resolved: ResolvedEdition) -> list[tuple[str, str]]:
        """(id, label) of every source, the edition's own first; the label is the title and
        the source's edition or year (several editions of one document share a title)."""
        own = {added_id(a) for a in resolved.added if a.kind == "source"}
        items = sorted(
            resolved.content.sources.items(),
            key=lambda kv: (kv[0] not in own, kv[1].item.title, str(kv[1].item.edition)),
        )
        return [
            (sid, f"{s.item.title} ({s.item.edition})" if s.item.edition else s.item.title)
            for sid, s in items
        ]

    def roles_to_choose(self, resolved: ResolvedEdition) -> list[dict[str, Any]]:
        """Every role this edition must bind or declare, and those it already did."""
        own = resolved.edition.item
        open_roles = {role_id for role_id, _ in resolved.placeholders()}
        rows = []
        for role_id, located in resolved.content.roles.items():
            if (
                role_id not in open_roles
                and role_id not in own.bindings
                and role_id not in own.gaps
            ):
                continue
            choice = "existing" if role_id in own.bindings else "gap" if role_id in own.gaps else ""
            rows.append(
                {
                    "id": role_id,
                    "name": located.item.name,
                    "description": located.item.description,
                    "choice": choice,
                    "contact": own.bindings.get(role_id, ""),
                    "reason": own.gaps.get(role_id, forms.GAP_REASON),
                }
            )
        return rows
