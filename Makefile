# docgen — the two commands a new machine needs are `make site` and `make test`.

SYSTEM_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev pkg-config
SWIFT ?= swift
RELEASE_BIN := .build/release/docgen

.PHONY: site test deps build golden bench clean

## site: install missing system packages, build docgen (release) and build content/ into public/
site: build
	$(RELEASE_BIN) build

## build: compile docgen in release mode
build: deps
	$(SWIFT) build -c release --static-swift-stdlib

## test: the whole test suite, plus a build of the project's own docs
test: deps
	$(SWIFT) build
	$(SWIFT) test
	.build/debug/docgen build --destination .build/test-site --check

## deps: install the C libraries docgen links (cmark-gfm, libyaml) when pkg-config cannot find them
deps:
	@if pkg-config --exists libcmark-gfm yaml-0.1 2>/dev/null && [ -f /usr/include/cmark-gfm-core-extensions.h ]; then :; \
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
	DOCGEN_UPDATE_GOLDEN=1 $(SWIFT) test --filter 'GoldenSiteTests|ValidateCommandTests' 

clean:
	rm -rf .build public

## bench: docgen against Hugo, cmark-gfm, lychee, html-proofer, check-jsonschema, jsonschema-rs (not part of test)
bench: build
	@command -v hyperfine >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq hyperfine cmark-gfm hugo ruby-html-proofer time; }
	python3 scripts/bench.py
