"""The "Score my resume" page in a real browser (Debian's Chromium, driven by Playwright).

Starts `skillgap serve` on an ephemeral loopback port, opens the page, uploads a fixture PDF,
pastes a job description, clicks the button, and checks that the estimated level, a gap and
the match percentage are visible; saves a screenshot to target/browser/serve.png (to
docs/img/serve.png, the README's picture, with UPDATE_SCREENSHOT=1: a test run leaves the
source tree as it found it). Also fails on any console error (a Content-Security-Policy
violation shows up there).

    python tests/browser/serve_page.py [path/to/skillgap]

Exit 0 on success, 1 on a failed check. Run by .ci/run.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "target" / "debug" / "skillgap")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
RESUME = ROOT / "fixtures" / "docs" / "one-column-libreoffice.pdf"
JOB = ROOT / "fixtures" / "jobs" / "senior-go-platform-engineer.txt"
SHOT = (
    ROOT / "docs" / "img" / "serve.png"
    if os.environ.get("UPDATE_SCREENSHOT") == "1"
    else ROOT / "target" / "browser" / "serve.png"
)


def start_server():
    server = subprocess.Popen(
        [str(BIN), "serve", "--addr", "127.0.0.1:0"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    first = server.stderr.readline()
    match = re.search(r"http://(\S+)", first)
    if not match:
        server.kill()
        sys.exit(f"no address in the server's first line: {first!r}")
    return server, f"http://{match.group(1)}"


def main():
    server, url = start_server()
    errors = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
            )
            page = browser.new_page(viewport={"width": 1000, "height": 1300})
            page.on(
                "console",
                lambda m: errors.append(m.text) if m.type == "error" else None,
            )
            page.goto(url)
            expect(page).to_have_title(re.compile("Score my resume"))
            page.set_input_files("#resume", str(RESUME))
            page.fill("#jd", JOB.read_text())
            page.get_by_role("button", name="Score my resume").click()
            page.wait_for_selector("ol.gaps", timeout=60_000)

            level = page.locator(".card", has_text="Estimated level")
            expect(level).to_be_visible()
            expect(level.locator(".big")).to_have_text(
                re.compile(r"^(junior|mid|senior|lead|architect|none)$")
            )
            gap = page.locator("ol.gaps > li").first
            expect(gap).to_be_visible()
            match = page.locator(".card", has_text="Job match")
            expect(match).to_be_visible()
            expect(match.locator(".big")).to_have_text(re.compile(r"^\d+(\.\d)?%$"))

            SHOT.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOT), full_page=False)
            print(
                f"browser: level {level.locator('.big').inner_text()!r}, "
                f"match {match.locator('.big').inner_text()!r}, "
                f"first gap {gap.locator('strong').first.inner_text()!r}; "
                f"screenshot {SHOT.relative_to(ROOT)}"
            )
            browser.close()
    finally:
        server.kill()
        server.wait()
    if errors:
        print("browser console errors:", *errors, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
