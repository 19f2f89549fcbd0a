"""Route sheets of the training handouts: set closer when the questions would overflow A4."""

from __future__ import annotations

from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.models import Answer, QuestionNode
from generator.render.handouts import DENSE_ROUTE_SHEET, handout_set, handouts_html


def test_a_long_route_sheet_is_set_closer_and_a_short_one_is_not(minimal_project: Layout) -> None:
    checked = check_edition(minimal_project, "national")
    assert checked.edition is not None
    police = checked.edition.content.trees["police"].item
    short = handout_set(police, [])
    assert short["questions"] and not short["dense"]
    long_label = "An answer long enough to need a line of its own on the sheet " * 3
    nodes = [
        n.model_copy(
            update={
                "answers": [
                    Answer(label=f"{i}. {long_label}", next=a.next) for i, a in enumerate(n.answers)
                ]
                * 3
            }
        )
        if isinstance(n, QuestionNode)
        else n
        for n in police.nodes
    ]
    wordy = handout_set(police.model_copy(update={"nodes": nodes}), [])
    size = sum(len(q["text"]) + sum(len(a) + 8 for a in q["answers"]) for q in wordy["questions"])
    assert size > DENSE_ROUTE_SHEET and wordy["dense"]
    html = handouts_html(checked.edition, [wordy], "Handouts", "2026-12-01")
    assert 'class="sheet route-sheet dense"' in html
    plain = handouts_html(checked.edition, [short], "Handouts", "2026-12-01")
    assert 'class="sheet route-sheet"' in plain and "route-sheet dense" not in plain
