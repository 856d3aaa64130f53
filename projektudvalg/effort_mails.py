"""Mails about the special efforts' working groups: the answer to "Jeg vil være med".
A failing mail server is logged (without the address), never raised."""

import logging
import smtplib

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from holbaek import mail
from holbaek.links import absolute_url
from holbaek.logfilters import log_send_failure

logger = logging.getLogger(__name__)

SIGNATURE = "\n\nVenlig hilsen\nHolbæk Kommune, Projektudvalget for Udvikling af Lokalområderne"


def group_decision(*, email: str, group, accepted: bool) -> bool:
    """Tells the requester whether the group's contact accepted them."""
    values = {
        "group": group.name,
        "effort": group.effort.title,
        "link": absolute_url(group.effort.get_absolute_url()),
    }

    def body() -> str:
        if accepted:
            text = _(
                "Hej\n\nDu er nu med i arbejdsgruppen »%(group)s« under %(effort)s. "
                "Gruppens kontaktperson tager kontakt til dig.\n\n%(link)s"
            )
        else:
            text = _(
                "Hej\n\nArbejdsgruppen »%(group)s« under %(effort)s kan ikke tage imod dig "
                "lige nu. Din anmodning er slettet. Du er velkommen til at følge indsatsen "
                "og spørge igen senere.\n\n%(link)s"
            )
        return text % values + SIGNATURE

    message = mail.compose(
        to=[email],
        subject=gettext_lazy("Din anmodning om at være med i %(group)s"),
        subject_params=values,
        body=body,
    )
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        log_send_failure(logger, error, "Svar på en anmodning om at være med blev ikke sendt")
        return False
    return True
