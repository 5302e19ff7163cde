#!/usr/bin/env python3
"""Browser tests of the built site and of `docgen serve`, in headless Chromium through Selenium.

Part of `make test`. The project's own docs (content/, templates/, docgen.yaml) are copied to a
temporary folder, served with the docgen binary given as the first argument (default
.build/debug/docgen), and looked at the way a writer and a reader would. Screenshots go to
.build/browser/. Skips, with the reason printed, only when Chromium, chromedriver or Selenium is
missing; .ci/run installs all three.
"""
import os, re, shutil, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOCGEN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "docgen"))
SHOTS = os.path.join(ROOT, ".build", "browser")
GUIDE = "docs/guide/attach-cloud-storage/"
GUIDE_SOURCE = "content/docs/guide/attach-cloud-storage.md"


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import chromium

chromium.require("browser tests")
from selenium.webdriver.common.by import By


class Server:
    """`docgen serve` on a copy of the project's docs, on a free port."""

    def __init__(self):
        self.work = tempfile.mkdtemp(prefix="docgen-browser-")
        self.site = os.path.join(self.work, "site")
        os.makedirs(self.site)
        for name in ["content", "templates"]:
            shutil.copytree(os.path.join(ROOT, name), os.path.join(self.site, name))
        shutil.copy(os.path.join(ROOT, "docgen.yaml"), self.site)
        self.process = subprocess.Popen([DOCGEN, "serve", "--source", self.site, "--port", "0"],
                                        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        self.lines = []
        threading.Thread(target=self._read, daemon=True).start()
        self.url = self.wait_for(r"serving the site at (http://\S+)").group(1)
        self.wait_for(r"watching for changes")

    def _read(self):
        for line in self.process.stderr:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, pattern, seconds=20, after=0):
        deadline = time.time() + seconds
        while time.time() < deadline:
            for line in self.lines[after:]:
                match = re.search(pattern, line)
                if match:
                    return match
            time.sleep(0.02)
        raise AssertionError(f"the server never printed /{pattern}/; it printed:\n" + "\n".join(self.lines[-20:]))

    def path(self, relative):
        return os.path.join(self.site, relative)

    def edit(self, relative, old, new):
        """Saves as editors do: a temporary file beside it, renamed over it."""
        path = self.path(relative)
        text = open(path, encoding="utf-8").read()
        assert old in text, f"{relative} does not hold {old!r}"
        temporary = path + ".tmp-save"
        with open(temporary, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new, 1))
        os.replace(temporary, path)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.work, ignore_errors=True)


def browser():
    return chromium.browser(1280, 900)


def wait_until(condition, seconds, what):
    start = time.time()
    while time.time() - start < seconds:
        value = condition()
        if value:
            return time.time() - start
        time.sleep(0.02)
    raise AssertionError(f"{what}: not within {seconds} s")


def page_text(driver):
    """The page's text, read in one script so that a reload in between cannot break the read."""
    return driver.execute_script("return document.body ? document.body.innerText : ''")


def visible(driver, selector):
    return [e for e in driver.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()]


def phone(driver, on):
    if on:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    else:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def mark(driver):
    """Marks the page in the browser's memory: a reload clears the mark."""
    driver.execute_script("window.__docgenTestMark = 'still here'")


def marked(driver):
    return driver.execute_script("return window.__docgenTestMark === 'still here'")


# --- the tests ---------------------------------------------------------------------------------

def guide_shows_navigation_toc_alerts_and_field_tables(server, driver):
    driver.get(server.url + GUIDE)
    assert driver.find_element(By.TAG_NAME, "h1").text.strip(), "the guide has no title"
    sidebar = visible(driver, "nav.sidebar a")
    assert len(sidebar) >= 3, f"the sidebar shows {len(sidebar)} links"
    active = visible(driver, "nav.sidebar .active a")
    assert active and active[0].get_attribute("href").endswith(GUIDE), "the guide is not the active menu entry"
    toc = visible(driver, "aside.toc a")
    assert len(toc) >= 5, f"the table of contents shows {len(toc)} links"
    alerts = visible(driver, ".alert")
    assert len(alerts) >= 3, f"{len(alerts)} alerts are visible"
    tables = visible(driver, "table.storage-fields")
    assert len(tables) >= 4, f"{len(tables)} field tables are visible"
    rows = tables[0].find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) >= 3, f"the first field table has {len(rows)} rows"
    driver.save_screenshot(os.path.join(SHOTS, "guide-desktop.png"))
    return f"{len(sidebar)} menu links, {len(toc)} contents links, {len(alerts)} alerts, {len(tables)} field tables"


def every_toc_link_targets_an_element(server, driver):
    driver.get(server.url + GUIDE)
    missing = driver.execute_script("""
        return Array.from(document.querySelectorAll('aside.toc a[href^="#"]'))
            .map(a => decodeURIComponent(a.getAttribute('href').slice(1)))
            .filter(id => !document.getElementById(id));""")
    count = len(driver.find_elements(By.CSS_SELECTOR, 'aside.toc a[href^="#"]'))
    assert count > 0, "no in-page links in the table of contents"
    assert not missing, f"contents links without a target: {missing}"
    return f"{count} links, all targets exist"


def no_horizontal_scroll_at_phone_width(server, driver):
    phone(driver, True)
    try:
        widths = []
        for page in ["", "docs/", GUIDE, "docs/user-guide/build/"]:
            driver.get(server.url + page)
            scroll, client = driver.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert scroll <= client, f"/{page} scrolls sideways at 390 px: {scroll} px of content in {client} px"
            widths.append(scroll)
        driver.get(server.url + GUIDE)
        driver.save_screenshot(os.path.join(SHOTS, "guide-phone.png"))
        return f"4 pages, widest {max(widths)} px in 390 px"
    finally:
        phone(driver, False)


def live_reload_shows_an_edit(server, driver):
    driver.get(server.url + GUIDE)
    mark(driver)
    sentence = f"A sentence written while the page was open {time.time()}."
    server.edit(GUIDE_SOURCE, "\n## ", f"\n{sentence}\n\n## ")
    took = wait_until(lambda: sentence in page_text(driver), 2, "the edit did not show")
    assert not marked(driver), "the text changed without a reload?"
    return f"shown {took * 1000:.0f} ms after the save"


def an_edit_elsewhere_does_not_reload_the_page(server, driver):
    driver.get(server.url + GUIDE)
    mark(driver)
    before = len(server.lines)
    server.edit("content/docs/user-guide/install.md", "\n## ", "\nOne more sentence.\n\n## ")
    server.wait_for(r"install\.md: rendered 1 page", after=before)
    time.sleep(0.5)
    assert marked(driver), "the guide reloaded for a change to another page's text"
    return "the open page stayed"


def a_stylesheet_change_is_swapped_in_without_a_reload(server, driver):
    driver.get(server.url + GUIDE)
    mark(driver)
    css = server.path("templates/static/docgen.css")
    with open(css, "a", encoding="utf-8") as f:
        f.write("\nh1 { color: rgb(1, 2, 3); }\n")
    took = wait_until(lambda: driver.execute_script(
        "return getComputedStyle(document.querySelector('h1')).color") == "rgb(1, 2, 3)", 2, "the new style did not apply")
    assert marked(driver), "the page reloaded for a stylesheet change"
    return f"applied {took * 1000:.0f} ms after the save, no reload"


def a_broken_page_shows_the_overlay_and_a_fix_clears_it(server, driver):
    driver.get(server.url + GUIDE)
    title = driver.find_element(By.TAG_NAME, "h1").text
    server.edit(GUIDE_SOURCE, "\n## ", "\n{{< ilink \"/docs/no-such-page\" >}}\n\n## ")
    wait_until(lambda: visible(driver, "#docgen-error-overlay"), 2, "no error overlay")
    overlay = driver.find_element(By.ID, "docgen-error-overlay").text
    assert "attach-cloud-storage.md:" in overlay, f"the overlay does not name the file and line: {overlay!r}"
    assert re.search(r"attach-cloud-storage\.md:\d+:\d+", overlay), overlay
    assert driver.find_element(By.TAG_NAME, "h1").text == title, "the last good page is not shown under the overlay"
    driver.save_screenshot(os.path.join(SHOTS, "error-overlay.png"))
    # A new page load while the build is still broken shows the overlay too.
    driver.get(server.url + "docs/")
    wait_until(lambda: visible(driver, "#docgen-error-overlay"), 2, "no overlay after a reload")
    server.edit(GUIDE_SOURCE, "\n{{< ilink \"/docs/no-such-page\" >}}\n", "\n")
    wait_until(lambda: not driver.find_elements(By.ID, "docgen-error-overlay"), 2, "the overlay stayed after the fix")
    first_line = overlay.splitlines()[1] if len(overlay.splitlines()) > 1 else overlay
    return f"overlay said: {first_line[:110]}"


def code_is_coloured_and_the_copy_button_copies_it(server, driver):
    """Highlighted tokens are coloured, each block has a Copy button made by the theme's script,
    reachable with Tab; Enter copies the code without its line numbers and says "Copied"."""
    driver.execute_cdp_cmd("Browser.grantPermissions", {"origin": server.url.rstrip("/"),
                                                        "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    driver.get(server.url + "docs/user-guide/code-highlighting/")
    wait_until(lambda: driver.find_elements(By.CSS_SELECTOR, ".copy-code"), 5, "copy buttons")
    blocks = driver.execute_script("return document.querySelectorAll('pre > code').length")
    buttons = driver.find_elements(By.CSS_SELECTOR, ".copy-code")
    numbered = driver.find_elements(By.CSS_SELECTOR, ".highlight:has(.lntable)")
    assert numbered, "the page has no block with a table of line numbers"
    # A table of line numbers is one block with two <pre>s, and one button.
    assert len(buttons) == blocks - len(numbered), f"{len(buttons)} buttons for {blocks} code elements"
    colours = driver.execute_script("""
        const keyword = document.querySelector('.token.keyword, .token.function');
        return [getComputedStyle(keyword).color, getComputedStyle(keyword.closest('pre')).color];""")
    assert colours[0] != colours[1], f"tokens are not coloured: {colours}"
    button = numbered[0].find_element(By.CSS_SELECTOR, ".copy-code")
    driver.execute_script("arguments[0].focus()", numbered[0].find_element(By.CSS_SELECTOR, "pre"))
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.common.action_chains import ActionChains
    for _ in range(5):
        if driver.switch_to.active_element == button:
            break
        ActionChains(driver).send_keys(Keys.TAB).perform()
    assert driver.switch_to.active_element == button, "Tab does not reach the copy button"
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    wait_until(lambda: button.text == "Copied", 3, "the button saying Copied")
    status = numbered[0].find_element(By.CSS_SELECTOR, "[role=status]").get_attribute("textContent")
    assert status == "Copied", f"the live region says {status!r}"
    copied = driver.execute_async_script("navigator.clipboard.readText().then(arguments[0], e => arguments[0]('error: ' + e))")
    assert copied.startswith("def connect(host):\n    client = Client(host)"), f"copied {copied[:80]!r}"
    driver.save_screenshot(os.path.join(SHOTS, "code-highlighting.png"))
    return f"{len(buttons)} copy buttons; Enter copied {len(copied)} characters without line numbers"


def search(driver, query):
    """Types a query into the header's box and waits for its results; returns the options."""
    box = driver.find_element(By.ID, "site-search-input")
    assert box.is_displayed(), "the search box is not shown"
    box.click()
    box.send_keys(query)
    wait_until(lambda: driver.find_element(By.ID, "site-search-results").get_attribute("data-query") == query
               and visible(driver, "#site-search-results [role=option]"), 3, f"no results for {query!r}")
    return box, visible(driver, "#site-search-results [role=option]")


def lands_on_the_heading(driver, box, expected):
    """Picks the first result with the keyboard and checks the browser shows `expected` (page#id)."""
    from selenium.webdriver.common.keys import Keys
    box.send_keys(Keys.ARROW_DOWN)
    active = box.get_attribute("aria-activedescendant")
    assert active == "site-search-option-0", f"ArrowDown made {active!r} active"
    assert driver.find_element(By.ID, active).get_attribute("aria-selected") == "true"
    box.send_keys(Keys.ENTER)
    page, anchor = expected.split("#")
    wait_until(lambda: driver.current_url.endswith(expected), 3, f"Enter did not go to {expected}: at {driver.current_url}")
    wait_until(lambda: driver.execute_script("return document.readyState") == "complete", 3, "the page did not load")
    top = driver.execute_script(f"return document.getElementById({anchor!r}).getBoundingClientRect().top")
    height = driver.execute_script("return window.innerHeight")
    assert 0 <= top < height / 2, f"#{anchor} is at {top} px in a {height} px window, not in view"
    return top


def typing_a_query_finds_the_heading_and_the_keyboard_goes_there(server, driver):
    driver.set_window_size(1366, 900)
    driver.get(server.url + "docs/")
    box, options = search(driver, "backblaze endpoint")
    assert box.get_attribute("aria-expanded") == "true", "the combobox does not say it is open"
    first = options[0]
    title = first.find_element(By.CSS_SELECTOR, ".site-search-title").text
    path = first.find_element(By.CSS_SELECTOR, ".site-search-path").text
    marks = [m.text.lower() for m in first.find_elements(By.CSS_SELECTOR, ".site-search-snippet mark")]
    assert title.startswith("Attach cloud storage") and "Find the endpoint and region" in title, f"first result: {title!r}"
    assert path == "Docs › Guides", f"section path: {path!r}"
    assert "endpoint" in marks or "backblaze" in marks, f"marked words: {marks}"
    driver.save_screenshot(os.path.join(SHOTS, "search-desktop.png"))
    # Escape closes the list, and ArrowUp from nothing selected wraps to the last result.
    from selenium.webdriver.common.keys import Keys
    box.send_keys(Keys.ESCAPE)
    assert not visible(driver, "#site-search-results"), "Escape did not close the results"
    box.send_keys(Keys.ARROW_UP)
    wrapped = box.get_attribute("aria-activedescendant")
    assert wrapped == f"site-search-option-{len(options) - 1}", f"ArrowUp made {wrapped!r} active"
    box.send_keys(Keys.ESCAPE)
    top = lands_on_the_heading(driver, box, GUIDE + "#find-the-endpoint-and-region")
    return f"{len(options)} results, first {title!r}, marked {marks}; Enter landed on the heading, {top:.0f} px from the top"


def the_search_box_fits_a_phone(server, driver):
    phone(driver, True)
    try:
        # Not the guide: its credentials form forbids the index's fetch, so it has no box.
        driver.get(server.url + "docs/user-guide/build/")
        box, options = search(driver, "backblaez")
        scroll, client = driver.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert scroll <= client, f"the header scrolls sideways at 390 px: {scroll} px in {client} px"
        left, right = driver.execute_script(
            "const r = document.getElementById('site-search-results').getBoundingClientRect(); return [r.left, r.right]")
        assert left >= 0 and right <= client, f"the results run from {left} to {right} px in {client} px"
        header = driver.execute_script("return document.querySelector('.site-header').getBoundingClientRect().height")
        driver.save_screenshot(os.path.join(SHOTS, "search-phone.png"))
        return f"typo found {len(options)} results; header {header:.0f} px high, results within {client} px"
    finally:
        phone(driver, False)


def search_works_under_a_subpath_on_a_plain_file_server(server, driver):
    """The site built for /sub/ and served by Python's http.server, which knows nothing of docgen."""
    import http.server, socketserver, functools
    root = tempfile.mkdtemp(prefix="docgen-search-")
    try:
        site = os.path.join(root, "site")
        shutil.copytree(server.site, site, ignore=shutil.ignore_patterns("public", ".*"))
        settings = os.path.join(site, "docgen.yaml")
        text = open(settings, encoding="utf-8").read()
        with open(settings, "w", encoding="utf-8") as f:
            f.write(re.sub(r"(?m)^baseURL: .*$", "baseURL: /sub/", text))
        built = subprocess.run([DOCGEN, "build", "--source", site, "--destination", os.path.join(root, "www", "sub")],
                               capture_output=True, text=True)
        assert built.returncode == 0, f"the build for /sub/ failed: {built.stderr[-500:]}"
        handler = functools.partial(QuietHandler, directory=os.path.join(root, "www"))
        with socketserver.TCPServer(("127.0.0.1", 0), handler) as httpd:
            threading.Thread(target=httpd.serve_forever, daemon=True).start()
            base = f"http://127.0.0.1:{httpd.server_address[1]}/sub/"
            driver.get(base + "docs/")
            box, options = search(driver, "ilink")
            top = lands_on_the_heading(driver, box, "/sub/docs/user-guide/templates-and-shortcodes/#ilink")
            httpd.shutdown()
        return f"{len(options)} results under /sub/, landed on #ilink {top:.0f} px from the top"
    finally:
        shutil.rmtree(root, ignore_errors=True)


class QuietHandler(__import__("http.server").server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


TESTS = [typing_a_query_finds_the_heading_and_the_keyboard_goes_there, the_search_box_fits_a_phone,
         search_works_under_a_subpath_on_a_plain_file_server, guide_shows_navigation_toc_alerts_and_field_tables, every_toc_link_targets_an_element,
         no_horizontal_scroll_at_phone_width, live_reload_shows_an_edit, an_edit_elsewhere_does_not_reload_the_page,
         a_stylesheet_change_is_swapped_in_without_a_reload, a_broken_page_shows_the_overlay_and_a_fix_clears_it,
         code_is_coloured_and_the_copy_button_copies_it]


def main():
    chromium.prepare(DOCGEN, SHOTS)
    server = Server()
    driver = browser()
    chromium.run_all("browser tests", TESTS, (server, driver), driver, server.stop, SHOTS)


if __name__ == "__main__":
    main()
