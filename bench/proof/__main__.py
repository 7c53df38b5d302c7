"""`python -m bench.proof [name …]`: run the fault scenarios, print PASS/FAIL with the evidence, exit 1 on
any FAIL. Needs PostgreSQL and a Redis db of its own (DATABASE_URL, REDIS_URL): it empties the broker."""

import sys
import time
import traceback

from .faults import SCENARIOS


def main(argv: list[str]) -> int:
    chosen = [n for n in SCENARIOS if not argv or any(a in n for a in argv)]
    failed = 0
    started = time.monotonic()
    for name in chosen:
        began = time.monotonic()
        try:
            verdict = SCENARIOS[name]()
            ok, evidence = verdict.ok, verdict.evidence
        except Exception:  # a crashed scenario is a failed one, with its traceback as the evidence
            ok, evidence = False, traceback.format_exc()
        failed += not ok
        print(f"{'PASS' if ok else 'FAIL'} {name} ({time.monotonic() - began:.0f} s): {evidence}", flush=True)
    print(f"{len(chosen) - failed}/{len(chosen)} passed in {time.monotonic() - started:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
