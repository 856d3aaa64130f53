import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "holbaek.settings")

application = get_wsgi_application()

# gunicorn runs no system checks: the one that would let each worker count its own rate
# limits stops the start-up here, not only in `check --deploy`.
from holbaek.checks import check_shared_cache  # noqa: E402  (needs the apps loaded)

if errors := check_shared_cache():
    raise ImproperlyConfigured(f"{errors[0].msg} {errors[0].hint}")
