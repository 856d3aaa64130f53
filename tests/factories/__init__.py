"""The one place that builds test data: people, and factory_boy factories for the rows
the tests need most. Areas, forums, pools and the fælles-skabere come from the reference
data (the `reference_data` fixture); a factory takes them as arguments, defaulting to
Tølløse and Rum til fællesskab.

    NewsPostFactory(forum=area.forum, title="Ny bænk ved søen")
    SubscriptionFactory(area=area, email="borger@example.org", unconfirmed=True)
"""

from tests.factories.committee import (
    AgendaItemFactory,
    CommitteeFactory,
    CommitteeMemberFactory,
    MeetingFactory,
    SpecialEffortFactory,
)
from tests.factories.faelles_skabere import (
    AreaAssignmentFactory,
    CoCreatorFactory,
    SparringRequestFactory,
    make_confirmed_sparring_request,
)
from tests.factories.lokalfora import (
    ContactPersonFactory,
    CooperationAgreementFactory,
    EventFactory,
    NewsPostFactory,
    SubscriptionFactory,
)
from tests.factories.projektudvalg import COMMUNITY_VALUES, RoundFactory, complete
from tests.factories.users import (
    give_mfa,
    login,
    make_process_consultant,
    make_staff_admin,
    make_user,
)

__all__ = [
    "COMMUNITY_VALUES",
    "AgendaItemFactory",
    "AreaAssignmentFactory",
    "CoCreatorFactory",
    "CommitteeFactory",
    "CommitteeMemberFactory",
    "ContactPersonFactory",
    "CooperationAgreementFactory",
    "EventFactory",
    "MeetingFactory",
    "NewsPostFactory",
    "RoundFactory",
    "SparringRequestFactory",
    "SpecialEffortFactory",
    "SubscriptionFactory",
    "complete",
    "give_mfa",
    "login",
    "make_confirmed_sparring_request",
    "make_process_consultant",
    "make_staff_admin",
    "make_user",
]
