"""Template filters of the municipal news editors' pages, for templates of other apps
(a forum's news page links to its cooperation with the municipality)."""

from django import template

from projektudvalg.permissions import can_propose_news

register = template.Library()


@register.filter
def may_propose_news(user, forum) -> bool:
    return can_propose_news(user, forum)
