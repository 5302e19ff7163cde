#!/usr/bin/env python3
"""make bench: docgen against its peers, all in one run, on the same inputs.

Times whole commands with hyperfine (median of RUNS runs) and peak memory with GNU time, and
prints one table per task with the ratio docgen/peer. Peers that are not installed are skipped
with a note. Absolute times vary between machines; the ratios of one run are what count.
"""
import json, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
DOCGEN = os.path.join(ROOT, ".build", "release", "docgen")
RUNS = int(os.environ.get("RUNS", "5"))
SCALES = [int(s) for s in os.environ.get("SCALES", "1,10,50").split(",")]
# PARTS=validate runs one table only; the link table needs the builds, so "check" implies "build".
PARTS = os.environ.get("PARTS", "build,check,validate,serve").split(",")
WORK = tempfile.mkdtemp(prefix="docgen-bench-")
FIXTURE_TEMPLATES = os.path.join(ROOT, "Tests", "SiteTests", "Fixtures", "cvat-shortcodes")
HUGO = "/usr/bin/hugo"
# DOCGEN_BASELINE=/path/to/an/older/docgen adds a table of this docgen against that one, timed in
# the same run (for changes that must keep the speed: "within 5%").
BASELINE = os.environ.get("DOCGEN_BASELINE")


def have(tool):
    return shutil.which(tool) is not None or os.path.exists(tool)


def median_seconds(command, runs=RUNS, prepare=None):
    out = os.path.join(WORK, "hyperfine.json")
    args = ["hyperfine", "-N", "--runs", str(runs), "--warmup", "1", "--export-json", out, "--style", "none"]
    if prepare:
        args += ["--prepare", prepare]
    subprocess.run(args + [command], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return json.load(open(out))["results"][0]["median"]


def peak_mib(command):
    result = subprocess.run(["/usr/bin/time", "-f", "%M", "sh", "-c", command + " >/dev/null 2>&1"],
                            stderr=subprocess.PIPE, text=True)
    return int(result.stderr.strip().splitlines()[-1]) / 1024


def row(cells):
    print("| " + " | ".join(cells) + " |")


def table(title, header):
    print(f"\n### {title}\n")
    row(header)
    row(["---"] * len(header))


def build_benchmarks():
    table("Build the CVAT manual (docgen vs Hugo 0.111; floor: cmark-gfm CLI on the same Markdown)",
          ["scale", "pages", "docgen wall", "hugo wall", "docgen/hugo", "docgen MiB", "hugo MiB", "mem ratio",
           "cmark-gfm wall", "docgen/cmark-gfm"])
    baselines = []
    for n in SCALES:
        site = os.path.join(WORK, f"c{n}")
        subprocess.run(["bash", os.path.join(SHARED, "bench", "make-corpus.sh"), str(n), site], check=True, stdout=subprocess.DEVNULL)
        pages = sum(1 for _, _, fs in os.walk(os.path.join(site, "content")) for f in fs if f.endswith(".md"))
        docgen = (f"{DOCGEN} build --source {site} --contentDir content/en --templates {FIXTURE_TEMPLATES} "
                  f"--destination {site}/out-docgen")
        hugo = f"{HUGO} -s {site} -d {site}/out-hugo --quiet"
        runs = RUNS if n < 50 else max(5, RUNS)
        d = median_seconds(docgen, runs)
        dm = peak_mib(docgen)
        if have(HUGO):
            h = median_seconds(hugo, runs)
            hm = peak_mib(hugo)
        else:
            h = hm = float("nan")
        cmark = f"sh -c \"find {site}/content -name '*.md' -print0 | xargs -0 cat | cmark-gfm --unsafe -e table -e strikethrough -e autolink -e tasklist > /dev/null\""
        c = median_seconds(cmark, runs) if have("cmark-gfm") else float("nan")
        row([f"{n}x", str(pages), f"{d:.3f} s", f"{h:.3f} s", f"{d / h:.2f}", f"{dm:.0f}", f"{hm:.0f}", f"{dm / hm:.2f}",
             f"{c:.3f} s", f"{d / c:.2f}"])
        check_overhead(site, n, d)
        if n in (1, 50):
            highlight_cost(site, n)
        if BASELINE:
            baselines.append((n, pages, site, docgen))
    if BASELINE:
        baseline_table(baselines)


def baseline_table(sites):
    """This docgen against DOCGEN_BASELINE on the same sites, in one hyperfine run each (hyperfine
    runs all of the first command's runs, then the second's), and peak memory. The output folders
    are the ones the tables above left behind; a rerun on a fresh copy of the corpus is the check
    when the ratio looks off."""
    table(f"This docgen against the baseline {BASELINE}", ["scale", "pages", "now", "baseline", "now/baseline",
                                                              "now MiB", "baseline MiB", "mem ratio"])
    for n, pages, site, docgen in sites:
        old = docgen.replace(DOCGEN, BASELINE, 1).replace("out-docgen", "out-baseline")
        out = os.path.join(WORK, "hyperfine.json")
        subprocess.run(["hyperfine", "-N", "--runs", str(max(RUNS, 10)), "--warmup", "2", "--export-json", out, "--style", "none",
                        docgen, old], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        now, base = (r["median"] for r in json.load(open(out))["results"])
        nm, bm = peak_mib(docgen), peak_mib(old)
        row([f"{n}x", str(pages), f"{now:.3f} s", f"{base:.3f} s", f"{now / base:.3f}", f"{nm:.1f}", f"{bm:.1f}", f"{nm / bm:.2f}"])


def check_overhead(site, n, build_seconds):
    """`build --check` against `build`, run alternately so that the disk's drift during the run
    (write-back of earlier builds, deletion of old sites) falls on both alike."""
    if n != 1:
        return
    build = [DOCGEN, "build", "--source", site, "--contentDir", "content/en", "--templates", FIXTURE_TEMPLATES,
             "--destination", f"{site}/out-docgen"]
    checked = build + ["--check", "--format", "json"]
    times = {"build": [], "check": []}
    for i in range(max(15, RUNS * 3)):
        pair = [("build", build), ("check", checked)]
        for name, command in (pair if i % 2 == 0 else reversed(pair)):
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
    global CHECK_OVERHEAD
    CHECK_OVERHEAD = (statistics.median(times["build"]), statistics.median(times["check"]), len(times["build"]))


def highlight_cost(site, n):
    """What build-time highlighting adds: the same site built with it on and, from a copy whose
    docgen.yaml says `highlight: false`, off, run alternately as in check_overhead."""
    off = site + "-nohl"
    shutil.rmtree(off, ignore_errors=True)
    shutil.copytree(site, off, ignore=shutil.ignore_patterns("out-*"))
    with open(os.path.join(off, "docgen.yaml"), "w") as f:
        f.write("highlight: false\n")
    def command(root):
        return [DOCGEN, "build", "--source", root, "--contentDir", "content/en", "--templates", FIXTURE_TEMPLATES,
                "--destination", f"{root}/out-docgen"]
    times = {"on": [], "off": []}
    for i in range(max(10, RUNS * 2) if n == 1 else max(5, RUNS)):
        pair = [("on", command(site)), ("off", command(off))]
        for name, cmd in (pair if i % 2 == 0 else reversed(pair)):
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - start)
    on, off_t = statistics.median(times["on"]), statistics.median(times["off"])
    HIGHLIGHT_COST.append((n, on, off_t, len(times["on"])))
    shutil.rmtree(off, ignore_errors=True)


def link_benchmarks():
    table("Check internal links and fragments of Hugo's build of the corpus",
          ["scale", "HTML files", "docgen check", "lychee", "docgen/lychee", "html-proofer", "docgen/html-proofer"])
    for n in [s for s in SCALES if s in (1, 50)]:
        site = os.path.join(WORK, f"c{n}")
        out = f"{site}/out-hugo"
        if not os.path.exists(out):
            continue
        files = sum(1 for _, _, fs in os.walk(out) for f in fs if f.endswith(".html"))
        d = median_seconds_ignoring_exit(f"{DOCGEN} check {out}")
        lychee = shutil.which("lychee")
        l = median_seconds_ignoring_exit(f"{lychee} --offline --include-fragments --no-progress --root-dir {out} {out}") if lychee else float("nan")
        proofer = shutil.which("htmlproofer")
        p = (median_seconds_ignoring_exit(f"{proofer} --disable-external --allow-hash-href {out}", runs=3)
             if proofer and n == 1 else float("nan"))
        row([f"{n}x", str(files), f"{d:.3f} s", f"{l:.3f} s", f"{d / l:.2f}", f"{p:.3f} s", f"{d / p:.3f}"])


def median_seconds_ignoring_exit(command, runs=RUNS, warmup=1):
    out = os.path.join(WORK, "hyperfine.json")
    subprocess.run(["hyperfine", "-N", "-i", "--runs", str(runs), "--warmup", str(warmup), "--export-json", out, "--style", "none", command],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return json.load(open(out))["results"][0]["median"]


def validate_benchmarks():
    configs = os.path.join(WORK, "configs")
    subprocess.run([sys.executable, os.path.join(SHARED, "bench", "gen-configs.py"), "10000", configs], check=True)
    schema = os.path.join(WORK, "schema.json")
    with open(schema, "w") as f:
        subprocess.run([DOCGEN, "schema"], stdout=f, check=True)
    one = os.path.join(configs, "cfg00000.json")
    table("Validate cloud-storage configs (configs from gen-configs.py)",
          ["work", "docgen validate", "peer", "peer time", "docgen/peer"])
    # A 10 ms command is at the mercy of the machine's state: more runs, and warm caches.
    d1 = median_seconds_ignoring_exit(f"{DOCGEN} validate {one}", runs=40, warmup=5)
    cj = shutil.which("check-jsonschema")
    if cj:
        c1 = median_seconds_ignoring_exit(f"{cj} --schemafile {schema} {one}", runs=5)
        row(["1 file", f"{d1 * 1000:.1f} ms", "check-jsonschema", f"{c1:.3f} s", f"{d1 / c1:.3f}"])
    d = median_seconds_ignoring_exit(f"sh -c '{DOCGEN} validate {configs}/*.json > /dev/null'")
    if cj:
        c = median_seconds_ignoring_exit(f"sh -c '{cj} --schemafile {schema} {configs}/*.json > /dev/null'", runs=3)
        row(["10,000 files, one call", f"{d:.3f} s", "check-jsonschema", f"{c:.3f} s", f"{d / c:.3f}"])
    loop = os.path.join(WORK, "rs_loop.py")
    with open(loop, "w") as f:
        f.write("import glob, json, sys, jsonschema_rs\n"
                "v = jsonschema_rs.validator_for(json.load(open(sys.argv[1])))\n"
                "bad = sum(0 if v.is_valid(json.load(open(p))) else 1 for p in sorted(glob.glob(sys.argv[2] + '/*.json')))\n"
                "print(bad)\n")
    try:
        import jsonschema_rs  # noqa: F401
        r = median_seconds_ignoring_exit(f"{sys.executable} {loop} {schema} {configs}")
        row(["10,000 files, one call", f"{d:.3f} s", "jsonschema-rs (Python loop)", f"{r:.3f} s", f"{d / r:.3f}"])
    except ImportError:
        print("(jsonschema-rs not installed: pip install jsonschema-rs)")


CHECK_OVERHEAD = None
HIGHLIGHT_COST = []

if __name__ == "__main__":
    if not os.path.exists(DOCGEN):
        sys.exit("build docgen first: swift build -c release")
    if not have("hyperfine"):
        sys.exit("hyperfine is needed: apt-get install hyperfine")
    print(f"docgen benchmarks, {RUNS} runs each, median wall time; machine: {os.cpu_count()} cores")
    try:
        if "build" in PARTS or "check" in PARTS:
            build_benchmarks()
        if CHECK_OVERHEAD:
            b, c, pairs = CHECK_OVERHEAD
            print(f"\n`docgen build --check` on 1x: {c:.3f} s vs `docgen build` {b:.3f} s "
                  f"(medians of {pairs} alternating runs each): {(c / b - 1) * 100:+.1f}%")
        if HIGHLIGHT_COST:
            table("Build-time highlighting: the same site with it on and off (docgen.yaml highlight: false), "
                  "alternating runs", ["scale", "highlight on", "highlight off", "on/off", "added", "runs each"])
            for n, on, off, runs in HIGHLIGHT_COST:
                row([f"{n}x", f"{on:.3f} s", f"{off:.3f} s", f"{on / off:.3f}", f"{(on / off - 1) * 100:+.1f}%", str(runs)])
        if "check" in PARTS:
            link_benchmarks()
        if "serve" in PARTS:
            from serve_bench import serve_benchmarks
            sites = []
            for n in [s for s in SCALES if s <= 10]:
                site = os.path.join(WORK, f"c{n}")
                if not os.path.exists(site):
                    subprocess.run(["bash", os.path.join(SHARED, "bench", "make-corpus.sh"), str(n), site], check=True, stdout=subprocess.DEVNULL)
                pages = sum(1 for _, _, fs in os.walk(os.path.join(site, "content")) for f in fs if f.endswith(".md"))
                sites.append((n, pages, site))
            serve_benchmarks(DOCGEN, HUGO, sites, FIXTURE_TEMPLATES, row, table)
        if "validate" in PARTS and subprocess.run([DOCGEN, "validate", "--help"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
            validate_benchmarks()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
