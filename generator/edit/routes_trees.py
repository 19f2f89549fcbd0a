"""Flowchart changes as tree patches: insert a local step, rebind a node's contacts,
change a node's text. Each patch records the hash of the base's tree it was made on."""

from __future__ import annotations

from functools import partial
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from generator.content.item_hash import short_hash
from generator.edit import forms
from generator.edit.citations import citation
from generator.edit.editor import Editor
from generator.edit.field_errors import Entry, FieldErrors
from generator.edit.ids import added_id, new_id, prefixed, short
from generator.edit.overlay_writer import Transaction, append_patch
from generator.edit.requests import after_save, checked_post, labels, listed
from generator.edit.saving import save


def routes(editor: Editor) -> list[Route]:
    """The routes of this module, bound to one session's editor."""
    return [
        Route("/e/{edition}/trees", partial(trees, editor)),
        Route("/e/{edition}/trees/{tree}", partial(tree, editor)),
        Route("/e/{edition}/trees/{tree}/{action}", partial(tree, editor), methods=["POST"]),
    ]


async def trees(editor: Editor, request: Request) -> Response:
    """The base's flowcharts, to choose one to change."""
    edition_id = editor.edition_id(request)
    base = await run_in_threadpool(editor.base_of, edition_id)
    listed_trees = sorted(
        ((tid, t.item.title) for tid, t in (base.content.trees.items() if base else [])),
        key=lambda kv: kv[1],
    )
    return editor.page(
        "trees.html.j2", edition_id=edition_id, trees=listed_trees, title="Change a flowchart"
    )


def tree_context(editor: Editor, edition_id: str, tree_id: str) -> dict[str, Any]:
    """What the tree forms offer: the tree's nodes, the roles and the edition's own
    contacts, the sources, and the hash of the base's tree."""
    resolved = editor.resolved(edition_id)
    base = editor.base_of(edition_id)
    if base is None or tree_id not in base.content.trees:
        raise HTTPException(404, "This edition's base has no such flowchart.")
    tree_item = resolved.content.trees[tree_id].item
    nodes = [(n.id, f"{n.id} ({n.kind}): {short(n.text)}") for n in tree_item.nodes]
    contacts = [(rid, f"{r.item.name} (role)") for rid, r in resolved.content.roles.items()]
    own = {added_id(a) for a in resolved.added if a.kind == "contact"}
    contacts += [(cid, resolved.content.contacts[cid].item.name) for cid in sorted(own)]
    return {
        "resolved": resolved,
        "tree": tree_item,
        "nodes": nodes,
        "steps": list(tree_item.nodes),
        "contacts": contacts,
        "sources": editor.sources(resolved),
        "base_hash": short_hash(base.content.trees[tree_id].item),
    }


def tree_forms(ctx: dict[str, Any]) -> dict[str, forms.Form]:
    """The three tree forms by the action they post to: insert, rebind, text."""
    nodes = ctx["nodes"]
    return {
        "insert": forms.step_form(ctx["sources"], nodes, ctx["contacts"]),
        "rebind": forms.Form(
            [
                (
                    "Which step, and the contacts it shows",
                    [
                        forms.Field(
                            "rb_node",
                            "The step, question or outcome",
                            kind="select",
                            options=nodes,
                            required=True,
                        ),
                        forms.Field(
                            "rb_contacts",
                            "Its contacts",
                            kind="checkboxes",
                            options=ctx["contacts"],
                            value=[],
                            hint="Every contact or role it should show: they replace "
                            "the ones it shows now.",
                        ),
                    ],
                )
            ]
        ),
        "text": forms.Form(
            [
                (
                    "Which step, and its new words",
                    [
                        forms.Field(
                            "tx_node",
                            "The step, question or outcome",
                            kind="select",
                            options=nodes,
                            required=True,
                        ),
                        forms.Field("tx_text", "New words", kind="textarea", required=True),
                    ],
                )
            ]
        ),
    }


async def tree(editor: Editor, request: Request) -> Response:
    """A flowchart's page with its three forms; a POST saves one of them as a patch."""
    edition_id = editor.edition_id(request)
    tree_id = str(request.path_params["tree"])
    ctx = await run_in_threadpool(tree_context, editor, edition_id, tree_id)
    all_forms = tree_forms(ctx)
    errors = FieldErrors()
    status = 200
    if request.method == "POST":
        values = await checked_post(editor, request)
        which = str(request.path_params.get("action", ""))
        if which not in all_forms:
            raise HTTPException(404)
        form = all_forms[which].fill(values)
        patch, fields = tree_patch(which, values, ctx, edition_id)

        def write(t: Transaction) -> list[Entry]:
            entries: list[Entry] = []
            if "step" in patch:
                patch["step"]["sources"] = [citation(t, values, entries)]
            relative = f"flowcharts/{tree_id}.yaml"
            existing = t.load(relative)
            if existing is not None and "patch" not in existing:
                raise HTTPException(
                    409, "This edition replaces the whole flowchart; edit its file instead."
                )
            index = append_patch(t, tree_id, patch, ctx["base_hash"])
            entries.insert(0, Entry(t.path(relative), f"patch[{index}]", fields, labels(form)))
            return entries

        saved = await run_in_threadpool(save, editor.layout, edition_id, write)
        if saved.kept:
            return after_save(editor, edition_id, "flowchart")
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


def tree_patch(
    which: str, values: dict[str, Any], ctx: dict[str, Any], edition_id: str
) -> tuple[dict[str, Any], dict[str, str]]:
    """The node patch a tree form asks for, and its fields' key paths inside the patch."""
    if which == "rebind":
        return (
            {"node": values.get("rb_node", ""), "set": {"contacts": listed(values, "rb_contacts")}},
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
    step_id = new_id(prefixed(edition_id, text, 40), known)
    actions = [line.strip() for line in values.get("actions", "").splitlines() if line.strip()]
    step = {
        "id": step_id,
        "text": text,
        "basis": values.get("basis", ""),
        "actions": actions,
        "contacts": listed(values, "contacts"),
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
