"""holbaek's own models for the page cache: no public page shows a user account."""

from holbaek.pagecache.models import never_public

never_public("holbaek.User")
