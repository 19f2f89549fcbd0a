"""Placeholders left in content: the examples ``new-edition`` writes mark what to fill in
with "TODO". An id or date left as TODO is refused by the models; this check finds the free
text (a contact's hours, a section's words) that would otherwise be published as written.
"""

from __future__ import annotations

import datetime
import re

from generator.checks.leaf_values import leaf_values
from generator.editions.resolve import ResolvedEdition
from generator.errors import Diagnostic, Severity

PLACEHOLDER = re.compile(r"^\s*TODO\b")


def check_content_placeholders(edition: ResolvedEdition, today: datetime.date) -> list[Diagnostic]:
    """Text still starting "TODO" in any content item: an error (a warning in a draft)."""
    content = edition.content
    severity = Severity.WARNING if edition.draft else Severity.ERROR
    problems = []
    for group in (
        content.sources,
        content.contacts,
        content.sections,
        content.trees,
        content.scenarios,
    ):
        for located in group.values():
            for path, value in leaf_values(located.item):
                if isinstance(value, str) and PLACEHOLDER.match(value):
                    problems.append(
                        located.diagnostic(
                            path,
                            f"expected your own text here, got the placeholder {value!r} "
                            "(replace it with the detail from your source, or remove the line)",
                            "todo",
                            severity,
                        )
                    )
    return problems
