"""Bar charts drawn on the server as SVG, always shown with the same numbers as a table.

`bar_chart(rows)` turns (label, value) pairs into the geometry the template
`includes/bar_chart.html` draws: one row per pair, the label on its own line above a
horizontal bar scaled to the largest value, the value just after the bar.
No JavaScript, nothing from other servers; the SVG is a picture with a title
and a description, and the table beside it carries the data for everyone.

Readable on a phone: the drawing is as wide as a phone's screen (360 units) and is never
drawn wider than that (CSS `max-width`), so its text is 15 px on a 390 px phone and on a
desktop alike, instead of shrinking with a wide `viewBox`. Labels above the bars get the
whole width, so long area names are not cut short.
"""

from dataclasses import dataclass
from decimal import Decimal

WIDTH = 360
VALUE_ROOM = 84  # room after the longest bar for a value such as "1.234.567"
BAR_AREA = WIDTH - VALUE_ROOM
ROW_HEIGHT = 42
LABEL_BASELINE = 15
BAR_TOP = 20
BAR_HEIGHT = 14


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | Decimal
    y: int  # the top of the row
    width: int
    text_x: int

    @property
    def label_y(self) -> int:
        return self.y + LABEL_BASELINE

    @property
    def bar_y(self) -> int:
        return self.y + BAR_TOP

    @property
    def value_y(self) -> int:
        return self.y + BAR_TOP + BAR_HEIGHT - 2


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: int
    height: int
    bar_height: int


def bar_chart(rows) -> Chart:
    rows = list(rows)
    largest = max((value for _label, value in rows), default=0) or 1
    bars = []
    for index, (label, value) in enumerate(rows):
        width = round(BAR_AREA * value / largest) if value else 0
        bars.append(
            Bar(label=str(label), value=value, y=index * ROW_HEIGHT, width=width, text_x=width + 6)
        )
    return Chart(
        bars=bars,
        width=WIDTH,
        height=max(len(bars), 1) * ROW_HEIGHT,
        bar_height=BAR_HEIGHT,
    )
