"""Permission matrices: the roles a matrix runs over, and what one cell must answer.

The `make_role_user` and `client_as` fixtures (tests/conftest.py) build the user of a row.
"""

ROLE_NAMES = [
    "anonymous",
    "citizen",
    "editor_this",
    "editor_other",
    "co_creator",
    "process_consultant",
    "committee_staff",
    "staff_admin",
    "admin",
]

# The rows of a hearing's matrix: also an active contact person (with an account of the same
# address) of the addressed forum (Tølløse's) and of another forum (Jyderup's).
HEARING_ROLES = [*ROLE_NAMES, "contact_this", "contact_other"]

# The rows of an application's matrix (tests/projektudvalg/conftest.py `as_role`). The process
# consultant runs a process in the application's area: that never makes it the area's
# fælles-skaber. The staff admin is an Administrator without superuser rights.
APPLICATION_ROLES = ["anonymous", "applicant", "other_applicant", "area_co_creator",
                     "process_consultant", "committee_staff", "staff_admin", "admin"]  # fmt: skip


def assert_access(response, role, allowed, ok=200):
    """One cell of a permission matrix: `ok` for the allowed roles, the login page for the
    anonymous, and 403 (or 404 where ids are not revealed) for everyone else."""
    if role in allowed:
        assert response.status_code == ok, (role, response.status_code)
    elif role == "anonymous":
        assert response.status_code == 302, (role, response.status_code)
        assert response.url.startswith("/konto/login/")
    else:
        assert response.status_code in (403, 404), (role, response.status_code)
