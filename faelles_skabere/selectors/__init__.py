"""Reads that span relations: who follows which area (assignments), the sparring inbox and
thread (sparring), the staff's statistics (sparring_stats).

The area selectors other apps use are importable from here too.
"""

from faelles_skabere.selectors.assignments import (
    Responsible,
    areas_followed_by,
    follows_area,
    responsible_for,
)

__all__ = ["Responsible", "areas_followed_by", "follows_area", "responsible_for"]
