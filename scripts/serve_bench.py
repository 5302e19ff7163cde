"""The serve part of make bench: `docgen serve` against `hugo server`, measured the same way.

For each tool and scale: start the server, time until the home page is first served; then edit
one page EDITS times (a new sentence each time, written in place as an editor saves) and time
from the write to the moment a poll over HTTP (every millisecond, a new connection each time)
sees the new sentence in the served page. Both tools run with their defaults (Hugo renders to
memory with fast render; docgen serve always does).
"""
import os, socket, statistics, subprocess, time, urllib.error, urllib.request

EDITS = int(os.environ.get("SERVE_EDITS", "9"))
PAGE = "content/en/docs/annotation/auto-annotation/ai-models.md"
URL_PATH = "/docs/annotation/auto-annotation/ai-models/"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except (urllib.error.URLError, ConnectionError, socket.timeout):
        return None, b""


def wait_for(url, predicate, timeout=60):
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        status, body = get(url)
        if status is not None and predicate(status, body):
            return time.perf_counter()
        time.sleep(0.001)
    raise TimeoutError(f"{url} did not change within {timeout} s")


def measure(command, site, port):
    """Seconds to the first page, and the save-to-served seconds of each edit."""
    page_file = os.path.join(site, PAGE)
    original = open(page_file, encoding="utf-8").read()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        first = wait_for(f"http://127.0.0.1:{port}/", lambda status, _: status == 200) - started
        url = f"http://127.0.0.1:{port}{URL_PATH}"
        wait_for(url, lambda status, _: status == 200)
        times = []
        for k in range(EDITS):
            time.sleep(0.6)  # let the previous rebuild and any watcher settle
            marker = f"serve-bench-sentence-{k}-{os.getpid()}"
            t0 = time.perf_counter()
            with open(page_file, "w", encoding="utf-8") as f:
                f.write(original + f"\n\nA new sentence: {marker}.\n")
            t1 = wait_for(url, lambda _, body: marker.encode() in body, timeout=20)
            times.append(t1 - t0)
        return first, times
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        with open(page_file, "w", encoding="utf-8") as f:
            f.write(original)


def serve_benchmarks(docgen, hugo, sites, fixture_templates, row, table):
    """sites: [(scale, pages, folder)] made by make-corpus.sh."""
    table(f"docgen serve vs hugo server: save a page, poll it over HTTP until the change is served "
          f"(median of {EDITS} edits; first page: from starting the server)",
          ["scale", "pages", "docgen save→served", "hugo save→served", "docgen/hugo", "docgen first page", "hugo first page",
           "docgen edits (ms)"])
    for n, pages, site in sites:
        port = free_port()
        d_first, d_times = measure([docgen, "serve", "--source", site, "--contentDir", "content/en", "--templates",
                                    fixture_templates, "--port", str(port)], site, port)
        if os.path.exists(hugo):
            port = free_port()
            h_first, h_times = measure([hugo, "server", "-s", site, "--port", str(port), "--bind", "127.0.0.1"], site, port)
            h = statistics.median(h_times)
        else:
            h_first, h = float("nan"), float("nan")
        d = statistics.median(d_times)
        row([f"{n}x", str(pages), f"{d * 1000:.0f} ms", f"{h * 1000:.0f} ms", f"{d / h:.2f}", f"{d_first * 1000:.0f} ms",
             f"{h_first * 1000:.0f} ms", ", ".join(f"{t * 1000:.0f}" for t in d_times)])
