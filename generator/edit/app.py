"""The editor's routes: home, new edition, roles, contacts, sections, tree patches, preview.

Forms are plain HTML rendered on the server (they work without JavaScript); the only
script refreshes the preview. Every save goes through :mod:`generator.edit.saving`.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic_core import PydanticCustomError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from generator.checks.pipeline import check_edition, today
from generator.content.item_hash import short_hash
from generator.content.project import Layout
from generator.edit import forms
from generator.edit.field_errors import Entry, FieldErrors, place
from generator.edit.overlay_writer import (
    CONTACTS_FILE,
    EDITION_FILE,
    SOURCES_FILE,
    Transaction,
    append_patch,
    append_to_list,
    set_roles,
    set_settings,
    write_new,
)
from generator.edit.preview import Preview
from generator.edit.saving import current_problems, save
from generator.edit.security import TOKEN_FIELD, LocalOnly, form_token_matches
from generator.editions.resolve import ResolvedEdition, read_edition
from generator.editions.scaffold import ScaffoldError, write_scaffold
from generator.models import Contact, QuestionNode, StepNode
from generator.models.text_rules import check_id

HERE = Path(__file__).parent
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'; "
    "object-src 'none'"
)


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
        """(id, title) of every source, the edition's own first."""
        own = {_added_id(a) for a in resolved.added if a.kind == "source"}
        items = sorted(
            resolved.content.sources.items(), key=lambda kv: (kv[0] not in own, kv[1].item.title)
        )
        return [(sid, located.item.title) for sid, located in items]

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


def _values(form: FormData) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key in form:
        items = [str(v) for v in form.getlist(key)]
        values[key] = items if len(items) > 1 or key in _MULTI else items[0].strip()
    return values


_MULTI = {"fulfils", "audiences", "audience", "contacts", "rb_contacts"}


def _list(values: dict[str, Any], name: str) -> list[str]:
    value = values.get(name, [])
    return [v for v in (value if isinstance(value, list) else [value]) if v]


def _citation(t: Transaction, values: dict[str, Any], entries: list[Entry]) -> dict[str, str]:
    """The chosen source as a citation; a new source is added to content/sources.yaml."""
    source = values.get("source", "")
    if source == "new":
        title = values.get("new_title", "")
        source = forms.slug(title) or "new-source"
        operation = {
            "add": {
                "id": source,
                "title": title,
                "publisher": values.get("new_publisher", ""),
                "edition": values.get("new_edition", ""),
                "url": values.get("new_url", ""),
            }
        }
        index = append_to_list(t, SOURCES_FILE, "sources", operation, "overlay-sources")
        entries.append(
            Entry(
                t.path(SOURCES_FILE),
                f"sources[{index}].add",
                {
                    "new_title": "title",
                    "new_publisher": "publisher",
                    "new_edition": "edition",
                    "new_url": "url",
                    "source": "id",
                },
                {
                    "new_title": "New source: title",
                    "new_publisher": "New source: publisher",
                    "new_edition": "New source: date or edition",
                    "new_url": "New source: web address",
                },
            )
        )
    return {"source": source, "where": values.get("where", "")}


def _labels(form: forms.Form) -> dict[str, str]:
    return {f.name: f.label for f in form.fields()}


def build_app(editor: Editor) -> ASGIApp:
    """The ASGI app of one session, with the local-only checks in front."""
    layout = editor.layout

    async def checked_post(request: Request) -> dict[str, Any]:
        if not await form_token_matches(request, editor.token):
            raise HTTPException(403, "Refused: the form's token does not match this session.")
        return _values(await request.form())

    def after_save(edition_id: str, what: str) -> Response:
        editor.saved(edition_id)
        return RedirectResponse(f"/e/{edition_id}?saved={what}", 303)

    async def home(request: Request) -> Response:
        editions = []
        for edition_id in layout.edition_ids():
            settings, _problems = read_edition(layout, edition_id)
            name = settings.item.name if settings else edition_id
            editions.append({"id": edition_id, "name": name})
        return editor.page("home.html.j2", editions=editions, title="Editions")

    async def new_edition(request: Request) -> Response:
        form = forms.new_edition_form(layout.edition_ids())
        if request.method == "GET":
            return editor.page(
                "form.html.j2",
                form=form,
                title="Start a new edition",
                action="/new",
                errors=FieldErrors(),
                submit="Create the edition",
            )
        values = await checked_post(request)
        errors = await run_in_threadpool(_create_edition, values)
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

    def _create_edition(values: dict[str, Any]) -> str | FieldErrors:
        errors = FieldErrors()
        edition_id = values.get("id", "")
        try:
            check_id(edition_id)
        except PydanticCustomError:
            errors.by_field["id"] = [
                _problem(
                    "The short name must be lowercase words joined by hyphens, e.g. 'north-shire'.",
                    f"expected an id, got {edition_id!r}",
                )
            ]
            return errors
        if edition_id in layout.edition_ids() or (layout.editions_dir / edition_id).exists():
            errors.by_field["id"] = [
                _problem(
                    "There is already an edition with this short name; choose another.",
                    f"site_config/editions/{edition_id} exists",
                )
            ]
            return errors
        base_id = values.get("base", "national")
        if base_id not in layout.edition_ids():
            errors.by_field["base"] = [_problem("Choose one of the listed editions.", base_id)]
            return errors
        base = check_edition(layout, base_id).edition
        if base is None:
            errors.general.append(_problem("The base edition has errors; fix it first.", base_id))
            return errors
        try:
            write_scaffold(layout.editions_dir, edition_id, base)
        except ScaffoldError as exc:
            errors.general.append(_problem("The edition could not be created.", str(exc)))
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

    async def edition(request: Request) -> Response:
        edition_id = editor.edition_id(request)
        found = await run_in_threadpool(current_problems, layout, edition_id)
        errors = place(found, [], layout.root)
        checked = await run_in_threadpool(check_edition, layout, edition_id, draft=True)
        resolved = checked.edition
        open_roles = len(resolved.placeholders()) if resolved else 0
        return editor.page(
            "edition.html.j2",
            edition_id=edition_id,
            resolved=resolved,
            errors=errors,
            open_roles=open_roles,
            saved=request.query_params.get("saved"),
            title=resolved.edition.item.name if resolved else edition_id,
        )

    async def roles(request: Request) -> Response:
        edition_id = editor.edition_id(request)
        resolved = await run_in_threadpool(editor.resolved, edition_id)
        rows = editor.roles_to_choose(resolved)
        contacts = sorted(
            ((cid, c.item.name) for cid, c in resolved.content.contacts.items()),
            key=lambda kv: kv[1],
        )
        errors = FieldErrors()
        status = 200
        if request.method == "POST":
            values = await checked_post(request)
            bindings, gaps, wanted = {}, {}, []
            for row in rows:
                role_id = row["id"]
                choice = values.get(f"choice__{role_id}", "")
                row["choice"] = choice
                row["contact"] = values.get(f"contact__{role_id}", "")
                row["reason"] = values.get(f"reason__{role_id}", "")
                if choice == "existing" and not row["contact"]:
                    errors.by_field[f"bindings.{role_id}"] = [
                        _problem(
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

            saved = await run_in_threadpool(save, layout, edition_id, write)
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

    async def contact_new(request: Request) -> Response:
        edition_id = editor.edition_id(request)
        resolved = await run_in_threadpool(editor.resolved, edition_id)
        role_options = [(rid, r.item.name) for rid, r in resolved.content.roles.items()]
        form = forms.contact_form(editor.sources(resolved), role_options, today())
        role = request.query_params.get("role", "")
        if role and role not in resolved.content.roles:
            role = ""
        role_name = resolved.content.roles[role].item.name if role else ""
        if request.method == "GET":
            form.fill({"fulfils": [role] if role else [], "area": resolved.edition.item.authority})
            return editor.page(
                "form.html.j2",
                form=form,
                edition_id=edition_id,
                title=f"Add a contact for: {role_name}" if role else "Add a contact",
                action=f"/e/{edition_id}/contacts/new" + (f"?role={role}" if role else ""),
                errors=FieldErrors(),
                submit="Save the contact",
            )
        values = await checked_post(request)
        labels = _labels(form)

        def write(t: Transaction) -> list[Entry]:
            entries: list[Entry] = []
            citation = _citation(t, values, entries)
            channels: list[dict[str, str]] = []
            where: dict[str, str] = {}
            for kind, name in (("phone", "phone"), ("email", "email"), ("web", "web")):
                if values.get(name):
                    channel = {"type": kind, "value": values[name]}
                    if kind == "phone" and values.get("phone_label"):
                        channel["label"] = values["phone_label"]
                    where[name] = f"channels[{len(channels)}].value"
                    if kind == "phone":
                        where["phone_label"] = f"channels[{len(channels)}].label"
                    channels.append(channel)
            name = values.get("name", "")
            contact_id = _new_id(_prefixed(edition_id, name), resolved.content.contacts)
            item = {
                "id": contact_id,
                "name": name,
                "description": values.get("description", ""),
                "channels": channels,
                "hours": values.get("hours", ""),
                "when_to_use": values.get("when_to_use", ""),
                "urgency": values.get("urgency", ""),
                "audiences": _list(values, "audiences"),
                "area": values.get("area", ""),
                "fulfils": _list(values, "fulfils"),
                "source": citation,
                "verified": _date(values.get("verified", "")),
            }
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
                    {**labels, "id": "Name"},
                ),
            )
            if role:
                set_roles(t, {role: contact_id}, {})
                entries.append(Entry(t.path(EDITION_FILE), f"bindings.{role}", {"": ""}))
            return entries

        saved = await run_in_threadpool(save, layout, edition_id, write)
        if saved.kept:
            return after_save(edition_id, "contact")
        form.fill(values).show(saved.errors)
        return editor.page(
            "form.html.j2",
            400,
            form=form,
            edition_id=edition_id,
            title="Add a contact",
            action=str(request.url.path) + (f"?role={role}" if role else ""),
            errors=saved.errors,
            submit="Save the contact",
        )

    async def section_new(request: Request) -> Response:
        edition_id = editor.edition_id(request)
        resolved = await run_in_threadpool(editor.resolved, edition_id)
        form = forms.section_form(editor.sources(resolved), today())
        action = f"/e/{edition_id}/sections/new"
        if request.method == "GET":
            return editor.page(
                "form.html.j2",
                form=form,
                edition_id=edition_id,
                title="Add a local section",
                action=action,
                errors=FieldErrors(),
                submit="Save the section",
            )
        values = await checked_post(request)
        labels = _labels(form)
        section_id = forms.slug(values.get("title", ""))
        errors = FieldErrors()
        if not section_id:
            errors.by_field["title"] = [_problem("'Title' must be filled in.", "title: empty")]
        elif section_id in resolved.content.sections:
            errors.by_field["title"] = [
                _problem(
                    "A section with this title already exists; choose another title.",
                    f"sections/{section_id}.yaml exists",
                )
            ]
        if errors.by_field:
            form.fill(values).show(errors)
            return editor.page(
                "form.html.j2",
                400,
                form=form,
                edition_id=edition_id,
                title="Add a local section",
                action=action,
                errors=errors,
                submit="Save the section",
            )

        def write(t: Transaction) -> list[Entry]:
            entries: list[Entry] = []
            citation = _citation(t, values, entries)
            blocks: list[dict[str, Any]] = []
            fields: dict[str, str] = {}
            for n in (1, 2):
                text = values.get(f"block{n}_text", "")
                if not text and n > 1:
                    continue
                fields.update(
                    {
                        f"block{n}_heading": f"body[{len(blocks)}].heading",
                        f"block{n}_text": f"body[{len(blocks)}].text",
                        f"block{n}_basis": f"body[{len(blocks)}].basis",
                    }
                )
                blocks.append(
                    {
                        "heading": values.get(f"block{n}_heading", ""),
                        "text": text,
                        "basis": values.get(f"block{n}_basis", ""),
                        "sources": [citation],
                    }
                )
            order = values.get("order", "100")
            item = {
                "id": section_id,
                "title": values.get("title", ""),
                "order": int(order) if order.isdigit() else order,
                "audience": _list(values, "audience"),
                "summary": values.get("summary", ""),
                "body": blocks,
                "sources": [citation],
                "review_by": _date(values.get("review_by", "")),
                "owner": values.get("owner", ""),
            }
            relative = f"content/sections/{section_id}.yaml"
            write_new(t, relative, {"add": item}, "overlay-section")
            fields.update(
                {
                    "title": "title",
                    "id": "title",
                    "order": "order",
                    "audience": "audience",
                    "summary": "summary",
                    "body": "body",
                    "source": "sources[0].source",
                    "where": "sources[0].where",
                    "review_by": "review_by",
                    "owner": "owner",
                }
            )
            entries.insert(0, Entry(t.path(relative), "add", fields, labels))
            return entries

        saved = await run_in_threadpool(save, layout, edition_id, write)
        if saved.kept:
            return after_save(edition_id, "section")
        form.fill(values).show(saved.errors)
        return editor.page(
            "form.html.j2",
            400,
            form=form,
            edition_id=edition_id,
            title="Add a local section",
            action=action,
            errors=saved.errors,
            submit="Save the section",
        )

    async def trees(request: Request) -> Response:
        edition_id = editor.edition_id(request)
        base = await run_in_threadpool(editor.base_of, edition_id)
        listed = sorted(
            ((tid, t.item.title) for tid, t in (base.content.trees.items() if base else [])),
            key=lambda kv: kv[1],
        )
        return editor.page(
            "trees.html.j2", edition_id=edition_id, trees=listed, title="Change a flowchart"
        )

    def tree_context(edition_id: str, tree_id: str) -> dict[str, Any]:
        resolved = editor.resolved(edition_id)
        base = editor.base_of(edition_id)
        if base is None or tree_id not in base.content.trees:
            raise HTTPException(404, "This edition's base has no such flowchart.")
        tree = resolved.content.trees[tree_id].item
        nodes = [(n.id, f"{n.id} ({n.kind}): {_short(n.text)}") for n in tree.nodes]
        steps = [n for n in tree.nodes]
        contacts = [(rid, f"{r.item.name} (role)") for rid, r in resolved.content.roles.items()]
        own = {_added_id(a) for a in resolved.added if a.kind == "contact"}
        contacts += [(cid, resolved.content.contacts[cid].item.name) for cid in sorted(own)]
        sources = editor.sources(resolved)
        return {
            "resolved": resolved,
            "tree": tree,
            "nodes": nodes,
            "steps": steps,
            "contacts": contacts,
            "sources": sources,
            "base_hash": short_hash(base.content.trees[tree_id].item),
        }

    def tree_forms(ctx: dict[str, Any]) -> dict[str, forms.Form]:
        nodes = ctx["nodes"]
        return {
            "insert": forms.step_form(ctx["sources"], nodes, ctx["contacts"]),
            "rebind": forms.Form(
                [
                    (
                        "Rebind the contacts of a node",
                        [
                            forms.Field(
                                "rb_node", "Node", kind="select", options=nodes, required=True
                            ),
                            forms.Field(
                                "rb_contacts",
                                "Its contacts",
                                kind="checkboxes",
                                options=ctx["contacts"],
                                value=[],
                                hint="The contacts or roles this node shows, replacing its own.",
                            ),
                        ],
                    )
                ]
            ),
            "text": forms.Form(
                [
                    (
                        "Change the text of a node",
                        [
                            forms.Field(
                                "tx_node", "Node", kind="select", options=nodes, required=True
                            ),
                            forms.Field("tx_text", "New text", kind="textarea", required=True),
                        ],
                    )
                ]
            ),
        }

    async def tree(request: Request) -> Response:
        edition_id = editor.edition_id(request)
        tree_id = str(request.path_params["tree"])
        ctx = await run_in_threadpool(tree_context, edition_id, tree_id)
        all_forms = tree_forms(ctx)
        errors = FieldErrors()
        status = 200
        if request.method == "POST":
            values = await checked_post(request)
            which = str(request.path_params.get("action", ""))
            if which not in all_forms:
                raise HTTPException(404)
            form = all_forms[which].fill(values)
            patch, fields = _tree_patch(which, values, ctx, edition_id)

            def write(t: Transaction) -> list[Entry]:
                entries: list[Entry] = []
                if "step" in patch:
                    patch["step"]["sources"] = [_citation(t, values, entries)]
                relative = f"flowcharts/{tree_id}.yaml"
                existing = t.load(relative)
                if existing is not None and "patch" not in existing:
                    raise HTTPException(
                        409, "This edition replaces the whole flowchart; edit its file instead."
                    )
                index = append_patch(t, tree_id, patch, ctx["base_hash"])
                entries.insert(0, Entry(t.path(relative), f"patch[{index}]", fields, _labels(form)))
                return entries

            saved = await run_in_threadpool(save, layout, edition_id, write)
            if saved.kept:
                return after_save(edition_id, "flowchart")
            form.show(saved.errors)
            errors, status = saved.errors, 400
        return editor.page(
            "tree.html.j2",
            status,
            edition_id=edition_id,
            tree_id=tree_id,
            forms=all_forms,
            errors=errors,
            title=ctx["tree"].title,
            **ctx,
        )

    async def build(request: Request) -> Response:
        edition_id = editor.edition_id(request)
        await checked_post(request)
        editor.preview.request(edition_id)
        return RedirectResponse(request.headers.get("referer") or f"/e/{edition_id}", 303)

    async def preview_status(request: Request) -> Response:
        state = editor.preview.state(editor.edition_id(request))
        return JSONResponse(
            {"status": state.status, "message": state.message, "builds": state.builds}
        )

    routes = [
        Route("/", home),
        Route("/new", new_edition, methods=["GET", "POST"]),
        Route("/e/{edition}", edition),
        Route("/e/{edition}/roles", roles, methods=["GET", "POST"]),
        Route("/e/{edition}/contacts/new", contact_new, methods=["GET", "POST"]),
        Route("/e/{edition}/sections/new", section_new, methods=["GET", "POST"]),
        Route("/e/{edition}/trees", trees),
        Route("/e/{edition}/trees/{tree}", tree),
        Route("/e/{edition}/trees/{tree}/{action}", tree, methods=["POST"]),
        Route("/e/{edition}/build", build, methods=["POST"]),
        Route("/e/{edition}/preview-status", preview_status),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        Mount(
            "/preview",
            StaticFiles(directory=editor.preview.folder, html=True, check_dir=False),
            name="preview",
        ),
    ]
    app = Starlette(routes=routes)
    return LocalOnly(Headers(app), editor.token, editor.port)


def _tree_patch(
    which: str, values: dict[str, Any], ctx: dict[str, Any], edition_id: str
) -> tuple[dict[str, Any], dict[str, str]]:
    """The node patch a tree form asks for, and its fields' key paths inside the patch."""
    if which == "rebind":
        return (
            {"node": values.get("rb_node", ""), "set": {"contacts": _list(values, "rb_contacts")}},
            {"rb_node": "node", "rb_contacts": "set.contacts"},
        )
    if which == "text":
        return (
            {"node": values.get("tx_node", ""), "set": {"text": values.get("tx_text", "")}},
            {"tx_node": "node", "tx_text": "set.text"},
        )
    position = "insert_before" if values.get("position") == "before" else "insert_after"
    text = values.get("text", "")
    known = {n.id for n in ctx["tree"].nodes}
    step_id = _new_id(_prefixed(edition_id, text, 40), known)
    actions = [line.strip() for line in values.get("actions", "").splitlines() if line.strip()]
    step = {
        "id": step_id,
        "text": text,
        "basis": values.get("basis", ""),
        "actions": actions,
        "contacts": _list(values, "contacts"),
    }
    fields = {
        "target": position,
        "position": position,
        "text": "step.text",
        "id": "step.id",
        "actions": "step.actions",
        "contacts": "step.contacts",
        "basis": "step.basis",
        "source": "step.sources[0].source",
        "where": "step.sources[0].where",
    }
    return {position: values.get("target", ""), "step": step}, fields


def _prefixed(edition_id: str, text: str, length: int = 50) -> str:
    """An id for a new item: the edition's id, then words of ``text``."""
    words = forms.slug(text)[:length].strip("-")
    return words if words.startswith(edition_id) else f"{edition_id}-{words}".strip("-")


def _added_id(added: Any) -> str:
    return str(added.item.item.id)


def _new_id(wanted: str, taken: Any) -> str:
    wanted = wanted.strip("-")[:60].strip("-")
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate


def _date(text: str) -> datetime.date | str:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return text


def _short(text: str, length: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 3] + "..."


def _problem(words: str, technical: str) -> Any:
    from generator.edit.field_errors import Problem

    return Problem(words, technical, "error")


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


__all__ = ["TOKEN_FIELD", "Contact", "Editor", "QuestionNode", "StepNode", "build_app"]
