"""What the browser tests share: Selenium with Debian's Chromium, headless, and the loop that runs
each test, prints ✔ or ✘ with its note, and fails the run if any failed. A missing Selenium,
Chromium or chromedriver skips the tests that import this, saying why; .ci/run installs all three."""
import sys


def skip(suite, reason):
    print(f"{suite} skipped: {reason}")
    sys.exit(0)


def require(suite):
    """Exits with a skip message unless Selenium, Chromium and chromedriver are all there."""
    import os
    try:
        import selenium  # noqa: F401
    except ImportError:
        skip(suite, "Selenium is not installed (pip install selenium)")
    for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"]:
        if not os.path.exists(tool):
            skip(suite, f"{tool} is missing (apt-get install chromium chromium-driver)")


def browser(width=1280, height=900, capabilities=None):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},{height}", "--hide-scrollbars"]:
        options.add_argument(flag)
    for name, value in (capabilities or {}).items():
        options.set_capability(name, value)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def prepare(docgen, shots):
    """Stops unless the docgen binary is built; makes the screenshots' folder."""
    import os
    if not os.path.exists(docgen):
        sys.exit(f"{docgen} does not exist: build docgen first")
    os.makedirs(shots, exist_ok=True)


def run_all(suite, tests, arguments, driver, cleanup, shots):
    """Runs every test with `arguments`, listing each outcome, then quits the browser, cleans up
    and exits, failing if any test failed."""
    failures = 0
    try:
        for test in tests:
            try:
                note = test(*arguments)
                print(f"✔ {test.__name__}: {note}")
            except Exception as error:  # every failure is listed, then the run fails
                failures += 1
                print(f"✘ {test.__name__}: {error}")
    finally:
        driver.quit()
        cleanup()
    print(f"{suite}: {len(tests) - failures} passed, {failures} failed; screenshots in {shots}")
    sys.exit(1 if failures else 0)
