"""Markdown that volunteers write, turned into HTML that is safe to show.

markdown-it-py parses CommonMark with raw HTML switched off, headings are moved
below the page's own h1, and nh3 (the Ammonia sanitiser) keeps only a short list
of tags and the web and mail link schemes, whatever the parser lets through.
"""

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote",
    "h2", "h3", "h4", "code", "pre", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}

_parser = MarkdownIt("commonmark", {"html": False, "typographer": False}).disable("image")


def _demote_headings(tokens, top_level: int) -> None:
    """The text's largest heading becomes an h2, so the page keeps its single h1.

    "# Overskrift" and "## Overskrift" alike start at h2; levels below follow, down to h4.
    """
    headings = [t for t in tokens if t.type in ("heading_open", "heading_close")]
    if not headings:
        return
    shift = top_level - min(int(t.tag[1]) for t in headings)
    for token in headings:
        token.tag = f"h{min(int(token.tag[1]) + shift, 4)}"


def _drop_empty_headings(tokens):
    """A lone "#" would become an empty heading, which screen readers announce as nothing."""
    kept, skip = [], 0
    for index, token in enumerate(tokens):
        if skip:
            skip -= 1
            continue
        if token.type == "heading_open" and not tokens[index + 1].content.strip():
            skip = 2  # the inline content and heading_close
            continue
        kept.append(token)
    return kept


def render_markdown(text: str, *, top_level: int = 2) -> SafeString:
    """Sanitised HTML for Markdown text. Images are not allowed inline: a post has one image."""
    tokens = _drop_empty_headings(_parser.parse(text or ""))
    _demote_headings(tokens, top_level)
    html = _parser.renderer.render(tokens, _parser.options, {})
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above
