"""The home page (the project's editions), the "new edition" form and an edition's page."""

from __future__ import annotations

import shutil
from functools import partial
from typing import Any

from pydantic_core import PydanticCustomError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.edit import forms
from generator.edit.editor import Editor
from generator.edit.field_errors import Entry, FieldErrors, place
from generator.edit.overlay_writer import EDITION_FILE, Transaction, set_settings
from generator.edit.requests import checked_post, problem
from generator.edit.saving import current_problems, save
from generator.editions.resolve import ResolvedEdition, read_edition
from generator.editions.scaffold import ScaffoldError, write_scaffold
from generator.models.text_rules import check_id


def routes(editor: Editor) -> list[Route]:
    """The routes of this module, bound to one session's editor."""
    return [
        Route("/", partial(home, editor)),
        Route("/new", partial(new_edition, editor), methods=["GET", "POST"]),
        Route("/e/{edition}", partial(edition, editor)),
    ]


async def home(editor: Editor, request: Request) -> Response:
    """The project's editions, and a link to start a new one."""
    editions = [{"id": e, "name": name} for e, name in edition_names(editor.layout)]
    return editor.page("home.html.j2", editions=editions, title="Editions")


def edition_names(layout: Layout) -> list[tuple[str, str]]:
    """(id, name) of each of the project's editions (the id when its settings are broken)."""
    names = []
    for edition_id in layout.edition_ids():
        settings, _problems = read_edition(layout, edition_id)
        names.append((edition_id, settings.item.name if settings else edition_id))
    return names


async def new_edition(editor: Editor, request: Request) -> Response:
    """The "new edition" form; on success, on to the roles the new edition must fill."""
    layout = editor.layout
    form = forms.new_edition_form(edition_names(layout))
    if request.method == "GET":
        return editor.page(
            "form.html.j2",
            form=form,
            title="Start a new edition",
            action="/new",
            errors=FieldErrors(),
            submit="Create the edition",
        )
    values = await checked_post(editor, request)
    errors = await run_in_threadpool(create_edition, layout, values)
    if isinstance(errors, str):
        editor.saved(errors)
        return RedirectResponse(f"/e/{errors}/roles?created=1", 303)
    form.fill(values).show(errors)
    return editor.page(
        "form.html.j2",
        400,
        form=form,
        title="Start a new edition",
        action="/new",
        errors=errors,
        submit="Create the edition",
    )


def create_edition(layout: Layout, values: dict[str, Any]) -> str | FieldErrors:
    """Write a new edition's scaffold and settings: its id, or the problems that stopped it
    (nothing is left behind then)."""
    errors = FieldErrors()
    edition_id = values.get("id", "")
    try:
        check_id(edition_id)
    except PydanticCustomError:
        errors.by_field["id"] = [
            problem(
                "The short name must be lowercase words joined by hyphens, e.g. 'north-shire'.",
                f"expected an id, got {edition_id!r}",
            )
        ]
        return errors
    if edition_id in layout.edition_ids() or (layout.editions_dir / edition_id).exists():
        errors.by_field["id"] = [
            problem(
                "There is already an edition with this short name; choose another.",
                f"site_config/editions/{edition_id} exists",
            )
        ]
        return errors
    base_id = values.get("base", "national")
    if base_id not in layout.edition_ids():
        errors.by_field["base"] = [problem("Choose one of the listed editions.", base_id)]
        return errors
    base = check_edition(layout, base_id).edition
    if base is None:
        errors.general.append(problem("The base edition has errors; fix it first.", base_id))
        return errors
    try:
        write_scaffold(layout.editions_dir, edition_id, base)
    except ScaffoldError as exc:
        errors.general.append(problem("The edition could not be created.", str(exc)))
        return errors
    settings = {
        "name": values.get("name", ""),
        "authority": values.get("authority", ""),
        "example": values.get("example") == "on",
    }
    saved = save(layout, edition_id, lambda t: _settings(t, settings))
    if not saved.kept:
        shutil.rmtree(layout.editions_dir / edition_id)
        return saved.errors
    return str(edition_id)


def _settings(t: Transaction, settings: dict[str, Any]) -> list[Entry]:
    set_settings(t, settings)
    fields = {"name": "name", "authority": "authority", "id": "id", "example": "example"}
    return [
        Entry(
            t.path(EDITION_FILE),
            "",
            fields,
            {"name": "Name of the edition", "authority": "Published by"},
        )
    ]


OPEN_ROLE_CODES = ("unbound-role", "placeholder")
"""Problems the checklist's "Roles" line sums up (by the roles' names)."""


async def edition(editor: Editor, request: Request) -> Response:
    """An edition's page: a checklist of what is left to do (roles, contacts, sections,
    flowcharts, problems, preview, publishing), the problems, and links to each form."""
    layout = editor.layout
    edition_id = editor.edition_id(request)
    found = await run_in_threadpool(current_problems, layout, edition_id)
    checked = await run_in_threadpool(check_edition, layout, edition_id, draft=True)
    resolved = checked.edition
    summed_up = resolved is not None
    errors = place(
        [d for d in found if not (summed_up and d.code in OPEN_ROLE_CODES)], [], layout.root
    )
    return editor.page(
        "edition.html.j2",
        edition_id=edition_id,
        resolved=resolved,
        errors=errors,
        checklist=checklist(editor, resolved) if resolved else None,
        saved=request.query_params.get("saved"),
        title=resolved.edition.item.name if resolved else edition_id,
    )


def checklist(editor: Editor, resolved: ResolvedEdition) -> dict[str, Any]:
    """What the edition has and what is left: roles chosen of those to fill (with the
    open ones by name), its own contacts, sections and flowchart changes by name."""
    rows = editor.roles_to_choose(resolved)
    open_roles = {role_id for role_id, _ in resolved.placeholders()}

    def own(kind: str) -> list[str]:
        names = []
        for added in resolved.added:
            if added.kind == kind and added.edition_id == resolved.id:
                item = added.item.item
                names.append(str(getattr(item, "name", None) or getattr(item, "title", "")))
        return sorted(names)

    changed_trees = sorted(
        {
            resolved.content.trees[o.item_id].item.title
            for o in resolved.overrides
            if o.kind == "tree"
            and o.edition_id == resolved.id
            and o.item_id in resolved.content.trees
        }
    )
    return {
        "roles_total": len(rows),
        "roles_open": [row["name"] for row in rows if row["id"] in open_roles],
        "contacts": own("contact"),
        "sections": own("section"),
        "trees": changed_trees,
    }
