from dashboard.charts import SMALL_BAR, SMALL_LABEL, SMALL_VALUE, SMALL_WIDTH, grouped_bars


def test_grouped_bars_share_one_scale_and_a_zero_stays_visible():
    chart = grouped_bars(stages=["Texted", "Recovered"], series=[("A", [40, 4]), ("B", [20, 0])])

    plot = SMALL_WIDTH - SMALL_LABEL - SMALL_VALUE
    texted, recovered = chart["groups"]
    assert [b["width"] for b in texted["bars"]] == [plot, plot / 2]
    assert recovered["bars"][0]["width"] == round(plot * 4 / 40, 1)
    assert recovered["bars"][1]["width"] == 1.5  # a hairline, not nothing
    assert [b["value"] for b in recovered["bars"]] == [4, 0]
    # the second group starts below the first, bars never overlap, and the drawing is as tall as its bars
    assert recovered["bars"][0]["y"] >= texted["bars"][1]["y"] + SMALL_BAR
    assert chart["height"] == recovered["bars"][1]["y"] + SMALL_BAR
    assert [s["name"] for s in chart["legend"]] == ["A", "B"]


def test_an_empty_chart_has_no_zero_division():
    chart = grouped_bars(stages=["Texted"], series=[("A", [0])])

    assert chart["groups"][0]["bars"][0]["width"] == 1.5
