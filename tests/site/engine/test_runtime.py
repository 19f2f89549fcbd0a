"""One engine per process, started before its API is imported: ProperDocs stands behind
every ``mkdocs.*`` import (Material's too); a process never mixes the two."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.conftest import REPO


def python(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter (an engine, once started, stays for the process)."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )


def test_nothing_starts_an_engine_before_a_build_or_serve_asks_for_one() -> None:
    result = python(
        """
        import sys
        import generator.cli, generator.site.build, generator.site.engine.run
        print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'properdocs')))
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_properdocs_stands_behind_the_mkdocs_api_and_material() -> None:
    result = python(
        """
        import sys
        from generator.site.engine import runtime
        runtime.start("properdocs")
        from generator.site.engine import api
        import properdocs.plugins, material.plugins.search.plugin as search
        print(runtime.running(), runtime.distribution())
        print(api.BasePlugin is properdocs.plugins.BasePlugin)
        print(issubclass(search.SearchPlugin, properdocs.plugins.BasePlugin))
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["properdocs", "properdocs", "True", "True"]


def test_mkdocs_is_the_real_package_when_chosen() -> None:
    result = python(
        """
        from generator.site.engine import runtime
        runtime.start("mkdocs")
        from generator.site.engine import api
        print(runtime.running(), api.build.__module__)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["mkdocs", "mkdocs.commands.build"]


def test_importing_the_api_first_starts_properdocs() -> None:
    result = python(
        """
        from generator.site.engine import api, runtime
        print(runtime.running(), api.build.__module__)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["properdocs", "properdocs.commands.build"]


def test_a_process_running_one_engine_refuses_the_other() -> None:
    result = python(
        """
        from generator.site.engine import runtime
        runtime.start("mkdocs")
        runtime.start("mkdocs")  # again: fine
        try:
            runtime.start("properdocs")
        except runtime.EngineConflict as exc:
            print(exc)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "expected to build with properdocs, but this process already runs mkdocs; "
        "build with each engine in a process of its own"
    )


def test_warnings_logged_under_mkdocs_count_as_properdocs_own() -> None:
    """ProperDocs' --strict counts the warnings of its own logger; Material and safeguide's
    plugin log under "mkdocs"."""
    result = python(
        """
        import logging
        from generator.site.engine import runtime
        runtime.start("properdocs")
        logging.getLogger("mkdocs.plugins.safeguide")
        print(logging.getLogger("mkdocs").parent.name)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "properdocs"
