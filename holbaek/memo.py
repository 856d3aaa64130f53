"""A bounded table of values made once per process and kept by their key.

For what depends only on the code and on its key (a rendered header for a language, an
event's VEVENT for its values): nothing to invalidate, since a change is a new key, and a
deploy restarts the processes. Least recently used out; thread-safe (gunicorn's threads);
every table is emptied when a setting changes (the tests' override_settings).
"""

from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from weakref import WeakSet

from django.core.signals import setting_changed
from django.dispatch import receiver

_tables: WeakSet = WeakSet()


class ProcessMemo:
    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self._values: OrderedDict = OrderedDict()
        self._lock = Lock()
        _tables.add(self)

    def get_or_make(self, key: Hashable, make: Callable):
        """The value kept for `key`, or `make()`'s, kept from now on."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = make()  # outside the lock: two threads may both make it; the last is kept
        with self._lock:
            self._values[key] = value
            while len(self._values) > self.max_entries:
                self._values.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()

    def __len__(self) -> int:
        return len(self._values)


@receiver(setting_changed)
def _clear_all(**kwargs):
    for table in list(_tables):
        table.clear()
