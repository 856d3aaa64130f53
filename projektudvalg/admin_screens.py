"""The Django admin of the info-screen settings (one row)."""
