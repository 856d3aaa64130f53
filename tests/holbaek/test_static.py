"""The design system's files collect into hashed names with every reference resolved."""

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_collectstatic_hashes_every_file_and_resolves_css_references(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "1",
        "STATIC_ROOT": str(tmp_path),
        # The manifest step is what fails on a broken url(...) in the CSS; whitenoise's
        # compression on top of it is the same in production and takes half a minute.
        "STATICFILES_STORAGE": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    hashed = list((tmp_path / "vendor" / "dkfds" / "css").glob("dkfds.min.*.css"))
    assert hashed, "the design system's CSS was not collected with a hashed name"
    assert (tmp_path / "staticfiles.json").exists()


def _dkfds_css_tool():
    spec = importlib.util.spec_from_file_location("dkfds_css", ROOT / "holbaek" / "dkfds_css.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_design_system_css_loads_only_split_woff2_fonts():
    """`make static` writes DKFDS's CSS with its fonts split by script (holbaek/dkfds_css.py)."""
    built = (ROOT / "static" / "vendor" / "dkfds" / "css" / "dkfds.min.css").read_text()
    original = (ROOT / "node_modules" / "dkfds" / "dist" / "css" / "dkfds.min.css").read_text()
    assert built == _dkfds_css_tool().rewrite(original)

    fonts = re.findall(r"url\((\.\./fonts/[^)]+)\)", built)
    assert fonts
    assert all("/split/woff2/" in font for font in fonts), set(fonts)
    css_dir = ROOT / "static" / "vendor" / "dkfds" / "css"
    assert all((css_dir / font).resolve().exists() for font in fonts)
    faces = re.findall(r"@font-face\{[^}]*IBM Plex Sans[^}]*\}", built)
    assert all("unicode-range:" in face for face in faces)
    latin1 = {
        (re.search(r"font-style:(\w+)", face)[1], re.search(r"font-weight:(\d+)", face)[1])
        for face in faces
        if "-Latin1.woff2" in face
    }
    # Every weight and style DKFDS defines, in normal and italic.
    assert latin1 == {
        (style, w) for style in ("normal", "italic") for w in ["400", "500", "600", "700"]
    }
