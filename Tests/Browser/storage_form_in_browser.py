#!/usr/bin/env python3
"""Browser tests of the storage form ({{< storage-form >}}) on the built project docs, in headless
Chromium through Selenium. Part of `make test`, beside serve_in_browser.py.

The docs are built with the docgen binary given as the first argument and served by a plain HTTP
server that records every request it gets; Chrome's performance log records every request the
page starts. Each provider's valid example is filled in and must be accepted; invalid values must
show, at their fields, the messages `docgen validate --format json` gives for the same config; the
paste box must list the CLI's problems at the CLI's line:col; and after the page has loaded,
nothing at all may be requested. Screenshots go to .build/browser/. Skips, saying why, only when
Chromium, chromedriver or Selenium is missing.
"""
import functools, http.server, json, os, shutil, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOCGEN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "docgen"))
SHOTS = os.path.join(ROOT, ".build", "browser")
GUIDE = "docs/guide/attach-cloud-storage/"
FIXTURES = os.path.join(ROOT, "Tests", "CLITests", "Fixtures", "configs")


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import chromium

chromium.require("storage form browser tests")
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select


class Site:
    """The project's docs built into a temporary folder and served over HTTP; `requests` lists
    every path the server was asked for."""

    def __init__(self):
        self.work = tempfile.mkdtemp(prefix="docgen-form-browser-")
        self.folder = os.path.join(self.work, "public")
        subprocess.run([DOCGEN, "build", "--source", ROOT, "--destination", self.folder], check=True, capture_output=True)
        self.requests = []
        site = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                site.requests.append(self.path)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=self.folder))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def stop(self):
        self.server.shutdown()
        shutil.rmtree(self.work, ignore_errors=True)


def browser():
    return chromium.browser(1366, 900, {"goog:loggingPrefs": {"performance": "ALL"}})


def validate(config_text):
    """docgen validate's verdict on one config text: (valid, [(pointer, line, column, message)])."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        f.write(config_text)
    try:
        out = subprocess.run([DOCGEN, "validate", "--format", "json", f.name], capture_output=True, text=True)
        verdict = json.loads(out.stdout)["files"][0]
        return verdict["valid"], [(e["pointer"], e["line"], e["column"], e["message"]) for e in verdict["errors"]]
    finally:
        os.unlink(f.name)


def requests_started(driver):
    """URLs the page asked for since the last call, from Chrome's performance log (blob: and
    data: addresses are the page's own memory, not requests)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] in ("Network.requestWillBeSent", "Network.webSocketCreated"):
            url = message["params"].get("request", {}).get("url") or message["params"].get("url", "")
            if not url.startswith(("blob:", "data:")):
                urls.append(url)
    return urls


# Each provider's example from the guide, as a user types it into the form.
EXAMPLES = [
    ("aws-s3", "KEY_SECRET_KEY_PAIR", {"resource": "acme-cvat-frames", "display_name": "Street scenes (S3)",
     "description": "Dash-cam frames", "key": "AKIAFORMTEST0001", "secret_key": "FORM-TEST-SECRET-S3",
     "specific_attributes": "region=eu-central-1", "manifests": "frames/manifest.jsonl"}),
    ("aws-s3", "ANONYMOUS_ACCESS", {"resource": "acme-public", "display_name": "Public frames"}),
    ("backblaze-b2", "KEY_SECRET_KEY_PAIR", {"resource": "acme-cvat-b2", "display_name": "Street scenes (B2)",
     "key": "004FORMTEST0002", "secret_key": "FORM-TEST-SECRET-B2",
     "specific_attributes": "endpoint_url=https%3A%2F%2Fs3.us-west-004.backblazeb2.com&region=us-west-004"}),
    ("google-cloud-storage", "KEY_FILE_PATH", {"resource": "acme-cvat-gcs", "display_name": "Street scenes (GCS)",
     "key_file": "secrets/cvat-reader-key.json", "specific_attributes": "project=acme-vision&location=europe-west4",
     "manifests": "frames/manifest.jsonl"}),
    ("azure-blob", "ACCOUNT_NAME_TOKEN_PAIR", {"resource": "street-scenes", "display_name": "Street scenes (Azure)",
     "account_name": "acmecvatdata", "session_token": "FORM-TEST-SECRET-SAS", "specific_attributes": "prefix=2024%2F"}),
    ("azure-blob", "CONNECTION_STRING", {"resource": "street-scenes", "display_name": "Azure (connection string)",
     "connection_string": "FORM-TEST-SECRET-CONNECTION"}),
]

# Mistakes typed into the form; the CLI's messages for the resulting config must appear at the fields.
MISTAKES = [
    ("aws-s3", "KEY_SECRET_KEY_PAIR", {"resource": "My_Bucket", "display_name": "x" * 70, "key": "EXAMPLE-KEY-ID",
     "secret_key": "", "specific_attributes": "prefix=/frames&colour=red", "manifests": "../manifest.jsonl\nm.json"}),
    ("backblaze-b2", "KEY_SECRET_KEY_PAIR", {"resource": "b2", "display_name": "B2", "key": "K" * 41, "secret_key": "S",
     "specific_attributes": "endpoint_url=s3.us-west-004.backblazeb2.com"}),
    ("google-cloud-storage", "KEY_FILE_PATH", {"resource": "google-frames", "display_name": " ", "key_file": " ",
     "specific_attributes": "region=x"}),
    ("azure-blob", "ACCOUNT_NAME_TOKEN_PAIR", {"resource": "Street--Scenes", "display_name": "Azure", "account_name": "Acme_Data",
     "session_token": ""}),
    ("azure-blob", "ANONYMOUS_ACCESS", {"resource": "ok-name", "display_name": "Azure", "account_name": "ab",
     "specific_attributes": "endpoint_url=https://user:pw@host"}),
]


def form_field(driver, key):
    return driver.find_element(By.CSS_SELECTOR, f'.sf-field[data-field="{key}"]')


def fill(driver, provider, credentials, values):
    driver.get(driver.site.url + GUIDE)
    Select(form_field(driver, "provider_type").find_element(By.TAG_NAME, "select")).select_by_value(provider)
    Select(form_field(driver, "credentials_type").find_element(By.TAG_NAME, "select")).select_by_value(credentials)
    for key, value in values.items():
        control = form_field(driver, key).find_element(By.CSS_SELECTOR, "input, textarea")
        control.clear()
        if value:
            # Typed as a user types: one input event per key, each followed by a check.
            control.send_keys(value.replace("\n", Keys.ENTER))
        else:
            control.send_keys("x", Keys.BACKSPACE)
    driver.find_element(By.XPATH, "//button[text()='Check every field']").click()


def preview(driver, reveal):
    box = driver.find_element(By.CSS_SELECTOR, ".sf-output input[type=checkbox]")
    if box.is_selected() != reveal:
        box.click()
    return driver.find_element(By.CSS_SELECTOR, ".sf-preview").text


# --- the tests ---------------------------------------------------------------------------------

def the_form_page_declares_a_policy_and_starts(driver):
    driver.get(driver.site.url + GUIDE)
    policy = driver.execute_script(
        "var m = document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]'); return m && m.content")
    assert policy and "connect-src 'none'" in policy and "form-action 'none'" in policy, f"policy: {policy!r}"
    assert driver.find_element(By.CSS_SELECTOR, ".storage-form").is_displayed(), "the form did not start"
    driver.get(driver.site.url + "docs/user-guide/validation/")
    none = driver.execute_script("return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]') === null"
                                 " && !document.querySelector('script[src$=\"docgen-storage-form.js\"]')")
    assert none, "a page without the form has the policy or the script"
    return f"policy: {policy}"


def without_javascript_the_tables_and_a_note_show(driver):
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        driver.get(driver.site.url + GUIDE)
        tables = [t for t in driver.find_elements(By.CSS_SELECTOR, "table.storage-fields") if t.is_displayed()]
        note = driver.find_element(By.CSS_SELECTOR, ".storage-form-nojs")
        form = driver.find_element(By.CSS_SELECTOR, ".storage-form")
        assert len(tables) == 4 and note.is_displayed() and not form.is_displayed(), "without scripts the page is wrong"
        return f"{len(tables)} field tables and the note: {note.text[:60]}…"
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def each_provider_example_is_accepted(driver):
    notes = []
    for provider, credentials, values in EXAMPLES:
        fill(driver, provider, credentials, values)
        summary = driver.find_element(By.CSS_SELECTOR, ".sf-form .sf-summary").text
        assert summary.startswith("Valid"), f"{provider} {credentials}: {summary}"
        masked = preview(driver, False)
        secrets = [v for k, v in values.items() if k in ("key", "secret_key", "session_token", "connection_string")]
        for secret in secrets:
            assert secret not in masked, f"{provider}: the preview shows a secret"
            assert secret not in driver.execute_script("return document.body.innerText"), f"{provider}: a secret is in the page's text"
        config = preview(driver, True)
        valid, problems = validate(config)
        assert valid, f"{provider} {credentials}: docgen validate rejects the form's config: {problems}"
        assert all(s in config for s in secrets), "the revealed config lacks a secret"
        if provider == "aws-s3" and credentials == "KEY_SECRET_KEY_PAIR":
            driver.save_screenshot(os.path.join(SHOTS, "storage-form-valid-desktop.png"))
        notes.append(f"{provider}/{credentials}")
    return f"{len(notes)} examples valid in the form and in docgen validate"


def mistakes_show_the_cli_messages_at_their_fields(driver):
    shown = 0
    for provider, credentials, values in MISTAKES:
        fill(driver, provider, credentials, values)
        config = preview(driver, True)
        valid, problems = validate(config)
        assert not valid, f"{provider}: the CLI accepts {config}"
        for pointer, _, _, message in problems:
            key = pointer.split("/")[1]
            field = form_field(driver, key)
            error = field.find_element(By.CSS_SELECTOR, ".sf-error")
            messages = error.get_attribute("textContent").split("\n")
            assert message in messages, f"{provider} {pointer}: {message!r} not in {messages!r}"
            control = field.find_element(By.CSS_SELECTOR, "input, select, textarea")
            assert control.get_attribute("aria-invalid") == "true", f"{pointer}: not aria-invalid"
            assert error.get_attribute("id") in control.get_attribute("aria-describedby").split(), f"{pointer}: error not described"
            shown += 1
        texts = [e.get_attribute("textContent") for e in driver.find_elements(By.CSS_SELECTOR, ".sf-error")]
        assert sum(len(t.split("\n")) for t in texts if t) == len(problems), "the form shows other messages than the CLI"
        preview(driver, False)
        if provider == "aws-s3":
            driver.save_screenshot(os.path.join(SHOTS, "storage-form-errors-desktop.png"))
    return f"{len(MISTAKES)} configs, {shown} CLI messages each at its field, aria-invalid and described"


def the_paste_box_lists_the_cli_problems_at_line_and_column(driver):
    texts = [open(os.path.join(FIXTURES, name), encoding="utf-8").read() for name in sorted(os.listdir(FIXTURES)) if name.endswith(".json")]
    texts += ['{"resource": "abc" "x": 1}', '{\n  "provider_type": "AWS_S3_BUCKET",\n  "key": "SECRET\n']
    count = 0
    for text in texts:
        driver.get(driver.site.url + GUIDE)
        box = driver.find_element(By.CSS_SELECTOR, ".sf-paste textarea")
        # Pasting is one input event; set the value and fire it as a paste does.
        driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", box, text)
        _, problems = validate(text)
        expected = [f"{line}:{column}" for _, line, column, _ in problems]
        deadline = time.time() + 2
        while time.time() < deadline:
            items = driver.find_elements(By.CSS_SELECTOR, ".sf-problems li")
            if len(items) == len(problems) and (problems or driver.find_element(By.CSS_SELECTOR, ".sf-paste .sf-summary").text):
                break
            time.sleep(0.05)
        got = [f'{i.get_attribute("data-line")}:{i.get_attribute("data-column")}' for i in items]
        assert got == expected, f"positions {got} != {expected} for {text[:60]!r}"
        for item, (_, _, _, message) in zip(items, problems):
            line = item.get_attribute("textContent")
            assert line.endswith(message), f"{line!r} does not end with {message!r}"
        count += 1
        if "secret_access_key" in text:
            driver.execute_script("document.querySelector('.sf-paste').scrollIntoView()")
            driver.save_screenshot(os.path.join(SHOTS, "storage-form-paste-desktop.png"))
    return f"{count} configs pasted, every problem at the CLI's line:col with its message"


def nothing_is_requested_after_the_page_has_loaded(driver):
    requests_started(driver)   # what earlier tests loaded
    driver.get(driver.site.url + GUIDE)
    loaded = requests_started(driver)
    served = len(driver.site.requests)
    resources = driver.execute_script("return performance.getEntriesByType('resource').length")
    provider, credentials, values = EXAMPLES[0]
    for key, value in values.items():
        form_field(driver, key).find_element(By.CSS_SELECTOR, "input, textarea").send_keys(value)
    driver.find_element(By.XPATH, "//button[text()='Check every field']").click()
    for button in ["Copy", "Download"]:
        driver.find_element(By.XPATH, f"//button[text()='{button}']").click()
    for toggle in driver.find_elements(By.CSS_SELECTOR, ".sf-reveal"):
        if toggle.is_displayed():
            toggle.click()
    box = driver.find_element(By.CSS_SELECTOR, ".sf-paste textarea")
    box.send_keys('{"provider_type": "AWS_S3_BUCKET", "resource": "x"}')
    time.sleep(0.4)
    # A script that tries anyway (a search box fetching its index) is refused, and the form goes on.
    refused = driver.execute_async_script(
        "var done = arguments[0]; fetch('/index.json').then(function () { done('fetched'); }, function () { done('refused'); })")
    box.send_keys(Keys.END, " ")
    time.sleep(0.3)
    after = requests_started(driver)
    resources_after = driver.execute_script("return performance.getEntriesByType('resource').length")
    stored = driver.execute_script("return [localStorage.length, sessionStorage.length, document.cookie]")
    assert refused == "refused", f"fetch was {refused}"
    assert after == [], f"requests after load: {after}"
    assert len(driver.site.requests) == served, f"the server was asked for {driver.site.requests[served:]}"
    assert resources_after == resources, f"resource entries grew from {resources} to {resources_after}"
    assert stored == [0, 0, ""], f"something was stored: {stored}"
    assert driver.find_element(By.CSS_SELECTOR, ".sf-paste .sf-summary").text, "the paste box stopped working"
    return (f"{len(loaded)} requests while loading ({', '.join(u.rsplit('/', 1)[-1] or '/' for u in loaded)}), "
            f"0 after filling, copying, downloading and pasting; fetch() refused; nothing stored")


def every_control_has_a_label_and_the_form_works_by_keyboard(driver):
    driver.get(driver.site.url + GUIDE)
    unlabeled = driver.execute_script("""
        return Array.from(document.querySelectorAll('.storage-form input, .storage-form select, .storage-form textarea'))
          .filter(c => !(c.labels && c.labels.length) && !c.getAttribute('aria-label')).map(c => c.outerHTML)""")
    assert not unlabeled, f"controls without a label: {unlabeled}"
    select = form_field(driver, "provider_type").find_element(By.TAG_NAME, "select")
    select.send_keys(Keys.END)   # the keyboard picks the last provider
    name = Select(select).first_selected_option.text
    label = form_field(driver, "resource").find_element(By.TAG_NAME, "label").text
    select.send_keys(Keys.TAB)
    focused = driver.execute_script("return document.activeElement.id")
    assert focused.endswith("credentials_type"), f"Tab went to {focused}"
    return f"every control labelled; End chose {name} (field now '{label}'), Tab moved on to the authentication type"


def tables_fit_their_column_and_the_form_fits_a_phone(driver):
    driver.get(driver.site.url + GUIDE)
    widths = driver.execute_script("""
        return Array.from(document.querySelectorAll('table.storage-fields')).map(t => {
          var column = t.parentElement.getBoundingClientRect().width;
          return [t.getBoundingClientRect().width, t.scrollWidth, t.clientWidth, column]; })""")
    assert widths, "no field tables"
    for table, scroll, client, column in widths:
        assert table <= column + 0.5 and scroll <= client, f"a table is wider than its column: {table} px (scrolls {scroll}) in {column} px"
    driver.execute_script("document.querySelector('table.storage-fields').scrollIntoView()")
    driver.save_screenshot(os.path.join(SHOTS, "storage-fields-desktop.png"))
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    try:
        driver.get(driver.site.url + GUIDE)
        scroll, client = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert scroll <= client, f"the guide scrolls sideways at 390 px: {scroll} in {client}"
        provider, credentials, values = MISTAKES[0]
        fill(driver, provider, credentials, values)
        scroll, client = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert scroll <= client, f"the filled form scrolls sideways at 390 px: {scroll} in {client}"
        driver.execute_script("document.querySelector('.storage-form').scrollIntoView()")
        driver.save_screenshot(os.path.join(SHOTS, "storage-form-phone.png"))
        driver.execute_script("document.querySelector('table.storage-fields').scrollIntoView()")
        driver.save_screenshot(os.path.join(SHOTS, "storage-fields-phone.png"))
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return f"{len(widths)} tables, widest {max(w[0] for w in widths):.0f} px in a {widths[0][3]:.0f} px column at 1366 px; no sideways scroll at 390 px"


TESTS = [the_form_page_declares_a_policy_and_starts, without_javascript_the_tables_and_a_note_show, each_provider_example_is_accepted,
         mistakes_show_the_cli_messages_at_their_fields, the_paste_box_lists_the_cli_problems_at_line_and_column,
         nothing_is_requested_after_the_page_has_loaded, every_control_has_a_label_and_the_form_works_by_keyboard,
         tables_fit_their_column_and_the_form_fits_a_phone]


def main():
    chromium.prepare(DOCGEN, SHOTS)
    site = Site()
    driver = browser()
    driver.site = site
    chromium.run_all("storage form browser tests", TESTS, (driver,), driver, site.stop, SHOTS)


if __name__ == "__main__":
    main()
