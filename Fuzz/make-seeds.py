#!/usr/bin/env python3
"""Writes the committed seed corpora under Fuzz/corpus/<target>/ from this repository's own pages,
test fixtures and a few small CVAT pages (../shared/corpus/cvat, test data). Seeds are cut to at
most 4 KB at a line end; each is named after its source. Run from the repository root:
    python3 Fuzz/make-seeds.py
The output is committed; rerun only to refresh the seeds (review the diff)."""
import glob, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Fuzz", "corpus")
CVAT = os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus", "cvat", "content", "en"))
LIMIT = 4096

def cut(data, limit=LIMIT):
    if len(data) <= limit:
        return data
    end = data.rfind(b"\n", 0, limit)
    return data[: end + 1 if end > 0 else limit]

def name_for(path):
    rel = os.path.relpath(path, ROOT) if path.startswith(ROOT) else "cvat/" + os.path.relpath(path, CVAT)
    return re.sub(r"[^A-Za-z0-9._-]+", "_", rel.replace("../", ""))

def write(target, name, data):
    folder = os.path.join(OUT, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(cut(data))

def files(*patterns):
    found = []
    for p in patterns:
        found += sorted(glob.glob(os.path.join(ROOT, p), recursive=True))
    return found

def cvat_pages(count):
    """The smallest CVAT pages that use shortcodes, plus a few without."""
    pages = sorted(glob.glob(os.path.join(CVAT, "**", "*.md"), recursive=True), key=os.path.getsize)
    with_shortcodes = [p for p in pages if re.search(rb"\{\{[<%]", open(p, "rb").read())]
    return with_shortcodes[:count] + [p for p in pages if p not in with_shortcodes][:3]

own_pages = files("content/**/*.md", "Tests/SiteTests/Fixtures/*/content/**/*.md")
cvat = cvat_pages(14) if os.path.isdir(CVAT) else []
if not cvat:
    print("note: ../shared/corpus/cvat not found; CVAT seeds left out", file=sys.stderr)

# Hand-written seeds for corners the real pages do not reach.
frontmatter_extra = {
    "toml.md": b'+++\ntitle = "TOML page"\nweight = 3\naliases = ["/old/", "/older/"]\ndraft = false\n'
               b'date = 2024-05-01T10:00:00Z\n[params]\nicon = "fa-book"\nlist = [1, 2.5, "x", true]\n'
               b'[[params.items]]\nname = "a"\n+++\nBody with {{< ilink "/docs" >}}.\n',
    "yaml-types.md": b"---\ntitle: 'Quoted: title'\nlinkTitle: Short\nweight: -2\ndescription: >\n  Folded\n  text\n"
                     b"aliases: [/a/, /b/]\ndraft: no\nslug: my-slug\nurl: /custom/url/\ndate: 2023-01-02\n"
                     b"tags: [x, y]\nnested: {a: 1, b: [true, null, ~, 1.5e3, 0x1F]}\nanchor: &a {k: v}\nref: *a\n"
                     b"multi: |\n  line 1\n  line 2\n---\n# Heading\n",
    "yaml-dots.md": b"---\ntitle: Dots end\n...\nBody after dots.\n",
    "bom-crlf.md": b"\xef\xbb\xbf---\r\ntitle: CRLF\r\nweight: 1\r\n---\r\nBody\r\n",
    "unclosed.md": b"---\ntitle: never closed\nweight: 2\n",
    "bad-yaml.md": b"---\ntitle: [unclosed\nweight: two\naliases: 5\n---\nBody\n",
    "bad-toml.md": b"+++\ntitle = \nweight = 'x'\n+++\nBody\n",
    "no-frontmatter.md": b"# Just Markdown\n\nNo front matter at all.\n",
}
shortcode_extra = {
    "forms.md": b'{{< ilink "/docs/other" >}} {{% alert title="Note" color="warning" %}}Inner **md**{{% /alert %}}\n'
                b'{{< tabpane >}}{{< tab header="One" >}}A{{< /tab >}}{{< tab "Two" >}}B{{< /tab >}}{{< /tabpane >}}\n'
                b'{{</* escaped "x" */>}} {{%/* escaped */%}} {{< self-closing a=1 />}}\n'
                b'{{< raw `back\ntick` "esc\\"aped" 42 true >}}\n{{< mixed 1 a=2 >}}\n{{< /unopened >}}\n{{< broken\n',
    "nested.md": b"{{% alert %}}\n{{% alert title=\"2\" %}}\n{{< card header=\"h\" >}}x{{< /card >}}\n{{% /alert %}}\n{{% /alert %}}\n",
    "unicode.md": b'{{< ilink "/docs/\xc3\xa9t\xc3\xa9" >}} \xf0\x9f\x98\x80 {{% alert title="\xe2\x9c\x93" %}}\xe2\x80\x94{{% /alert %}}\n',
}
page_extra = {
    "markdown.md": b"---\ntitle: Markdown features\nweight: 5\n---\n# H1\n## Same\n## Same\n### `code` *em* [link](/docs/other/#second)\n\n"
                   b"| a | b |\n|---|:-:|\n| 1 | 2 |\n\n- [ ] task\n- [x] done\n\n~~strike~~ www.example.com <b>html</b>\n\n"
                   b"```go\nfunc main() {}\n```\n\n> quote\n> > nested\n\n1. one\n   - two\n\n[^1]: note\n\n## Custom id {#custom}\n"
                   b"[ref](#custom) [other](../other/#first-part)\n",
    "layout-param.md": b"---\ntitle: Layout\nlayout: list\nparams:\n  x: 1\n---\nText\n",
    "html-page.md": b"---\ntitle: <script>alert(1)</script>\ndescription: \"&amp; < >\"\n---\n<div>{{< ilink \"/\" >}}</div>\n",
}
json_extra = {
    "numbers.json": b'[0, -0, 1.5, -1e10, 1E+2, 9223372036854775807, -9223372036854775808, 9223372036854775808, 1e308, 0.1e-5]',
    "strings.json": b'{"a": "\\u00e9\\ud83d\\ude00\\n\\t\\"\\\\\\/", "": "", "k\\u0000": null}',
    "nested.json": b'{"a": [{"b": [[], {}, [null, true, false]]}], "c": {"d": {"e": "f"}}}',
    "bom.json": b'\xef\xbb\xbf{"bom": true}',
    "ws.json": b' \r\n\t {"x" : 1 , "y" :[ 1 ,2 ] } \n',
    "bad-trailing.json": b'{"a": 1,}',
    "bad-dup.json": b'{"a": 1, "a": 2}',
    "bad-surrogate.json": b'["\\ud800"]',
}
validate_extra = {
    "aws.yaml": b"provider_type: AWS_S3_BUCKET\nresource: my-bucket\ndisplay_name: Bucket\ncredentials_type: KEY_SECRET_KEY_PAIR\n"
                b"key: AKIAEXAMPLE\nsecret_key: secret\nspecific_attributes: region=eu-west-1\nmanifests: [manifest.jsonl]\n",
    "azure.yaml": b"provider_type: AZURE_CONTAINER\nresource: container\ndisplay_name: c\ncredentials_type: ACCOUNT_NAME_TOKEN_PAIR\n"
                  b"account_name: acc\nsession_token: tok\n",
    "empty.json": b"{}",
    "array.json": b"[]",
    "types.json": b'{"provider_type": 5, "resource": [], "display_name": {}, "credentials_type": null, "manifests": "x"}',
    "bad.yaml": b"provider_type: [\n",
}
html_extra = {
    "links.html": b'<!doctype html><html><head><base href="/docs/"><meta http-equiv="refresh" content="0; url=/new/">'
                  b'<link rel="stylesheet" href="/css/site.css"></head><body><a href="/a/#x">a</a><a name="top"></a>'
                  b'<img src="i.png" srcset="a.png 1x, b.png 2x"><div id="x"></div><a href="&#x2F;enc&amp;oded?q=1&lt;">e</a>'
                  b'<script>var s = "<a href=\'/no/\'>";</script><!-- <a href="/comment/"> --><textarea><a href="/t/"></textarea>'
                  b"<a href=unquoted>u</a><a HREF='single'>s</a><iframe src=\"//example.com/x\"></iframe></body></html>\n",
    "broken.html": b"<a href=\"/unclosed <div id='a' id=b><p <a href=x/></a><![CDATA[<a href=\"/c/\">]]><a href>\n",
}

for path in own_pages + cvat:
    data = open(path, "rb").read()
    write("frontmatter", name_for(path), data[: data.find(b"\n---", 4) + 5] if data.startswith(b"---") and len(data) > 600 else data)
    if re.search(rb"\{\{[<%]", data):
        body = re.sub(rb"\A---\n.*?\n---\n", b"", data, flags=re.S)
        write("shortcodes", name_for(path), body)
    write("page", name_for(path), data)
for name, data in frontmatter_extra.items():
    write("frontmatter", name, data)
    write("page", "fm-" + name, data)
for name, data in shortcode_extra.items():
    write("shortcodes", name, data)
    write("page", "sc-" + name, data)
for name, data in page_extra.items():
    write("page", name, data)

configs = files("Tests/CLITests/Fixtures/configs/*")
for path in configs:
    write("validate", name_for(path), open(path, "rb").read())
    if path.endswith(".json"):
        write("json", name_for(path), open(path, "rb").read())
for name, data in validate_extra.items():
    write("validate", name, data)
for name, data in json_extra.items():
    write("json", name, data)
# A piece of the generated schema: large documents are cut, which makes them invalid; keep the
# first object whole instead by taking a small valid excerpt.
schema = files("Tests/SiteTests/Fixtures/small-site-golden/schemas/*.json")
for path in schema:
    write("json", "schema-head.json", open(path, "rb").read()[:LIMIT])

for path in files("Tests/SiteTests/Fixtures/small-site-golden/**/*.html", "Tests/SiteTests/Fixtures/small-site-default-golden/**/*.html"):
    data = open(path, "rb").read()
    write("html", name_for(path), data)
    if len(data) > LIMIT:  # the end of the page too: the footer, links after the content
        write("html", name_for(path) + ".tail", data[-LIMIT:])
for name, data in html_extra.items():
    write("html", name, data)

for target in sorted(os.listdir(OUT)):
    folder = os.path.join(OUT, target)
    sizes = [os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder)]
    print(f"{target:12} {len(sizes):3} files, {sum(sizes) // 1024} KB")
