"""Compiled templates survive the process through the cache folder, and never go stale."""

from __future__ import annotations

from pathlib import Path

import jinja2

from generator.render.template_cache import TemplateBytecodeCache


class CountingEnvironment(jinja2.Environment):
    """A real Jinja environment that counts how often it compiles template source."""

    compiled = 0

    def compile(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        CountingEnvironment.compiled += 1
        return super().compile(*args, **kwargs)


def environment(cache: TemplateBytecodeCache, source: str) -> CountingEnvironment:
    return CountingEnvironment(
        loader=jinja2.DictLoader({"page.j2": source}), bytecode_cache=cache, auto_reload=False
    )


def render(cache: TemplateBytecodeCache, source: str) -> str:
    return environment(cache, source).get_template("page.j2").render(name="Hollyfield")


def test_a_new_process_loads_templates_compiled_by_an_earlier_one(tmp_path: Path) -> None:
    first = TemplateBytecodeCache()
    first.keep_in(tmp_path / "templates")
    CountingEnvironment.compiled = 0
    assert render(first, "Hello {{ name }}") == "Hello Hollyfield"
    assert CountingEnvironment.compiled == 1
    assert len(list((tmp_path / "templates").iterdir())) == 1

    later = TemplateBytecodeCache()  # as a fresh process starts: empty memory
    later.keep_in(tmp_path / "templates")
    assert render(later, "Hello {{ name }}") == "Hello Hollyfield"
    assert CountingEnvironment.compiled == 1  # loaded, not compiled
    assert render(later, "Hello {{ name }}") == "Hello Hollyfield"
    assert CountingEnvironment.compiled == 1  # and kept in memory from then on


def test_an_edited_template_is_compiled_afresh(tmp_path: Path) -> None:
    first = TemplateBytecodeCache()
    first.keep_in(tmp_path)
    render(first, "Hello {{ name }}")
    later = TemplateBytecodeCache()
    later.keep_in(tmp_path)
    CountingEnvironment.compiled = 0
    assert render(later, "Goodbye {{ name }}") == "Goodbye Hollyfield"
    assert CountingEnvironment.compiled == 1


def test_without_a_folder_templates_are_kept_in_memory_only(tmp_path: Path) -> None:
    cache = TemplateBytecodeCache()
    CountingEnvironment.compiled = 0
    render(cache, "Hi {{ name }}")
    render(cache, "Hi {{ name }}")
    assert CountingEnvironment.compiled == 1
    assert not any(tmp_path.iterdir())


def test_a_new_folder_gets_every_template_the_process_compiles(tmp_path: Path) -> None:
    cache = TemplateBytecodeCache()
    cache.keep_in(tmp_path / "one")
    render(cache, "Hi {{ name }}")
    cache.keep_in(tmp_path / "two")  # e.g. a long-lived process building another project
    render(cache, "Hi {{ name }}")
    assert len(list((tmp_path / "two").iterdir())) == 1
