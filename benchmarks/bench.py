"""safeguide benchmark: overhead vs the plain engine, Graphviz batching, cache, scale, growth.

    .venv/bin/python benchmarks/bench.py            # full run (under 10 minutes), writes
                                                    # benchmarks/RESULTS.md
    .venv/bin/python benchmarks/bench.py --smoke    # 1 edition, small sizes, one run
    .venv/bin/python benchmarks/bench.py --engine mkdocs   # the other measures with MkDocs

The overhead rows are measured for each engine (ProperDocs and MkDocs), each against a
plain build by the same engine; ``--engine`` (default: properdocs) runs the others.

Every figure is the median of several runs measured side by side (interleaved) in one run.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import cProfile
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from synthetic import make_project

from generator.checks.pipeline import check_edition
from generator.content.project import Layout
from generator.render.dot_source import ChartLinks, tree_to_dot
from generator.render.flowcharts import graphviz_version, run_dot, run_dot_batch
from generator.render.tree_order import tree_order
from generator.site.build import build_edition
from generator.site.engine import runtime
from generator.site.engine.choice import DEFAULT_ENGINE, ENGINES, PLUGIN_ENGINES
from generator.site.generate import generate

REPO = Path(__file__).resolve().parent.parent
SAFEGUIDE = REPO / ".venv" / "bin" / "safeguide"
NATIONAL_TREES = [10, 20, 30, 40, 50, 60, 10, 20, 30, 40]


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def side_by_side(runs: int, **actions: Callable[[], object]) -> dict[str, float]:
    """Median seconds of each action, the actions interleaved run by run."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(runs):
        for name, action in actions.items():
            times[name].append(timed(action))
    return {name: statistics.median(values) for name, values in times.items()}


def plain_engine_project(layout: Layout, edition_id: str, folder: Path) -> Path:
    """The same pages as plain Markdown (with pre-rendered SVG) and a hook-free mkdocs.yml."""
    generated = generate(layout, edition_id)
    assert generated.site is not None
    docs = folder / "docs"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(layout.root / "site_config" / "pages", docs)
    for page in generated.site.pages:
        target = docs / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    for path, data in generated.site.files.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    config = yaml.safe_load((layout.root / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("hooks", None)
    config.update(
        docs_dir=str(docs),
        site_dir=str(folder / "site"),
        nav=generated.site.nav,
        site_name=generated.site.site_name,
    )
    config["theme"]["custom_dir"] = str(layout.root / "site_config" / "theme")
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def engine_build(engine: str, config: Path) -> None:
    """The engine's own command, as a user runs it on a plain docs folder."""
    subprocess.run(
        [str(REPO / ".venv" / "bin" / engine), "build", "-q", "-f", str(config)],
        check=True,
        capture_output=True,  # the mkdocs launcher prints Material's end-of-life notice
    )


def engine_build_in_process(config: Path) -> None:
    """A rebuild in a long-lived process, as the engine's `serve` (and `safeguide serve`)
    does, with the engine this process runs."""
    from generator.site.engine.api import build, load_config

    build(load_config(str(config)))


def overhead(work: Path, runs: int, sections: int, engine: str, *, pdfs: bool) -> list[str]:
    folder = work / f"overhead-{engine}"
    layout = Layout(make_project(folder, sections=sections, tree_sizes=NATIONAL_TREES))
    plain = plain_engine_project(layout, "national", folder / "plain")
    out = folder / "site"
    warm_cache = folder / "cache"
    counter = iter(range(10_000))
    section = layout.root / "content" / "sections" / "s7.yaml"
    original = section.read_text(encoding="utf-8")
    command = [str(SAFEGUIDE), "--project", str(layout.root), "build", "--out", str(out)]
    command += ["--engine", engine]

    def safeguide_build(cache: Path) -> None:  # a process each, like the engine: start-up counts
        subprocess.run(
            command,
            check=True,
            capture_output=True,
            env={**os.environ, "SAFEGUIDE_CACHE_DIR": str(cache)},
        )

    safeguide_build(warm_cache)  # fill the cache, as any earlier build has
    pages = len(list(out.rglob("*.html")))

    def edit_and_build() -> None:  # an author changed one section, then builds
        section.write_text(original.replace("Part 0", f"Part 0 edit {next(counter)}"), "utf-8")
        safeguide_build(warm_cache)

    medians = side_by_side(
        runs,
        edited=edit_and_build,
        unchanged=lambda: safeguide_build(warm_cache),
        first=lambda: safeguide_build(folder / f"empty-cache-{next(counter)}"),
        plain=lambda: engine_build(engine, plain),
    )
    floor = medians["plain"]
    edited, unchanged, first = (medians[k] / floor for k in ("edited", "unchanged", "first"))
    rows = [
        f"| Overhead vs plain `{engine} build` ({pages} pages): build after a one-section "
        f"edit | safeguide {medians['edited']:.2f} s, {engine} {floor:.2f} s | "
        f"**{edited:.2f}** (target ≤ 1.15) |",
        f"| Overhead vs plain `{engine} build`: build with nothing changed | safeguide "
        f"{medians['unchanged']:.2f} s, {engine} {floor:.2f} s | **{unchanged:.2f}** |",
        f"| Overhead vs plain `{engine} build`: first build (empty cache: every chart, "
        f"template and page made) | safeguide {medians['first']:.2f} s, {engine} "
        f"{floor:.2f} s | {first:.2f} |",
    ]
    if not pdfs:
        section.write_text(original, encoding="utf-8")
        return rows
    with_pdfs = {**os.environ, "SAFEGUIDE_CACHE_DIR": str(warm_cache), "SAFEGUIDE_CARD_PDF": "on"}
    pdf_runs = max(1, runs // 2)

    def edit_and_build_with_pdfs() -> str:
        section.write_text(original.replace("Part 0", f"Part 0 edit {next(counter)}"), "utf-8")
        done = subprocess.run(command, check=True, capture_output=True, text=True, env=with_pdfs)
        return done.stderr

    edit_and_build_with_pdfs()  # print every PDF once, as the first build with PDFs does
    notes: list[str] = []
    pdf_median = side_by_side(pdf_runs, pdfs=lambda: notes.append(edit_and_build_with_pdfs()))
    pdf_note = next((line.split("; ")[-1] for line in notes[-1].splitlines() if "PDFs" in line), "")
    section.write_text(original, encoding="utf-8")
    return [
        *rows,
        f"| Default build with PDFs (card, printed edition, handouts by Chromium) after a "
        f"one-section edit, {engine} | safeguide {pdf_median['pdfs']:.2f} s; {pdf_note} | "
        f"{pdf_median['pdfs'] / floor:.2f} of plain `{engine} build`, which makes no PDF |",
    ]


def engines(work: Path, sections: int, runs: int, which: tuple[str, ...] = ENGINES) -> list[str]:
    """Each engine of ``which`` (Zensical included) through ``safeguide build --engine``, a
    process each: a first build (empty cache), and a rebuild after a one-section edit.
    Zensical builds in a fresh working folder each time, so it has no rebuild cache of its
    own."""
    root = make_project(work / f"engines-{sections}", sections=sections, tree_sizes=NATIONAL_TREES)
    section = root / "content" / "sections" / "s7.yaml"
    original = section.read_text(encoding="utf-8")
    counter = iter(range(10_000))
    rows = []
    for engine in which:
        out, cache = work / f"engines-{sections}-{engine}", work / f"engines-cache-{engine}"
        command = [str(SAFEGUIDE), "--project", str(root), "build", "--out", str(out)]
        command += ["--engine", engine]

        def build(cache: Path, command: list[str] = command) -> None:
            env = {**os.environ, "SAFEGUIDE_CACHE_DIR": str(cache)}
            subprocess.run(command, check=True, capture_output=True, env=env)

        def first(engine: str = engine) -> None:
            build(work / f"engines-empty-{engine}-{next(counter)}")

        def edited(cache: Path = cache) -> None:
            section.write_text(original.replace("Part 0", f"Part 0 edit {next(counter)}"), "utf-8")
            build(cache)

        build(cache)  # an earlier build filled the cache
        medians = side_by_side(runs, first=first, edited=edited)
        pages = len(list(out.rglob("*.html")))
        rows.append(
            f"| Engine {engine}: `safeguide build --engine {engine}`, {sections} sections "
            f"({pages} HTML files) | first build {medians['first']:.2f} s, rebuild after a "
            f"one-section edit {medians['edited']:.2f} s | |"
        )
    section.write_text(original, encoding="utf-8")
    return rows


def graphviz_batch(work: Path, runs: int) -> list[str]:
    layout = Layout(make_project(work / "dot", sections=5, tree_sizes=NATIONAL_TREES))
    checked = check_edition(layout, "national")
    assert checked.edition is not None
    edition = checked.edition
    sources = [
        tree_to_dot(t.item, edition, tree_order(t.item), ChartLinks(page="x.html"))
        for t in edition.content.trees.values()
    ]
    medians = side_by_side(
        runs,
        one_process_each=lambda: [run_dot(s) for s in sources],
        batch=lambda: run_dot_batch(sources),
    )
    each = 1000 * medians["one_process_each"] / len(sources)
    batch = 1000 * medians["batch"] / len(sources)
    return [
        f"| Graphviz, {len(sources)} trees of 10-60 nodes | one `dot` per graph "
        f"{each:.1f} ms/graph, batched {batch:.1f} ms/graph | **{each / batch:.1f}x** faster "
        "(target ≥ 3x) |"
    ]


@contextlib.contextmanager
def cache_at(folder: Path) -> Iterator[None]:
    """Builds in this process use ``folder`` as their cache for the duration."""
    before = os.environ.get("SAFEGUIDE_CACHE_DIR")
    os.environ["SAFEGUIDE_CACHE_DIR"] = str(folder)
    try:
        yield
    finally:
        if before is None:
            del os.environ["SAFEGUIDE_CACHE_DIR"]
        else:
            os.environ["SAFEGUIDE_CACHE_DIR"] = before


def cache_and_reload(work: Path, runs: int) -> list[str]:
    layout = Layout(make_project(work / "cache", sections=50, tree_sizes=NATIONAL_TREES))
    out = work / "cache-site"
    with cache_at(work / "cache-dir"):  # its own, empty: the first build renders every chart
        first = build_edition(layout, "national", out, engine=runtime.current())
        second = build_edition(layout, "national", out, engine=runtime.current())
        plain = plain_engine_project(layout, "national", work / "plain-reload")
    section = layout.root / "content" / "sections" / "s7.yaml"
    original = section.read_text(encoding="utf-8")
    counter = iter(range(10_000))

    def edit_and_rebuild() -> None:  # what `safeguide serve` does on a change, in its process
        section.write_text(original.replace("Part 0", f"Part 0 edit {next(counter)}"), "utf-8")
        engine_build_in_process(layout.mkdocs_config)

    with cache_at(work / "cache-dir"):
        medians = side_by_side(
            runs, safeguide=edit_and_rebuild, plain=lambda: engine_build_in_process(plain)
        )
    section.write_text(original, encoding="utf-8")
    ratio = medians["safeguide"] / medians["plain"]
    engine = runtime.current()
    return [
        f"| Cache: second build with no change | first build {first.charts.summary()}; second "
        f"{second.charts.summary()} | **{second.charts.rendered}** `dot` runs (target 0) |",
        f"| Reload after a one-section edit (75 pages, rebuilt in one long-lived process as "
        f"serve does), {engine} | safeguide "
        f"{medians['safeguide']:.2f} s, plain {engine} {medians['plain']:.2f} s | "
        f"**{ratio:.2f}** (target ≤ 1.2) |",
    ]


PEAK_RSS_LAUNCHER = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)
"""Runs a command and prints the largest resident set (KiB) of any process it started."""


def scale(work: Path, editions: int, *, pdfs: bool = False) -> list[str]:
    """``build --all`` of ``editions`` editions on 2 jobs: time and peak memory."""
    root = make_project(
        work / f"scale-{editions}-{pdfs}",
        sections=50,
        tree_sizes=NATIONAL_TREES,
        editions=editions,
    )
    command = [str(SAFEGUIDE), "--project", str(root), "build", "--all", "--jobs", "2"]
    command += ["--engine", runtime.current()]
    start = time.perf_counter()
    done = subprocess.run(  # through a launcher that reports the peak RSS of the build's
        [sys.executable, "-c", PEAK_RSS_LAUNCHER, *command],  # own processes alone
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "SAFEGUIDE_CARD_PDF": "on" if pdfs else "off"},
    )
    total = time.perf_counter() - start
    peak_mib = int(done.stdout.strip().splitlines()[-1]) / 1024
    pages = len(list((root / "site").rglob("*.html")))
    if pdfs:
        printed = len(list((root / "site").rglob("*.pdf")))
        return [
            f"| Scale with PDFs: `build --all`, {editions} editions, PDFs on (2 jobs) | "
            f"{total:.0f} s total, {total / editions:.2f} s/edition, {printed} PDFs | "
            f"150 editions would take about **{150 * total / editions / 60:.1f} min**; peak "
            f"RSS of one process {peak_mib:.0f} MiB (Chromium's own processes included) |"
        ]
    return [
        f"| Scale: `build --all`, {editions} editions (~75 pages and 10 trees each, 2 jobs) | "
        f"{total:.0f} s total, {total / editions:.2f} s/edition, {pages} pages | "
        f"**{total / 60:.1f} min**, peak RSS of one process **{peak_mib:.0f} MiB** "
        f"(targets < 3 min, < 1 GiB) |"
    ]


PROFILE_PARTS = {
    "safeguide's own stages": ("generator/site/generate.py", "generate"),
    "Markdown to HTML": ("markdown/core.py", "convert"),
    "navigation menu": ("material/templates/base.html", "block_site_nav"),
    "search index": ("material/plugins/search/plugin.py", "on_page_context"),
}


def _profile_shares(layout: Layout, out: Path) -> tuple[float, dict[str, float]]:
    """Share of a build's profiled time in each of PROFILE_PARTS (cumulative time)."""
    profiler = cProfile.Profile()
    profiler.runcall(build_edition, layout, "national", out, engine=runtime.current())
    stats = pstats.Stats(profiler)
    total = max(entry[3] for entry in stats.stats.values())  # type: ignore[attr-defined]
    shares = {}
    for label, (file_end, function) in PROFILE_PARTS.items():
        cumulative = sum(
            entry[3]
            for (filename, _, name), entry in stats.stats.items()  # type: ignore[attr-defined]
            if filename.endswith(file_end) and name == function
        )
        shares[label] = 100 * cumulative / total
    return total, shares


def profile_split(work: Path, section_counts: list[int]) -> list[str]:
    """What dominates a build, from a profile (cProfile slows everything about evenly)."""
    rows = []
    for count in section_counts:
        layout = Layout(
            make_project(work / f"split{count}", sections=count, tree_sizes=NATIONAL_TREES)
        )
        out = work / f"split{count}-site"
        with cache_at(work / f"split{count}-cache"):  # empty: a first build does all the work
            _, shares = _profile_shares(layout, out)
        parts = ", ".join(f"{label} {share:.0f}%" for label, share in shares.items())
        top = max(shares, key=lambda label: shares[label])
        rows.append(
            f"| Where a first build goes, {count} sections (profile) | {parts} | "
            f"largest: **{top}** |"
        )
    return rows


def growth(work: Path, section_counts: list[int], tree_sizes: list[int]) -> list[str]:
    rows = []
    for count in section_counts:
        layout = Layout(make_project(work / f"g{count}", sections=count, tree_sizes=[20]))
        out = work / f"g{count}-site"
        build_edition(
            layout, "national", out, engine=runtime.current()
        )  # Python's own caches warm, as in the others
        fresh = iter(range(100))

        def first_build(
            layout: Layout = layout, out: Path = out, fresh: Iterator[int] = fresh
        ) -> None:
            with cache_at(work / f"{layout.root.name}-cache-{next(fresh)}"):  # all converted
                build_edition(layout, "national", out, engine=runtime.current())

        seconds = statistics.median(timed(first_build) for _ in range(2))
        check = statistics.median(
            timed(lambda layout=layout: check_edition(layout, "national")) for _ in range(3)
        )
        rows.append(
            f"| Growth: {count} sections | first build {seconds:.2f} s "
            f"({1000 * seconds / count:.1f} ms/section), check {check:.2f} s "
            f"({1000 * check / count:.1f} ms/section) | |"
        )
    for size in tree_sizes:
        layout = Layout(make_project(work / f"t{size}", sections=5, tree_sizes=[size] * 5))
        check = statistics.median(
            timed(lambda layout=layout: check_edition(layout, "national")) for _ in range(3)
        )
        rows.append(
            f"| Growth: 5 trees of {size} nodes | check {check:.3f} s "
            f"({1000 * check / (5 * size):.2f} ms/node) | |"
        )
    return rows


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    version = graphviz_version()
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {memory:.1f} GiB RAM, Python "
        f"{platform.python_version()}, Graphviz {version}, {platform.platform()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="1 edition, small, one run")
    parser.add_argument("--out", type=Path, help="Write the results table here (Markdown).")
    parser.add_argument(
        "--engine",
        choices=PLUGIN_ENGINES,
        default=DEFAULT_ENGINE,
        help="Engine for the measures other than the overhead rows (those run each engine).",
    )
    args = parser.parse_args()
    runtime.start(args.engine)  # in-process builds below; before anything imports the engine
    os.environ.setdefault("SAFEGUIDE_CARD_PDF", "off")  # PDFs are timed on their own below
    runs = 1 if args.smoke else 3
    # Byte-compile safeguide as pip does when it installs a package (MkDocs' modules were
    # compiled on install): with PYTHONDONTWRITEBYTECODE set, an editable install would
    # otherwise compile every module from source in every process it starts.
    compileall.compile_dir(REPO / "generator", quiet=1)
    started = time.perf_counter()
    with (
        tempfile.TemporaryDirectory(prefix="safeguide-bench-") as folder,
        cache_at(Path(folder) / "cache"),  # not the user's cache folder
    ):
        work = Path(folder)
        rows = ["| Measure | Figures | Result |", "|---|---|---|"]
        # The floor varies most from run to run: more runs for the headline ratio.
        # The smoke measures each code path once: the overhead with the chosen engine (the
        # other plugin engine takes the same path), and Zensical, which takes its own.
        for engine in [args.engine] if args.smoke else PLUGIN_ENGINES:
            rows += overhead(
                work,
                1 if args.smoke else 7,
                sections=10 if args.smoke else 50,
                engine=engine,
                pdfs=engine == args.engine,
            )
        if args.smoke:
            rows += engines(work, 10, 1, which=("zensical",))
        else:
            rows += engines(work, 500, 1)
        rows += graphviz_batch(work, runs)
        if not args.smoke:
            rows += cache_and_reload(work, runs)
            rows += profile_split(work, [50, 500])
        rows += scale(work, 1 if args.smoke else 150)
        if not args.smoke:
            rows += scale(work, 10, pdfs=True)
        if args.smoke:
            rows += growth(work, [5], [10])
        else:
            rows += growth(work, [50, 150, 500], [10, 50, 200])
    elapsed = time.perf_counter() - started
    report = "\n".join(rows) + f"\n\nMachine: {machine()}. Benchmark run time: {elapsed:.0f} s.\n"
    print(report)
    if args.out:
        write_between_markers(args.out, report)


START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def write_between_markers(path: Path, report: str) -> None:
    """Replace the table between the markers in ``path``, keeping the text around it."""
    text = path.read_text(encoding="utf-8") if path.exists() else f"{START}\n{END}\n"
    if START not in text or END not in text:
        text += f"\n{START}\n{END}\n"
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    path.write_text(f"{before}{START}\n{report}{END}{after}", encoding="utf-8")


if __name__ == "__main__":
    main()
