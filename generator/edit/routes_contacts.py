"""The contact form: a new contact (with its source) in the edition's content/contacts.yaml,
bound to the role it was opened for."""

from __future__ import annotations

from functools import partial
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from generator.checks.pipeline import today
from generator.edit import forms
from generator.edit.citations import citation
from generator.edit.editor import Editor
from generator.edit.field_errors import Entry, FieldErrors
from generator.edit.ids import new_id, prefixed
from generator.edit.overlay_writer import (
    CONTACTS_FILE,
    EDITION_FILE,
    Transaction,
    append_to_list,
    set_roles,
)
from generator.edit.requests import after_save, as_date, checked_post, labels, listed
from generator.edit.saving import save


def routes(editor: Editor) -> list[Route]:
    """The routes of this module, bound to one session's editor."""
    return [
        Route("/e/{edition}/contacts/new", partial(contact_new, editor), methods=["GET", "POST"])
    ]


async def contact_new(editor: Editor, request: Request) -> Response:
    """The contact form (``?role=`` fills in the role it fulfils and binds it on save)."""
    edition_id = editor.edition_id(request)
    resolved = await run_in_threadpool(editor.resolved, edition_id)
    role_options = [(rid, r.item.name) for rid, r in resolved.content.roles.items()]
    form = forms.contact_form(editor.sources(resolved), role_options, today())
    role = request.query_params.get("role", "")
    if role and role not in resolved.content.roles:
        role = ""
    role_name = resolved.content.roles[role].item.name if role else ""
    intro = (
        f"{role_name}: {resolved.content.roles[role].item.description} Saving the contact "
        "binds it to this role."
        if role
        else ""
    )
    title = f"Add a contact for: {role_name}" if role else "Add a contact"
    action = f"/e/{edition_id}/contacts/new" + (f"?role={role}" if role else "")
    if request.method == "GET":
        form.fill({"fulfils": [role] if role else [], "area": resolved.edition.item.authority})
        return editor.page(
            "form.html.j2",
            form=form,
            edition_id=edition_id,
            title=title,
            action=action,
            errors=FieldErrors(),
            submit="Save the contact",
            intro=intro,
        )
    values = await checked_post(editor, request)
    form_labels = labels(form)

    def write(t: Transaction) -> list[Entry]:
        entries: list[Entry] = []
        item, where = contact_item(t, values, entries, edition_id, resolved.content.contacts)
        index = append_to_list(t, CONTACTS_FILE, "contacts", {"add": item}, "overlay-contacts")
        fields = {
            "name": "name",
            "description": "description",
            "hours": "hours",
            "when_to_use": "when_to_use",
            "urgency": "urgency",
            "audiences": "audiences",
            "area": "area",
            "fulfils": "fulfils",
            "source": "source.source",
            "where": "source.where",
            "verified": "verified",
            "phone": "channels",
            "id": "id",
            **where,
        }
        entries.insert(
            0,
            Entry(
                t.path(CONTACTS_FILE),
                f"contacts[{index}].add",
                fields,
                {**form_labels, "id": "Name"},
            ),
        )
        if role:
            set_roles(t, {role: item["id"]}, {})
            entries.append(Entry(t.path(EDITION_FILE), f"bindings.{role}", {"": ""}))
        return entries

    saved = await run_in_threadpool(save, editor.layout, edition_id, write)
    if saved.kept:
        return after_save(editor, edition_id, "contact")
    form.fill(values).show(saved.errors)
    return editor.page(
        "form.html.j2",
        400,
        form=form,
        edition_id=edition_id,
        title=title,
        action=action,
        errors=saved.errors,
        submit="Save the contact",
        intro=intro,
    )


def contact_item(
    t: Transaction,
    values: dict[str, Any],
    entries: list[Entry],
    edition_id: str,
    taken: Any,
) -> tuple[dict[str, Any], dict[str, str]]:
    """The contact the form describes (its source cited, a new source written), and the
    key paths of its channel fields (phone, email, web) inside it."""
    source = citation(t, values, entries)
    channels: list[dict[str, str]] = []
    where: dict[str, str] = {}
    for kind in ("phone", "email", "web"):
        if values.get(kind):
            channel = {"type": kind, "value": values[kind]}
            if kind == "phone" and values.get("phone_label"):
                channel["label"] = values["phone_label"]
            where[kind] = f"channels[{len(channels)}].value"
            if kind == "phone":
                where["phone_label"] = f"channels[{len(channels)}].label"
            channels.append(channel)
    name = values.get("name", "")
    item = {
        "id": new_id(prefixed(edition_id, name), taken),
        "name": name,
        "description": values.get("description", ""),
        "channels": channels,
        "hours": values.get("hours", ""),
        "when_to_use": values.get("when_to_use", ""),
        "urgency": values.get("urgency", ""),
        "audiences": listed(values, "audiences"),
        "area": values.get("area", ""),
        "fulfils": listed(values, "fulfils"),
        "source": source,
        "verified": as_date(values.get("verified", "")),
    }
    return item, where
