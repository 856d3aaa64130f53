"""Reads that span relations or depend on the viewer, one module per sub-domain. Each runs a
fixed number of queries."""
