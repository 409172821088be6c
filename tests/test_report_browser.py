"""The reliability report in a real browser: headless Chromium (Debian's `chromium`, installed
by `.ci/run`) renders the file without errors and lays out every figure with a real size.

Skipped where no Chromium is installed, unless ANNOTATOR_REQUIRE_CHROMIUM is set (CI sets it,
so there the test runs or fails).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from annotator.core.html_report import write_html_report
from tests.report_projects import make_study

pytest.importorskip("matplotlib")

#: Put into a copy of the report (the report itself has no script): first, record any error
#: (a script error, a resource that failed, console.error); after layout, write the errors,
#: every section's id, every figure's rendered size and every resource the page fetched into
#: the DOM that --dump-dom prints.
WATCH = """<script>
window.seen = [];
window.addEventListener("error", e => seen.push(String(e.message || e.target.outerHTML)), true);
const log = console.error; console.error = (...a) => { seen.push(a.join(" ")); log(...a); };
</script>"""
MEASURE = """<script>
window.addEventListener("load", () => {
  const svgs = [...document.querySelectorAll("svg")].map(s => {
    const r = s.getBoundingClientRect(); return [r.width, r.height]; });
  const sections = [...document.querySelectorAll("section")].map(s => s.id);
  const fetched = performance.getEntriesByType("resource").map(r => r.name);
  const out = document.createElement("pre"); out.id = "measured";
  out.textContent = JSON.stringify({svgs, sections, fetched, errors: seen});
  document.body.appendChild(out);
});
</script>"""


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("ANNOTATOR_REQUIRE_CHROMIUM"):
        pytest.fail("chromium is not installed (`.ci/run` installs Debian's chromium)")
    pytest.skip("chromium is not installed (apt-get install chromium; `.ci/run` does)")


def run(browser: str, *args: str, home: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--user-data-dir={home}", "--enable-logging=stderr", "--v=0", *args],
        capture_output=True, text=True, timeout=180, env={**os.environ, "HOME": str(home)})


def errors(stderr: str) -> list[str]:
    """Page errors in Chromium's log: console errors, failed loads, blocked requests."""
    return [line for line in stderr.splitlines()
            if re.search(r"CONSOLE.*(error|Uncaught)|net::ERR_|Failed to load|Refused to",
                         line, flags=re.I)]


def test_chromium_renders_the_report_with_every_figure(tmp_path: Path, seed_files):
    browser = chromium()
    out = tmp_path / "report.html"
    write_html_report(make_study(tmp_path, seed_files), out, bootstrap=100, seed=2)
    text = out.read_text(encoding="utf-8")
    figures = text.count("<svg")
    assert figures == 2

    measured = tmp_path / "measured.html"
    measured.write_text(text.replace("<head>", "<head>" + WATCH, 1).replace(
        "</body>", MEASURE + "</body>"), encoding="utf-8")
    result = run(browser, "--dump-dom", measured.as_uri(), home=tmp_path / "profile")
    assert result.returncode == 0, result.stderr
    assert not errors(result.stderr), errors(result.stderr)
    found = re.search(r'<pre id="measured">(.*?)</pre>', result.stdout, flags=re.S)
    assert found, result.stdout[-2000:]
    facts = json.loads(unescape(found.group(1)))
    assert facts["sections"] == [
        "study", "alpha", "rounds", "pairs", "gold", "disagreements", "methods"]
    assert facts["errors"] == [] and facts["fetched"] == []
    assert len(facts["svgs"]) == figures
    assert all(w > 300 and h > 150 for w, h in facts["svgs"]), facts["svgs"]

    # the report itself, as a reader opens it: renders without a single error
    shot = tmp_path / "report.png"
    result = run(browser, f"--screenshot={shot}", "--window-size=1200,2400", out.as_uri(),
                 home=tmp_path / "profile2")
    assert result.returncode == 0 and not errors(result.stderr), result.stderr
    assert shot.stat().st_size > 50_000  # a page with figures, not a blank one
