"""Writes Det Fælles Designsystem's CSS with IBM Plex Sans split into unicode ranges.

DKFDS's own @font-face rules name the complete fonts (56-79 KB a face, and the
Regular face lists its .woff before its .woff2, so browsers take the larger file).
The package also ships the faces split by script. This replaces every IBM Plex
Sans rule with one rule per split file and its unicode-range, so a Danish page
loads only the Latin1 file of each weight it uses (about 17 KB each); a Polish
name or a Greek letter loads its own small file on top.

Usage (from `make static`): python holbaek/dkfds_css.py SOURCE.css TARGET.css
"""

import re
import sys
from pathlib import Path

# The code points of each split file, read from the fonts' own cmap tables
# (fontTools, IBMPlexSans-*-<split>.woff2 in dkfds 11.2.0; the same for every weight).
SPLITS = {
    "Latin1": (
        "U+0000, U+000D, U+0020-007E, U+00A0-00FF, U+0131, U+0152-0153, U+02C6, U+02DA, "
        "U+02DC, U+2013-2014, U+2018-201A, U+201C-201E, U+2020-2022, U+2026, U+2030, "
        "U+2039-203A, U+2044, U+20AC, U+2122, U+2212, U+FB01-FB02"
    ),
    "Latin2": (
        "U+0100-0101, U+0104-0130, U+0132-0151, U+0154-017F, U+018F, U+0192, U+01A0-01A1, "
        "U+01AF-01B0, U+01FA-01FF, U+0218-021B, U+0237, U+0259, U+1E80-1E85, U+1E9E, U+20A1, "
        "U+20A4, U+20A6, U+20A8-20AA, U+20AD-20AE, U+20B1-20B2, U+20B4-20B5, U+20B8-20BA, "
        "U+20BD, U+20BF"
    ),
    "Latin3": "U+0102-0103, U+01CD-01DC, U+1EA0-1EF9, U+20AB",
    "Pi": (
        "U+0E3F, U+2032-2033, U+2070, U+2074-2079, U+2080-2089, U+2113, U+2116, U+2126, "
        "U+212E, U+2150-2151, U+2153-215E, U+2190-2199, U+21A9-21AA, U+21B0-21B3, "
        "U+21B6-21B7, U+21BA-21BB, U+21C4, U+21C6, U+2202, U+2206, U+220F, U+2211, U+2215, "
        "U+221A, U+221E, U+222B, U+2248, U+2260, U+2264-2265, U+25CA, U+2713, U+274C, "
        "U+2B0E-2B11, U+ECE0, U+EFCC"
    ),
    "Greek": "U+037E, U+0386-038A, U+038C, U+038E-03A1, U+03A3-03CE",
    "Cyrillic": (
        "U+0400-045F, U+0472-0473, U+0490-049D, U+04A0-04A5, U+04AA-04AB, U+04AE-04B3, "
        "U+04B6-04BB, U+04C0-04C2, U+04CF-04D9, U+04DC-04DF, U+04E2-04E9, U+04EE-04F5, "
        "U+04F8-04F9"
    ),
}
FONT_FACE = re.compile(r"@font-face\{[^}]*font-family:\s*['\"]?IBM Plex Sans['\"]?;[^}]*\}")
COMPLETE_WOFF2 = re.compile(
    r"url\(\.\./fonts/IBMPlexSans/complete/woff2/(IBMPlexSans-\w+)\.woff2\)"
)
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")


def split_rules(rule: str) -> str:
    """The split-file rules that stand in for one of DKFDS's IBM Plex Sans rules."""
    face = COMPLETE_WOFF2.search(rule)
    if face is None:
        raise ValueError(f"no complete woff2 file in {rule[:120]}")
    style = re.search(r"font-style:(\w+)", rule).group(1)
    weight = re.search(r"font-weight:(\d+)", rule).group(1)
    return "".join(
        "@font-face{font-display:swap;font-family:IBM Plex Sans;"
        f"font-style:{style};font-weight:{weight};"
        f'src:url(../fonts/IBMPlexSans/split/woff2/{face.group(1)}-{split}.woff2) format("woff2");'
        f"unicode-range:{ranges}}}"
        for split, ranges in SPLITS.items()
    )


def rewrite(css: str) -> str:
    rules = FONT_FACE.findall(css)
    if not rules:
        raise ValueError("DKFDS's CSS has no IBM Plex Sans @font-face rule any more")
    replacement = "".join(split_rules(rule) for rule in rules)
    first, *rest = rules
    css = css.replace(first, replacement, 1)
    for rule in rest:
        css = css.replace(rule, "", 1)
    # The source map describes the original file, not this one.
    return SOURCE_MAP.sub("", css)


def main(source: str, target: str) -> None:
    Path(target).write_text(rewrite(Path(source).read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
