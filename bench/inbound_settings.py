"""The production settings plus one extra URL: the baseline view the inbound benchmark compares against."""

from cartrecovery.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.inbound_urls"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
BENCH_STORE_ID = env("BENCH_STORE_ID", default="")  # noqa: F405
