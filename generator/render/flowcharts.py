"""The only place that runs Graphviz: DOT source in, post-processed SVG out, cached.

An SVG is cached under a hash of the DOT source and the Graphviz version, so an
unchanged tree never runs ``dot`` again. A missing ``dot`` raises
:class:`GraphvizMissing`, whose message names the package to install.
"""

from __future__ import annotations

import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from generator.editions.resolve import ResolvedEdition
from generator.models import DecisionTree
from generator.render import svg_post
from generator.render.dot_source import ChartLinks, tree_to_dot
from generator.render.svg_post import postprocess_svg
from generator.text_cache import TextCache, cache_key, code_fingerprint

ENGINE = "dot"


class GraphvizMissing(RuntimeError):
    """Graphviz's ``dot`` is not installed or not on PATH."""

    def __init__(self) -> None:
        super().__init__(
            "Graphviz's 'dot' program was not found on PATH: install the 'graphviz' "
            "package (for example 'apt-get install graphviz' or 'brew install graphviz') "
            "and run the command again"
        )


def graphviz_version() -> str:
    """Version of the installed ``dot``, e.g. ``2.43.0``."""
    import graphviz  # loaded only when dot runs: most rebuilds take every chart from the cache

    try:
        return ".".join(str(part) for part in graphviz.version())
    except graphviz.ExecutableNotFound:
        raise GraphvizMissing() from None


def run_dot(dot_source: str) -> str:
    """SVG text from ``dot -Tsvg`` for ``dot_source``."""
    import graphviz

    try:
        svg: str = graphviz.pipe_string(ENGINE, "svg", dot_source, encoding="utf-8", quiet=True)
    except graphviz.ExecutableNotFound:
        raise GraphvizMissing() from None
    return svg


_SVG_START = re.compile(r"(?=<\?xml )")


def run_dot_batch(dot_sources: list[str]) -> list[str]:
    """SVG of each DOT graph: the graphs split into one batch per CPU, each batch one ``dot``
    process (a process per graph costs far more: NOTES-mkdocs.md), batches run side by side."""
    if len(dot_sources) <= 1:
        return [run_dot(source) for source in dot_sources]
    workers = min(os.cpu_count() or 1, len(dot_sources))
    chunks = [dot_sources[i::workers] for i in range(workers)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(_run_one_batch, chunks))
    ordered: list[str] = [""] * len(dot_sources)
    for offset, rendered in enumerate(results):
        ordered[offset::workers] = rendered
    return ordered


_PAGE_PREFIX = re.compile(r'id="page\d+,\d+_')
_ANCHOR_ID = re.compile(r'id="a_(.*?)_(\d+)"')


def _as_if_alone(svg: str) -> str:
    """The SVG ``dot`` would write for this graph alone: after the first graph of a run it
    prefixes the graph's id with "page0,1_" and keeps counting link ids across graphs."""
    counter = iter(range(1_000_000))
    svg = _PAGE_PREFIX.sub('id="', svg)
    return _ANCHOR_ID.sub(lambda m: f'id="a_{m.group(1)}_{next(counter)}"', svg)


def _run_one_batch(dot_sources: list[str]) -> list[str]:
    """One ``dot`` process for several graphs; ``dot`` writes one SVG document per graph."""
    if len(dot_sources) == 1:
        return [run_dot(dot_sources[0])]
    combined = run_dot("\n".join(dot_sources))
    documents = [part for part in _SVG_START.split(combined) if part.strip()]
    if len(documents) != len(dot_sources):
        return [run_dot(source) for source in dot_sources]  # never guess which is which
    return [_as_if_alone(document) for document in documents]


@dataclass
class ChartRenderer:
    """Renders charts through Graphviz, reusing cached SVG; counts renders and reuses."""

    cache_dir: Path | None
    rendered: int = 0
    reused: int = 0
    _version: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._cache = TextCache(self.cache_dir / "svg" if self.cache_dir else None, ".svg")
        self._charts = TextCache(self.cache_dir / "chart" if self.cache_dir else None, ".svg")

    def _key(self, dot_source: str) -> str:
        if self._version is None:
            self._version = self._dot_version()
        return cache_key(self._version, dot_source)

    def _dot_version(self) -> str:
        """Graphviz's version, asked of ``dot`` once per installed binary (by its path, size
        and time), not once per build: starting a process costs more than the answer."""
        dot = shutil.which(ENGINE)
        if dot is None:
            raise GraphvizMissing()
        stat = Path(dot).resolve().stat()
        key = cache_key(dot, str(stat.st_size), str(stat.st_mtime_ns))
        versions = TextCache(self.cache_dir / "dot-version" if self.cache_dir else None, ".txt")
        return versions.get_or_make(key, graphviz_version)

    def svg(self, dot_source: str) -> str:
        """Graphviz's raw SVG for ``dot_source``, from the cache when possible."""
        return self.svgs([dot_source])[0]

    def svgs(self, dot_sources: list[str]) -> list[str]:
        """Raw SVG for each DOT source: cached ones read, the rest rendered in one batch."""
        return self._svgs(dot_sources, [self._key(source) for source in dot_sources])

    def _svgs(self, dot_sources: list[str], keys: list[str]) -> list[str]:
        found = [self._cache.get(key) for key in keys]
        missing = [i for i, svg in enumerate(found) if svg is None]
        rendered = run_dot_batch([dot_sources[i] for i in missing])
        for i, svg in zip(missing, rendered, strict=True):
            found[i] = svg
            self._cache.put(keys[i], svg)
        self.rendered += len(missing)
        self.reused += len(dot_sources) - len(missing)
        return [svg or "" for svg in found]

    def chart(self, edition: ResolvedEdition, tree: DecisionTree, order: list[str]) -> str:
        """The post-processed SVG of ``tree``, with links relative to the flowcharts folder."""
        return self.charts(edition, [(tree, order)])[tree.id]

    def charts(
        self, edition: ResolvedEdition, trees: list[tuple[DecisionTree, list[str]]]
    ) -> dict[str, str]:
        """Post-processed SVG of every tree, keyed by tree id, uncached ones in one batch."""
        sources = [
            tree_to_dot(tree, edition, order, ChartLinks(page=f"{tree.id}.html"))
            for tree, order in trees
        ]
        svg_keys = [self._key(source) for source in sources]
        keys = [
            cache_key(svg_key, tree.id, code_fingerprint(svg_post.__file__))
            for (tree, _), svg_key in zip(trees, svg_keys, strict=True)
        ]
        found = {tree.id: self._charts.get(key) for (tree, _), key in zip(trees, keys, strict=True)}
        if all(chart is not None for chart in found.values()):
            self.reused += len(sources)  # no need to read Graphviz's raw SVG either
            return {tree_id: chart or "" for tree_id, chart in found.items()}
        charts = {}
        for (tree, _), key, svg in zip(trees, keys, self._svgs(sources, svg_keys), strict=True):
            charts[tree.id] = postprocess_svg(svg, tree.id)
            self._charts.put(key, charts[tree.id])
        return charts
