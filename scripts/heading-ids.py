#!/usr/bin/env python3
"""Lists every page of a built site with its heading ids, one line per page:
PATH<TAB>id id id…  (pages without headings are listed with nothing after the tab).
Used to make the golden lists in Tests/SiteTests/Fixtures/hugo-golden from Hugo's output."""
import os, re, sys

site = sys.argv[1]
heading = re.compile(r'<h[1-6] id="([^"]*)"')
redirect = re.compile(r'http-equiv="refresh"')
for root, _, files in sorted(os.walk(site)):
    for name in sorted(files):
        if not name.endswith('.html'):
            continue
        path = os.path.join(root, name)
        text = open(path, encoding='utf-8').read()
        if redirect.search(text):
            continue  # alias pages have no content
        print(os.path.relpath(path, site) + '\t' + ' '.join(heading.findall(text)))
