"""The benchmark runner's own logic (the measurements themselves run with `make bench`, not here)."""

from bench.__main__ import as_result, discover
from bench.core import Result, table, wrk_parse

WRK_OUTPUT = """Running 8s test @ http://127.0.0.1:8100/webhooks/shopify/x/
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    61.63ms   16.40ms   1.26s    95.23%
    Req/Sec   261.20     20.52   340.00     70.00%
  Latency Distribution
     50%   58.45ms
     75%   66.12ms
     90%   75.01ms
     99%    1.03s
  4180 requests in 8.02s, 1.23MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 3
Requests/sec:    521.20
Transfer/sec:    157.33KB
"""


def test_wrk_output_is_parsed_with_its_units():
    stats = wrk_parse(WRK_OUTPUT)

    assert (stats.requests, stats.rps) == (4180, 521.2)
    assert (stats.p50_ms, stats.p99_ms) == (58.45, 1030.0)
    assert (stats.non_2xx, stats.socket_errors) == (3, 3)


def test_a_clean_run_has_no_errors():
    clean = WRK_OUTPUT.replace("  Socket errors: connect 0, read 2, write 0, timeout 1\n", "")
    clean = clean.replace("  Non-2xx or 3xx responses: 3\n", "")

    stats = wrk_parse(clean)

    assert (stats.non_2xx, stats.socket_errors) == (0, 0)


def test_results_may_be_dicts_and_print_as_one_table():
    rows = [
        Result(name="ingest", value=300.0, baseline=500.0, unit="req/s", target="≥ 0.6× baseline", ok=True),
        as_result(
            {"name": "inbound", "value": 2.0, "baseline": None, "unit": "ms", "target": 0.6, "ok": False}
        ),
    ]

    printed = table(rows)

    assert rows[0].ratio == 0.6
    assert "ingest" in printed
    assert "NO" in printed.splitlines()[-1]
    assert len({len(line) for line in printed.splitlines()}) == 1  # aligned columns


def test_discovery_finds_the_bench_modules():
    assert "bench_ingest" in discover([])
    assert discover(["nothing-matches"]) == []
