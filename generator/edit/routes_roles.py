"""The roles an edition must fill: bind each to a contact, add a contact for it, or
declare it a gap with the reason."""

from __future__ import annotations

from functools import partial
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from generator.edit import forms
from generator.edit.editor import Editor
from generator.edit.field_errors import Entry, FieldErrors
from generator.edit.ids import added_id
from generator.edit.overlay_writer import EDITION_FILE, Transaction, set_roles
from generator.edit.requests import checked_post, problem
from generator.edit.saving import save


def routes(editor: Editor) -> list[Route]:
    """The routes of this module, bound to one session's editor."""
    return [Route("/e/{edition}/roles", partial(roles, editor), methods=["GET", "POST"])]


async def roles(editor: Editor, request: Request) -> Response:
    """The roles form; a role marked "add a contact" goes on to the contact form."""
    edition_id = editor.edition_id(request)
    resolved = await run_in_threadpool(editor.resolved, edition_id)
    rows = editor.roles_to_choose(resolved)
    own = {added_id(a) for a in resolved.added if a.kind == "contact"}
    contacts = sorted(
        ((cid, c.item.name) for cid, c in resolved.content.contacts.items()),
        key=lambda kv: (kv[0] not in own, kv[1]),
    )  # the edition's own contacts first
    for row in rows:
        row["fitting"] = [
            (cid, name)
            for cid, name in contacts
            if row["id"] in resolved.content.contacts[cid].item.fulfils
        ]
    errors = FieldErrors()
    status = 200
    if request.method == "POST":
        values = await checked_post(editor, request)
        bindings, gaps, wanted = _choices(rows, values, errors)
        if errors.by_field:
            return editor.page(
                "roles.html.j2",
                400,
                edition_id=edition_id,
                rows=rows,
                contacts=contacts,
                errors=errors,
                created=None,
                title="Roles to fill",
            )

        def write(t: Transaction) -> list[Entry]:
            set_roles(t, bindings, gaps)
            fields = {f"bindings.{r}": f"bindings.{r}" for r in bindings}
            fields.update({f"gaps.{r}": f"gaps.{r}" for r in gaps})
            return [Entry(t.path(EDITION_FILE), "", fields)]

        saved = await run_in_threadpool(save, editor.layout, edition_id, write)
        if saved.kept:
            editor.saved(edition_id)
            if wanted:
                return RedirectResponse(f"/e/{edition_id}/contacts/new?role={wanted[0]}", 303)
            return RedirectResponse(f"/e/{edition_id}?saved=roles", 303)
        errors, status = saved.errors, 400
    return editor.page(
        "roles.html.j2",
        status,
        edition_id=edition_id,
        rows=rows,
        contacts=contacts,
        errors=errors,
        created=request.query_params.get("created"),
        title="Roles to fill",
    )


def _choices(
    rows: list[dict[str, Any]], values: dict[str, Any], errors: FieldErrors
) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """The posted choices (rows are updated to show them again): bindings, gaps, and the
    roles that want a new contact; a binding without a contact is an error beside it."""
    bindings: dict[str, str] = {}
    gaps: dict[str, str] = {}
    wanted: list[str] = []
    for row in rows:
        role_id = row["id"]
        choice = values.get(f"choice__{role_id}", "")
        row["choice"] = choice
        row["contact"] = values.get(f"contact__{role_id}", "")
        row["reason"] = values.get(f"reason__{role_id}", "")
        if choice == "existing" and not row["contact"]:
            errors.by_field[f"bindings.{role_id}"] = [
                problem(
                    "Choose the contact for this role, or pick another option.",
                    f"bindings.{role_id}: no contact chosen",
                )
            ]
        elif choice == "existing":
            bindings[role_id] = row["contact"]
        elif choice == "gap":
            gaps[role_id] = row["reason"] or forms.GAP_REASON
        elif choice == "new":
            wanted.append(role_id)
    return bindings, gaps, wanted
