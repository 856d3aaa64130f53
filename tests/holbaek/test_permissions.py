"""Permission matrix over every protected page, and a guard that no page is forgotten."""

import ast
import pathlib
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from holbaek import permissions
from lokalfora import permissions as forum_permissions
from tests.factories import make_user
from tests.matrix import ROLE_NAMES

ROOT = pathlib.Path(__file__).resolve().parents[2]
OK, LOGIN, DENIED = 200, "login", 403
# The process consultant is a Fælles-skaber (by Group) who is no area's fixed one, and the
# staff admin an Administrator without superuser rights: each gets what its role gets.
ADMINS = dict.fromkeys(["admin", "staff_admin"], OK)
STAFF = dict.fromkeys(["co_creator", "process_consultant", "committee_staff"], OK) | ADMINS

# For each protected URL: what each role gets.
MATRIX = {
    "/konto/": dict.fromkeys(ROLE_NAMES, OK) | {"anonymous": LOGIN},
    "/konto/2fa/": dict.fromkeys(ROLE_NAMES, OK) | {"anonymous": LOGIN},
    "/konto/email/": dict.fromkeys(ROLE_NAMES, OK) | {"anonymous": LOGIN},
    "/admin/": dict.fromkeys(ROLE_NAMES, DENIED) | {"anonymous": LOGIN} | ADMINS,
    "/admin/lokalfora/contactperson/": dict.fromkeys(ROLE_NAMES, DENIED)
    | {"anonymous": LOGIN}
    | ADMINS,
    # Editing a forum: its own editors and administrators (the fixture's area is Tølløse).
    **{
        url: dict.fromkeys(ROLE_NAMES, DENIED) | {"anonymous": LOGIN, "editor_this": OK} | ADMINS
        for url in [
            "/lokalomraader/tollose/rediger/",
            "/lokalomraader/tollose/kontaktpersoner/",
            "/lokalomraader/tollose/kontaktpersoner/ny/",
            "/lokalomraader/tollose/arrangementer/ny/",
            "/lokalomraader/tollose/nyheder/",
            "/lokalomraader/tollose/nyheder/ny/",
        ]
    },
    # Editors of this forum and municipal staff invite editors.
    "/lokalomraader/tollose/redaktoerer/": dict.fromkeys(ROLE_NAMES, DENIED)
    | {"anonymous": LOGIN, "editor_this": OK}
    | STAFF,
    "/lokalomraader/overblik/": dict.fromkeys(ROLE_NAMES, DENIED) | {"anonymous": LOGIN} | STAFF,
    # The fælles-skabere's list of applications waiting for their advice.
    "/puljer/raadgivning/": dict.fromkeys(ROLE_NAMES, DENIED)
    | {"anonymous": LOGIN, "co_creator": OK, "process_consultant": OK},
    # Who changed what: municipal staff only.
    "/lokalomraader/tollose/historik/": dict.fromkeys(ROLE_NAMES, DENIED)
    | {"anonymous": LOGIN}
    | STAFF,
    # The hearings' staff pages: committee staff and administrators.
    **{
        url: dict.fromkeys(ROLE_NAMES, DENIED)
        | {"anonymous": LOGIN, "committee_staff": OK}
        | ADMINS
        for url in ["/hoeringer/styring/", "/hoeringer/styring/oversigt/", "/hoeringer/ny/"]
    },
    # [news MATRIX]
    #
    # [newsletter MATRIX]
    # Newsletters' staff pages: committee staff and administrators.
    **{
        url: dict.fromkeys(ROLE_NAMES, DENIED)
        | {"anonymous": LOGIN, "committee_staff": OK}
        | ADMINS
        for url in ["/nyhedsbreve/", "/nyhedsbreve/ny/"]
    },
    #
    # [follow MATRIX]
}

# Pages anyone may see; every other named URL of ours must be in MATRIX.
PUBLIC = {
    "holbaek:front-page",
    "holbaek:about",
    "holbaek:accessibility",
    "holbaek:language",  # the language switch: test_errors_and_language.py
    "lokalfora:area-list",
    "lokalfora:area-detail",
    "lokalfora:news-list",
    "lokalfora:search",
    "lokalfora:calendar",
    "lokalfora:calendar-day",
    "lokalfora:event-archive",
    "lokalfora:event-detail",
    "lokalfora:event-ical",
    "lokalfora:feed-all-ical",
    "lokalfora:feed-area-ical",
    "lokalfora:feed-news-rss",
    "lokalfora:invitation",  # protected by its signed token: see test_invitations.py
    "lokalfora:feed-news-atom",
    "lokalfora:feed-area-rss",
    "lokalfora:feed-area-atom",
    # Published posts are public; drafts and their pictures follow the matrix in test_news.py.
    "lokalfora:news-detail",
    "lokalfora:news-image",
    "lokalfora:follow",
    # Protected by their signed tokens: see test_following.py.
    "lokalfora:follow-confirm",
    "lokalfora:unsubscribe",
    "faelles_skabere:directory",
    "faelles_skabere:photo",
    "sparring:request",
    "tilskud:years",
    "tilskud:year",
    "tilskud:year-csv",
    "tilskud:year-json",
    # Protected by their signed tokens: see tests/faelles_skabere/test_requests.py.
    "sparring:confirm",
    "sparring:thread",
    "sparring:delete",
    "sparring:thread-attachment",
    "projektudvalg:pool-list",
    "projektudvalg:pool-detail",
    "projektudvalg:granted",
    # The printable agenda and minutes: public by the publication rules (404 before).
    "projektudvalg:meeting-print",
    # Special efforts (tests/projektudvalg/test_effort_public_pages.py, test_working_groups.py)
    "projektudvalg:effort-list",
    "projektudvalg:effort-detail",
    "projektudvalg:effort-follow",
    # The committee's public record (committee-public).
    "projektudvalg:committee",
    "projektudvalg:committee-period",
    "projektudvalg:meeting-list",
    "projektudvalg:meeting-detail",
    "projektudvalg:meeting-ical",
    "projektudvalg:decision-list",
    "projektudvalg:area-decisions",
    # Answering a hearing (tests/lokalfora/test_hearing_answering.py): the public's form
    # (404 unless the hearing is public, 403 for a POST to a hearing only for the forums),
    # the receipt of the answer this session sent, and the withdraw link from the receipt
    # mail (its random key is the authorisation).
    "lokalfora:hearing-answer",
    "lokalfora:hearing-receipt",
    "lokalfora:hearing-withdraw",
    # Hearings, the public side (tests/lokalfora/test_hearing_public.py): a draft hearing, and
    # an answer the public may not see (held, sensitive, hidden, withdrawn, before its time),
    # are 404 for all but staff; attachments and documents follow their answer and hearing.
    "lokalfora:hearing-list",
    "lokalfora:hearing-detail",
    "lokalfora:hearing-response",
    "lokalfora:hearing-attachment",
    "lokalfora:hearing-document",
    "lokalfora:hearing-note",
    "lokalfora:area-hearings",
    # [news PUBLIC]
    # The municipality's news. An item not yet public (a draft, a proposal, a scheduled one)
    # is 404 but for its editors (can_see_municipal_news; tests/projektudvalg/
    # test_news_public.py::test_a_draft_is_for_its_editors_only, over every role).
    "projektudvalg:municipal-news-list",
    "projektudvalg:municipal-news-detail",
    "projektudvalg:municipal-news-easy-read",
    "projektudvalg:municipal-news-image",
    "projektudvalg:area-screen",  # no login, no cookie: tests/projektudvalg/test_news_screen.py
    "projektudvalg:area-screen-json",
    #
    # [newsletter PUBLIC]
    # Protected by its signed token: see tests/projektudvalg/test_newsletter_sending.py.
    "projektudvalg:newsletter-unsubscribe",
    #
    # [follow PUBLIC]
    # Protected by its signed token: see tests/lokalfora/test_follow_preferences.py.
    "lokalfora:follow-preferences",
    #
    # [survey results]
    # The archive (drafts and proposals never in it: tests/projektudvalg/test_survey_archive.py)
    # and a survey's published results (page, JSON, CSV) and results file: 404 before the
    # results are published (tests/projektudvalg/test_survey_result_pages.py).
    "projektudvalg:survey-list",
    "projektudvalg:survey-results",
    "projektudvalg:survey-results-json",
    "projektudvalg:survey-results-csv",
    "projektudvalg:survey-external-file",
    # [survey answer]
    # A survey's page, its answer pages and thanks: public once planned (can_see_survey; a
    # draft is 404 but for staff and the proposing forum's editors, tests/projektudvalg/
    # test_survey_answer_pages.py::test_a_draft_is_404_and_planned_and_closed_say_so); the
    # answer's ways are response_store's (tests/projektudvalg/test_survey_answer_flow.py).
    "projektudvalg:survey-detail",
    "projektudvalg:survey-answer",
    "projektudvalg:survey-answer-page",
    "projektudvalg:survey-thanks",
    # Protected by its personal token (only its SHA-256 is stored): tests/projektudvalg/
    # test_survey_answer_flow.py::test_the_invitation_link_puts_the_invitation_in_the_session.
    "projektudvalg:survey-invitation",
}
# Every protected page, and the test with the role matrix that covers it: "MATRIX" for the
# MATRIX above, otherwise "path::test" of a test parametrized over the roles that requests
# the page (checked below: the test exists, takes a role and names the page).
PROTECTED = {
    "holbaek:account": "MATRIX",
    "lokalfora:forum-edit": "MATRIX",
    "lokalfora:contact-list": "MATRIX",
    "lokalfora:contact-add": "MATRIX",
    "lokalfora:contact-edit": "tests/lokalfora/test_permission_matrix.py::test_contact_edit",
    "lokalfora:contact-remove": "tests/lokalfora/test_permission_matrix.py::test_contact_remove",
    "lokalfora:forum-history": "MATRIX",
    "lokalfora:event-add": "MATRIX",
    "lokalfora:event-edit": "tests/lokalfora/test_permission_matrix.py::test_event_edit",
    "lokalfora:overview": "MATRIX",
    "lokalfora:editor-list": "MATRIX",
    "lokalfora:editor-remove": "tests/lokalfora/test_permission_matrix.py::test_editor_remove",
    "lokalfora:contacts-confirm": (
        "tests/lokalfora/test_confirmation.py::test_only_the_forums_editors_may_confirm"
    ),
    "lokalfora:news-manage": "MATRIX",
    "lokalfora:news-add": "MATRIX",
    "lokalfora:news-edit": "tests/lokalfora/test_news.py::test_news_permission_matrix",
    "lokalfora:news-delete": "tests/lokalfora/test_news.py::test_news_permission_matrix",
    "faelles_skabere:assignments": (
        "tests/faelles_skabere/test_sparring_permissions.py::test_the_assignment_page"
    ),
    "sparring:inbox": (
        "tests/faelles_skabere/test_sparring_permissions.py::test_inbox_and_request_pages"
    ),
    "sparring:inbox-detail": (
        "tests/faelles_skabere/test_sparring_permissions.py::test_inbox_and_request_pages"
    ),
    "sparring:inbox-message": (
        "tests/faelles_skabere/test_sparring_permissions.py::test_only_fælles_skabere_and_admins_act"
    ),
    "sparring:inbox-status": "tests/faelles_skabere/test_permission_matrix.py::test_inbox_status",
    "sparring:inbox-transfer": (
        "tests/faelles_skabere/test_permission_matrix.py::test_inbox_transfer"
    ),
    "sparring:inbox-attachment": (
        "tests/faelles_skabere/test_permission_matrix.py::test_inbox_attachment"
    ),
    "sparring:overview": "tests/faelles_skabere/test_overview.py::test_who_sees_the_overview",
    "sparring:overview-csv": "tests/faelles_skabere/test_overview.py::test_who_sees_the_overview",
    "tilskud:population": "tests/lokalfora/test_population_import.py::test_who_may_import",
    "tilskud:scheme": "tests/lokalfora/test_grant_permissions.py::test_pages",
    "tilskud:scheme-new": "tests/lokalfora/test_grant_permissions.py::test_pages",
    "tilskud:approve": "tests/lokalfora/test_grant_permissions.py::test_approving",
    "tilskud:overview": "tests/lokalfora/test_grant_permissions.py::test_pages",
    "tilskud:area-status": "tests/lokalfora/test_grant_permissions.py::test_pages",
    "tilskud:agreement": (
        "tests/lokalfora/test_grant_permissions.py::test_registering_agreement_and_payment"
    ),
    "tilskud:payment": (
        "tests/lokalfora/test_grant_permissions.py::test_registering_agreement_and_payment"
    ),
    "tilskud:accounts": "tests/lokalfora/test_grant_permissions.py::test_submitting_accounts",
    "tilskud:review": (
        "tests/lokalfora/test_grant_permissions.py::test_reviewing_and_downloading_accounts"
    ),
    "tilskud:accounts-file": (
        "tests/lokalfora/test_grant_permissions.py::test_reviewing_and_downloading_accounts"
    ),
    "projektudvalg:start": "tests/projektudvalg/test_permission_matrix.py::test_start",
    "projektudvalg:my-applications": "tests/projektudvalg/test_permissions.py::test_view",
    "projektudvalg:application": "tests/projektudvalg/test_permissions.py::test_view",
    "projektudvalg:application-edit": "tests/projektudvalg/test_permissions.py::test_edit",
    "projektudvalg:application-changes": (
        "tests/projektudvalg/test_permission_matrix.py::test_application_changes"
    ),
    "projektudvalg:letter": "tests/projektudvalg/test_permission_matrix.py::test_letter",
    "projektudvalg:withdraw": "tests/projektudvalg/test_permission_matrix.py::test_withdraw",
    "projektudvalg:final-report": (
        "tests/projektudvalg/test_permission_matrix.py::test_final_report"
    ),
    "projektudvalg:attachment": (
        "tests/projektudvalg/test_permissions.py::test_download_attachment"
    ),
    "projektudvalg:attachment-delete": (
        "tests/projektudvalg/test_permission_matrix.py::test_attachment_delete"
    ),
    "projektudvalg:queue": "tests/projektudvalg/test_permissions.py::test_view",
    "projektudvalg:advice-list": "MATRIX",
    "projektudvalg:case": "tests/projektudvalg/test_permissions.py::test_view",
    "projektudvalg:assess": "tests/projektudvalg/test_permissions.py::test_assess",
    "projektudvalg:advise": "tests/projektudvalg/test_permissions.py::test_advise",
    "projektudvalg:recommend": "tests/projektudvalg/test_permission_matrix.py::test_recommend",
    "projektudvalg:change-status": "tests/projektudvalg/test_permissions.py::test_decide",
    "projektudvalg:decide": "tests/projektudvalg/test_permissions.py::test_decide",
    "projektudvalg:payout": "tests/projektudvalg/test_permission_matrix.py::test_payout",
    "projektudvalg:add-to-agenda": (
        "tests/projektudvalg/test_permission_matrix.py::test_add_to_agenda"
    ),
    "projektudvalg:accept-report": (
        "tests/projektudvalg/test_permission_matrix.py::test_accept_report"
    ),
    "projektudvalg:export": "tests/projektudvalg/test_permissions.py::test_staff_pages",
    "projektudvalg:meetings": (
        "tests/projektudvalg/test_meeting_pages.py::test_old_meeting_addresses"
    ),
    "projektudvalg:rounds": "tests/projektudvalg/test_permission_matrix.py::test_rounds",
    "projektudvalg:round-edit": "tests/projektudvalg/test_permission_matrix.py::test_round_edit",
    "projektudvalg:meeting": "tests/projektudvalg/test_permission_matrix.py::test_meeting",
    "projektudvalg:meeting-csv": "tests/projektudvalg/test_permission_matrix.py::test_meeting",
    # The committee's meetings, run by committee staff.
    **{
        f"projektudvalg:{name}": f"tests/projektudvalg/test_meeting_pages.py::test_{test}"
        for name, test in [
            ("meeting-admin", "meeting_admin"),
            ("meeting-edit", "meeting_edit"),
            ("meeting-status", "meeting_status"),
            ("item-create", "item_create"),
            ("item-from-round", "item_from_round"),
            ("item-edit", "item_edit_and_delete"),
            ("item-delete", "item_edit_and_delete"),
            ("item-decide", "item_decide"),
            ("item-pool", "item_pool"),
            ("item-attach", "item_attach"),
        ]
    },
    # Special efforts, the signed-in public side: rows over the matrix's roles plus the
    # contact of this group, the contact of another group and a project lead.
    "projektudvalg:group-join": (
        "tests/projektudvalg/test_working_groups_permissions.py::test_group_join"
    ),
    "projektudvalg:group-requests": (
        "tests/projektudvalg/test_working_groups_permissions.py::test_group_requests"
    ),
    "projektudvalg:group-update": (
        "tests/projektudvalg/test_working_groups_permissions.py::test_group_update"
    ),
    "projektudvalg:effort-update": (
        "tests/projektudvalg/test_working_groups_permissions.py::test_effort_update"
    ),
    "projektudvalg:commitment-comment": (
        "tests/projektudvalg/test_working_groups_permissions.py::test_commitment_comment"
    ),
    # Track 2, staff and project leads (the matrix adds a lead of this effort and of another).
    "projektudvalg:effort-admin": (
        "tests/projektudvalg/test_effort_staff_pages.py::test_the_committee_staffs_pages"
    ),
    "projektudvalg:effort-create": (
        "tests/projektudvalg/test_effort_staff_pages.py::test_the_committee_staffs_pages"
    ),
    "projektudvalg:effort-status": (
        "tests/projektudvalg/test_effort_staff_pages.py::test_the_committee_staffs_pages"
    ),
    "projektudvalg:effort-edit": (
        "tests/projektudvalg/test_effort_staff_pages.py::test_the_project_leads_pages"
    ),
    "projektudvalg:effort-milestones": (
        "tests/projektudvalg/test_effort_staff_pages.py::test_the_project_leads_pages"
    ),
    "projektudvalg:effort-milestone-edit": (
        "tests/projektudvalg/test_effort_staff_pages.py::test_the_project_leads_pages"
    ),
    "projektudvalg:effort-actions": (
        "tests/projektudvalg/test_effort_staff_pages.py::test_the_project_leads_pages"
    ),
    "projektudvalg:effort-action-edit": (
        "tests/projektudvalg/test_effort_staff_pages.py::test_the_project_leads_pages"
    ),
    "projektudvalg:effort-commitments": (
        "tests/projektudvalg/test_effort_staff_pages.py::test_the_project_leads_pages"
    ),
    "projektudvalg:effort-commitment-edit": (
        "tests/projektudvalg/test_effort_staff_pages.py::test_the_project_leads_pages"
    ),
    "projektudvalg:effort-budget": (
        "tests/projektudvalg/test_effort_staff_pages.py::test_the_project_leads_pages"
    ),
    "projektudvalg:effort-groups": (
        "tests/projektudvalg/test_effort_staff_pages.py::test_the_project_leads_pages"
    ),
    "projektudvalg:effort-group-edit": (
        "tests/projektudvalg/test_effort_staff_pages.py::test_the_project_leads_pages"
    ),
    "projektudvalg:effort-documents": (
        "tests/projektudvalg/test_effort_staff_pages.py::test_the_project_leads_pages"
    ),
    "projektudvalg:effort-milestone-delete": (
        "tests/projektudvalg/test_effort_staff_pages.py::test_deleting_a_row"
    ),
    "projektudvalg:effort-action-delete": (
        "tests/projektudvalg/test_effort_staff_pages.py::test_deleting_a_row"
    ),
    "projektudvalg:effort-commitment-delete": (
        "tests/projektudvalg/test_effort_staff_pages.py::test_deleting_a_row"
    ),
    "projektudvalg:effort-document-delete": (
        "tests/projektudvalg/test_effort_staff_pages.py::test_deleting_a_row"
    ),
    # A forum's hearing workspace: its active contact persons only.
    "lokalfora:hearing-forum": "tests/lokalfora/test_hearing_answering.py::test_forum_page_matrix",
    # The hearings' staff pages (the matrix adds the contact persons of two forums).
    "lokalfora:hearing-admin": "MATRIX",
    "lokalfora:hearing-matrix": "MATRIX",
    "lokalfora:hearing-create": "MATRIX",
    **{
        f"lokalfora:{name}": "tests/lokalfora/test_hearing_staff.py::test_the_staff_pages"
        for name in [
            "hearing-edit",
            "hearing-documents",
            "hearing-status",
            "hearing-review",
            "hearing-review-response",
            "hearing-note-edit",
            "hearing-export",
            "hearing-resend",
        ]
    },
    # Public documents for anyone; a closed item's or a template's for committee staff.
    "projektudvalg:committee-document": (
        "tests/projektudvalg/test_committee_privacy.py::"
        "test_a_closed_items_document_is_for_committee_staff_only"
    ),
    # [news PROTECTED]
    **{
        f"projektudvalg:news-staff-{name}": (
            "tests/projektudvalg/test_news_staff_pages.py::test_the_staff_pages_matrix"
        )
        for name in ["list", "add", "edit", "status", "offer", "share"]
    },
    **{
        f"projektudvalg:news-forum-{name}": (
            "tests/projektudvalg/test_news_forum_pages.py::test_the_forum_pages_matrix"
        )
        for name in ["list", "propose", "thread", "edit"]
    },
    #
    # [newsletter PROTECTED]
    "projektudvalg:newsletter-list": "MATRIX",
    "projektudvalg:newsletter-create": "MATRIX",
    **{
        f"projektudvalg:{name}": "tests/projektudvalg/test_newsletter_pages.py::test_staff_pages"
        for name in ["newsletter-edit", "newsletter-recipients", "newsletter-log"]
    },
    #
    # [follow PROTECTED]
    #
    # [survey questions]
    **{
        f"projektudvalg:{name}": (
            "tests/projektudvalg/test_survey_question_pages.py::test_the_question_pages_matrix"
        )
        for name in [
            "survey-questions",
            "survey-question-add",
            "survey-question-edit",
            "survey-question-delete",
            "survey-question-move",
            "survey-logic",
        ]
    },
    # [survey staff]
    **{
        f"projektudvalg:survey-{name}": (
            "tests/projektudvalg/test_survey_staff_pages.py::test_the_survey_staff_pages_matrix"
        )
        for name in ["admin", "create", "external-create", "manage", "edit", "status", "publish"]
    },
    # [survey results]
    "projektudvalg:survey-live-results": (
        "tests/projektudvalg/test_survey_result_pages.py::test_the_live_results_matrix"
    ),
    "projektudvalg:survey-export": (
        "tests/projektudvalg/test_survey_result_pages.py::test_the_export_matrix"
    ),
    # [survey people]
    **{
        f"projektudvalg:{name}": (
            "tests/projektudvalg/test_survey_people_pages.py::test_the_staff_pages_matrix"
        )
        for name in ["survey-invitations", "survey-held", "survey-key-lookup", "survey-proposal"]
    },
    "projektudvalg:survey-propose": (
        "tests/projektudvalg/test_survey_people_pages.py::"
        "test_the_propose_page_matrix_is_for_the_forums_editors"
    ),
    # [survey answer]
    "projektudvalg:survey-answer-forum": (
        "tests/projektudvalg/test_survey_answer_pages.py::test_the_forum_answer_matrix"
    ),
    "projektudvalg:survey-paper": (
        "tests/projektudvalg/test_survey_answer_pages.py::test_the_paper_entry_matrix"
    ),
}


def our_url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in {
                "holbaek",
                "lokalfora",
                "faelles_skabere",
                "projektudvalg",
                "sparring",
                "tilskud",
            }:
                yield from our_url_names(entry, entry.namespace)
            elif entry.namespace is None and not namespace:
                yield from our_url_names(entry, "")
        elif isinstance(entry, URLPattern) and namespace and entry.name:
            yield f"{namespace}:{entry.name}"


def test_every_page_of_ours_is_either_public_or_in_the_matrix():
    names = set(our_url_names())
    assert names, "found no URLs"
    assert names == PUBLIC | set(PROTECTED), names ^ (PUBLIC | set(PROTECTED))


def _routes(resolver=None, prefix=""):
    """URL name -> its full route, e.g. "sparring:inbox-status" ->
    "sparring/indbakke/<int:pk>/status/"."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from (
                (f"{entry.namespace}:{name}" if entry.namespace else name, path)
                for name, path in _routes(entry, route)
            )
        elif entry.name:
            yield entry.name, route


def _names_the_page(source: str, name: str, route: str) -> bool:
    """The test's source names the page: by URL name, or by the last literal part of its
    path ("/status/" of "sparring/indbakke/<int:pk>/status/")."""
    literals = [part for part in re.split(r"<[^>]+>", route) if part.strip("/")]
    tail = literals[-1].rsplit("/", 2)[-2] if literals[-1].endswith("/") else literals[-1]
    return f"'{name}'" in source or f'"{name}"' in source or tail in source


def _role_matrix_test(test_id: str) -> tuple[bool, str]:
    """(whether the test is parametrized over roles, its source with decorators)."""
    path, function_name = test_id.split("::")
    source = (ROOT / path).read_text()
    function = next(
        node
        for node in ast.parse(source).body
        if isinstance(node, ast.FunctionDef) and node.name == function_name
    )
    over_roles = any(
        isinstance(decorator, ast.Call)
        and getattr(decorator.func, "attr", "") == "parametrize"
        and "role" in ast.literal_eval(decorator.args[0])
        for decorator in function.decorator_list
    )
    lines = source.splitlines()[function.decorator_list[0].lineno - 1 : function.end_lineno]
    return over_roles, "\n".join(lines)


@pytest.mark.parametrize("name", sorted(PROTECTED))
def test_each_protected_page_names_the_role_matrix_that_covers_it(name):
    routes = dict(_routes())
    covered_by = PROTECTED[name]
    if covered_by == "MATRIX":
        assert name in {resolve(url).view_name for url in MATRIX}, name
        return
    path = covered_by.split("::")[0]
    assert (ROOT / path).exists(), covered_by
    over_roles, source = _role_matrix_test(covered_by)
    assert over_roles, f"{covered_by} is not parametrized over the roles"
    assert _names_the_page(source, name, "/" + routes[name]), f"{covered_by} never asks for {name}"


@pytest.mark.django_db
@pytest.mark.parametrize("url", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLE_NAMES)
def test_permission_matrix(client_as, url, role):
    client = client_as(role)
    response = client.get(url)
    expected = MATRIX[url][role]
    if expected == LOGIN:
        # The admin's own login page hands over to allauth's.
        followed = client.get(url, follow=True)
        assert response.status_code == 302
        assert followed.redirect_chain[-1][0].startswith("/konto/login/")
    elif expected == DENIED:
        assert response.status_code in {302, 403}
        if response.status_code == 302:
            assert response.url.startswith("/konto/login/") or response.url.startswith(
                "/admin/login/"
            )
        # Whatever the route, the page's content is never served.
        assert response.status_code != 200
    else:
        assert response.status_code == expected, (url, role, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLE_NAMES)
def test_who_may_use_the_admin(make_role_user, role):
    from django.contrib.auth.models import AnonymousUser

    user = make_role_user(role) or AnonymousUser()
    assert permissions.can_use_admin(user) is (role in ADMINS)
    assert forum_permissions.can_see_private_contact_details(user) is (role in STAFF)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "is_staff", "expected"),
    [
        (None, True, False),
        ("Forum-redaktør", True, False),
        ("Fælles-skaber", False, False),
        ("Fælles-skaber", True, True),
        ("Udvalgssekretariat", False, False),
        ("Udvalgssekretariat", True, True),
        ("Administrator", True, True),
    ],
)
def test_the_admin_needs_both_a_staff_role_and_the_is_staff_flag(role, is_staff, expected):

    user = make_user("person@example.org", role=role, is_staff=is_staff)
    assert permissions.can_use_admin(user) is expected
