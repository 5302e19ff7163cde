#!/usr/bin/env python3
"""make hostile: every hostile input of issue 12, run through the release binary, one table.

Each case makes a small site (or config, or HTML folder) in a temporary folder, runs docgen on it
under GNU time with a time limit, and prints kind, input size, wall time, peak memory, exit code
and the first line docgen printed. An exit by signal or by the time limit is a failure of docgen;
the script exits 1 if any case crashed, hung or ran past its memory budget.

    python3 scripts/hostile.py [--docgen PATH] [--only NAME]
"""
import argparse, json, os, shutil, signal, subprocess, sys, tempfile, threading, time

sys.setrecursionlimit(20000)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIMIT_SECONDS = 20
MEMORY_BUDGET_MIB = 1024


def site(work, pages, front=None):
    """A site root with content/ holding `pages` (name -> text)."""
    root = os.path.join(work, "site")
    os.makedirs(os.path.join(root, "content"), exist_ok=True)
    for name, text in pages.items():
        path = os.path.join(root, "content", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
    return root


def page(body, front="title: Hostile\n"):
    return "---\n" + front + "---\n" + body


def build(root):
    return ["build", "--source", root, "--destination", os.path.join(os.path.dirname(root), "out")]


CASES = []


def case(name, kind):
    def register(make):
        CASES.append((name, kind, make))
        return make
    return register


@case("nested-alerts", "5,000 nested {{% alert %}}")
def _(work):
    n = 5000
    return build(site(work, {"a.md": page("{{% alert %}}\n" * n + "x\n" + "{{% /alert %}}\n" * n)}))


@case("nested-alerts-unclosed", "20,000 {{< alert >}} never closed")
def _(work):
    return build(site(work, {"a.md": page("{{< alert >}}" * 20000)}))


@case("deep-blockquote", "100,000 '>' on one line")
def _(work):
    return build(site(work, {"a.md": page(">" * 100000 + " x\n")}))


@case("deep-list", "list nested 20,000 levels")
def _(work):
    return build(site(work, {"a.md": page("".join("  " * i + "- x\n" for i in range(20000)))}))


@case("deep-list-bullets", "'- ' 50,000 times on one line")
def _(work):
    return build(site(work, {"a.md": page("- " * 50000 + "x\n")}))


@case("yaml-brackets", "front matter with 100,000 nested '['")
def _(work):
    return build(site(work, {"a.md": page("", front="title: x\nk: " + "[" * 100000 + "\n")}))


@case("yaml-alias-bomb", "front matter alias bomb, 9 levels of 10")
def _(work):
    lines = ["title: x", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i-1}"] * 10) + "]")
    return build(site(work, {"a.md": page("", front="\n".join(lines) + "\n")}))


@case("toml-brackets", "TOML front matter with 100,000 nested '['")
def _(work):
    return build(site(work, {"a.md": "+++\ntitle = 'x'\nk = " + "[" * 100000 + "\n+++\n"}))


@case("toml-header-brace", "TOML front matter '[{' (toml++ asserts)")
def _(work):
    return build(site(work, {"a.md": "+++\n[{\n+++\n"}))


@case("toml-tables", "TOML front matter, 10,000-part dotted key")
def _(work):
    return build(site(work, {"a.md": "+++\ntitle = 'x'\n" + ".".join(["a"] * 10000) + " = 1\n+++\n"}))


@case("big-page", "one 64 MB page")
def _(work):
    return build(site(work, {"a.md": page(("word " * 20 + "\n\n") * 650000)}))


@case("nested-emphasis", "100,000 '*' and '_' pairs")
def _(work):
    return build(site(work, {"a.md": page("*_" * 50000 + "x" + "_*" * 50000 + "\n")}))


@case("nested-links", "50,000 nested '[' and '![' ")
def _(work):
    return build(site(work, {"a.md": page("![" * 25000 + "[" * 25000 + "x" + "](u)" * 50000 + "\n")}))


@case("wide-table", "table with 5,000 columns and 500 rows")
def _(work):
    header = "|" + "|".join("h" for _ in range(5000)) + "|\n"
    rule = "|" + "|".join("-" for _ in range(5000)) + "|\n"
    return build(site(work, {"a.md": page(header + rule + "|x|\n" * 500)}))


@case("many-headings", "50,000 headings with one title")
def _(work):
    return build(site(work, {"a.md": page("## Same\n\n" * 50000)}))


@case("deep-html", "raw HTML, 100,000 nested <div>")
def _(work):
    return build(site(work, {"a.md": page("<div>" * 100000 + "\n")}))


@case("shortcode-args", "one shortcode with 100,000 arguments")
def _(work):
    return build(site(work, {"a.md": page("{{< alert " + " ".join(f'a{i}="x"' for i in range(100000)) + " >}}x{{< /alert >}}\n")}))


@case("unterminated-quote", "shortcode with an unterminated quote, 1 MB")
def _(work):
    return build(site(work, {"a.md": page('{{< alert title="' + "x" * 1000000 + "\n")}))


@case("symlink-inside", "content/ holds a link to a folder inside the site")
def _(work):
    root = site(work, {"a.md": page("x\n")})
    os.makedirs(os.path.join(root, "shared", "more"))
    with open(os.path.join(root, "shared", "more", "b.md"), "w") as f:
        f.write(page("b\n"))
    os.symlink(os.path.join(root, "shared"), os.path.join(root, "content", "linked"))
    return build(root)


@case("symlink-loop", "content/ holds a link to itself")
def _(work):
    root = site(work, {"a.md": page("x\n")})
    os.symlink(os.path.join(root, "content"), os.path.join(root, "content", "loop"))
    return build(root)


@case("symlink-etc", "content/ holds a link to /etc")
def _(work):
    root = site(work, {"a.md": page("x\n")})
    os.symlink("/etc", os.path.join(root, "content", "etc"))
    return build(root)


@case("symlink-self", "content/ holds a link to itself by name")
def _(work):
    root = site(work, {"a.md": page("x\n")})
    os.symlink("self", os.path.join(root, "content", "self"))
    return build(root)


@case("symlink-mutual", "two folders linking to each other")
def _(work):
    root = site(work, {"a.md": page("x\n")})
    os.makedirs(os.path.join(root, "other"))
    os.symlink(os.path.join(root, "content"), os.path.join(root, "other", "back"))
    os.symlink(os.path.join(root, "other"), os.path.join(root, "content", "there"))
    return build(root)


@case("deep-list-8mb", "list nested 2,800 levels (8 MB)")
def _(work):
    return build(site(work, {"a.md": page("".join("  " * i + "- x\n" for i in range(2800)))}))


@case("table-padding", "table 200 columns, 5,000 short rows")
def _(work):
    return build(site(work, {"a.md": page("|" + "a|" * 200 + "\n|" + "-|" * 200 + "\n" + "|x|\n" * 5000)}))


@case("table-pipes", "40,000 '|' on one line before a delimiter row")
def _(work):
    return build(site(work, {"a.md": page("|" * 40000 + "\n|-|\n")}))


@case("alerts-at-limit", "64 nested alerts, 1,000 times")
def _(work):
    return build(site(work, {"a.md": page(("{{% alert %}}\n" * 64 + "x\n" + "{{% /alert %}}\n" * 64) * 1000)}))


def looping_partial(work, text):
    """A site whose single.html includes partials/loop.html, which holds `text`."""
    root = site(work, {"a.md": page("x\n")})
    os.makedirs(os.path.join(root, "templates", "partials"))
    for name, body in (("partials/loop.html", text), ("single.html", "<html>{{> partials/loop}}</html>\n")):
        with open(os.path.join(root, "templates", name), "w") as f:
            f.write(body)
    return build(root)


@case("template-self", "a partial that includes itself")
def _(work):
    return looping_partial(work, "{{> partials/loop}}\n")


@case("template-loop", "a partial that includes itself in a section every level finds")
def _(work):
    return looping_partial(work, "{{#page}}{{> partials/loop}}{{/page}}\n")


@case("deep-folders", "content folders nested 1,000 deep, a section at each level")
def _(work):
    pages = {}
    path = ""
    for i in range(1000):
        path += "d/"
        pages[path + "_index.md"] = page("level %d\n" % i, front="title: L%d\n" % i)
    return build(site(work, pages))


@case("many-aliases", "one page with 10,000 aliases")
def _(work):
    return build(site(work, {"a.md": page("x\n", front="title: A\naliases:\n" + "".join(f"  - /old/{i}/\n" for i in range(10000)))}))


@case("odd-file-names", "pages named with a newline, quotes, <script>, %2F and ..")
def _(work):
    return build(site(work, {"a\nb.md": page("x\n"), "\"<script>alert(1)<\\script>.md": page("y\n"),
                             "a%2F..%2Fb.md": page("z\n"), "...md": page("w\n"), "sub/..md": page("v\n")}))


@case("json-brackets", "validate: JSON with 1,000,000 nested '['")
def _(work):
    path = os.path.join(work, "c.json")
    with open(path, "w") as f:
        f.write("[" * 1000000)
    return ["validate", path]


@case("json-objects", "validate: JSON with 100,000 nested objects")
def _(work):
    path = os.path.join(work, "c.json")
    with open(path, "w") as f:
        f.write('{"a":' * 100000 + "1" + "}" * 100000)
    return ["validate", path]


@case("config-alias-bomb", "validate: YAML alias bomb")
def _(work):
    path = os.path.join(work, "c.yaml")
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i-1}"] * 10) + "]")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return ["validate", path]


@case("config-big-string", "validate: one 64 MB string")
def _(work):
    path = os.path.join(work, "c.json")
    with open(path, "w") as f:
        f.write('{"provider_type":"AWS_S3_BUCKET","resource":"' + "x" * (64 << 20) + '"}')
    return ["validate", path]


@case("check-deep-html", "check: 1,000,000 nested <a> tags")
def _(work):
    folder = os.path.join(work, "html")
    os.makedirs(folder)
    with open(os.path.join(folder, "index.html"), "w") as f:
        f.write('<a href="#x">' * 1000000)
    return ["check", folder]


@case("check-long-attr", "check: one 64 MB attribute")
def _(work):
    folder = os.path.join(work, "html")
    os.makedirs(folder)
    with open(os.path.join(folder, "index.html"), "w") as f:
        f.write('<a href="' + "x" * (64 << 20) + '">')
    return ["check", folder]


def run(docgen, name, kind, make):
    work = tempfile.mkdtemp(prefix=f"docgen-hostile-{name}-")
    try:
        # The input is made in a child process: a process started by this one counts this one's
        # memory at the time of the fork in its peak, and some inputs are hundreds of MB.
        args_file = os.path.join(work, "args.json")
        child = os.fork()
        if child == 0:
            with open(args_file, "w") as f:
                json.dump(make(work), f)
            os._exit(0)
        os.waitpid(child, 0)
        with open(args_file) as f:
            args = json.load(f)
        os.remove(args_file)
        size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(work) for f in fs
                   if not os.path.islink(os.path.join(d, f)))
        out_path, err_path = os.path.join(work, "stdout"), os.path.join(work, "stderr")
        timing = os.path.join(work, "time.txt")
        started = time.monotonic()
        # GNU time, a small fresh process, starts docgen and reports its peak memory, so this
        # (larger) process's own memory never counts; the time limit kills both.
        with open(out_path, "w") as out, open(err_path, "w") as err:
            process = subprocess.Popen(["/usr/bin/time", "-f", "%M %x", "-o", timing, docgen] + args,
                                       stdout=out, stderr=err, cwd=work, start_new_session=True)
        try:
            process.wait(timeout=LIMIT_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        seconds = time.monotonic() - started
        kib, code = 0, -9
        text = open(timing).read() if os.path.exists(timing) else ""
        words = text.split()
        if len(words) >= 2 and words[-1].isdigit() and words[-2].isdigit():
            kib, code = int(words[-2]), int(words[-1])
        if "terminated by signal" in text:
            code = -int(text.split("terminated by signal")[1].split()[0])
        with open(err_path, "r", errors="replace") as f:
            said_err = f.read(4096)
        if "Command terminated by signal" in said_err or "Command exited with non-zero status" in said_err:
            said_err = "\n".join(l for l in said_err.splitlines() if not l.startswith("Command "))
        if process.returncode is not None and process.returncode < 0:
            code = process.returncode  # killed at the time limit
        # Only the start of what was printed: this process must stay small (see above).
        result = subprocess.CompletedProcess(args, code, open(out_path, errors="replace").read(4096), said_err)
        code = result.returncode
        said = (result.stderr.strip() or result.stdout.strip() or "(nothing)").splitlines()
        first = said[0].replace(work, "…")
        if len(first) > 110:
            first = first[:107] + "…"
        crashed = code < 0 or code > 2
        heavy = int(kib) / 1024 > MEMORY_BUDGET_MIB
        outcome = "CRASH/HANG" if crashed else ("TOO MUCH MEMORY" if heavy else "ok")
        return (name, kind, f"{size / 1e6:.2f} MB", f"{seconds:.2f} s", f"{int(kib) / 1024:.0f} MiB", code, outcome, first)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docgen", default=os.path.join(ROOT, ".build", "release", "docgen"))
    parser.add_argument("--only")
    options = parser.parse_args()
    rows = [run(options.docgen, n, k, m) for n, k, m in CASES if not options.only or options.only == n]
    print("| case | input | size | time | peak | exit | outcome | first line printed |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |")
    bad = [r for r in rows if r[6] != "ok"]
    print(f"\n{len(rows)} cases, {len(bad)} crashed, hung or used too much memory")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
