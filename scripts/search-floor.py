#!/usr/bin/env python3
"""Where the search index's share of a build goes: the whole index against builds that stop
part-way, on the CVAT corpus at SCALE (default 10x).

`make search-floor` (not part of `make test`; needs ../shared). It copies the committed HEAD into
a git worktree, adds an environment switch, DOCGEN_SEARCH_STOP, that makes the build stop the
search work at one of the points below, and builds that copy in release mode. The switch lives
only in that copy: docgen itself has none. Then it runs ROUNDS alternating rounds of every variant
with search on and with `search: false`, and prints each variant's share of the build
(median wall time, and CPU time), as `make search-compare` prints the whole index's.

- `box`: pages carry the search box and its scripts; nothing is cut, no index is built.
- `cut`: each page's content is also cut into sections and their text is held.
- `words`: every word of that text is also read into the postings; nothing is ranked or written.
- `index`: the whole index, as docgen builds it.

Whatever an index built from the rendered text does, it has to do at least what `words` does:
that variant's share is the floor of that design on this machine.
"""
import importlib.util, os, resource, shutil, statistics, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
# search-compare's build, so that both measure the share the same way.
_spec = importlib.util.spec_from_file_location("search_compare", os.path.join(ROOT, "scripts", "search-compare.py"))
compare = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compare)
ROUNDS = int(os.environ.get("ROUNDS", "21"))
SCALE = int(os.environ.get("SCALE", "10"))
VARIANTS = ["box", "cut", "words", "index"]

# (file, text that must be there once, what replaces it): how the copy learns to stop. An edit
# that no longer applies stops the script, rather than measuring something else.
EDITS = [
    ("Sources/Site/Search/SiteSearch.swift", "import Diagnostics\n",
     "import Diagnostics\nimport Foundation\n"
     "let searchStop = ProcessInfo.processInfo.environment[\"DOCGEN_SEARCH_STOP\"] ?? \"\"\n"),
    ("Sources/Site/Search/SiteSearch.swift", "        config.search && index.pages[i].isWritten",
     "        searchStop != \"box\" && config.search && index.pages[i].isWritten"),
    ("Sources/Site/Search/SiteSearch.swift",
     "        guard config.search else { return [] }\n        return SearchIndexFiles.files",
     "        guard config.search else { return [] }\n"
     "        if searchStop == \"box\" || searchStop == \"cut\" { return [] }\n"
     "        if searchStop == \"words\" { _ = SearchPostings.wordsOnly(pages(index, sections: sections, config: config)); return [] }\n"
     "        return SearchIndexFiles.files"),
    ("Sources/Site/Search/SearchPostings.swift", "    init(pages: [SearchPage]) {\n",
     "    static func wordsOnly(_ pages: [SearchPage]) -> Int {\n"
     "        parallelChunks(count: pages.count, chunksPerWorker: 4) { range in Self.read(pages, range) }.reduce(0) { $0 + $1.postings.count }\n"
     "    }\n\n    init(pages: [SearchPage]) {\n"),
]


def run(args, **kw):
    return subprocess.run(args, check=True, **kw)


def stopping_binary(work):
    """The committed HEAD with the stop switch, built in release mode; returns the binary."""
    copy = os.path.join(work, "source")
    run(["git", "-C", ROOT, "worktree", "add", "--detach", "--force", copy, "HEAD"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for name, old, new in EDITS:
        path = os.path.join(copy, name)
        text = open(path).read()
        if text.count(old) != 1:
            sys.exit(f"{name} has changed: the stop switch no longer fits it (looked for {old.strip()[:60]!r}); update EDITS")
        open(path, "w").write(text.replace(old, new))
    print(f"building the copy with the stop switch in {copy} …", file=sys.stderr)
    make = subprocess.run(["make", "-s", "-C", copy, "build"], capture_output=True, text=True)
    if make.returncode != 0:
        sys.exit("the copy did not build:\n" + make.stdout[-3000:] + make.stderr[-3000:])
    return os.path.join(copy, ".build", "release", "docgen")


def build(docgen, site, out, search, stop):
    """One build through search-compare's, with the stop switch set; returns wall and CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = compare.build(site, out, search, docgen=docgen, env=dict(os.environ, DOCGEN_SEARCH_STOP=stop))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main():
    maker = os.path.join(SHARED, "bench", "make-corpus.sh")
    if not os.path.exists(maker):
        sys.exit(f"{maker} is missing: this measurement needs ../shared")
    work = tempfile.mkdtemp(prefix="docgen-search-floor-")
    try:
        docgen = stopping_binary(work)
        site = os.path.join(work, f"c{SCALE}")
        run(["bash", maker, str(SCALE), site], stdout=subprocess.DEVNULL)
        pages = sum(1 for _, _, fs in os.walk(os.path.join(site, "content")) for f in fs if f.endswith(".md"))
        runs = {}
        # Warm-ups (the file cache, and each output's spare folder), then rounds in which every
        # variant runs once with search on and once off, so that the machine's drift falls on all.
        for stop in VARIANTS:
            for search in (True, False):
                build(docgen, site, os.path.join(work, f"out-{stop}-{search}"), search, stop)
        for _ in range(ROUNDS):
            for stop in VARIANTS:
                for search in (True, False):
                    runs.setdefault((stop, search), []).append(build(docgen, site, os.path.join(work, f"out-{stop}-{search}"), search, stop))
        print(f"\nWhat each part of the search work adds to docgen's build at {SCALE}x ({pages:,} pages); medians of "
              f"{ROUNDS} alternating rounds, each variant against its own runs with `search: false`\n")
        print("| stops after | build, search on | search off | added (wall) | added (CPU) |")
        print("|---|---|---|---|---|")
        for stop in VARIANTS:
            on, off = runs[(stop, True)], runs[(stop, False)]
            won, woff = statistics.median(w for w, _ in on), statistics.median(w for w, _ in off)
            con, coff = statistics.median(c for _, c in on), statistics.median(c for _, c in off)
            print(f"| {stop} | {won:.3f} s | {woff:.3f} s | {(won - woff) / woff * 100:+.1f}% | {(con - coff) / coff * 100:+.1f}% |")
    finally:
        subprocess.run(["git", "-C", ROOT, "worktree", "remove", "--force", os.path.join(work, "source")],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
