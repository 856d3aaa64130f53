"""Every rule of the municipal news services: the target, topics, origins, the proposal,
publishing (now, planned, the personal-data check), rejecting, archiving, taking a planned
item back, deleting a draft; offers, answers, comments, mails and the share record."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from holbaek.images import prepare_image
from lokalfora.models import Forum, NewsPost
from lokalfora.services.forums import forum_editor_add
from projektudvalg.models import (
    MunicipalNews,
    NewsForumShare,
    NewsOrigin,
    NewsStatus,
    ShareDirection,
    ShareState,
)
from projektudvalg.services import municipal_news as services
from projektudvalg.services import news_cooperation as cooperation
from tests.clock import danish
from tests.factories import make_user
from tests.projektudvalg.news_helpers import (
    TEXT,
    areas,
    draft,
    public_decision,
    published,
    staff_user,
    topic,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(reference_data):
    return staff_user()


@pytest.fixture
def morkov(reference_data):
    return Forum.objects.select_related("area").get(area__slug="morkov")


@pytest.fixture
def editor(morkov):
    user = make_user("moerkoev@example.org")
    forum_editor_add(forum=morkov, user=user)
    return user


def _png():
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return prepare_image(SimpleUploadedFile("a.png", buffer.getvalue(), "image/png"))


def propose(editor, forum, **text):
    return services.news_propose(
        forum=forum, data=TEXT | text, areas=[forum.area], topics=[topic("trafik")], by=editor
    )


def test_the_done_when_path_through_the_services(
    clock, staff, editor, morkov, django_capture_on_commit_callbacks
):
    """Mørkøv's editor proposes; staff publish it for Mørkøv and Regstrup, topic trafik,
    with a link to a committee decision."""
    clock.set("2026-12-10 09:00")
    decision = public_decision()
    with django_capture_on_commit_callbacks(execute=True):
        item = propose(editor, morkov)
    assert (item.status, item.origin, item.origin_forum) == (
        NewsStatus.PENDING,
        NewsOrigin.FORUM,
        morkov,
    )
    share = item.shares.get()
    assert (share.direction, share.state) == (ShareDirection.PROPOSED, ShareState.OPEN)
    assert "Nyt forslag" in mail.outbox[-1].subject
    services.news_save(
        item=item,
        data={"source_decision": decision},
        areas=areas("morkov", "regstrup"),
        topics=[topic("trafik")],
        whole_municipality=False,
        by=staff,
    )
    with django_capture_on_commit_callbacks(execute=True):
        item = services.news_publish(item=item, by=staff)
    item.refresh_from_db()
    assert item.is_published
    assert item.source_decision == decision
    assert {area.slug for area in item.areas.all()} == {"morkov", "regstrup"}
    assert [t.slug for t in item.topics.all()] == ["trafik"]
    share.refresh_from_db()
    assert share.state == ShareState.ACCEPTED
    assert share.decided_by == staff
    assert mail.outbox[-1].to == ["moerkoev@example.org"]
    assert set(MunicipalNews.objects.published().for_area(areas("morkov")[0])) == {item}
    assert not MunicipalNews.objects.published().for_area(areas("tuse-naes")[0]).exists()


def test_the_target_is_the_whole_municipality_or_some_areas(staff):
    with pytest.raises(ValidationError) as both:
        services.news_save(
            data=TEXT, areas=areas("tollose"), topics=[], whole_municipality=True, by=staff
        )
    assert "ikke begge" in str(both.value)
    with pytest.raises(ValidationError) as none:
        services.news_save(data=TEXT, areas=[], topics=[], whole_municipality=False, by=staff)
    assert "mindst ét lokalområde" in str(none.value)
    assert not MunicipalNews.objects.exists()
    assert draft(staff, whole=True).whole_municipality


def test_only_active_topics_and_public_decisions(staff):
    retired = topic("politik")
    retired.active = False
    retired.save()
    with pytest.raises(ValidationError, match="ikke længere i brug"):
        draft(staff, topics=[retired])
    hidden = public_decision()
    hidden.meeting.status = "held"
    hidden.meeting.save()
    with pytest.raises(ValidationError, match="beslutning er offentliggjort"):
        draft(staff, source_decision=hidden)


def test_an_effort_origin_names_the_effort(staff):
    with pytest.raises(ValidationError, match="særlige indsats"):
        draft(staff, origin=NewsOrigin.EFFORT)
    with pytest.raises(ValidationError):
        draft(staff, origin=NewsOrigin.FORUM)


def test_only_staff_write_and_publish(editor, morkov, staff):
    with pytest.raises(PermissionDenied):
        draft(editor)
    item = propose(editor, morkov)
    with pytest.raises(PermissionDenied):
        services.news_publish(item=item, by=editor)
    with pytest.raises(PermissionDenied):
        services.news_reject(item=item, reason="Nej", by=editor)


def test_an_editor_of_another_forum_cannot_propose_or_edit(editor, morkov, reference_data):
    other = make_user("jyderup@example.org")
    forum_editor_add(forum=Forum.objects.get(area__slug="jyderup"), user=other)
    with pytest.raises(PermissionDenied):
        propose(other, morkov)
    item = propose(editor, morkov)
    with pytest.raises(PermissionDenied):
        services.news_save(
            item=item,
            data={"title": "X"},
            areas=[morkov.area],
            topics=[],
            whole_municipality=False,
            by=other,
        )


def test_the_forum_edits_its_proposal_until_it_is_decided(editor, morkov, staff):
    item = propose(editor, morkov)
    saved = services.news_save(
        item=item,
        data={"title": "Rettet", "origin": NewsOrigin.MUNICIPALITY},
        areas=[morkov.area],
        topics=[],
        whole_municipality=False,
        by=editor,
    )
    assert saved.title == "Rettet"
    assert saved.origin == NewsOrigin.FORUM
    services.news_reject(item=item, reason="Ikke lokalt nok", by=staff)
    with pytest.raises(ValidationError, match="afgjort"):
        services.news_save(
            item=item,
            data={"title": "Igen"},
            areas=[morkov.area],
            topics=[],
            whole_municipality=False,
            by=editor,
        )


def test_forum_text_passes_the_personal_data_check(editor, morkov, staff):
    item = propose(
        editor, morkov, body="Ring til Karen på 12 34 56 78.", easy_read="Skriv til a@b.dk"
    )
    with pytest.raises(services.PersonalDataFound) as found:
        services.news_publish(item=item, by=staff)
    assert found.value.kinds == ["email", "phone"]
    assert "telefonnummer" in str(found.value)
    item.refresh_from_db()
    assert item.status == NewsStatus.PENDING
    assert services.news_publish(item=item, by=staff, confirmed_checked=True).is_published


def test_the_municipalitys_own_text_is_not_held(staff):
    assert published(staff, body="Ring på 12 34 56 78.").is_published


def test_planned_publishing_in_danish_time(clock, staff):
    clock.set("2026-12-10 09:00")
    item = services.news_publish(item=draft(staff), publish_at=danish("2026-12-11 08:00"), by=staff)
    assert item.is_scheduled
    assert not item.is_published
    assert not MunicipalNews.objects.published().exists()
    clock.set("2026-12-11 08:00")
    assert MunicipalNews.objects.published().get() == item


def test_a_schedule_in_the_past_is_refused(clock, staff):
    clock.set("2026-12-10 09:00")
    item = draft(staff)
    with pytest.raises(ValidationError, match="Tidspunktet er passeret"):
        services.news_publish(item=item, publish_at=danish("2026-12-10 08:59"), by=staff)
    item.refresh_from_db()
    assert item.status == NewsStatus.DRAFT


def test_publishing_twice_is_refused(staff):
    item = published(staff)
    with pytest.raises(ValidationError, match="allerede"):
        services.news_publish(item=item, by=staff)


def test_reject_needs_a_reason_and_a_proposal(
    editor, morkov, staff, django_capture_on_commit_callbacks
):
    item = propose(editor, morkov)
    with pytest.raises(ValidationError, match="hvorfor"):
        services.news_reject(item=item, reason="  ", by=staff)
    with django_capture_on_commit_callbacks(execute=True):
        services.news_reject(item=item, reason="Ikke lokalt nok", by=staff)
    item.refresh_from_db()
    assert (item.status, item.rejection_reason) == (NewsStatus.REJECTED, "Ikke lokalt nok")
    assert item.shares.get().state == ShareState.PASSED
    assert "Ikke lokalt nok" in mail.outbox[-1].body
    with pytest.raises(ValidationError):
        services.news_reject(item=draft(staff), reason="x", by=staff)


def test_archive_unpublish_and_delete(clock, staff, editor, morkov):
    clock.set("2026-12-10 09:00")
    with pytest.raises(ValidationError):
        services.news_archive(item=draft(staff), by=staff)
    assert services.news_archive(item=published(staff), by=staff).status == NewsStatus.ARCHIVED
    planned = services.news_publish(
        item=draft(staff), publish_at=danish("2026-12-12 08:00"), by=staff
    )
    assert services.news_unpublish(item=planned, by=staff).status == NewsStatus.DRAFT
    with pytest.raises(ValidationError):
        services.news_unpublish(item=published(staff), by=staff)
    proposal = propose(editor, morkov)
    services.news_publish(item=proposal, publish_at=danish("2026-12-12 08:00"), by=staff)
    back = services.news_unpublish(item=proposal, by=staff)
    assert back.status == NewsStatus.PENDING
    assert back.shares.get().state == ShareState.OPEN
    with pytest.raises(ValidationError, match="kladde"):
        services.news_delete(item=published(staff), by=staff)
    doomed = draft(staff)
    services.news_delete(item=doomed, by=staff)
    assert not MunicipalNews.objects.filter(pk=doomed.pk).exists()


def test_pictures_follow_the_forum_news_rules(staff, django_capture_on_commit_callbacks):
    with pytest.raises(ValidationError):
        services.news_save(
            data=TEXT,
            areas=areas("tollose"),
            topics=[],
            whole_municipality=False,
            image=_png(),
            by=staff,
        )
    item = services.news_save(
        data=TEXT | {"image_alt": "En sti"},
        areas=areas("tollose"),
        topics=[],
        whole_municipality=False,
        image=_png(),
        by=staff,
    )
    first = item.image.name
    storage = item.image.storage
    with django_capture_on_commit_callbacks(execute=True):
        item = services.news_save(
            item=item,
            data={},
            areas=areas("tollose"),
            topics=[],
            whole_municipality=False,
            image=_png(),
            by=staff,
        )
    assert not storage.exists(first)
    assert storage.exists(item.image.name)
    with django_capture_on_commit_callbacks(execute=True):
        services.news_delete(item=item, by=staff)
    assert not storage.exists(item.image.name)


def test_offers_accept_and_pass(staff, editor, morkov, django_capture_on_commit_callbacks):
    item = services.news_save(
        data=TEXT | {"image_alt": "En sti"},
        areas=areas("morkov"),
        topics=[],
        whole_municipality=False,
        image=_png(),
        by=staff,
    )
    item = services.news_publish(item=item, by=staff)
    jyderup = Forum.objects.get(area__slug="jyderup")
    with django_capture_on_commit_callbacks(execute=True):
        shares = cooperation.news_offer(item=item, forums=[morkov, jyderup], by=staff)
    assert len(shares) == 2
    assert "tilbyder" in mail.outbox[-1].subject
    assert cooperation.news_offer(item=item, forums=[morkov], by=staff) == []  # no duplicate
    mine = item.shares.get(forum=morkov)
    with pytest.raises(PermissionDenied):
        cooperation.offer_accept(share=item.shares.get(forum=jyderup), by=editor)
    accepted = cooperation.offer_accept(share=mine, by=editor)
    post = accepted.post
    assert (accepted.state, post.forum, post.title) == (ShareState.ACCEPTED, morkov, item.title)
    assert post.is_published
    assert post.image
    assert post.image.name != item.image.name
    assert post.image_alt == "En sti"
    with pytest.raises(ValidationError, match="besvaret"):
        cooperation.offer_pass(share=mine, by=editor)
    assert NewsPost.objects.count() == 1


def test_a_double_offer_at_the_same_time_keeps_one_row(staff, morkov):
    item = published(staff)
    NewsForumShare.objects.create(news=item, forum=morkov, direction=ShareDirection.OFFERED)
    # The first check saw no row (a concurrent request): the unique rule keeps one.
    from unittest import mock

    with mock.patch.object(type(item.shares), "values_list", return_value=[]):
        assert cooperation.news_offer(item=item, forums=[morkov], by=staff) == []
    assert NewsForumShare.objects.filter(news=item, forum=morkov).count() == 1


def test_a_rejected_item_cannot_be_offered(editor, morkov, staff):
    item = propose(editor, morkov)
    services.news_reject(item=item, reason="Nej", by=staff)
    with pytest.raises(ValidationError):
        cooperation.news_offer(item=item, forums=[morkov], by=staff)


def test_comments_mail_the_other_side(editor, morkov, staff, django_capture_on_commit_callbacks):
    item = propose(editor, morkov)
    share = item.shares.get()
    with django_capture_on_commit_callbacks(execute=True):
        cooperation.comment_add(share=share, author=editor, text="Kan I nå det i dag?")
    assert mail.outbox[-1].to == ["redaktion@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        cooperation.comment_add(share=share, author=staff, text="Ja.")
    assert mail.outbox[-1].to == ["moerkoev@example.org"]
    with pytest.raises(ValidationError):
        cooperation.comment_add(share=share, author=staff, text="   ")
    with pytest.raises(PermissionDenied):
        cooperation.comment_add(share=share, author=make_user("borger@example.org"), text="Hej")
    assert share.comments.count() == 2


def test_the_share_record(clock, staff):
    clock.set("2026-12-10 09:00")
    with pytest.raises(ValidationError, match="offentliggjort"):
        cooperation.shared_in_record(
            item=draft(staff), group="Regstrup", shared_on=danish("2026-12-10").date(), by=staff
        )
    item = published(staff)
    with pytest.raises(ValidationError, match="fremtiden"):
        cooperation.shared_in_record(
            item=item, group="Regstrup", shared_on=danish("2026-12-11").date(), by=staff
        )
    record = cooperation.shared_in_record(
        item=item, group="Regstrup Borgerforening", shared_on=danish("2026-12-10").date(), by=staff
    )
    assert item.shared_in.get() == record
    cooperation.shared_in_delete(record=record, by=staff)
    assert not item.shared_in.exists()


def test_an_offer_is_taken_only_once_the_item_is_public(staff, clock):
    """A planned item's text stays unpublished until its time, in the forum's news too."""
    clock.set("2030-01-02 10:00")
    tuse = Forum.objects.select_related("area").get(area__slug="tuse-naes")
    editor = make_user("redaktoer-tuse@example.org")
    forum_editor_add(forum=tuse, user=editor)
    item = services.news_save(
        data=TEXT, areas=[tuse.area], topics=[], whole_municipality=False, by=staff
    )
    services.news_publish(item=item, publish_at=danish("2030-01-09 09:00"), by=staff)
    (share,) = cooperation.news_offer(item=item, forums=[tuse], by=staff)
    with pytest.raises(ValidationError):
        cooperation.offer_accept(share=share, by=editor)
    assert not NewsPost.objects.filter(forum=tuse).exists()
    clock.set("2030-01-09 09:01")
    cooperation.offer_accept(share=share, by=editor)
    assert NewsPost.objects.get(forum=tuse).is_published


def test_forum_written_alt_text_passes_the_personal_data_check(editor, morkov):
    item = services.news_propose(
        forum=morkov, data=TEXT | {"image_alt": "Jens, tlf. 12 34 56 78"},
        areas=[morkov.area], topics=[], by=editor,
    )  # fmt: skip
    assert services.personal_data_kinds(item) == ["phone"]


def test_narrowing_the_aim_tells_the_pages_of_the_areas_it_leaves(staff, morkov, monkeypatch):
    """An item for the whole municipality narrowed to Mørkøv leaves the other 17 areas'
    stored pages (their feeds are stored by area alone)."""
    item = services.news_save(data=TEXT, areas=[], topics=[], whole_municipality=True, by=staff)
    told = []
    monkeypatch.setattr(services, "content_changed", lambda *kinds, areas=(): told.append({*areas}))
    services.news_save(
        item=item, data=TEXT, areas=[morkov.area], topics=[], whole_municipality=False, by=staff
    )
    assert len(told[0]) == 18
