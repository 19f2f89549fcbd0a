"""Which engine this process runs, started once before anything imports the engine's API.

ProperDocs continues MkDocs 1.x under the module name ``properdocs``; its
``properdocs.replacement`` makes every ``mkdocs.*`` import (Material's, and this package's
``api.py``) load the ``properdocs.*`` module instead, as the ``properdocs`` command does.
That only works before the real ``mkdocs`` package is imported, and a process cannot run
both: the first engine started stays, and asking for the other raises
:class:`EngineConflict` (build with the other engine in a new process).
"""

from __future__ import annotations

import logging
import sys

from generator.site.engine.choice import DEFAULT_ENGINE, MKDOCS, PROPERDOCS

DISTRIBUTIONS = {PROPERDOCS: "properdocs", MKDOCS: "mkdocs"}
"""The installed package (for its version) behind each engine."""


class EngineConflict(RuntimeError):
    """This process already runs the other engine."""


class EngineMissing(RuntimeError):
    """The chosen engine is not installed."""


def running() -> str | None:
    """The engine this process has started (or its command line started), if any."""
    if "properdocs.replacement" in sys.modules:
        return PROPERDOCS
    if "mkdocs" in sys.modules:
        return MKDOCS
    return None


def start(engine: str) -> str:
    """Make ``engine`` the one behind the MkDocs API in this process; return it."""
    current = running()
    if current == engine:
        return engine
    if current is not None:
        raise EngineConflict(
            f"expected to build with {engine}, but this process already runs {current}; "
            "build with each engine in a process of its own"
        )
    try:
        if engine == PROPERDOCS:
            _start_properdocs()
        elif engine == MKDOCS:
            import mkdocs  # noqa: F401
        else:
            raise ValueError(f"expected one of {', '.join(DISTRIBUTIONS)}, got {engine!r}")
    except ModuleNotFoundError as exc:
        raise EngineMissing(
            f"the {engine} engine is not installed ({exc}); install the project's pinned "
            f"dependencies (make deps), or choose another with --engine"
        ) from None
    return engine


def _start_properdocs() -> None:
    import properdocs.replacement  # noqa: F401  # mkdocs.* now loads properdocs.*

    # As the properdocs command does: what plugins and themes log under "mkdocs" counts as
    # ProperDocs' own output (its --strict counts the warnings of "properdocs" only).
    logging.getLogger("mkdocs").parent = logging.getLogger("properdocs")


def current() -> str:
    """The engine this process runs, starting the default one if none runs yet."""
    return running() or start(DEFAULT_ENGINE)


def distribution() -> str:
    """The installed package of the engine this process runs (``properdocs``, ``mkdocs``)."""
    return DISTRIBUTIONS[current()]
