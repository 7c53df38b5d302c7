"""`python -m bench.proof [name …]`: run the fault scenarios, print PASS/FAIL with the evidence, exit 1 on
any FAIL. Needs PostgreSQL and a Redis db of its own (DATABASE_URL, REDIS_URL; by default
cartrecovery_proof and db 10, the broker db 11): it empties the broker. One run at a time per database."""

import sys
import time
import traceback

from .faults import SCENARIOS
from .harness import Verdict, run_alone


def main(argv: list[str]) -> int:
    chosen = [n for n in SCENARIOS if not argv or any(a in n for a in argv)]
    outcomes = []
    started = time.monotonic()
    with run_alone():
        for name in chosen:
            began = time.monotonic()
            try:
                verdicts = _flatten(name, SCENARIOS[name]())
            except Exception:  # a crashed scenario is a failed one, with its traceback as the evidence
                verdicts = [(name, Verdict(ok=False, evidence=traceback.format_exc()))]
            for shown, verdict in verdicts:
                outcomes.append(verdict.ok)
                print(
                    f"{'PASS' if verdict.ok else 'FAIL'} {shown} ({time.monotonic() - began:.0f} s): "
                    f"{verdict.evidence}",
                    flush=True,
                )
    print(f"{sum(outcomes)}/{len(outcomes)} passed in {time.monotonic() - started:.0f} s")
    return 0 if all(outcomes) else 1


def _flatten(name: str, verdict: Verdict) -> list[tuple[str, Verdict]]:
    return [(name, verdict), *verdict.also.items()]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
