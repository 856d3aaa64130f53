"""holbaek.memo.ProcessMemo: bounded, least recently used out, emptied on a setting change."""

from django.test import override_settings

from holbaek.memo import ProcessMemo


def test_a_value_is_made_once_per_key():
    memo, made = ProcessMemo(max_entries=4), []
    for _ in range(3):
        assert memo.get_or_make("a", lambda: made.append("a") or "A") == "A"
    assert made == ["a"]


def test_the_least_recently_used_goes_first():
    memo = ProcessMemo(max_entries=2)
    memo.get_or_make("a", lambda: 1)
    memo.get_or_make("b", lambda: 2)
    memo.get_or_make("a", lambda: 0)  # a used again: b is now the oldest
    memo.get_or_make("c", lambda: 3)
    assert len(memo) == 2
    assert memo.get_or_make("a", lambda: "made again") == 1
    assert memo.get_or_make("b", lambda: "made again") == "made again"


def test_a_setting_change_empties_every_table():
    memo = ProcessMemo(max_entries=2)
    memo.get_or_make("a", lambda: 1)
    with override_settings(SITE_URL="https://example.org"):
        assert len(memo) == 0
