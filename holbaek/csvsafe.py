"""CSV cells that spreadsheet programs will not run as formulas."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """Text starting like a formula gets a leading apostrophe; numbers and None pass as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
