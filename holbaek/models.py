import uuid

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account. Everyone signed in is a citizen; roles are Groups."""

    # One name field, and the e-mail address as the login: no more personal data than needed.
    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mailadresse"), unique=True)
    full_name = models.CharField(_("navn"), max_length=200, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("bruger")
        verbose_name_plural = _("brugere")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


def private_upload_path(instance, filename: str) -> str:
    """A random name in the model's folder: private files are served only through views
    that check permissions, never from MEDIA_URL."""
    return f"{instance.UPLOAD_FOLDER}/{uuid.uuid4().hex}.{instance.extension}"


class StoredFile(models.Model):
    """A privately stored upload, with the name and type found when it was checked
    (holbaek/uploads.py). Subclasses set UPLOAD_FOLDER."""

    UPLOAD_FOLDER = "private"

    file = models.FileField(_("fil"), upload_to=private_upload_path)
    name = models.CharField(_("filnavn"), max_length=255)
    extension = models.CharField(max_length=10)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("størrelse i bytes"))

    class Meta:
        abstract = True

    @classmethod
    def from_upload(cls, uploaded, checked, **fields):
        """An unsaved row for a file already checked by `holbaek.uploads.check_document`."""
        return cls(
            file=uploaded,
            name=uploaded.name[:255],
            extension=checked.extension,
            content_type=checked.content_type,
            size=uploaded.size,
            **fields,
        )
