#!/usr/bin/env python3
"""docgen's search against Pagefind and against Docsy's offline (Lunr) search, on the CVAT corpus.

`make search-compare` (not part of `make test`; needs the release binary, ../shared, Chromium with
chromedriver and Selenium, Node with Debian's node-lunr, and Pagefind 1.5.2: `pip install
pagefind_bin==1.5.2`). For each scale it builds the corpus with docgen, runs Pagefind on docgen's
output, and then, in headless Chromium against `python3 -m http.server`, asks both engines the same
queries from a fresh page each time, summing the bytes of every file the query fetched
(counted by the server, since Pagefind fetches from a web worker; the engines' scripts included). Docsy's approach is
measured as what it downloads on every page: one JSON of every page's title, description and text,
and the time Lunr takes to index it in Node. Last, docgen's build with search on and off, at 1x, 10x
and 50x, for the index's share of the build. Prints Markdown tables; medians of RUNS runs.
"""
import functools, gzip, html, http.server, json, os, re, shutil, socketserver, statistics, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
DOCGEN = os.path.join(ROOT, ".build", "release", "docgen")
TEMPLATES = os.path.join(ROOT, "Tests", "SiteTests", "Fixtures", "cvat-shortcodes")
QUERIES_FILE = os.path.join(ROOT, "Tests", "Search", "cvat-queries.tsv")
RUNS = int(os.environ.get("RUNS", "3"))
SCALES = [int(x) for x in os.environ.get("SCALES", "1,50").split(",") if x]
SHARE_SCALES = [int(x) for x in os.environ.get("SHARE_SCALES", "1,10,50").split(",") if x]
# Ten of the committed queries: words, phrases, a prefix and typos.
CHOSEN = ["attach cloud storage", "backblaze", "bakcblaze", "manifest", "docker compose", "auto annotation",
          "kubernets", "coco keypoints", "skelet", "webhooks"]


def corpus(n, work):
    site = os.path.join(work, f"c{n}")
    if not os.path.isdir(site):
        subprocess.run(["bash", os.path.join(SHARED, "bench", "make-corpus.sh"), str(n), site], check=True, stdout=subprocess.DEVNULL)
    return site


def build(site, out, search=True, docgen=DOCGEN, env=None):
    """One build of `site` into `out`, search on or off (`search: false` in a docgen.yaml written
    for the run and removed after it); returns its wall time in seconds."""
    settings = os.path.join(site, "docgen.yaml")
    if search:
        if os.path.exists(settings):
            os.remove(settings)
    else:
        with open(settings, "w") as f:
            f.write("search: false\n")
    start = time.perf_counter()
    subprocess.run([docgen, "build", "--source", site, "--contentDir", "content/en", "--templates", TEMPLATES,
                    "--destination", out], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    took = time.perf_counter() - start
    if os.path.exists(settings):
        os.remove(settings)
    return took


def median_build(site, out, search):
    build(site, out, search)  # warm-up: the file cache, and the spare the next builds reuse
    return statistics.median(build(site, out, search) for _ in range(RUNS))


def pagefind(site_out):
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind_bin", "--site", site_out], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def page_text(path):
    """Title, description and the text of the page's article, as Docsy's index keeps them (.Plain)."""
    text = open(path, encoding="utf-8").read()
    if 'http-equiv="refresh"' in text:
        return None
    title = re.search(r"<title>(.*?)</title>", text, re.S)
    description = re.search(r'<meta name="description" content="([^"]*)"', text)
    body = re.search(r'<article class="page">(.*?)</article>', text, re.S)
    plain = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body.group(1) if body else ""))).strip()
    return {"title": html.unescape(title.group(1)) if title else "", "description": html.unescape(description.group(1)) if description else "",
            "body": plain}


def docsy_index(out, work, n):
    docs = []
    for folder, _, files in os.walk(out):
        for name in files:
            if name == "index.html":
                entry = page_text(os.path.join(folder, name))
                if entry:
                    entry["ref"] = "/" + os.path.relpath(folder, out).strip(".") + "/"
                    docs.append(entry)
    data = json.dumps(docs).encode()
    path = os.path.join(work, f"docsy-{n}.json")
    with open(path, "wb") as f:
        f.write(data)
    script = ("const lunr = require('lunr'); const docs = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));"
              "const t = process.hrtime.bigint(); lunr(function () { this.ref('ref'); this.field('title', {boost: 5});"
              "this.field('description', {boost: 3}); this.field('body'); docs.forEach((d) => this.add(d), this); });"
              "console.log(Number(process.hrtime.bigint() - t) / 1e9);")
    env = dict(os.environ, NODE_PATH="/usr/share/nodejs")
    times = [float(subprocess.run(["node", "-e", script, path], env=env, capture_output=True, text=True, check=True).stdout)
             for _ in range(RUNS)]
    return len(docs), len(data), len(gzip.compress(data, 6)), statistics.median(times)


SERVED = []  # (path, bytes) of every file served, in order


class Counting(http.server.SimpleHTTPRequestHandler):
    """Counts what it serves: Pagefind fetches its index from a web worker, whose requests the
    page's own resource timing never sees, so the bytes are counted where they leave."""

    def do_GET(self):
        super().do_GET()
        path = self.translate_path(self.path)
        if os.path.isfile(path):
            SERVED.append((self.path.split("?")[0], os.path.getsize(path)))

    def log_message(self, *args):
        pass


HARNESS = """<!DOCTYPE html><meta charset="utf-8"><title>search compare</title>
<script src="/docgen-search-engine.js"></script>
<script>
window.ask = async function (engine, query) {
  const t0 = performance.now();
  let urls;
  if (engine === "pagefind") {
    const pf = await import("/pagefind/pagefind.js");
    await pf.init();
    const found = await pf.search(query);
    const top = await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
    urls = top.map((d) => d.url);
    const t1 = performance.now();
    const again = await pf.search(query);
    await Promise.all(again.results.slice(0, 5).map((r) => r.data()));
    return { urls, ms: t1 - t0, warm: performance.now() - t1 };
  }
  const docgen = DocgenSearch.createEngine("/docgen-search/", (u) => fetch(u).then((r) => r.json()));
  // Five results, as many as Pagefind's data() is asked for (the header's box shows eight).
  const results = await docgen.search(query, { limit: 5 });
  urls = results.map((r) => "/" + r.url.split("#")[0]);
  const t1 = performance.now();
  await docgen.search(query, { limit: 5 });
  return { urls, ms: t1 - t0, warm: performance.now() - t1 };
};
</script>"""


def same_page(url, expected):
    # At 50x the docs tree is there 50 times: a copy of the expected page counts as the page.
    return re.sub(r"^/docs/copy\d+/", "/docs/", url) == "/" + expected


def browser_queries(out, expected):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    with open(os.path.join(out, "search-compare.html"), "w") as f:
        f.write(HARNESS)
    handler = functools.partial(Counting, directory=out)
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as httpd:
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{httpd.server_address[1]}/"
        options = webdriver.ChromeOptions()
        for flag in ["--headless=new", "--no-sandbox", "--disable-gpu"]:
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        rows = {}
        try:
            for engine in ["docgen", "pagefind"]:
                for query in CHOSEN:
                    SERVED.clear()
                    driver.get(base + "search-compare.html")
                    driver.set_script_timeout(60)
                    answer = driver.execute_async_script(
                        "const done = arguments[arguments.length - 1]; ask(arguments[0], arguments[1]).then(done, (e) => done({error: String(e)}));",
                        engine, query)
                    assert "error" not in answer, answer
                    time.sleep(0.2)  # the last responses' handlers finish counting
                    # The harness page is neither's; its script is docgen's engine, counted for docgen only.
                    fetched = sum(size for path, size in SERVED if path not in ("/search-compare.html", "/favicon.ico")
                                  and (engine == "docgen" or path != "/docgen-search-engine.js"))
                    if engine == "docgen":
                        # The box's UI script loads on every page too.
                        fetched += os.path.getsize(os.path.join(out, "docgen-search.js"))
                    rank = next((i + 1 for i, u in enumerate(answer["urls"]) if same_page(u, expected[query])), 0)
                    rows[(engine, query)] = (fetched, answer["ms"], answer["warm"], rank)
        finally:
            driver.quit()
            httpd.shutdown()
    return rows


def main():
    for need in [DOCGEN, os.path.join(SHARED, "bench", "make-corpus.sh"), "/usr/bin/chromedriver"]:
        if not os.path.exists(need):
            sys.exit(f"{need} is missing (release binary: swift build -c release)")
    expected = dict(line.rstrip("\n").split("\t") for line in open(QUERIES_FILE) if line.strip() and not line.startswith("#"))
    work = os.environ.get("WORK") or tempfile.mkdtemp(prefix="docgen-search-compare-")
    print(f"work folder: {work}; {RUNS} runs each\n")
    summary = {}
    for n in SCALES:
        site = corpus(n, work)
        out = os.path.join(work, f"out{n}")
        docgen_build = median_build(site, out, True)
        index_files = [os.path.join(d, f) for d, _, fs in os.walk(os.path.join(out, "docgen-search")) for f in fs]
        pagefind_time = statistics.median(pagefind(out) for _ in range(RUNS))
        pagefind_files = [os.path.join(d, f) for d, _, fs in os.walk(os.path.join(out, "pagefind")) for f in fs]
        docs, raw, zipped, lunr_seconds = docsy_index(out, work, n)
        rows = browser_queries(out, expected)
        summary[n] = dict(docgen_build=docgen_build, pagefind=pagefind_time, docs=docs, raw=raw, zipped=zipped, lunr=lunr_seconds,
                          rows=rows, index=(len(index_files), sum(map(os.path.getsize, index_files))),
                          pagefind_index=(len(pagefind_files), sum(map(os.path.getsize, pagefind_files))))

    if summary:
        comparison(summary)
    share(work)
    if not os.environ.get("WORK"):
        shutil.rmtree(work, ignore_errors=True)


def comparison(summary):
    print("| | docgen 1x | Pagefind 1x | Docsy/Lunr 1x | docgen 50x | Pagefind 50x | Docsy/Lunr 50x |")
    print("|---|---|---|---|---|---|---|")
    s1, s50 = summary[min(summary)], summary[max(summary)]
    def idx(s):
        return f"{s['index'][0]:,} files, {s['index'][1] / 1e6:.1f} MB"
    def pfidx(s):
        return f"{s['pagefind_index'][0]:,} files, {s['pagefind_index'][1] / 1e6:.1f} MB"
    print(f"| index build | in the build ({s1['docgen_build']:.2f} s whole build) | {s1['pagefind']:.2f} s after the build | "
          f"{s1['lunr']:.2f} s in every browser | in the build ({s50['docgen_build']:.2f} s whole build) | {s50['pagefind']:.2f} s | {s50['lunr']:.2f} s in every browser |")
    print(f"| index on disk | {idx(s1)} | {pfidx(s1)} | 1 file, {s1['raw'] / 1e6:.2f} MB | {idx(s50)} | {pfidx(s50)} | 1 file, {s50['raw'] / 1e6:.1f} MB |")
    for label, pick in [("KB per query, median", lambda v: statistics.median(v) / 1024), ("KB per query, most", lambda v: max(v) / 1024)]:
        cells = []
        for s in [s1, s50]:
            for engine in ["docgen", "pagefind"]:
                cells.append(f"{pick([s['rows'][(engine, q)][0] for q in CHOSEN]):.0f}")
            cells.append(f"{s['raw'] / 1024:.0f} raw / {s['zipped'] / 1024:.0f} gzipped + lunr, jQuery")
        print(f"| {label} | " + " | ".join([cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]]) + " |")
    for label, col in [("first answer, ms (median, download included)", 1), ("answer once downloaded, ms (median)", 2)]:
        cells = []
        for s in [s1, s50]:
            for engine in ["docgen", "pagefind"]:
                cells.append(f"{statistics.median(s['rows'][(engine, q)][col] for q in CHOSEN):.0f}")
            cells.append("–")
        print(f"| {label} | " + " | ".join(cells) + " |")
    cells = []
    for s in [s1, s50]:
        for engine in ["docgen", "pagefind"]:
            cells.append(f"{sum(1 <= s['rows'][(engine, q)][3] <= 3 for q in CHOSEN)}/{len(CHOSEN)}")
        cells.append("not measured")
    print("| expected page in top 3 | " + " | ".join(cells) + " |")

    print("\nPer query (1x / 50x): KB fetched and rank of the expected page (0: not in the results)\n")
    print("| query | docgen 1x | Pagefind 1x | docgen 50x | Pagefind 50x |")
    print("|---|---|---|---|---|")
    for q in CHOSEN:
        cells = [f"{s['rows'][(e, q)][0] / 1024:.0f} KB, #{s['rows'][(e, q)][3]}" for s in [s1, s50] for e in ["docgen", "pagefind"]]
        print(f"| {q} | {cells[0]} | {cells[1]} | {cells[2]} | {cells[3]} |")



def share(work):
    print("\nWhat the index adds to docgen's build (release binary, median wall time; runs with and without")
    print("search alternate, so that the machine's drift falls on both alike)\n")
    print("| scale | pages | build, search on | build, search off | added by the index |")
    print("|---|---|---|---|---|")
    for n in SHARE_SCALES:
        site = corpus(n, work)
        out = os.path.join(work, f"share{n}")
        build(site, out, True)  # warm-ups: the file cache, and the spare folders the next builds reuse
        build(site, out + "-off", False)
        on, off = [], []
        for _ in range(RUNS):
            on.append(build(site, out, True))
            off.append(build(site, out + "-off", False))
        on, off = statistics.median(on), statistics.median(off)
        pages = sum(1 for d, _, fs in os.walk(os.path.join(site, "content")) for f in fs if f.endswith(".md"))
        print(f"| {n}x | {pages:,} | {on:.3f} s | {off:.3f} s | {(on - off) / off * 100:+.1f}% |")


if __name__ == "__main__":
    main()
