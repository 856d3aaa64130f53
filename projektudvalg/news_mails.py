"""Mails about the cooperation on municipal news, sent after the commit.

Whatever a forum does (a proposal, a comment, its answer to an offer) goes to the
municipality's editors: the committee's function mailbox (Committee.function_mailbox),
or, without one, the committee staff's own addresses. Whatever staff do (an offer, a
decision on a proposal, a comment) goes to the forum's editors. The mails hold no
personal data beyond the item; a refused address is logged without it (holbaek.mail).
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from holbaek import mail, roles
from holbaek.links import absolute_url
from projektudvalg.models import Committee, ShareDirection, ShareState

SIGNATURE = "\n\n-- \nHolbæk Kommunes lokalportal"


def on_commit(send, **kwargs) -> None:
    transaction.on_commit(lambda: send(**kwargs))


def municipality_addresses() -> list[str]:
    committee = Committee.objects.current()
    if committee is not None and committee.function_mailbox:
        return [committee.function_mailbox]
    staff = get_user_model().objects.filter(is_active=True, groups__name=roles.COMMITTEE_STAFF)
    return sorted(set(staff.exclude(email="").values_list("email", flat=True)))


def forum_addresses(forum) -> list[str]:
    editors = forum.editors.filter(user__is_active=True).exclude(user__email="")
    return sorted(set(editors.values_list("user__email", flat=True)))


def _thread_link(share) -> str:
    return absolute_url(
        reverse(
            "projektudvalg:news-forum-thread",
            kwargs={"slug": share.forum.area.slug, "pk": share.pk},
        )
    )


def _staff_link(share) -> str:
    return absolute_url(reverse("projektudvalg:news-staff-edit", kwargs={"pk": share.news_id}))


def _send(to, subject, body, params) -> None:
    if not to:
        return
    message = mail.compose(
        to=to,
        language=mail.STAFF_LANGUAGE,
        subject=subject,
        subject_params=params,
        body=lambda: str(body) + SIGNATURE,
        body_params=params,
    )
    mail.send_each([message])


def proposal_received(*, share) -> None:
    params = {"forum": share.forum.name, "title": share.news.title, "link": _staff_link(share)}
    _send(
        municipality_addresses(),
        _("Nyt forslag til en nyhed fra %(forum)s"),
        _("%(forum)s foreslår nyheden »%(title)s«.\n\nLæs og behandl den her:\n%(link)s"),
        params,
    )


def proposal_decided(*, share) -> None:
    item = share.news
    params = {"title": item.title, "link": _thread_link(share), "reason": item.rejection_reason}
    if share.state == ShareState.ACCEPTED:
        body = _("Kommunen har godkendt jeres forslag »%(title)s«.\n\n%(link)s")
    else:
        body = _(
            "Kommunen har afvist jeres forslag »%(title)s«.\n\nBegrundelse: %(reason)s\n\n%(link)s"
        )
    _send(forum_addresses(share.forum), _("Svar på jeres forslag: %(title)s"), body, params)


def offer_made(*, share) -> None:
    params = {"title": share.news.title, "link": _thread_link(share)}
    _send(
        forum_addresses(share.forum),
        _("Kommunen tilbyder jer en nyhed: %(title)s"),
        _(
            "Kommunen tilbyder jeres lokalforum nyheden »%(title)s«. I kan tage den med i "
            "jeres egne nyheder eller springe den over:\n\n%(link)s"
        ),
        params,
    )


def offer_decided(*, share) -> None:
    params = {"forum": share.forum.name, "title": share.news.title, "link": _staff_link(share)}
    if share.state == ShareState.ACCEPTED:
        body = _("%(forum)s har taget nyheden »%(title)s« med i sine nyheder.\n\n%(link)s")
    else:
        body = _("%(forum)s har sprunget nyheden »%(title)s« over.\n\n%(link)s")
    _send(municipality_addresses(), _("%(forum)s har svaret på et tilbud"), body, params)


def comment_posted(*, comment, to_forum: bool) -> None:
    share = comment.share
    params = {"forum": share.forum.name, "title": share.news.title, "text": comment.text}
    if to_forum:
        to, params["link"] = forum_addresses(share.forum), _thread_link(share)
    else:
        to, params["link"] = municipality_addresses(), _staff_link(share)
    kind = _("forslag") if share.direction == ShareDirection.PROPOSED else _("tilbud")
    params["kind"] = kind
    _send(
        to,
        _("Ny kommentar om »%(title)s«"),
        _("Ny kommentar om %(kind)s »%(title)s« (%(forum)s):\n\n%(text)s\n\n%(link)s"),
        params,
    )
