"""The design system's files collect into hashed names with every reference resolved."""

import os
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
