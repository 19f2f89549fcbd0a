"""Synthetic but realistic safeguide projects for the benchmark: many sections, trees of a
given size, and local editions with a few overrides each."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
SENTENCE = (
    "staff should tell the designated safeguarding lead straight away and record what the "
    "child said in their own words with the date and time so that the referral to childrens "
    "social care can be made the same day"
)
WORDS = SENTENCE.split()
SECTIONS_PER_PART = 25  # long guidance documents come in parts


def _text(n: int, seed: int) -> str:
    return " ".join(WORDS[(seed + i) % len(WORDS)] for i in range(n)).capitalize() + "."


def _dump(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def tree(tree_id: str, size: int) -> dict[str, object]:
    """A tree of ``size`` nodes: questions with two answers down to outcome leaves."""
    questions = max(1, (size - 1) // 2)
    nodes: list[dict[str, object]] = []
    for q in range(questions):
        left, right = 2 * q + 1, 2 * q + 2
        nodes.append(
            {
                "id": f"n{q}",
                "kind": "question",
                "text": f"Question {q}: {_text(12, q)}",
                "basis": "guidance",
                "sources": [{"source": "kcsie-2025", "where": f"Paragraph {q + 1}"}],
                "answers": [
                    {"label": "Yes", "next": f"n{left}"},
                    {"label": "No", "next": f"n{right}"},
                ],
            }
        )
    for leaf in range(questions, 2 * questions + 1):
        nodes.append(
            {
                "id": f"n{leaf}",
                "kind": "outcome",
                "text": f"Outcome {leaf}: {_text(10, leaf)}",
                "basis": "guidance",
                "actions": ["Tell the DSL", "Record it"],
                "contacts": ["police-emergency", "front-door"],
                "sources": [{"source": "kcsie-2025", "where": "Part one"}],
            }
        )
    return {
        "id": tree_id,
        "title": f"Flowchart {tree_id}",
        "summary": _text(20, 3),
        "sources": [{"source": "kcsie-2025", "where": "Part five"}],
        "start": "n0",
        "nodes": nodes,
    }


def section(section_id: str, order: int) -> dict[str, object]:
    return {
        "id": section_id,
        "title": f"Guidance {order}: {_text(4, order)}",
        "order": order,
        "part": f"Part {order // SECTIONS_PER_PART + 1}",
        "audience": ["all-staff"],
        "summary": _text(25, order),
        "body": [
            {
                "heading": f"Part {b}",
                "basis": "guidance",
                "text": "\n\n".join(_text(60, order + b + p) for p in range(3)),
                "sources": [{"source": "kcsie-2025", "where": f"Paragraph {order}.{b}"}],
            }
            for b in range(4)
        ],
        "contacts": ["police-emergency", "helpline"],
        "sources": [{"source": "kcsie-2025", "where": "Part one"}],
        "review_by": "2027-09-01",
        "owner": "Designated safeguarding lead",
    }


def make_project(root: Path, *, sections: int, tree_sizes: list[int], editions: int = 1) -> Path:
    """A project at ``root`` with the repo's MkDocs setup and synthetic content."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    hook = REPO / "generator" / "site" / "engine" / "hook.py"
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        config.replace("- generator/site/engine/hook.py", f"- {hook.as_posix()}"), encoding="utf-8"
    )
    for folder in ("site_config/pages", "site_config/theme"):
        shutil.copytree(REPO / folder, root / folder)
    _dump(
        root / "content" / "sources.yaml",
        {
            "sources": [
                {
                    "id": "kcsie-2025",
                    "title": "Keeping children safe in education",
                    "publisher": "Department for Education",
                    "edition": "2025",
                }
            ]
        },
    )
    contact = {
        "when_to_use": "Call when needed.",
        "area": "England",
        "source": {"source": "kcsie-2025", "where": "Annex B"},
        "verified": "2026-11-25",
    }
    _dump(
        root / "content" / "contacts.yaml",
        {
            "roles": [
                {
                    "id": "police-emergency",
                    "name": "Police (emergency)",
                    "description": "Immediate danger.",
                    "default": "police-999",
                },
                {"id": "front-door", "name": "Children's social care", "description": "Referrals."},
            ],
            "contacts": [
                {
                    "id": "police-999",
                    "name": "Police emergency",
                    "channels": [{"type": "phone", "value": "999"}],
                    "urgency": "emergency",
                    "fulfils": ["police-emergency"],
                    **contact,
                },
                {
                    "id": "helpline",
                    "name": "NSPCC Helpline",
                    "channels": [{"type": "phone", "value": "0808 800 5000"}],
                    "urgency": "advice",
                    **contact,
                },
            ],
        },
    )
    for s in range(sections):
        _dump(root / "content" / "sections" / f"s{s}.yaml", section(f"s{s}", s))
    for t, size in enumerate(tree_sizes):
        _dump(root / "flowcharts" / f"t{t}.yaml", tree(f"t{t}", size))
    _dump(
        root / "site_config" / "editions" / "national" / "edition.yaml",
        {
            "id": "national",
            "name": "Synthetic national edition",
            "authority": "Benchmark",
            "gaps": {"front-door": "Local."},
        },
    )
    for e in range(1, editions):
        folder = root / "site_config" / "editions" / f"la{e}"
        _dump(
            folder / "edition.yaml",
            {
                "id": f"la{e}",
                "name": f"Local authority {e}",
                "authority": "Benchmark",
                "base": "national",
                "bindings": {"front-door": f"la{e}-front-door"},
            },
        )
        number = f"020 7946 {e % 1000:04d}"
        _dump(
            folder / "content" / "contacts.yaml",
            {
                "contacts": [
                    {
                        "add": {
                            "id": f"la{e}-front-door",
                            "name": f"Front door {e}",
                            "channels": [{"type": "phone", "value": number}],
                            "urgency": "same-day",
                            "fulfils": ["front-door"],
                            **contact,
                        }
                    }
                ]
            },
        )
        _dump(
            folder / "content" / "sections" / "s0.yaml",
            {"base_hash": "00000000", "replace": {**section("s0", 0), "summary": f"Local {e}."}},
        )
    return root
