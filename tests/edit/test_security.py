"""The editor stays local and the officer's own: Host, token, Origin and path checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient

from generator.content.project import Layout
from generator.edit.app import Editor, build_app
from generator.edit.security import COOKIE, PathRefused, inside
from tests.edit.conftest import ORIGIN, PORT, TOKEN

NOT_AN_ID = {"id": "Not An Id", "name": "x", "authority": "y", "base": "national"}
"""A new-edition form the editor refuses (400) once a request has passed its checks."""


@pytest.fixture
def fresh(shared_project: Layout, tmp_path: Path) -> TestClient:
    """A client that has not opened the printed address yet."""
    editor = Editor(shared_project, TOKEN, PORT, tmp_path / "preview", auto_preview=False)
    return TestClient(build_app(editor), base_url=ORIGIN, follow_redirects=False)


def test_the_printed_address_sets_an_httponly_strict_cookie_and_drops_the_token(
    fresh: TestClient,
) -> None:
    response = fresh.get(f"/e/essex?token={TOKEN}")
    assert response.status_code == 303
    assert response.headers["location"] == "/e/essex"
    cookie = response.headers["set-cookie"].lower()
    assert f"{COOKIE}={TOKEN}".lower() in cookie
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_a_request_without_the_token_or_with_a_wrong_one_is_refused(fresh: TestClient) -> None:
    assert fresh.get("/").status_code == 403
    assert fresh.get("/?token=guess").status_code == 403
    fresh.cookies.set(COOKIE, "guess")
    assert fresh.get("/").status_code == 403


@pytest.mark.parametrize("host", ["evil.example:8765", "127.0.0.1:9999", "192.168.1.2:8765"])
def test_another_host_header_is_refused_as_dns_rebinding(fresh: TestClient, host: str) -> None:
    response = fresh.get(f"/?token={TOKEN}", headers={"host": host})
    assert response.status_code == 400


def test_localhost_is_accepted_as_a_host(fresh: TestClient) -> None:
    response = fresh.get(f"/?token={TOKEN}", headers={"host": f"localhost:{PORT}"})
    assert response.status_code == 303


def test_a_post_needs_the_token_in_the_form_as_well_as_the_cookie(
    shared_client: TestClient,
) -> None:
    assert shared_client.post("/new", data=NOT_AN_ID).status_code == 403
    assert shared_client.post("/new", data={**NOT_AN_ID, "token": "guess"}).status_code == 403
    passed = shared_client.post("/new", data={**NOT_AN_ID, "token": TOKEN})
    assert passed.status_code == 400  # through the checks, refused by the form: a bad id
    assert "lowercase words joined by hyphens" in passed.text


@pytest.mark.parametrize(
    "header",
    [
        {"origin": "https://evil.example"},
        {"referer": "https://evil.example/page"},
        {"origin": "http://localhost:9999"},
    ],
)
def test_a_post_from_another_site_is_refused(
    shared_client: TestClient, header: dict[str, str]
) -> None:
    response = shared_client.post("/new", data={**NOT_AN_ID, "token": TOKEN}, headers=header)
    assert response.status_code == 403


def test_a_post_from_the_editor_itself_is_accepted(shared_client: TestClient) -> None:
    response = shared_client.post(
        "/new",
        data={**NOT_AN_ID, "token": TOKEN},
        headers={"origin": ORIGIN, "referer": f"{ORIGIN}/new"},
    )
    assert response.status_code == 400


def test_paths_outside_the_project_are_refused(shared_client: TestClient) -> None:
    assert shared_client.get("/e/..%2F..%2Fetc/roles").status_code == 404
    assert shared_client.get("/e/not-an-edition").status_code == 404
    assert shared_client.get("/preview/../../etc/passwd").status_code == 404
    assert shared_client.get("/static/../app.py").status_code == 404
    assert shared_client.get("/e/essex/trees/..%2Fcontent").status_code in (404, 405)


def test_writes_stay_inside_the_edition_folder(tmp_path: Path) -> None:
    folder = tmp_path / "editions" / "north"
    folder.mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    (folder / "content").symlink_to(tmp_path / "outside")
    assert inside(folder, "flowcharts/x.yaml") == folder / "flowcharts" / "x.yaml"
    for bad in (
        "../essex/edition.yaml",
        "/etc/passwd",
        "content/contacts.yaml",
        "a/../../b",
        "a\\..\\b",
        "",
    ):
        with pytest.raises(PathRefused):
            inside(folder, bad)


def test_pages_carry_a_strict_content_security_policy(shared_client: TestClient) -> None:
    policy = shared_client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
