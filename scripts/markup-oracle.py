"""Builds each MarkupSettings case with Hugo 0.111.3 (Debian `hugo`) and prints the case table of
Tests/RenderingTests/MarkupSettingsTests.swift, so the expected HTML there is Hugo's, not ours.
Run it only when a case is added or Hugo changes:  python3 scripts/markup-oracle.py > cases.txt

Each settings combination is one Hugo site; each case is one page of it, so heading IDs are
numbered per case as docgen numbers them per page."""
import os
import subprocess
import sys
import tempfile

HUGO = os.environ.get("HUGO_0111", "/usr/bin/hugo")

# MarkupSettings field -> (TOML table, key) in Hugo's config.
KEYS = {
    "rawHTML": ("markup.goldmark.renderer", "unsafe"),
    "autoHeadingID": ("markup.goldmark.parser", "autoHeadingID"),
    "headingIDType": ("markup.goldmark.parser", "autoHeadingIDType"),
    "headingAttributes": ("markup.goldmark.parser.attribute", "title"),
}
DEFAULTS = {"rawHTML": True, "autoHeadingID": True, "headingIDType": "github", "headingAttributes": True}
SWIFT_TYPES = {"github": ".github", "github-ascii": ".githubASCII", "blackfriday": ".blackfriday"}

HEADINGS = [
    ("accents", "## Café Über naïve\n"),
    ("cjk", "## 日本語 heading\n"),
    ("symbols", "## C++ & Go!\n"),
    ("double dash", "## Hello -- World\n"),
    ("underscore", "## a_b\n"),
    ("emoji", "## Emoji 🎉 party\n"),
    ("dotted I, titlecase, numerals", "## İstanbul ǅemal Ⅻ ½ ²\n"),
    ("leading and trailing dashes", "## -- lead trail --\n"),
    ("only punctuation", "## !!!\n"),
    ("markup", "## Use `code` and [a link](http://x.com) *here*\n"),
    ("setext", "Ünïcode\n=======\n"),
    ("duplicates", "## Café\n## Café\n## Cafe\n## Café-1\n## !!!\n## !!!\n## 日本語\n## 日本語\n"),
]

RAW_HTML = [
    ("block html", "<div class=\"note\">\nBlock **HTML**\n</div>\n\nAfter.\n"),
    ("inline html", "Inline <span class=\"x\">span</span> and <br> here.\n"),
    ("script", "<script>\nalert(1)\n</script>\n\n<script>alert(2)</script>\n"),
    ("iframe", "<iframe src=\"https://www.youtube.com/embed/x\" width=\"560\"></iframe>\n"),
    ("comment and pre", "<!-- a comment -->\n\n<pre>\npre text\n</pre>\n"),
    ("html in heading", "## <span>Raw</span> heading <em>x</em>\n"),
    ("dangerous links", "[js](javascript:alert(1)) [vb](vbscript:x) [file](file:///etc/passwd) "
                        "[data](data:text/html;base64,x) [ok](https://example.com)\n"),
    ("dangerous images", "![img](javascript:alert(1)) ![png](data:image/png;base64,AAA)\n"),
    ("link in heading", "## [Link](javascript:alert(1)) heading\n"),
    ("mixed-case scheme", "[JS](JavaScript:alert(1))\n"),
    ("autolink", "<javascript:alert(1)> <https://ok.example>\n"),
    ("svg data image", "![svg](data:image/svg+xml;base64,AAA)\n"),
    ("multi-line comment", "<!--\nnote\n-->\n\n<!-- one --> line\n"),
    ("processing instruction and cdata", "<?php\necho 1;\n?>\n\n<![CDATA[\nx\n]]>\n"),
    ("declaration", "<!DOCTYPE html>\n\n<!DOCTYPE\nhtml>\n"),
    ("closed on a later line with text after", "<pre>\nx\n</pre> after\n"),
    ("unclosed style", "<style>\np { color: red }\n"),
    ("script in a quote and a list", "> <script>\n> x\n> </script>\n\n- <style>\n  p {}\n  </style>\n"),
    ("uppercase script", "<SCRIPT>\nx\n</Script>\n"),
]

ATTRIBUTES = [
    ("id and class", "## Custom {#custom .cls}\n"),
    ("id only", "## Plain\n## Plain {#plain}\n## Plain\n"),
    ("setext id", "Setext {#setext}\n------\n"),
    ("class only", "## Only class {.cls}\n"),
    ("key value", "## With kv {#kv data-x=\"1\"}\n"),
]

def cases():
    for t in ["github", "github-ascii", "blackfriday"]:
        for name, md in HEADINGS:
            yield f"{t}: {name}", {"headingIDType": t}, md
    for unsafe in [False, True]:
        for name, md in RAW_HTML:
            yield f"unsafe={str(unsafe).lower()}: {name}", {"rawHTML": unsafe}, md
    for title in [True, False]:
        for name, md in ATTRIBUTES:
            yield f"attribute.title={str(title).lower()}: {name}", {"headingAttributes": title}, md
    for name, md in ATTRIBUTES + [("plain headings", "## A\n## A\n### B\n")]:
        yield f"autoHeadingID=false: {name}", {"autoHeadingID": False}, md
        yield f"autoHeadingID=false, attribute.title=false: {name}", {"autoHeadingID": False, "headingAttributes": False}, md

def toml(settings):
    tables = {}
    for field, value in {**DEFAULTS, **settings}.items():
        table, key = KEYS[field]
        tables.setdefault(table, []).append(f"{key} = " + (f'"{value}"' if isinstance(value, str) else str(value).lower()))
    # Typographer is on by default in Hugo and docgen has none (cmark's smart punctuation is off):
    # off here, so `--` and quotes stay as written on both sides.
    tables.setdefault("markup.goldmark.extensions", []).append("typographer = false")
    return "".join(f"[{t}]\n" + "\n".join(lines) + "\n" for t, lines in tables.items())

def build(settings, pages):
    with tempfile.TemporaryDirectory() as site:
        os.makedirs(f"{site}/content")
        os.makedirs(f"{site}/layouts/_default")
        with open(f"{site}/layouts/_default/single.html", "w") as f:
            f.write("{{ .Content }}")
        with open(f"{site}/layouts/_default/list.html", "w") as f:
            f.write("")
        with open(f"{site}/config.toml", "w") as f:
            f.write('baseURL = "http://example.org/"\n'
                    'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]\n'
                    + toml(settings))
        for i, md in enumerate(pages):
            with open(f"{site}/content/p{i}.md", "w") as f:
                f.write("---\ntitle: t\n---\n" + md)
        subprocess.run([HUGO, "--quiet", "-s", site, "-d", "out"], check=True)
        return [open(f"{site}/out/p{i}/index.html").read() for i in range(len(pages))]

def swift(s):
    out = ""
    for ch in s:
        out += {"\\": "\\\\", "\"": "\\\"", "\n": "\\n", "\t": "\\t"}.get(ch, ch)
    return '"' + out + '"'

def settings_literal(settings):
    parts = []
    for field, value in settings.items():
        parts.append(f"{field}: " + (SWIFT_TYPES[value] if field == "headingIDType" else str(value).lower()))
    return ".with(" + ", ".join(parts) + ")"

def main():
    groups = {}
    for name, settings, md in cases():
        groups.setdefault(tuple(sorted(settings.items())), []).append((name, settings, md))
    html = {}
    for key, group in groups.items():
        for (name, _, _), out in zip(group, build(dict(key), [md for _, _, md in group])):
            html[name] = out
    for name, settings, md in cases():
        print(f"        Case({swift(name)}, {settings_literal(settings)},\n"
              f"             {swift(md)},\n"
              f"             hugo: {swift(html[name])}),")

if __name__ == "__main__":
    sys.exit(main())
