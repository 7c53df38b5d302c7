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
    texted, recovered, labels = [], [], []
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
