# Two commands do everything on a fresh machine: `make serve` and `make test`.
# Needs rustup/cargo and node/npm; everything else is installed here. The build steps after cargo
# are Node scripts in src/build/ (standard library only).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PORT ?= 8080
WASM_BINDGEN_VERSION := 0.2.130
WASM_SPLIT_VERSION := 0.2.4
TARGET := wasm32-unknown-unknown
# The release wasm is built with a pinned nightly where rustup can fetch it: std rebuilt with our
# size settings, without `Debug` formatting or panic locations in the bundle, and a panic traps at
# once (`immediate-abort`: no hook runs; embed.js shows the apology). Where it cannot, or with
# RELEASE_TOOLCHAIN=stable, the stable toolchain builds the same wasm, a few KB larger; `cargo
# test` is always stable.
NIGHTLY := nightly-2026-05-20
RELEASE_TOOLCHAIN ?= auto
NIGHTLY_FLAGS := -Zfmt-debug=none -Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort
# No `strip = true` in Cargo.toml: it would drop the target-features section wasm-bindgen and
# wasm-opt read. wasm-opt strips debug info and producer data instead.
# -lmu: Rust never touches the lowest KB of memory (the stack's far end), which lets wasm-opt
# fold more address arithmetic; the second -Oz rounds pick up what the merging exposed.
WASM_OPT_FLAGS := -lmu --generate-global-effects --flatten --rereloop -Oz --converge --merge-similar-functions \
	-Oz --merge-similar-functions -Oz --strip-debug --strip-producers --strip-target-features
WASM_OPT := node_modules/.bin/wasm-opt
# Minifies the JS a host downloads; names the host imports (exports) stay as they are.
TERSER := node_modules/.bin/terser
TERSER_FLAGS := --module --compress passes=2 --mangle
# frame.js is a classic script (a page on any origin loads it without CORS): no --module.
TERSER_CLASSIC_FLAGS := --compress passes=2 --mangle

.PHONY: help setup setup-browser lint docs-check docs vendor build dist serve test test-native test-browser test-e2e bench clean

help:
	@echo "make serve   build pkg/ and serve the demo page on http://127.0.0.1:$(PORT)"
	@echo "make test    native, browser and end-to-end tests plus the size budget"
	@echo "make build   build pkg/ only"
	@echo "make dist    build dist/ai-readiness-<version>.zip with SRI hashes"
	@echo "make docs    build the book (docs/) into docs/book/ with mdBook, installing it the first time"
	@echo "make bench   first-paint benchmark beside a plain form, SurveyJS and Formbricks; Lighthouse on an article; team benchmark"

## Tools: the wasm target, wasm-bindgen-cli and wasm-split-cli at pinned versions, pinned npm tools.
setup:
	@node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' || \
		{ echo "Node.js 20 or newer is needed (found $$(node -v)); install it from nodejs.org or your package manager" >&2; exit 1; }
	@if ! command -v cc >/dev/null; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc libc6-dev >/dev/null; \
		else \
			echo "A C linker is needed for Rust build scripts (Debian: sudo apt-get install gcc)" >&2; exit 1; \
		fi; \
	fi
	@rustup target list --installed | grep -qx $(TARGET) || rustup target add $(TARGET)
	@for c in rustfmt clippy; do rustup component list --installed | grep -q "^$$c" || rustup component add $$c; done
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
		echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (takes a few minutes, once)"; \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi
	@if ! cargo install --list | grep -qx "wasm_split_cli_support v$(WASM_SPLIT_VERSION):"; then \
		echo "installing wasm-split-cli $(WASM_SPLIT_VERSION) (takes a few minutes, once)"; \
		cargo install wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary --locked; \
	fi
	@if [ "$(RELEASE_TOOLCHAIN)" != stable ] && ! rustup run $(NIGHTLY) rustc --version >/dev/null 2>&1; then \
		echo "installing $(NIGHTLY) for the release wasm (once; the stable build is the fallback)"; \
		rustup toolchain install $(NIGHTLY) --profile minimal --component rust-src --target $(TARGET) \
			|| echo "note: $(NIGHTLY) is not available here; the release wasm will be built with stable"; \
	fi
	@$(MAKE) --no-print-directory node_modules/.package-lock.json tests/node_modules/.package-lock.json

# npm installs again whenever a lock file changes.
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

tests/node_modules/.package-lock.json: tests/package-lock.json
	cd tests && npm ci --no-audit --no-fund

## Chromium and chromedriver for browser and end-to-end tests.
setup-browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
		else \
			echo "Please install Chromium and ChromeDriver (Debian: sudo apt-get install chromium chromium-driver)" >&2; exit 1; \
		fi; \
	fi

# Panic messages carry source paths; shorter paths are fewer bytes for every visitor.
REMAP = $(foreach dir,$(wildcard $(HOME)/.cargo/registry/src/*),--remap-path-prefix=$(dir)=) --remap-path-prefix=$(CURDIR)=

# The release wasm is split (cargo feature `split`): the linker keeps relocations so that
# wasm-split-cli can cut the result screen and the team view into chunks fetched on demand
# (`src/ui/parts.rs`); wasm-bindgen then runs on the main module only, and wasm-opt on each part.
SPLIT := target/split
# $(call loader_and_embed,IN,OUT): OUT/__wasm_split.js, the chunk loader wasm-split-cli wrote behind
# the fetch that checks each chunk (src/embed/chunk_fetch.js), and OUT/embed.js behind the first
# screens; each after the integrity constants `dist.mjs integrity` wrote to IN.
define loader_and_embed
	$(TERSER) $(1)/chunk_integrity.js src/embed/chunk_fetch.js $(SPLIT)/__wasm_split.js $(TERSER_FLAGS) -o $(2)/__wasm_split.js
	$(TERSER) target/first_screen.js $(1)/embed_integrity.js src/embed/embed.js $(TERSER_FLAGS) -o $(2)/embed.js
endef
build: setup
	@if [ "$(RELEASE_TOOLCHAIN)" != stable ] && rustup run $(NIGHTLY) rustc --version >/dev/null 2>&1; then \
		echo "release wasm: $(NIGHTLY)"; \
		RUSTFLAGS="$(REMAP) -Clink-args=--emit-relocs $(NIGHTLY_FLAGS)" cargo +$(NIGHTLY) build --release --lib \
			--target $(TARGET) --features split -Z build-std=std,panic_abort \
			-Z build-std-features=optimize_for_size --target-dir target/nightly; \
		cp target/nightly/$(TARGET)/release/ai_readiness.wasm target/release.wasm; \
		echo nightly > target/release-toolchain; \
	else \
		echo "release wasm: stable"; \
		RUSTFLAGS="$(REMAP) -Clink-args=--emit-relocs" cargo build --release --lib --target $(TARGET) --features split; \
		cp target/$(TARGET)/release/ai_readiness.wasm target/release.wasm; \
		echo stable > target/release-toolchain; \
	fi
	rm -rf pkg $(SPLIT) && mkdir -p pkg
	wasm-split-cli target/release.wasm $(SPLIT) --out-name ai_readiness
	wasm-bindgen --target web --keep-lld-exports --out-dir pkg $(SPLIT)/ai_readiness.wasm
	$(WASM_OPT) $(WASM_OPT_FLAGS) pkg/ai_readiness_bg.wasm -o pkg/ai_readiness_bg.wasm
	for chunk in $(SPLIT)/*.wasm; do \
		[ $$chunk = $(SPLIT)/ai_readiness.wasm ] || $(WASM_OPT) $(WASM_OPT_FLAGS) $$chunk -o pkg/$${chunk##*/}; \
	done
	node src/build/short_imports.mjs pkg/ai_readiness_bg.wasm pkg/ai_readiness.js
	$(TERSER) pkg/ai_readiness.js $(TERSER_FLAGS) -o pkg/ai_readiness.js
	cargo run -q --bin first_screen -- target/first_screen.js
	node src/build/dist.mjs integrity --unpinned target/build
	$(call loader_and_embed,target/build,pkg)
	$(TERSER) src/embed/framed.js $(TERSER_FLAGS) -o pkg/framed.js
	$(TERSER) src/embed/frame.js $(TERSER_CLASSIC_FLAGS) -o pkg/frame.js
	cp src/embed/frame.html pkg/frame.html
	$(TERSER) src/builder/builder.js $(TERSER_FLAGS) -o pkg/builder.js
	cp src/builder/builder.html src/builder/builder.css pkg/
	node src/build/dist.mjs locales
	node src/build/dist.mjs package-json
	node src/build/validate.mjs pkg
	node tests/size.mjs

# The zip's embed.js and chunk loader are minified again, with the hashes of the files they fetch.
dist: build
	node src/build/dist.mjs integrity --pinned target/dist
	$(call loader_and_embed,target/dist,target/dist)
	node src/build/dist.mjs zip

serve: build
	PORT=$(PORT) node src/build/serve.mjs

test: setup setup-browser lint docs-check test-native test-browser dist test-e2e

## Every relative link in README.md, ARCHITECTURE.md, CONTRIBUTING.md and the book resolves (files
## and heading anchors), and every config key and event in the code has its row in the reference.
docs-check:
	node tools/check-docs.mjs

## The book (docs/src) as HTML in docs/book/. Not part of `make test`: the first run installs
## mdBook (a few minutes; only what `mdbook build` needs).
MDBOOK_VERSION := 0.5.4
docs: docs-check
	@if [ "$$(mdbook --version 2>/dev/null)" != "mdbook v$(MDBOOK_VERSION)" ]; then \
		echo "installing mdbook $(MDBOOK_VERSION) (takes a few minutes, once)"; \
		cargo install mdbook --version $(MDBOOK_VERSION) --locked --no-default-features --features search; \
	fi
	mdbook build docs
	@echo "The book is in docs/book/index.html"

## Formatting, vendor/yew equal to Yew as published plus vendor/yew.patch (vendor/PATCHED.md),
## and lints, native and wasm32, with and without the split feature.
lint:
	cargo fmt --check
	node tools/vendor-yew.mjs check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --features split -- -D warnings
	cargo clippy --all-targets --target $(TARGET) -- -D warnings

## Writes vendor/yew again from the published crate and vendor/yew.patch (after changing the patch
## or the version in tools/vendor-yew.mjs); `node tools/vendor-yew.mjs diff` records an edit.
vendor:
	node tools/vendor-yew.mjs

## `--all-targets` leaves out doc tests; `--doc` runs them (one holds that a part's loader cannot be
## handed to another part: it must fail to compile).
test-native:
	cargo test --all-targets
	cargo test --doc

test-browser:
	cargo test --target $(TARGET) --test web

test-e2e:
	cd tests && node --test e2e/*.test.mjs

## Benchmarks (print tables; no timing is asserted; not part of `make test`): first paint and
## answering beside a plain form, SurveyJS and Formbricks' renderer (tests/bench/first_paint.mjs,
## writes target/bench/first_paint.md), Lighthouse (mobile, simulated throttling) on a blog
## article without the widget, with it in the first screen and below the fold
## (tests/bench/lighthouse.mjs, writes target/bench/lighthouse.md), team parse + aggregate
## natively and in headless Chromium, and
## a 100,000-line paste into the team view beside a plain textarea (tests/bench/team_paste.mjs),
## and one setConfig call on a fresh widget and after 1,000 changes (tests/bench/set_config.mjs).
bench: setup setup-browser build
	cargo bench --bench team
	cargo test --release --target $(TARGET) --test bench_web -- --nocapture
	cd tests/bench && npm ci --no-audit --no-fund && node first_paint.mjs && node lighthouse.mjs && node team_paste.mjs && node set_config.mjs

clean:
	rm -rf pkg dist target
