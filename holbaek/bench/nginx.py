"""deploy/nginx.conf rendered for the bench, and nginx started as a child process.

The bench's nginx runs in the foreground with its own configuration, pid, logs, temp
and cache folders in the bench's temporary folder; no system configuration is read
but /etc/nginx/mime.types, and none is changed.
"""

import getpass
import re
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.template import Context, Engine

NGINX_CONF = Path(settings.BASE_DIR) / "deploy" / "nginx.conf"
MIME_TYPES = "/etc/nginx/mime.types"
PLACEHOLDER = re.compile(r"{{\s*(\w+)\s*}}")
TAG_LINE = re.compile(r"^[ \t]*({%[^%]*%})[ \t]*\n", re.MULTILINE)  # a line with only a tag


def render(values: dict) -> str:
    """deploy/nginx.conf with the values; every placeholder must have one."""
    text = NGINX_CONF.read_text()
    missing = set(PLACEHOLDER.findall(text)) - set(values) - {"upstream"}
    if missing:
        raise ValueError(f"deploy/nginx.conf mangler værdier for: {', '.join(sorted(missing))}")
    template = Engine(autoescape=False).from_string(TAG_LINE.sub(r"\1", text))
    return template.render(Context(values, autoescape=False))


def bench_values(*, folder: Path, port: int, upstreams: list[str], static_root: Path) -> dict:
    """The bench's values: its own folder, loopback, plain http, no TLS."""
    return {
        "user": getpass.getuser() if _is_root() else "",
        "pid": folder / "nginx.pid",
        "error_log": folder / "error.log",
        "access_log": folder / "access.log",
        "temp_path": folder / "temp",
        "cache_path": folder / "cache",
        "mime_types": MIME_TYPES,
        "upstreams": upstreams,
        "static_root": static_root,
        "server_name": "127.0.0.1",
        "tls": False,
        "tls_certificate": "",
        "tls_key": "",
        "listen": f"127.0.0.1:{port}",
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "language_cookie": settings.LANGUAGE_COOKIE_NAME,
    }


def _is_root() -> bool:
    return Path("/proc/self").stat().st_uid == 0


def start_nginx(values: dict, folder: Path) -> subprocess.Popen:
    """nginx in the foreground (`daemon off`) with the rendered configuration."""
    binary = shutil.which("nginx")
    if binary is None:
        raise RuntimeError("nginx findes ikke: `make bench-nginx` installerer Debians nginx")
    (folder / "temp").mkdir(parents=True, exist_ok=True)
    config = folder / "nginx.conf"
    config.write_text(render(values))
    with (folder / "nginx.out").open("ab") as output:
        return subprocess.Popen(  # noqa: S603 - Debian's nginx with our own configuration
            [binary, "-p", str(folder), "-c", str(config), "-e", str(values["error_log"]),
             "-g", "daemon off;"],
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches the bench, which stops nginx itself
        )  # fmt: skip
