# docgen — the two commands a new machine needs are `make site` and `make test`.

SYSTEM_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev libtomlplusplus-dev libpcre2-dev pkg-config
SWIFT ?= swift
RELEASE_BIN := .build/release/docgen

.PHONY: site test deps build golden bench search-compare search-floor clean fuzz test-sanitize hostile same-output

## site: install missing system packages, build docgen (release) and build content/ into public/
site: build
	$(RELEASE_BIN) build

# Packed relative relocations (DT_RELR, glibc 2.36+) shrink the table the loader reads at every
# start from about 2 MB to 35 KB, which takes 1.7 MB off docgen's resident memory. Swift links with
# gold, which cannot write them; lld, which ships with Swift, can. Without lld, or on an older glibc,
# the flags are left out.
LLD := $(wildcard $(dir $(realpath $(shell command -v $(SWIFT))))ld.lld)
GLIBC_RELR := $(shell getconf GNU_LIBC_VERSION 2>/dev/null | awk '{ split($$2, v, "."); if (v[1] > 2 || (v[1] == 2 && v[2] >= 36)) print "yes" }')
RELEASE_FLAGS := $(if $(and $(LLD),$(GLIBC_RELR)),-Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs)

## build: compile docgen in release mode
build: deps
	$(SWIFT) build -c release --static-swift-stdlib $(RELEASE_FLAGS)

## test: the whole test suite, a build of the project's own docs, the browser tests of docgen serve
## and of the storage form (headless Chromium; skipped, saying why, where Chromium or Selenium is
## missing), and the storage form's checks against docgen validate (under Node; skipped without it)
test: deps
	$(SWIFT) build
	$(SWIFT) test
	.build/debug/docgen build --destination .build/test-site --check
	python3 Tests/Browser/serve_in_browser.py .build/debug/docgen
	python3 Tests/StorageForm/agree_with_validate.py .build/debug/docgen
	python3 Tests/Browser/storage_form_in_browser.py .build/debug/docgen

## deps: install the C libraries docgen links (cmark-gfm, libyaml, PCRE2) when pkg-config cannot find them
deps:
	@if pkg-config --exists libcmark-gfm yaml-0.1 libpcre2-16 2>/dev/null && [ -f /usr/include/cmark-gfm-core-extensions.h ] && [ -f /usr/include/toml++/toml.h ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing $(SYSTEM_PACKAGES)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES); \
	else \
		echo "docgen needs system packages; run:"; \
		echo "  sudo apt-get install -y $(SYSTEM_PACKAGES)"; \
		exit 2; \
	fi

## golden: rewrite the golden files of the site tests after an intended change (review the diff!)
golden: deps
	DOCGEN_UPDATE_GOLDEN=1 $(SWIFT) test --filter 'GoldenSiteTests|ValidateCommandTests|WriterMistakesGoldenTests' 

clean:
	rm -rf .build public

## bench: docgen against Hugo (build and serve), cmark-gfm, lychee, html-proofer, check-jsonschema, jsonschema-rs (not part of test)
bench: build
	@command -v hyperfine >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq hyperfine cmark-gfm hugo ruby-html-proofer time; }
	python3 scripts/bench.py

## search-compare: docgen's search index against Pagefind 1.5.2 and Docsy's Lunr index on the CVAT corpus at
## 1x and 50x: build time, bytes per query, result quality, and the index's share of the build (not part of test)
search-compare: build
	@python3 -c 'import pagefind_bin' 2>/dev/null || python3 -m pip install -q pagefind_bin==1.5.2
	@python3 -c 'import selenium' 2>/dev/null || python3 -m pip install -q selenium
	@[ -d /usr/share/nodejs/lunr ] || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq node-lunr; }
	python3 scripts/search-compare.py

## search-floor: what each part of the search work adds to the build at 10x (search box, cut, words read,
## whole index), from a copy of HEAD that can stop part-way (not part of test)
search-floor:
	python3 scripts/search-floor.py

## fuzz: each libFuzzer target for FUZZ_SECONDS (default 60) from its committed seed corpus (not part of test)
fuzz: deps
	bash scripts/fuzz.sh

## test-sanitize: the whole suite under AddressSanitizer, then ThreadSanitizer, plus a TSan build of the CVAT corpus
test-sanitize: deps
	bash scripts/test-sanitize.sh

## hostile: every hostile input of the Limits section through the release binary, one table (not part of test)
hostile: build
	python3 scripts/hostile.py

## same-output: the three reference sites built at BASE=<commit> and now, compared file by file (not part of test)
same-output: deps
	bash scripts/same-output.sh $(BASE)
