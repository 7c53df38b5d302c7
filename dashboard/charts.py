"""Geometry of the server-drawn SVG charts (no JavaScript chart library: CSP and page weight)."""

from dataclasses import dataclass

WIDTH = 1000
HEIGHT = 240
PAD_LEFT = 40
PAD_BOTTOM = 30
PAD_TOP = 10


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    label: str


def _nice_ceiling(value: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 4:
            return step * 4
    return value


def daily_bars_chart(*, series: list[dict]) -> dict:
    """Paired bars per day (texted, recovered) with a y axis of four gridlines."""
    top = _nice_ceiling(max([max(d["texted"], d["recovered"]) for d in series] + [1]))
    plot_w = WIDTH - PAD_LEFT
    plot_h = HEIGHT - PAD_BOTTOM - PAD_TOP
    slot = plot_w / max(len(series), 1)
    bar_w = max(min(slot * 0.36, 14), 1.5)
    label_every = max(len(series) // 6, 1)
    texted: list[Bar] = []
    recovered: list[Bar] = []
    labels: list[dict] = []
    for i, day in enumerate(series):
        x0 = PAD_LEFT + i * slot + (slot - 2 * bar_w) / 2
        for key, bars, x in (("texted", texted, x0), ("recovered", recovered, x0 + bar_w)):
            h = plot_h * day[key] / top
            bars.append(
                Bar(
                    round(x, 1),
                    round(PAD_TOP + plot_h - h, 1),
                    round(bar_w, 1),
                    round(h, 1),
                    day[key],
                    day["date"].strftime("%b %-d"),
                )
            )
        if i % label_every == 0:
            labels.append(
                {"x": round(PAD_LEFT + i * slot + slot / 2, 1), "text": day["date"].strftime("%b %-d")}
            )
    gridlines = [{"y": round(PAD_TOP + plot_h - plot_h * k / 4, 1), "value": top * k // 4} for k in range(5)]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "texted": texted,
        "recovered": recovered,
        "labels": labels,
        "label_y": HEIGHT - 6,
        "gridlines": gridlines,
        "plot_left": PAD_LEFT,
        "plot_right": WIDTH,
        "total_texted": sum(d["texted"] for d in series),
        "total_recovered": sum(d["recovered"] for d in series),
    }


def funnel_rows(*, summary: dict) -> list[dict]:
    """The funnel stages with each stage's share of abandoned carts (bar width) and of the previous stage."""
    stages = [
        ("carts", "Abandoned"),
        ("texted", "Texted"),
        ("delivered", "Delivered"),
        ("clicked", "Clicked"),
        ("replied", "Replied"),
        ("recovered", "Recovered"),
    ]
    base = summary["carts"] or 0
    rows = []
    for key, label in stages:
        value = summary[key] or 0
        rows.append(
            {
                "key": key,
                "label": label,
                "value": value,
                "percent": round(100 * value / base) if base else 0,
                "width": f"{(100 * value / base) if base else 0:.1f}",
            }
        )
    return rows


# --- Small grouped bars: a step's funnel per variant, a rule's answers and orders -------------------------

SMALL_WIDTH = 420
SMALL_LABEL = 122  # the stage (or rule) names on the left, cut to 12 characters
SMALL_VALUE = 44  # room for the figure after the longest bar
SMALL_BAR = 12
SMALL_GAP = 3
SMALL_GROUP_GAP = 12


def grouped_bars(*, stages: list[str], series: list[tuple[str, list[int]]]) -> dict:
    """Horizontal bars, one group per stage and one bar per series in it, on one scale.

    `series` is [(name, [value per stage])]: e.g. stages Texted/Clicked/Replied/Recovered and a series per
    variant. Bars keep a hairline width at zero so a zero reads as zero, not as a missing bar.
    """
    top = max([v for _, values in series for v in values] + [1])
    plot_w = SMALL_WIDTH - SMALL_LABEL - SMALL_VALUE
    group_h = len(series) * (SMALL_BAR + SMALL_GAP) - SMALL_GAP
    groups, y = [], 0.0
    for index, stage in enumerate(stages):
        bars = []
        for position, (name, values) in enumerate(series):
            value = values[index]
            width = max(plot_w * value / top, 1.5)
            bar_y = y + position * (SMALL_BAR + SMALL_GAP)
            bars.append(
                {
                    "series": name,
                    "tone": position % 4,
                    "x": SMALL_LABEL,
                    "y": round(bar_y, 1),
                    "width": round(width, 1),
                    "height": SMALL_BAR,
                    "value": value,
                    "value_x": round(SMALL_LABEL + width + 6, 1),
                    "text_y": round(bar_y + SMALL_BAR / 2, 1),
                }
            )
        groups.append({"label": stage, "label_y": round(y + group_h / 2, 1), "bars": bars})
        y += group_h + SMALL_GROUP_GAP
    return {
        "width": SMALL_WIDTH,
        "height": round(max(y - SMALL_GROUP_GAP, 1), 1),
        "label_x": SMALL_LABEL - 8,
        "groups": groups,
        "legend": [{"name": name, "tone": i % 4} for i, (name, _) in enumerate(series)],
    }
