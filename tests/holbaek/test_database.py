import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_ci_runs_on_postgresql():
    """CI sets REQUIRE_POSTGRES=1: the suite must then really run on PostgreSQL."""
    if os.environ.get("REQUIRE_POSTGRES") != "1":
        pytest.skip("REQUIRE_POSTGRES is not set (the embedded SQLite run)")
    assert connection.vendor == "postgresql"
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True
