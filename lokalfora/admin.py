"""Every write here goes through lokalfora.services (ServiceAdmin), as on the portal's own
pages: areas and their population figures, forums, contacts, editors, events, news,
invitations, followers (deleted only) and the retention settings. A forum keeps an
active contact person, and the rules of each model hold whichever way it is changed.

Grants in the admin are for looking up records. Schemes, approvals, agreements,
payments and accounts are changed on the staff pages under /tilskud/, where each
change is checked as a whole by the services and logged with who made it."""

from django.contrib import admin

from holbaek.admin import (
    PortalAdminForm,
    PortalInline,
    ReadOnlyAdmin,
    ReadOnlyInline,
    ServiceAdmin,
    ServiceHistoryAdmin,
    SingletonAdmin,
)
from lokalfora.models import (
    CONTENT_KINDS,
    AccountsReminder,
    AnnualAccounts,
    ContactPerson,
    CooperationAgreement,
    EditorInvitation,
    Event,
    Forum,
    ForumEditor,
    GrantBand,
    GrantLine,
    GrantPayment,
    GrantScheme,
    GrantVersion,
    LocalArea,
    NewsPost,
    PopulationFigure,
    RetentionSettings,
    Subscription,
)
from lokalfora.services import (
    areas,
    contacts,
    events,
    forums,
    invitations,
    news,
    population,
    retention,
    subscriptions,
)


class PopulationFigureInline(PortalInline):
    model = PopulationFigure
    extra = 0


@admin.register(LocalArea)
class LocalAreaAdmin(ServiceAdmin):
    """Through areas.area_save (a new area gets its forum) and, for the figures below,
    population.population_figure_save."""

    list_display = ["name", "main_town", "slug", "is_holbaek_town"]
    list_filter = ["is_holbaek_town"]
    search_fields = ["name", "main_town", "slug"]
    inlines = [PopulationFigureInline]

    def save_model(self, request, obj, form, change):
        saved = areas.area_save(data=self.model_data(form), area=obj if change else None)
        obj.pk, obj._state.adding = saved.pk, False

    def save_formset(self, request, form, formset, change):
        for figure in formset.save(commit=False):
            saved = population.population_figure_save(
                area=form.instance,
                data={name: getattr(figure, name) for name in FIGURE_FIELDS},
                figure=None if figure._state.adding else figure,
            )
            figure.pk, figure._state.adding = saved.pk, False
        for figure in formset.deleted_objects:
            population.population_figure_delete(figure=figure)

    def delete_model(self, request, obj):
        areas.area_delete(area=obj)

    def delete_queryset(self, request, queryset):
        for area in queryset:
            areas.area_delete(area=area)


FIGURE_FIELDS = ["count", "reference_date", "basis", "source"]


@admin.register(PopulationFigure)
class PopulationFigureAdmin(ServiceAdmin):
    """Corrections one by one, through population.population_figure_save; a whole year's
    figures are imported on the staff page /tilskud/befolkningstal/."""

    list_display = ["area", "count", "reference_date", "basis"]
    list_filter = ["basis", "area"]
    list_select_related = ["area"]
    search_fields = ["area__name", "source"]

    def save_model(self, request, obj, form, change):
        data = {name: getattr(obj, name) for name in FIGURE_FIELDS}
        saved = population.population_figure_save(
            area=obj.area, data=data, figure=obj if change else None
        )
        obj.pk, obj._state.adding = saved.pk, False

    def delete_model(self, request, obj):
        population.population_figure_delete(figure=obj)

    def delete_queryset(self, request, queryset):
        for figure in queryset:
            population.population_figure_delete(figure=figure)


class ContactPersonInline(ReadOnlyInline):
    """Shown only: contacts are changed on their own admin page, through the services."""

    model = ContactPerson
    fields = ["name", "role", "email", "phone", "is_active", "last_confirmed"]
    readonly_fields = fields
    show_change_link = True


@admin.register(Forum)
class ForumAdmin(ServiceHistoryAdmin):
    """Changed through forums.forum_update. Each area's forum comes with the area
    (lokalfora.reference), never added here: a forum always has an active contact person."""

    list_display = ["name", "area", "legal_form", "cvr", "updated_at"]
    list_filter = ["legal_form"]
    list_select_related = ["area"]
    search_fields = ["name", "area__name", "cvr"]
    readonly_fields = ["area"]
    inlines = [ContactPersonInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # the area's forum, its contacts and history go with the area

    def save_model(self, request, obj, form, change):
        forums.forum_update(forum=obj, data=self.model_data(form))


def _public_fields(contact: ContactPerson) -> set[str]:
    """The consents as the admin's form set them (a date given = consent)."""
    return {
        field for field, date_field in contacts.CONSENT_FIELDS.items()
        if getattr(contact, date_field)
    }  # fmt: skip


CONTACT_FIELDS = [
    "name", "role", "email", "phone", "name_public_since", "email_public_since",
    "phone_public_since", "is_active", "order",
]  # fmt: skip


@admin.register(ContactPerson)
class ContactPersonAdmin(ServiceHistoryAdmin):
    """Through the services, so a forum always keeps an active contact person."""

    list_display = ["name", "role", "forum", "is_active", "last_confirmed"]
    list_filter = ["is_active", "forum__area"]
    list_select_related = ["forum"]
    search_fields = ["name", "email", "phone", "forum__name"]

    def get_readonly_fields(self, request, obj=None):
        # Moving a contact to another forum could take the old forum's last one.
        return ["forum", "last_confirmed"] if obj else ["last_confirmed"]

    def save_model(self, request, obj, form, change):
        data = {name: getattr(obj, name) for name in CONTACT_FIELDS}
        if change:
            contacts.contact_update(contact=obj, data=data, public_fields=_public_fields(obj))
        else:
            saved = contacts.contact_create(
                forum=obj.forum, data=data, public_fields=_public_fields(obj)
            )
            obj.pk, obj.last_confirmed = saved.pk, saved.last_confirmed

    def delete_model(self, request, obj):
        contacts.contact_remove(contact=obj)

    def delete_queryset(self, request, queryset):
        for contact in queryset.select_related("forum"):
            contacts.contact_remove(contact=contact)


class NewsPostAdminForm(PortalAdminForm):
    markdown_fields = ("body",)  # as on the forum's page (lokalfora.forms.NewsPostForm)


@admin.register(NewsPost)
class NewsPostAdmin(ServiceHistoryAdmin):
    form = NewsPostAdminForm
    list_display = ["title", "forum", "published_at"]
    list_filter = ["forum__area"]
    list_select_related = ["forum"]
    search_fields = ["title", "summary"]
    date_hierarchy = "published_at"
    # Pictures are uploaded on the forum's own pages, where they are checked and
    # re-encoded without metadata (holbaek.images); the admin only shows them.
    readonly_fields = ["image"]

    def save_model(self, request, obj, form, change):
        saved = news.news_save(
            forum=obj.forum, data=self.model_data(form), post=obj if change else None
        )
        obj.pk, obj._state.adding = saved.pk, False

    def delete_model(self, request, obj):
        news.news_delete(post=obj)  # the picture's file goes too

    def delete_queryset(self, request, queryset):
        for post in queryset:
            news.news_delete(post=post)


@admin.register(ForumEditor)
class ForumEditorAdmin(ServiceAdmin):
    list_display = ["user", "forum", "created_at"]
    list_filter = ["forum__area"]
    list_select_related = ["user", "forum"]
    search_fields = ["user__email", "forum__name"]
    autocomplete_fields = ["user", "forum"]
    # Through the services, so that the Forum-redaktør role follows the rows.

    def save_model(self, request, obj, form, change):
        if change:
            original = ForumEditor.objects.get(pk=obj.pk)
            forums.forum_editor_remove(forum=original.forum, user=original.user)
        obj.pk = forums.forum_editor_add(forum=obj.forum, user=obj.user).pk

    def delete_model(self, request, obj):
        forums.forum_editor_remove(forum=obj.forum, user=obj.user)

    def delete_queryset(self, request, queryset):
        for editor in queryset.select_related("forum", "user"):
            forums.forum_editor_remove(forum=editor.forum, user=editor.user)


@admin.register(Event)
class EventAdmin(ServiceHistoryAdmin):
    list_display = ["title", "forum", "kind", "starts_at", "ends_at"]
    list_filter = ["kind", "forum__area"]
    list_select_related = ["forum"]
    search_fields = ["title", "place", "description"]
    date_hierarchy = "starts_at"

    def save_model(self, request, obj, form, change):
        saved = events.event_save(
            forum=obj.forum, data=self.model_data(form), event=obj if change else None
        )
        obj.pk, obj._state.adding = saved.pk, False

    def delete_model(self, request, obj):
        events.event_delete(event=obj)

    def delete_queryset(self, request, queryset):
        for event in queryset:
            events.event_delete(event=event)


@admin.register(EditorInvitation)
class EditorInvitationAdmin(ServiceAdmin):
    """Sent through invitations.editor_invitation_send (the mail with its link); never edited:
    a sent link names the invitation. Deleting one makes its link useless."""

    list_display = ["email", "forum", "created_at", "accepted_at"]
    list_filter = ["forum__area"]
    list_select_related = ["forum"]
    search_fields = ["email", "forum__name"]
    readonly_fields = ["created_at", "accepted_at", "accepted_by", "invited_by"]

    def has_change_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        sent = invitations.editor_invitation_send(
            forum=obj.forum, email=obj.email, invited_by=request.user
        )
        obj.pk, obj._state.adding = sent.pk, False

    def delete_model(self, request, obj):
        invitations.editor_invitation_delete(invitation=obj)

    def delete_queryset(self, request, queryset):
        for invitation in queryset:
            invitations.editor_invitation_delete(invitation=invitation)


@admin.register(Subscription)
class SubscriptionAdmin(ServiceAdmin):
    """Followers are added only by themselves (double opt-in); staff can look up and delete."""

    list_display = ["email", "area", "frequency", "created_at", "confirmed_at", "last_digest_at"]
    list_filter = ["area", "frequency", ("confirmed_at", admin.EmptyFieldListFilter)]
    list_select_related = ["area"]
    search_fields = ["email"]
    readonly_fields = ["area", "email", "created_at", "confirmed_at", "last_digest_at"]
    readonly_fields += ["frequency", *dict(CONTENT_KINDS), "topics"]  # the follower's choices

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        subscriptions.subscription_delete(subscription=obj)

    def delete_queryset(self, request, queryset):
        for subscription in queryset:
            subscriptions.subscription_delete(subscription=subscription)


@admin.register(RetentionSettings)
class RetentionSettingsAdmin(ServiceAdmin, SingletonAdmin):
    list_display = ["__str__", "contact_history_months", "invitation_months"]

    def save_model(self, request, obj, form, change):
        saved = retention.retention_settings_update(data=self.model_data(form))
        obj.pk, obj._state.adding = saved.pk, False


class GrantBandInline(ReadOnlyInline):
    model = GrantBand


@admin.register(GrantScheme)
class GrantSchemeAdmin(ReadOnlyAdmin):
    list_display = ["year", "kind", "base", "rate", "total_budget", "is_illustrative"]
    inlines = [GrantBandInline]


@admin.register(GrantBand)
class GrantBandAdmin(ReadOnlyAdmin):
    list_display = ["scheme", "lower", "upper", "base", "rate"]
    list_select_related = ["scheme"]


@admin.register(GrantVersion)
class GrantVersionAdmin(ReadOnlyAdmin):
    list_display = ["scheme", "number", "approved_at", "approved_by", "reason"]
    list_select_related = ["scheme", "approved_by"]


@admin.register(GrantLine)
class GrantLineAdmin(ReadOnlyAdmin):
    list_display = ["version", "area", "population", "amount"]
    list_select_related = ["version__scheme", "area"]
    list_filter = ["version__scheme"]


@admin.register(CooperationAgreement)
class CooperationAgreementAdmin(ReadOnlyAdmin):
    list_display = ["scheme", "area", "signed_on", "registered_by", "registered_at"]
    list_select_related = ["scheme", "area", "registered_by"]
    list_filter = ["scheme"]


@admin.register(GrantPayment)
class GrantPaymentAdmin(ReadOnlyAdmin):
    list_display = ["scheme", "area", "paid_on", "amount", "cvr", "nemkonto_reference"]
    list_select_related = ["scheme", "area"]
    list_filter = ["scheme"]


@admin.register(AnnualAccounts)
class AnnualAccountsAdmin(ReadOnlyAdmin):
    list_display = ["scheme", "area", "status", "uploaded_at", "reviewed_at"]
    list_select_related = ["scheme", "area"]
    list_filter = ["scheme", "status"]
    exclude = ["file"]  # downloaded through the permission-checked page only


@admin.register(AccountsReminder)
class AccountsReminderAdmin(ReadOnlyAdmin):
    list_display = ["scheme", "area", "sent_at", "recipients"]
    list_select_related = ["scheme", "area"]


from lokalfora import admin_hearings, admin_topics  # noqa: E402, F401  (hearings, topics)
