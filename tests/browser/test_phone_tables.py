"""Items 18f-h on a 390 px phone: amounts stay on one line, a wide table scrolls sideways
in a keyboard-focusable wrapper so its amount column can always be reached, and the grant
chart's text is as large as the page's own."""

import os

import pytest
from django.utils import timezone

from tests.browser.checks import MOBILE, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LINES_OF = """(el) => {
  const range = document.createRange();
  range.selectNodeContents(el);
  const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
  return tops.size;
}"""
SCROLLER_OF = """(el) => {
  const box = el.closest(".table--responsive-scroll");
  if (!box) return null;
  return {overflow: getComputedStyle(box).overflowX, tabindex: box.getAttribute("tabindex"),
          role: box.getAttribute("role"), name: box.getAttribute("aria-label"),
          right: box.getBoundingClientRect().right};
}"""


def screenshot(page, name, *parts):
    # For looking at by hand (BROWSER_SCREENSHOTS=dir); never committed.
    directory = os.environ.get("BROWSER_SCREENSHOTS")
    if directory:
        page.screenshot(path=f"{directory}/{name}.png", full_page=True)
        for index, part in enumerate(parts):
            part.screenshot(path=f"{directory}/{name}-{index}.png")


def assert_amount_reachable_on_one_line(page, cell):
    text = cell.inner_text()
    assert "kr." in text or text == "–", text
    assert cell.evaluate(LINES_OF) == 1, f"{text!r} wraps"
    scroller = cell.evaluate(SCROLLER_OF)
    assert scroller is not None, "a wide table outside the scrolling wrapper"
    assert scroller["overflow"] == "auto"
    assert (scroller["tabindex"], scroller["role"]) == ("0", "region")
    assert scroller["name"]
    assert scroller["right"] <= MOBILE["width"]  # the wrapper fits; its content scrolls
    cell.scroll_into_view_if_needed()
    box = cell.bounding_box()
    assert box["x"] >= 0, box
    assert box["x"] + box["width"] <= MOBILE["width"], box


def test_the_grant_year_on_a_phone(new_context, demo_data, axe_source):
    year = timezone.localdate().year - 1  # the demo's approved year
    page = new_context(viewport=MOBILE).new_page()
    page.goto(f"/tilskud/{year}/")
    table = page.locator("table", has=page.locator("caption", has_text="befolkningstal"))
    amounts = table.locator("tbody tr td:last-child")
    assert amounts.count() == 18
    for index in (0, 17):
        assert_amount_reachable_on_one_line(page, amounts.nth(index))
    # The wrapper scrolls by keyboard.
    wrapper = table.locator("xpath=..")
    wrapper.evaluate("(el) => { el.scrollLeft = 0; }")
    wrapper.focus()
    for _ in range(10):
        page.keyboard.press("ArrowRight")
    assert wrapper.evaluate("(el) => el.scrollLeft") > 0

    # The chart: its labels and values are drawn at the page's own text size, within the screen.
    chart = page.locator("figure.bar-chart svg")
    labels = chart.locator("text.bar-chart-label")
    assert labels.count() == 18
    for text in [labels.nth(0), chart.locator("text.bar-chart-value").nth(0)]:
        box = text.bounding_box()
        assert box["height"] >= 14, box  # about 15 px text, not 8 px
        assert box["x"] >= 0, box
        assert box["x"] + box["width"] <= MOBILE["width"], box
    screenshot(page, "tilskud-year-390", page.locator("figure.bar-chart"), wrapper)
    assert_accessible(page, axe_source)


@pytest.mark.parametrize("path", ["/tilskud/", "/puljer/rum-til-faellesskab/"])
def test_other_amount_tables_on_a_phone(new_context, demo_data, axe_source, path):
    page = new_context(viewport=MOBILE).new_page()
    page.goto(path)
    cells = page.locator("main table tbody td:last-child")
    assert cells.count() > 0
    assert_amount_reachable_on_one_line(page, cells.first)
    screenshot(page, path.strip("/").replace("/", "-") or "front")
    assert_accessible(page, axe_source)
