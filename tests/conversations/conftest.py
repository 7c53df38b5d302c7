"""The routing-accuracy report is printed at the end of every run that includes the labelled set."""

ROUTING_REPORT: list[str] = []


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if ROUTING_REPORT:
        terminalreporter.write_sep(
            "=", "reply routing accuracy (tests/conversations/data/labelled_replies.json)"
        )
        for line in ROUTING_REPORT:
            terminalreporter.write_line(line)
