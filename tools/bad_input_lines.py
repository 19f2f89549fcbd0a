"""Print what safeguide says for cases of the bad-input corpus (tests/bad_inputs/).

    .venv/bin/python tools/bad_input_lines.py CASE [CASE ...]          # show the lines
    .venv/bin/python tools/bad_input_lines.py --write CASE [CASE ...]  # record them

To add a case: make tests/bad_inputs/<name>/ with a case.yaml (``about``, optional
``args``, ``symlinks``, ``generate``, ``delete``) and the files it lays over
tests/fixtures/minimal under files/; run this to see the lines; read them (one clear error
per problem, at the right place, with the right code); then record them with --write.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import test_bad_inputs as corpus


class _Environment:
    """The two things the corpus runner changes, done for real in this process."""

    def chdir(self, path: Path) -> None:
        os.chdir(path)

    def setenv(self, name: str, value: str) -> None:
        os.environ[name] = value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("cases", nargs="+", help="Case folder names under tests/bad_inputs/")
    parser.add_argument("--write", action="store_true", help="Record the lines as expected.")
    args = parser.parse_args()
    os.environ.setdefault("SAFEGUIDE_CARD_PDF", "off")
    out = Path(tempfile.mkdtemp()) / "site" / "national"
    for name in args.cases:
        result = corpus.run_case(name, Path(tempfile.mkdtemp()), out, _Environment())  # type: ignore[arg-type]
        lines = [line for line in result.stderr.splitlines() if corpus.DIAGNOSTIC.search(line)]
        print(f"{name}: exit {result.exit_code}")
        for line in lines or result.output.splitlines()[-5:]:
            print(f"    {line}")
        if args.write:
            path = corpus.CORPUS / name / "case.yaml"
            spec = yaml.safe_load(path.read_text(encoding="utf-8"))
            spec["expected"] = lines
            text = yaml.safe_dump(spec, sort_keys=False, allow_unicode=True, width=1000)
            path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
