"""A real headless Chromium, driven by Playwright, for pages whose diagrams must draw.

Chromium comes from the system (Debian's `chromium`), Mermaid 11 from the npm registry;
`.ci/run` installs both. On a laptop without them the browser tests skip; under CI
(`CI` set) a missing piece fails the run instead.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

MERMAID_CANDIDATES = [
    os.environ.get("JOURNEY_MERMAID_JS", ""),
    str(REPO / "tests" / ".browser" / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"),
]
OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  return attach.call(this, Object.assign({}, init, { mode: "open" }));
};
"""
DIAGRAM_STATE = """() => [...document.querySelectorAll('div.mermaid, pre.mermaid')].map((host) => {
  if (host.tagName === 'PRE') return { drawn: false, problem: 'still a pre.mermaid block' };
  const root = host.shadowRoot;
  const svg = root && root.querySelector('svg');
  if (!svg) return { drawn: false, problem: 'no svg in the shadow root' };
  const text = svg.textContent || '';
  const bad = ['Syntax error', 'Maximum text size', 'Edge limit', 'Parse error']
    .find((word) => text.includes(word));
  return {
    drawn: !bad,
    problem: bad || '',
    size: text.length,
    injected: svg.querySelectorAll('script, iframe, foreignObject script, [onerror], [onclick]').length,
    javascript: [...svg.querySelectorAll('a')].filter((a) =>
      (a.getAttribute('href') || a.getAttribute('xlink:href') || '').trim().toLowerCase().startsWith('javascript:')).length,
  };
})"""


def _fail_or_skip(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


def chromium_path() -> str:
    """Chromium's executable, or skip (fail under CI)."""
    path = (
        os.environ.get("JOURNEY_CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )
    if not path:
        _fail_or_skip("no chromium on this machine (apt-get install chromium)")
    return str(path)


def mermaid_js() -> Path:
    """A local Mermaid 11 script, or skip (fail under CI)."""
    for candidate in MERMAID_CANDIDATES:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    _fail_or_skip("no local Mermaid (npm install --prefix tests/.browser mermaid@11)")
    raise AssertionError("unreachable")


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve a folder on a free loopback port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output clean."""


@contextmanager
def browser_page() -> Iterator[Any]:
    """A Chromium page with shadow roots forced open and page errors collected."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _fail_or_skip("playwright is not installed (pip install -e '.[test]')")
    executable = chromium_path()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.add_init_script(OPEN_SHADOW_ROOTS)
            page.errors = []
            page.on("pageerror", lambda error: page.errors.append(str(error)))
            yield page
        finally:
            browser.close()


def diagram_states(page: Any, url: str, timeout_ms: int = 30_000) -> list[dict[str, Any]]:
    """Open a page and wait until Mermaid has handled every block; their states."""
    page.errors.clear()
    page.goto(url)
    page.wait_for_function(
        "document.querySelectorAll('pre.mermaid').length === 0 || "
        "document.body.innerText.includes('Syntax error')",
        timeout=timeout_ms,
    )
    page.wait_for_timeout(50)
    return list(page.evaluate(DIAGRAM_STATE))
