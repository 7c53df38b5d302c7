"""`python -m bench [NAME…] [--strict]`: run every bench/bench_*.py (or those named) and print one table."""

import argparse
import importlib
import pkgutil
import sys
import time
import traceback
from pathlib import Path

from .core import Result, table


def discover(names: list[str]) -> list[str]:
    found = sorted(
        m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]) if m.name.startswith("bench_")
    )
    if names:
        found = [m for m in found if any(n in m for n in names)]
    return found


def as_result(item) -> Result:
    """A benchmark may return Result objects or plain dicts with the same keys."""
    if isinstance(item, Result):
        return item
    return Result(**{**item, "target": str(item.get("target", ""))})


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", help="run only the benchmark modules whose name contains one")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    options = parser.parse_args()
    results: list[Result] = []
    broken: list[str] = []
    for name in discover(options.names):
        started = time.monotonic()
        print(f"running {name} …", file=sys.stderr, flush=True)
        try:
            module = importlib.import_module(f"bench.{name}")
            results.extend(as_result(item) for item in module.run())
        except Exception:
            traceback.print_exc()
            broken.append(name)
        print(f"  {name} took {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    print(table(results))
    for name in broken:
        print(f"{name}: FAILED to run (see the traceback above)")
    missed = [r.name for r in results if not r.ok]
    if missed:
        print("missed targets: " + ", ".join(missed))
    return 1 if broken or (options.strict and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
