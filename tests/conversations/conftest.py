"""The routing-accuracy report is printed at the end of every run that includes the labelled set."""

import pytest

from conversations.webhooks import store_cache_clear

ROUTING_REPORT: list[str] = []
LANGUAGE_REPORT: list[str] = []


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if ROUTING_REPORT:
        terminalreporter.write_sep(
            "=", "reply routing accuracy (tests/conversations/data/labelled_replies.json)"
        )
        for line in ROUTING_REPORT:
            terminalreporter.write_line(line)
    if LANGUAGE_REPORT:
        terminalreporter.write_sep(
            "=", "reply routing in seven languages (tests/conversations/data/labelled_replies_languages.json)"
        )
        for line in LANGUAGE_REPORT:
            terminalreporter.write_line(line)


@pytest.fixture(autouse=True)
def _forget_cached_stores():
    """Each test makes its own stores, often with the same number: the webhook's store memory starts empty."""
    store_cache_clear()
    yield
    store_cache_clear()
