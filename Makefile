# mresponse: the gates CI runs, and the jobs a user runs.
# `make demo` converts the bundled samples; `make test` runs every gate.

CARGO ?= cargo
OUT ?= out
SAMPLES := $(wildcard fixtures/dev/*.md fixtures/dev/*.txt fixtures/dev/*.html fixtures/dev/*.docx)

.PHONY: all build demo test fmt clippy unit doc bench fuzz fuzz-check score clean web web-tools web-clippy web-serve web-test web-screenshot

all: build

build:
	$(CARGO) build --release --locked

## demo: convert every bundled sample into out/ (JSON, CSV, Markdown, a workbook)
demo: build
	./target/release/mresponse batch fixtures/dev --out $(OUT) --formats json,md,csv,xlsx
	@echo "outputs in $(OUT)/ (report.json, key_actions.csv, recommendations.csv, mresponse.xlsx)"

## test: formatting, lints, every test, and the docs
test: fmt clippy unit doc

fmt:
	$(CARGO) fmt --all --check

clippy:
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

unit:
	$(CARGO) test --workspace --locked

doc:
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --workspace --no-deps --locked

## bench: batch throughput against a pulldown-cmark baseline, and parse scaling
bench:
	$(CARGO) build --release --locked
	$(CARGO) bench --locked --bench batch

## fuzz: each cargo-fuzz target for FUZZ_SECONDS, one after another, one job
## each (cargo-fuzz runs on the stable toolchain with RUSTC_BOOTSTRAP=1).
## Logs land in fuzz/logs, findings in fuzz/artifacts/TARGET: make each a
## test in tests/regression.rs.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= markdown text html docx pipeline
# -detect_leaks=0: LeakSanitizer takes glibc's one-time registration of a
# thread-local destructor for a leak (seen on the pipeline target; the input
# does not leak when run alone); safe Rust does not leak by accident, and
# -rss_limit_mb still catches memory that grows without bound.
FUZZ_FLAGS ?= -jobs=1 -workers=1 -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1

fuzz:
	command -v cargo-fuzz >/dev/null 2>&1 || $(CARGO) install cargo-fuzz --locked
	./fuzz/seed.sh
	mkdir -p fuzz/logs
	status=0; for t in $(FUZZ_TARGETS); do \
	  echo "== fuzz $$t for $(FUZZ_SECONDS)s"; \
	  RUSTC_BOOTSTRAP=1 $(CARGO) fuzz run $$t -- -max_total_time=$(FUZZ_SECONDS) $(FUZZ_FLAGS) || status=1; \
	  if [ -f fuzz-0.log ]; then mv -f fuzz-0.log fuzz/logs/$$t.log; fi; \
	  grep -hE "^(stat::|Done |==[0-9]+== ERROR|SUMMARY)" fuzz/logs/$$t.log || true; \
	  echo "corpus: $$(ls fuzz/corpus/$$t | wc -l) inputs"; \
	done; exit $$status

## fuzz-check: the fuzz crate compiles (what CI checks; no nightly needed).
## Not --locked: fuzz/Cargo.lock pins what it can, and a dependency added to
## a workspace crate must not fail CI until someone refreshes it.
fuzz-check:
	$(CARGO) check --manifest-path fuzz/Cargo.toml --bins

## score: field accuracy on the dev corpus beside the project (../shared)
score: build
	rm -rf target/score && mkdir -p target/score
	for f in ../shared/corpus/dev/*.md ../shared/corpus/dev/*.txt ../shared/corpus/dev/*.html ../shared/corpus/dev/*.docx; do \
	  n=$$(basename "$${f%.*}"); ./target/release/mresponse convert -q "$$f" > target/score/$$n.json; done
	python3 ../shared/tools/score.py --dirs ../shared/corpus/dev target/score

## web: the page of web/ and the parser as WebAssembly, in $(WEB_OUT)/ (any static server serves it)
WEB_OUT ?= target/web
WEB_PORT ?= 8000
WASM_TARGET := wasm32-unknown-unknown
WASM := target/$(WASM_TARGET)/wasm-release/mresponse_wasm.wasm
# The wasm-bindgen CLI must be the version of the wasm-bindgen crate in Cargo.lock.
# Its install is not --locked: its lockfile names a webpki-roots version the registry here
# does not serve. No default features: no TLS stack, which the CLI needs not.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/"/, "", $$3); print $$3; exit }' Cargo.lock)

web-tools:
	@rustup target list --installed 2>/dev/null | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)" || \
	  $(CARGO) install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --no-default-features --bin wasm-bindgen

web: web-tools
	$(CARGO) build --locked --profile wasm-release --target $(WASM_TARGET) -p mresponse-wasm
	rm -rf $(WEB_OUT) && mkdir -p $(WEB_OUT)
	wasm-bindgen --target web --no-typescript --remove-name-section --out-dir $(WEB_OUT)/pkg $(WASM)
	cp web/index.html web/app.js web/style.css $(WEB_OUT)/
	@cd $(WEB_OUT) && echo "$(WEB_OUT): $$(find . -type f | xargs cat | wc -c) bytes," \
	  "$$(find . -type f | sort | xargs cat | gzip -9 | wc -c) gzipped (wasm alone: $$(gzip -9 -c pkg/mresponse_wasm_bg.wasm | wc -c))"

## web-clippy: clippy on the wasm32 build too (the bindings exist only there)
web-clippy: web-tools
	$(CARGO) clippy --locked --target $(WASM_TARGET) -p mresponse-wasm -- -D warnings

## web-serve: the page on http://127.0.0.1:$(WEB_PORT)/
web-serve: web
	@echo "serving http://127.0.0.1:$(WEB_PORT)/ (Ctrl-C stops)"
	python3 -m http.server $(WEB_PORT) --bind 127.0.0.1 --directory $(WEB_OUT)

## web-test: the page in headless chromium (installs chromium and playwright-core when missing)
web-test: web
	$(CARGO) build --locked --bin mresponse
	WEB_DIR=$(abspath $(WEB_OUT)) MRESPONSE_BIN=$(abspath target/debug/mresponse) bash web/test/run.sh

## web-screenshot: docs/web.png, the page with the seed loaded
web-screenshot: web
	WEB_DIR=$(abspath $(WEB_OUT)) bash web/test/run.sh screenshot

clean:
	$(CARGO) clean
	rm -rf $(OUT)
