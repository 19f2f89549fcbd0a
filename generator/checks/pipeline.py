"""The straight pipeline up to rendering: load, validate, resolve the edition, check."""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, replace

from generator.checks.rules import run_checks
from generator.checks.safety import check_safety_rules
from generator.content.collect import read_content
from generator.content.project import Layout
from generator.editions.resolve import ResolvedEdition, read_chain, resolve_chain
from generator.errors import Diagnostic, errors_in, sorted_diagnostics
from generator.text_cache import default_cache_dir

DEFAULT_EDITION = "national"


def today() -> datetime.date:
    """Today's date, or ``SAFEGUIDE_TODAY`` (YYYY-MM-DD) when set, for review-date checks."""
    fixed = os.environ.get("SAFEGUIDE_TODAY")
    return datetime.date.fromisoformat(fixed) if fixed else datetime.date.today()


@dataclass(frozen=True)
class Checked:
    """The outcome of checking an edition: the resolved edition (if it resolved) and problems."""

    edition: ResolvedEdition | None
    diagnostics: list[Diagnostic]


def check_edition(layout: Layout, edition_id: str, *, draft: bool = False) -> Checked:
    """Run every stage before rendering on one edition and collect every problem.

    Per-file validation reports every broken file; cross-file checks run only
    once every file validated, so they never report noise caused by a file
    that failed to load.
    """
    cache_dir = default_cache_dir(layout.root)  # files parsed before are not parsed again
    content, problems = read_content(layout, cache_dir)
    chain, chain_problems = read_chain(layout, edition_id, cache_dir)
    problems += chain_problems
    if chain is None or errors_in(problems):
        return Checked(None, sorted_diagnostics(problems))
    resolved, overlay_problems = resolve_chain(content, chain)
    resolved = replace(resolved, draft=draft, today=today())
    problems += overlay_problems
    if errors_in(problems):
        return Checked(None, sorted_diagnostics(problems))
    problems += run_checks(resolved, today())
    if not errors_in(problems):  # routes are walked only on trees that passed their checks
        problems += check_safety_rules(resolved, today())
    return Checked(resolved, sorted_diagnostics(problems))
