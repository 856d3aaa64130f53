"""Bar charts drawn on the server as SVG, always shown with the same numbers as a table.

`bar_chart(rows)` turns (label, value) pairs into the geometry the template
`includes/bar_chart.html` draws: horizontal bars scaled to the largest value.
No JavaScript, nothing from other servers; the SVG is a picture with a title
and a description, and the table beside it carries the data for everyone.
"""

from dataclasses import dataclass
from decimal import Decimal

LABEL_WIDTH = 180
BAR_AREA = 360
ROW_HEIGHT = 28
BAR_HEIGHT = 18


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | Decimal
    y: int
    width: int
    text_x: int


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: int
    height: int
    label_width: int
    bar_height: int


def bar_chart(rows) -> Chart:
    rows = list(rows)
    largest = max((value for _label, value in rows), default=0) or 1
    bars = []
    for index, (label, value) in enumerate(rows):
        width = round(BAR_AREA * value / largest) if value else 0
        bars.append(
            Bar(
                label=str(label),
                value=value,
                y=index * ROW_HEIGHT,
                width=width,
                text_x=LABEL_WIDTH + width + 6,
            )
        )
    return Chart(
        bars=bars,
        width=LABEL_WIDTH + BAR_AREA + 80,
        height=max(len(bars), 1) * ROW_HEIGHT,
        label_width=LABEL_WIDTH,
        bar_height=BAR_HEIGHT,
    )
