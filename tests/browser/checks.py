"""What every page must pass: axe-core's WCAG 2.1 A/AA rules and our own structure rules.

Set BROWSER_SCREENSHOTS=<directory> to save a full-page screenshot of every checked page.
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}

# Accessible name of a form control, as far as a screen reader gets it from the markup.
UNLABELLED_CONTROLS_JS = """
() => {
  const text = (el) => (el ? el.textContent.trim() : "");
  const isVisible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)
    && getComputedStyle(el).visibility !== "hidden";
  const skipTypes = new Set(["hidden", "submit", "button", "reset", "image"]);
  const problems = [];
  for (const el of document.querySelectorAll("input, select, textarea")) {
    if (skipTypes.has(el.type) || !isVisible(el)) continue;
    const byLabel = Array.from(el.labels || []).map(text).join(" ");
    const byLabelledBy = (el.getAttribute("aria-labelledby") || "").split(/\\s+/)
      .map((id) => text(document.getElementById(id))).join(" ");
    const name = [byLabel, byLabelledBy, el.getAttribute("aria-label") || "", el.title || ""]
      .join(" ").trim();
    if (!name) problems.push(el.outerHTML.slice(0, 200));
  }
  return problems;
}
"""


def run_axe(page, axe_source):
    """axe-core's violations for the WCAG 2.0/2.1 A and AA rules."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Evaluated through the DevTools protocol: the page's CSP does not apply.
        page.evaluate(axe_source)
    return page.evaluate(
        """(tags) => axe.run(document, {
              runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
            }).then((results) => results.violations.map((v) => ({
              id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
              nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
            })))""",
        WCAG_TAGS,
    )


def format_violations(url, violations):
    lines = [f"axe-core found {len(violations)} WCAG 2.1 A/AA violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"][:10]:
            lines.append(f"    at {node['target']}")
            summary = (node["summary"] or "").replace("\n", " ")
            if summary:
                lines.append(f"       {summary[:300]}")
    return "\n".join(lines)


def save_screenshot(page):
    directory = os.environ.get("BROWSER_SCREENSHOTS")
    if not directory:
        return
    parts = urlsplit(page.url)
    name = re.sub(r"[^a-z0-9]+", "-", f"{parts.path}-{parts.query}".lower()).strip("-") or "forside"
    width = page.viewport_size["width"] if page.viewport_size else 0
    Path(directory).mkdir(parents=True, exist_ok=True)
    page.screenshot(path=Path(directory) / f"{name[:80]}-{width}.png", full_page=True)


def assert_accessible(page, axe_source):
    """No axe violations, one h1, labelled controls, landmarks, no CSP blocks or script errors."""
    url = page.url
    problems = []
    save_screenshot(page)

    violations = run_axe(page, axe_source)
    if violations:
        problems.append(format_violations(url, violations))

    h1_count = page.locator("h1").count()
    if h1_count != 1:
        problems.append(f"{url} has {h1_count} <h1> elements; every page needs exactly one.")

    unlabelled = page.evaluate(UNLABELLED_CONTROLS_JS)
    if unlabelled:
        problems.append(
            f"{url} has visible form controls without a label:\n  " + "\n  ".join(unlabelled)
        )

    lang = page.locator("html").get_attribute("lang")
    if lang != "da":
        problems.append(f'{url}: <html lang="{lang}">, expected "da".')

    for selector in ("header", "nav[aria-label]", "main#main-content", "footer"):
        if page.locator(selector).count() < 1:
            problems.append(f"{url} has no {selector} landmark.")

    skip_link = page.locator("a.skipnav").first
    if skip_link.count() == 0 or skip_link.get_attribute("href") != "#main-content":
        problems.append(f"{url} has no skip link to #main-content.")

    blocked = page.evaluate("() => window.__cspViolations || []")
    if blocked:
        problems.append(f"{url}: the Content-Security-Policy blocked:\n  " + "\n  ".join(blocked))

    errors = page.evaluate("() => window.__jsErrors || []")
    if errors:
        problems.append(f"{url}: JavaScript errors:\n  " + "\n  ".join(errors))

    assert not problems, "\n\n".join(problems)
