"""`{% memo "name" key … %}…{% endmemo %}`: a part of the page rendered once per process.

For the parts every page repeats and that depend only on the code and on the keys given
(the header around the sign-in links, the main menu with its current item, the footer
around the language switch, the list of the 18 areas): rendering them is most of the
cost of a small page (the 404 page spent three quarters of its time there). What is
inside must depend on nothing but the keys: never on the user, the request or the
content unless that is a key. The areas list, say, is keyed on the areas' own values,
so an edited area is a new key at once, with no invalidation to forget.

Kept in a holbaek.memo.ProcessMemo: per process and bounded, so nothing needs
invalidating when the code changes (a deploy restarts the processes). Off under DEBUG
(templates change while runserver runs).
"""

import hashlib

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from holbaek.memo import ProcessMemo

register = template.Library()

MEMO = ProcessMemo(max_entries=512)


@register.tag("memo")
def memo(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% memo %} needs a name and optionally keys.")
    nodelist = parser.parse(("endmemo",))
    parser.delete_first_token()
    return MemoNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


class MemoNode(template.Node):
    def __init__(self, nodelist, keys):
        self.nodelist = nodelist
        self.keys = keys

    def render(self, context):
        if settings.DEBUG:
            return self.nodelist.render(context)
        key = (self.origin.name, *(str(part.resolve(context)) for part in self.keys))
        # the engine's own output, escaped there
        return MEMO.get_or_make(key, lambda: mark_safe(self.nodelist.render(context)))  # noqa: S308


@register.filter
def fingerprint(objects, fields: str) -> str:
    """`areas|fingerprint:"pk,slug,name"`: a key that changes when any of those values of
    any of the objects changes (or one is added or removed), for a memo of a list."""
    names = fields.split(",")
    values = repr([tuple(getattr(item, name) for name in names) for item in objects])
    return hashlib.blake2b(values.encode(), digest_size=16).hexdigest()
