"""DOT generation: escaping of hostile labels, stable output, shapes by kind."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.editions.resolve import ResolvedEdition
from generator.models import Answer, DecisionTree, OutcomeNode, QuestionNode
from generator.render.dot_source import ChartLinks, html_text, quoted, tree_to_dot, wrapped
from generator.render.flowcharts import run_dot
from generator.render.svg_post import SVG_NS, postprocess_svg
from generator.render.tree_order import tree_order

HOSTILE = [
    'He said "stop" and left',
    "a {brace} and [bracket]",
    "<script>alert(1)</script> & <b>bold</b>",
    "back\\slash \\n \\N \\G \\L not escapes",
    "ünïcödé — “quotes” 👋 اللغة 中文",
    "]]> --> <!-- &amp; &#x27;",
    "trailing backslash \\",
]


@pytest.fixture
def edition(minimal_project: Layout) -> ResolvedEdition:
    checked = check_edition(minimal_project, "national")
    assert checked.edition is not None, checked.diagnostics
    return checked.edition


def hostile_tree(question: str, answer: str, outcome: str) -> DecisionTree:
    """A two-node tree built without validation, so any text reaches the DOT writer."""
    nodes = [
        QuestionNode.model_construct(
            id="ask",
            kind="question",
            text=question,
            detail=None,
            basis=None,
            sources=[],
            contacts=[],
            sections=[],
            answers=[
                Answer.model_construct(label=answer, next="end", loop_back=False),
                Answer.model_construct(label="Other", next="end", loop_back=False),
            ],
        ),
        OutcomeNode.model_construct(
            id="end",
            kind="outcome",
            text=outcome,
            detail=None,
            basis=None,
            sources=[],
            contacts=[],
            sections=[],
            actions=["Act"],
            urgent=True,
        ),
    ]
    return DecisionTree.model_construct(
        id="hostile", title=question, summary="s", sources=[], start="ask", nodes=nodes
    )


def svg_text(svg: str) -> str:
    root = ET.fromstring(svg)
    return "".join("".join(t.itertext()) for t in root.iter(f"{{{SVG_NS}}}text"))


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("label", HOSTILE)
def test_hostile_labels_survive_dot_and_svg(edition: ResolvedEdition, label: str) -> None:
    tree = hostile_tree(label, label, label)
    source = tree_to_dot(tree, edition, ["ask", "end"], ChartLinks(page="hostile.html"))
    svg = postprocess_svg(run_dot(source), tree.id)
    text = squash(svg_text(svg))
    assert squash(f"1. {label}") in text
    assert squash(f"2. {label}") in text
    assert "<script>" not in svg


# Printable text: content validation rejects control characters before this point.
printable = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=60
).filter(lambda s: s.strip() != "")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(question=printable, answer=printable)
def test_any_printable_label_gives_valid_dot_and_svg(
    edition: ResolvedEdition, question: str, answer: str
) -> None:
    tree = hostile_tree(question, answer, "Done")
    source = tree_to_dot(tree, edition, ["ask", "end"], ChartLinks(page="hostile.html"))
    svg = postprocess_svg(run_dot(source), tree.id)
    text = squash(svg_text(svg))
    assert squash(question) in text
    assert squash(answer) in text


def test_same_tree_gives_same_dot(edition: ResolvedEdition) -> None:
    tree = edition.content.trees["police"].item
    links = ChartLinks(page="police.html")
    first = tree_to_dot(tree, edition, tree_order(tree), links)
    assert first == tree_to_dot(tree, edition, tree_order(tree), links)
    assert run_dot(first) == run_dot(first)


def test_nodes_are_styled_by_kind_and_numbered_in_reading_order(edition: ResolvedEdition) -> None:
    tree = edition.content.trees["police"].item
    source = tree_to_dot(tree, edition, tree_order(tree), ChartLinks(page="police.html"))
    lines = {line.split(" [")[0].strip(): line for line in source.splitlines() if " [id=" in line}
    assert 'class="sg-node sg-question"' in lines['"danger"']
    assert 'class="sg-node sg-step"' in lines['"record"']
    assert 'class="sg-node sg-urgent"' in lines['"call-999"']
    assert "<B>ACT NOW</B>" in lines['"call-999"']
    assert 'class="sg-node sg-outcome"' in lines['"internal"']
    assert ">1. Is a child in immediate<BR/>danger?<" in lines['"danger"']
    assert 'rankdir="TB"' in source


def test_loop_back_answers_are_dashed_and_do_not_constrain_layout(
    edition: ResolvedEdition,
) -> None:
    tree = edition.content.trees["police"].item
    source = tree_to_dot(tree, edition, tree_order(tree), ChartLinks(page="police.html"))
    loop = next(line for line in source.splitlines() if '"crime" -> "record"' in line)
    assert 'style="dashed"' in loop
    assert 'constraint="false"' in loop
    assert "<Not sure>" in loop


def test_nodes_link_to_their_step_contacts_and_sections(edition: ResolvedEdition) -> None:
    tree = edition.content.trees["police"].item
    source = tree_to_dot(tree, edition, tree_order(tree), ChartLinks(page="police.html"))
    refer = next(line for line in source.splitlines() if line.strip().startswith('"refer-police"'))
    assert 'HREF="police.html#police-refer-police"' in refer
    assert 'HREF="../contacts.html#contact-police-999"' in refer  # role bound by default
    assert 'HREF="../contacts.html#gap-front-door"' in refer  # declared gap
    assert "not published" in refer
    assert 'HREF="../guidance/responding.html"' in refer


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('a "b"', '"a \\"b\\""'),
        ("back\\slash", '"back\\\\slash"'),
        ("two\nlines", '"two lines"'),
    ],
)
def test_quoted_escapes_quotes_and_backslashes(raw: str, expected: str) -> None:
    assert quoted(raw) == expected


def test_html_text_escapes_markup() -> None:
    assert html_text('<a href="x">&</a>') == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
    assert html_text("a\\N") == "a\\\\N"


def test_wrapped_breaks_long_text_into_escaped_lines() -> None:
    assert wrapped("one two three & four", width=9) == "one two<BR/>three &amp;<BR/>four"


def test_a_node_that_sends_the_reader_on_links_the_other_flowchart(
    edition: ResolvedEdition,
) -> None:
    police = edition.content.trees["police"].item
    nodes = [
        n.model_copy(update={"trees": ["police"]}) if n.id == "internal" else n
        for n in police.nodes
    ]
    onward = police.model_copy(update={"nodes": nodes})
    source = tree_to_dot(onward, edition, tree_order(onward), ChartLinks(page="police.html"))
    internal = next(line for line in source.splitlines() if line.strip().startswith('"internal"'))
    assert 'HREF="./police.html"' in internal and "Then follow:" in internal
    assert source.count("Then follow:") == 1
