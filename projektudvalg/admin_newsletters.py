"""The Django admin of newsletters and their send logs."""
