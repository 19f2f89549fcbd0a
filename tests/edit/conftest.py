"""A throwaway copy of the repository's project for the editor to write into."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from generator.content.project import Layout
from generator.edit.app import Editor, build_app
from tests.edit.project_copy import copy_project

PORT = 8765
TOKEN = "test-token"
ORIGIN = f"http://127.0.0.1:{PORT}"


@pytest.fixture
def project(tmp_path: Path) -> Layout:
    """A copy of the project that one test may write into."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="module")
def shared_project(tmp_path_factory: pytest.TempPathFactory) -> Layout:
    """A copy of the project for tests that write nothing."""
    return copy_project(tmp_path_factory.mktemp("editor") / "project")


def opened(layout: Layout, preview: Path) -> Iterator[TestClient]:
    """A client that opened the editor from its printed address (the cookie is set)."""
    editor = Editor(layout, TOKEN, PORT, preview, auto_preview=False)
    with TestClient(build_app(editor), base_url=ORIGIN) as test_client:
        assert test_client.get(f"/?token={TOKEN}").status_code == 200
        yield test_client


@pytest.fixture
def client(project: Layout, tmp_path: Path) -> Iterator[TestClient]:
    """An opened editor on a project copy of its own."""
    yield from opened(project, tmp_path / "preview")


@pytest.fixture
def shared_client(shared_project: Layout, tmp_path: Path) -> Iterator[TestClient]:
    """An opened editor on the shared project copy (for tests that write nothing)."""
    yield from opened(shared_project, tmp_path / "preview")
