"""Markdown from volunteers becomes HTML that cannot carry script."""

import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from holbaek.markdown import render_markdown
from holbaek.validators import HTML_TAG


def test_formatting_links_and_lists_are_kept():
    html = render_markdown(
        "Vi mødes **tirsdag**.\n\n- kaffe\n- kage\n\n[Læs mere](https://holbaek.dk)"
    )
    assert "<strong>tirsdag</strong>" in html
    assert "<li>kaffe</li>" in html
    assert '<a href="https://holbaek.dk" rel="nofollow noopener noreferrer">Læs mere</a>' in html


def test_headings_stay_below_the_pages_h1():
    html = render_markdown("# Stor\n\n## Mindre\n\n###### Mindst")
    assert "<h1" not in html
    assert "<h2>Stor</h2>" in html
    assert "<h3>Mindre</h3>" in html
    assert "<h4>Mindst</h4>" in html


def test_raw_html_and_script_links_are_not_rendered():
    html = render_markdown(
        "<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) "
        "[y](data:text/html,hej)"
    )
    assert "<script" not in html
    assert "<img" not in html
    assert 'href="javascript' not in html
    assert 'href="data' not in html


SAFE_TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "h2", "h3", "h4",
             "code", "pre", "hr"}  # fmt: skip
DANGEROUS_SCHEME = re.compile(r"^\s*(javascript|vbscript|data):", re.I)
PIECES = st.sampled_from([
    "<script>", "</script>", "<img src=x onerror=alert(1)>", "javascript:", "[a](", ")", "](",
    "<", ">", '"', "'", "`", "**", "# ", "\n", "- ", "<a href='javascript:x'>", "onload=",
    "&lt;script&gt;", "<!--", "-->", "<svg/onload=alert(1)>", "[l]: javascript:alert(1)\n", "[l]",
])  # fmt: skip


class Elements(HTMLParser):
    """Collects every element and attribute the browser would see."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


@given(st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=30).map("".join))
def test_no_input_produces_markup_that_runs_script(text):
    parser = Elements()
    parser.feed(str(render_markdown(text)))
    # Text such as "<script>" may stay as escaped text, but never as an element or a link.
    for tag, attrs in parser.found:
        assert tag in SAFE_TAGS, (text, tag)
        assert not [name for name in attrs if name.startswith("on")], (text, attrs)
        assert not DANGEROUS_SCHEME.search(attrs.get("href") or ""), (text, attrs)


def test_the_plain_text_validator_tells_tags_from_comparisons():
    assert HTML_TAG.search("<b>fed</b>")
    assert HTML_TAG.search("<script src=x>")
    assert HTML_TAG.search("<!-- skjult -->")
    assert not HTML_TAG.search("børn < 12 år og voksne > 18 år")
    assert not HTML_TAG.search("3<4")
