"""The only place that runs Graphviz: DOT source in, post-processed SVG out, cached.

An SVG is cached under a hash of the DOT source and the Graphviz version, so an
unchanged tree never runs ``dot`` again. A missing ``dot`` raises
:class:`GraphvizMissing`, whose message names the package to install.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import graphviz

from generator.editions import ResolvedEdition
from generator.models import DecisionTree
from generator.render.dot_source import ChartLinks, tree_to_dot
from generator.render.svg_post import postprocess_svg

CACHE_VARIABLE = "SAFEGUIDE_CACHE_DIR"
ENGINE = "dot"


class GraphvizMissing(RuntimeError):
    """Graphviz's ``dot`` is not installed or not on PATH."""

    def __init__(self) -> None:
        super().__init__(
            "Graphviz's 'dot' program was not found on PATH: install the 'graphviz' "
            "package (for example 'apt-get install graphviz' or 'brew install graphviz') "
            "and run the command again"
        )


def default_cache_dir(root: Path) -> Path:
    """``$SAFEGUIDE_CACHE_DIR`` if set, else ``.cache/safeguide`` in the project root."""
    configured = os.environ.get(CACHE_VARIABLE)
    return Path(configured) if configured else root / ".cache" / "safeguide"


def graphviz_version() -> str:
    """Version of the installed ``dot``, e.g. ``2.43.0``."""
    try:
        return ".".join(str(part) for part in graphviz.version())
    except graphviz.ExecutableNotFound:
        raise GraphvizMissing() from None


def run_dot(dot_source: str) -> str:
    """SVG text from ``dot -Tsvg`` for ``dot_source``."""
    try:
        svg: str = graphviz.pipe_string(ENGINE, "svg", dot_source, encoding="utf-8", quiet=True)
    except graphviz.ExecutableNotFound:
        raise GraphvizMissing() from None
    return svg


@dataclass
class ChartRenderer:
    """Renders charts through Graphviz, reusing cached SVG; counts renders and reuses."""

    cache_dir: Path | None
    rendered: int = 0
    reused: int = 0
    _version: str | None = field(default=None, repr=False)

    def _key(self, dot_source: str) -> str:
        if self._version is None:
            self._version = graphviz_version()
        digest = hashlib.sha256(f"{self._version}\n{dot_source}".encode())
        return digest.hexdigest()

    def svg(self, dot_source: str) -> str:
        """Graphviz's raw SVG for ``dot_source``, from the cache when possible."""
        if self.cache_dir is None:
            self.rendered += 1
            return run_dot(dot_source)
        path = self.cache_dir / "svg" / f"{self._key(dot_source)}.svg"
        if path.is_file():
            self.reused += 1
            return path.read_text(encoding="utf-8")
        svg = run_dot(dot_source)
        self.rendered += 1
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".tmp-{os.getpid()}")
        temporary.write_text(svg, encoding="utf-8")
        os.replace(temporary, path)
        return svg

    def chart(self, edition: ResolvedEdition, tree: DecisionTree, order: list[str]) -> str:
        """The post-processed SVG of ``tree``, with links relative to the flowcharts folder."""
        dot_source = tree_to_dot(tree, edition, order, ChartLinks(page=f"{tree.id}.html"))
        return postprocess_svg(self.svg(dot_source), tree.id)
