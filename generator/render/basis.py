"""How the basis of a duty is named: statutory (must), guidance (should) or local practice."""

from __future__ import annotations

BASIS_LABELS = {
    "statutory": "Statutory duty: must",
    "guidance": "Guidance: should",
    "local": "Local practice",
}
"""The words shown wherever a duty's basis appears: badge, step-through, text and CSV."""

BASIS_TITLES = {
    "statutory": "Required by law or statutory guidance",
    "guidance": "Recommended by national guidance",
    "local": "Practice agreed locally",
}


def basis_badge(basis: str) -> str:
    """A small HTML badge naming what a duty rests on; its words also stand alone in print."""
    return (
        f'<span class="sg-basis sg-basis-{basis}" title="{BASIS_TITLES[basis]}">'
        f"{BASIS_LABELS[basis]}</span>"
    )


def with_basis(text: str, basis: str | None) -> str:
    """``text`` followed by its basis in brackets, for plain-text outputs."""
    return f"{text} [{BASIS_LABELS[basis]}]" if basis else text
