"""The engine's Markdown-to-HTML conversion of each page, kept in the cache between builds.

Converting Markdown is the largest part of every engine build, and a plain engine converts
every page again on every build and every live reload, changed or not. A page's conversion
depends only on its Markdown, where it sits (its source path and URL), the Markdown
extensions and their settings, the link-validation settings and the site's files (where
each link points); all of that is the key. On a hit the page gets exactly what MkDocs'
``Page.render`` would have set (HTML, table of contents, title, anchors and links to
anchors) and the log lines the conversion wrote (link warnings) are written again, so
``--strict`` fails on a cached page as it would on a converted one.

Like every other cached item it lives in the user's cache folder, never in the project.
"""

from __future__ import annotations

import functools
import logging
import pickle
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from generator.site.engine import runtime
from generator.site.engine.api import Files, MkDocsConfig, Page, TableOfContents
from generator.text_cache import TextCache, cache_key, code_fingerprint

PACKAGES = ("markdown", "pymdown-extensions", "mkdocs-material")
"""Whose versions are part of every key, with the engine's: a new version, or another
engine, may convert differently."""


@dataclass(frozen=True)
class ConvertedPage:
    """What ``Page.render`` sets on a page, plus the log lines it wrote."""

    content: str
    toc: TableOfContents
    title: str | None
    present_anchor_ids: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None
    """Keyed by the linked file's source path (File objects belong to one build)."""
    log: list[tuple[str, int, str]]
    """(logger name, level, message) of each line written while converting."""


@functools.cache
def _versions() -> str:
    packages = (runtime.distribution(), *PACKAGES)
    return " ".join(f"{package}=={version(package)}" for package in packages)


def _site_context(config: MkDocsConfig, files: Files) -> str:
    """The part of every page's key that is the same for all pages of one build."""
    extensions = [
        e if isinstance(e, str) else type(e).__qualname__ for e in config.markdown_extensions
    ]
    file_map = sorted((f.src_uri, f.url, f.dest_uri) for f in files)
    return cache_key(
        _versions(),
        code_fingerprint(__file__),
        repr(extensions),
        repr(sorted((config.mdx_configs or {}).items())),
        repr(config.validation),
        repr(config.use_directory_urls),
        repr(logging.getLogger(runtime.distribution()).getEffectiveLevel()),
        repr(file_map),
    )


class _Recorder(logging.Handler):
    """Collects the log records this thread writes (a server thread may log meanwhile),
    each once although it may pass both loggers the recorder listens to."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.thread = threading.get_ident()
        self.lines: list[tuple[str, int, str]] = []
        self._seen: dict[int, logging.LogRecord] = {}  # kept alive, so ids stay unique

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread and id(record) not in self._seen:
            self._seen[id(record)] = record
            self.lines.append((record.name, record.levelno, record.getMessage()))


LISTENED = ("", "mkdocs", "properdocs")
"""The root logger, and the engines' own (which their command lines stop from propagating)."""


@contextmanager
def _recorded_log() -> Iterator[list[tuple[str, int, str]]]:
    recorder = _Recorder()
    for name in LISTENED:
        logging.getLogger(name).addHandler(recorder)
    try:
        yield recorder.lines
    finally:
        for name in LISTENED:
            logging.getLogger(name).removeHandler(recorder)


class PageConversionCache:
    """Gives each page of one build a ``render`` that looks in the cache before converting."""

    def __init__(self, folder: Path) -> None:
        self._store = TextCache(folder, ".pickle")
        self._context: str | None = None
        self.converted = 0
        self.reused = 0

    def summary(self) -> str:
        """``pages: 1 converted, 72 reused from cache``."""
        return f"pages: {self.converted} converted, {self.reused} reused from cache"

    def install(self, page: Page) -> None:
        """Make ``page.render(config, files)`` go through the cache."""
        page.render = functools.partial(self._render, page)  # type: ignore[method-assign]

    def _render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        if self._context is None:
            self._context = _site_context(config, files)
        assert page.markdown is not None
        key = cache_key(self._context, page.file.src_uri, page.file.url, page.markdown)
        cached = _unpickled(self._store.get_bytes(key))
        if cached is not None:
            self._apply(page, cached, files)
            self.reused += 1
            return
        with _recorded_log() as lines:
            Page.render(page, config, files)
        assert page.content is not None and page.toc is not None
        links = page.links_to_anchors
        converted = ConvertedPage(
            content=page.content,
            toc=page.toc,
            title=page._title_from_render,
            present_anchor_ids=page.present_anchor_ids,
            links_to_anchors=None
            if links is None
            else {target.src_uri: anchors for target, anchors in links.items()},
            log=list(lines),
        )
        self._store.put_bytes(key, pickle.dumps(converted))
        self.converted += 1

    @staticmethod
    def _apply(page: Page, converted: ConvertedPage, files: Files) -> None:
        for name, level, message in converted.log:
            logging.getLogger(name).log(level, message)
        page.content = converted.content
        page.toc = converted.toc
        page._title_from_render = converted.title
        page.present_anchor_ids = converted.present_anchor_ids
        if converted.links_to_anchors is not None:
            page.links_to_anchors = {
                target: anchors
                for src_uri, anchors in converted.links_to_anchors.items()
                if (target := files.get_file_from_path(src_uri)) is not None
            }


def _unpickled(kept: bytes | None) -> ConvertedPage | None:
    if kept is None:
        return None
    try:
        cached = pickle.loads(kept)
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return None
    return cached if isinstance(cached, ConvertedPage) else None
