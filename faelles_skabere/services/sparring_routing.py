"""Who gets a confirmed sparring request, and why (the reason is shown on the request).

1. The area's fixed fælles-skaber, or their stand-in while one is set.
2. Across areas, or area unknown (or an area with nobody assigned): the
   fælles-skaber whose fagområder cover the topic; with several, the one with
   the fewest open requests, then by title.
3. Otherwise the coordinator.
4. With no coordinator set, nobody: the request waits in "Alle åbne".
"""

import datetime
from dataclasses import dataclass

from faelles_skabere.models import CoCreator, RequestTopic
from faelles_skabere.selectors.assignments import responsible_for, stand_in_for
from faelles_skabere.selectors.sparring import expert_for_topic


@dataclass(frozen=True)
class Route:
    co_creator: CoCreator | None
    reason: str


def sparring_request_route(*, area, topic: str, on: datetime.date) -> Route:
    """Who gets a request about `topic` in `area` (None: across areas) confirmed on the day."""
    topic_label = RequestTopic(topic).label
    if area is not None:
        responsible = responsible_for(area, on)
        if responsible is not None:
            return _area_route(area, responsible)
        prefix = (
            f"{area.name} har ingen fast fælles-skaber lige nu, så anmodningen behandles "
            "som en på tværs af områder. "
        )
    else:
        prefix = "Anmodningen går på tværs af områder, eller området er ikke kendt. "

    expert = expert_for_topic(topic)
    if expert is not None:
        co_creator, field = expert
        stand_in = stand_in_for(co_creator, on)
        text = (
            f"{prefix}{co_creator.display_name} har fagområdet {field.name}, "
            f"som dækker emnet »{topic_label}«."
        )
        if stand_in is not None:
            text += (
                f" {co_creator.display_name} er væk, så {stand_in.display_name} er stedfortræder."
            )
            co_creator = stand_in
        return Route(co_creator, f"Sendt til {co_creator.display_name}, fordi: {text}")

    coordinator = CoCreator.objects.filter(is_coordinator=True).first()
    if coordinator is not None:
        return Route(
            coordinator,
            f"Sendt til {coordinator.display_name}, fordi: {prefix}Ingen fagområder dækker "
            f"emnet »{topic_label}«, så koordinatoren tager den.",
        )
    return Route(
        None,
        f"Ikke sendt til en bestemt person, fordi: {prefix}Ingen fagområder dækker emnet "
        f"»{topic_label}«, og der er ikke valgt en koordinator. Den ligger under »Alle åbne«.",
    )


def _area_route(area, responsible) -> Route:
    name = responsible.co_creator.display_name
    if responsible.covering_for is not None:
        away = responsible.covering_for.display_name
        return Route(
            responsible.co_creator,
            f"Sendt til {name}, fordi {away}, der er fast fælles-skaber for {area.name}, "
            f"er væk, og {name} er stedfortræder imens.",
        )
    return Route(
        responsible.co_creator,
        f"Sendt til {name}, fordi {name} er fast fælles-skaber for {area.name}.",
    )
