"""Fault proofs: scripts that start real processes (Celery workers, a misbehaving Twilio) and check that
every due text reaches the provider exactly once. Run with `python -m bench.proof`; not part of the tests,
because they kill workers and take minutes."""
