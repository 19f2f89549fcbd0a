"""Real headless Chromium (Debian's package) driven by Playwright, on a real build."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from generator.content.project import Layout
from generator.site.build import build_edition
from generator.site.build_all import build_editions
from tests.browser.engine import BROWSER_ENGINE
from tests.conftest import REPO

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    """Debian's chromium; Playwright's own browser download is not used."""
    for candidate in (
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail(
        "Chromium is needed for the browser tests: install Debian's 'chromium' package "
        "(`make test` does this with apt-get)"
    )


@pytest.fixture(scope="session")
def national_site(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """The repo's national edition, built once for every browser test (by the engine
    ``SAFEGUIDE_BROWSER_ENGINE`` names, else the project's, whose build the other tests of
    the session share)."""
    if BROWSER_ENGINE is None:
        return Path(request.getfixturevalue("shipped_sites")) / "national"
    out = tmp_path_factory.mktemp("browser") / "national"
    build_edition(Layout(REPO), "national", out, engine=BROWSER_ENGINE)
    return out


LOCAL_EDITIONS = ("essex", "worcestershire", "leicester", "example-school")


@pytest.fixture(scope="session")
def local_sites(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """The repo's local editions, built in parallel once; returns the folder holding them."""
    if BROWSER_ENGINE is None:
        return Path(request.getfixturevalue("shipped_sites"))
    out = tmp_path_factory.mktemp("browser-local")
    results = build_editions(Layout(REPO), list(LOCAL_EDITIONS), out, engine=BROWSER_ENGINE)
    assert all(r.built for r in results), [d.format() for r in results for d in r.diagnostics]
    return out


@pytest.fixture
def edition_site(national_site: Path, local_sites: Path, edition_id: str) -> Path:
    """The built site of the edition a test is parametrized with (``edition_id``)."""
    return national_site if edition_id == "national" else local_sites / edition_id


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
