"""What every form handler shares: the token check, the posted values read as strings
or lists, dates, problems in plain words, and the redirect after a save."""

from __future__ import annotations

import datetime
from typing import Any

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from generator.edit import forms
from generator.edit.editor import Editor
from generator.edit.field_errors import Problem
from generator.edit.security import form_token_matches

MULTI = {"fulfils", "audiences", "audience", "contacts", "rb_contacts"}
"""Fields that are always lists (checkboxes), even with one value or none."""


async def checked_post(editor: Editor, request: Request) -> dict[str, Any]:
    """The posted form's values; 403 unless its token is this session's."""
    if not await form_token_matches(request, editor.token):
        raise HTTPException(403, "Refused: the form's token does not match this session.")
    return form_values(await request.form())


def form_values(form: FormData) -> dict[str, Any]:
    """Each field's value, stripped; a list for the fields in :data:`MULTI` or repeated."""
    values: dict[str, Any] = {}
    for key in form:
        items = [str(v) for v in form.getlist(key)]
        values[key] = items if len(items) > 1 or key in MULTI else items[0].strip()
    return values


def listed(values: dict[str, Any], name: str) -> list[str]:
    """The non-empty values of a list field."""
    value = values.get(name, [])
    return [v for v in (value if isinstance(value, list) else [value]) if v]


def as_date(text: str) -> datetime.date | str:
    """``text`` as a date when it is one (YYYY-MM-DD); else as given, for the check to refuse."""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return text


def labels(form: forms.Form) -> dict[str, str]:
    """Each field's label by its name (for problems shown beside it)."""
    return {f.name: f.label for f in form.fields()}


def problem(words: str, technical: str) -> Problem:
    """An error found by the editor itself, in plain words and technical ones."""
    return Problem(words, technical, "error")


def after_save(editor: Editor, edition_id: str, what: str) -> Response:
    """After a kept save: rebuild the preview and go back to the edition's page."""
    editor.saved(edition_id)
    return RedirectResponse(f"/e/{edition_id}?saved={what}", 303)
