"""`manage.py bench`: the portal under load, as in production, page by page.

Development tooling only; nothing in the portal imports it. Like holbaek/urls.py
it is a composition root: `grow` imports every app's models to copy demo rows.
"""
