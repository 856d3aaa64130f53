"""Template filters shared by every app, loaded as builtins."""

import datetime
import html
import re

from django import template
from django.utils import timezone
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from holbaek import text
from holbaek.markdown import render_markdown

register = template.Library()


@register.filter
def number(value, decimal_places=0):
    """A number with grouping: 27000 -> "27.000", 3.45 -> "3,45" (holbaek.text.number)."""
    return text.number(value, decimal_places)


@register.filter
def kr(value, decimal_places=None):
    """An amount in kroner: 29988 -> "29.988 kr." with a no-break space (holbaek.text.kroner);
    `kr:0` rounds to whole kroner on purpose, e.g. in charts."""
    return text.kroner(value, decimal_places)


@register.filter
def iso_datetime(value):
    """A moment for `<time datetime>`: "2026-03-04T19:00:00+01:00".

    Seconds precision in Danish time with its offset. `|date:'c'` gives six
    fractional-second digits, which the HTML standard does not allow there.
    A date stays a date ("2026-03-04"); anything else gives "".
    """
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""


@register.filter
def elided_pages(page):
    """The page numbers to link to: two either side of `page`, the first and the last,
    and Paginator.ELLIPSIS between; a bounded list however many pages there are."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)


@register.filter
def meta_description(value, length=160):
    """Text for `<meta name="description">`: no markup, one line, at most `length` characters.

    The result is plain text, so the template escapes it into the attribute.
    """
    text = " ".join(strip_tags(str(value or "")).split())
    return Truncator(text).chars(int(length))


@register.filter
def markdown(value):
    """Markdown written by volunteers, as sanitised HTML (see holbaek/markdown.py)."""
    return render_markdown(value)


@register.filter(is_safe=True)
def one_full_stop(value):
    """A sentence ending in an amount ("... {{ amount }}.") gets one full stop, not "kr..":
    `{% blocktranslate with amount=x|kr asvar sentence %}…{{ amount }}.{% endblocktranslate %}
    {{ sentence|one_full_stop }}`. Applied where the sentence is whole, so every language's
    own wording (English "DKK 60,000.") stays as it is."""
    return text.one_full_stop(str(value))


CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.S)


@register.tag("scrolling_table")
def scrolling_table(parser, token):
    """`{% scrolling_table %}<table>…</table>{% endscrolling_table %}`: every wide table in
    the one wrapper that scrolls sideways on a phone (DKFDS `table--responsive-scroll`), so no
    column is cut off at 390 px. The wrapper takes keyboard focus, so it can be scrolled
    without a mouse, and is a region named after the table's caption."""
    nodelist = parser.parse(("endscrolling_table",))
    parser.delete_first_token()
    return ScrollingTableNode(nodelist)


class ScrollingTableNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        table = self.nodelist.render(context)
        caption = CAPTION.search(table)
        name = strip_tags(caption[1]).strip() if caption else ""
        return format_html(
            '<div class="table--responsive-scroll" tabindex="0" role="region" aria-label="{}">'
            "{}</div>",
            " ".join(html.unescape(name).split()) or _("Tabel"),
            mark_safe(table),  # noqa: S308 -- rendered by the template engine, escaped there
        )
