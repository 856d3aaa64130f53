"""The Django admin of municipal news, their cooperation rows and the info-screen settings."""
