"""The local section form: a new page of the edition's own, in content/sections/."""

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
from generator.edit.overlay_writer import Transaction, write_new
from generator.edit.requests import after_save, as_date, checked_post, labels, listed, problem
from generator.edit.saving import save

TITLE = "Add a local section"
SUBMIT = "Save the section"


def routes(editor: Editor) -> list[Route]:
    """The routes of this module, bound to one session's editor."""
    return [
        Route("/e/{edition}/sections/new", partial(section_new, editor), methods=["GET", "POST"])
    ]


async def section_new(editor: Editor, request: Request) -> Response:
    """The section form; its id comes from its title."""
    edition_id = editor.edition_id(request)
    resolved = await run_in_threadpool(editor.resolved, edition_id)
    form = forms.section_form(editor.sources(resolved), today())
    action = f"/e/{edition_id}/sections/new"

    def shown(status: int, errors: FieldErrors) -> Response:
        return editor.page(
            "form.html.j2",
            status,
            form=form,
            edition_id=edition_id,
            title=TITLE,
            action=action,
            errors=errors,
            submit=SUBMIT,
        )

    if request.method == "GET":
        return shown(200, FieldErrors())
    values = await checked_post(editor, request)
    form_labels = labels(form)
    section_id = forms.slug(values.get("title", ""))
    errors = FieldErrors()
    if not section_id:
        errors.by_field["title"] = [problem("'Title' must be filled in.", "title: empty")]
    elif (
        section_id in resolved.content.sections
        or (
            editor.layout.editions_dir / edition_id / "content" / "sections" / f"{section_id}.yaml"
        ).exists()
    ):
        errors.by_field["title"] = [
            problem(
                "A section with this title already exists; choose another title.",
                f"sections/{section_id}.yaml exists",
            )
        ]
    if errors.by_field:
        form.fill(values).show(errors)
        return shown(400, errors)

    def write(t: Transaction) -> list[Entry]:
        entries: list[Entry] = []
        item, fields = section_item(t, values, entries, section_id)
        relative = f"content/sections/{section_id}.yaml"
        write_new(t, relative, {"add": item}, "overlay-section")
        entries.insert(0, Entry(t.path(relative), "add", fields, form_labels))
        return entries

    saved = await run_in_threadpool(save, editor.layout, edition_id, write)
    if saved.kept:
        return after_save(editor, edition_id, "section")
    form.fill(values).show(saved.errors)
    return shown(400, saved.errors)


def section_item(
    t: Transaction, values: dict[str, Any], entries: list[Entry], section_id: str
) -> tuple[dict[str, Any], dict[str, str]]:
    """The section the form describes (one or two blocks, each citing the chosen source),
    and each form field's key path inside it."""
    source = citation(t, values, entries)
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
                "sources": [source],
            }
        )
    order = values.get("order", "100")
    item = {
        "id": section_id,
        "title": values.get("title", ""),
        "order": int(order) if order.isdigit() else order,
        "audience": listed(values, "audience"),
        "summary": values.get("summary", ""),
        "body": blocks,
        "sources": [source],
        "review_by": as_date(values.get("review_by", "")),
        "owner": values.get("owner", ""),
    }
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
    return item, fields
