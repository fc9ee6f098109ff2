# mresponse: the gates CI runs, and the jobs a user runs.
# `make demo` converts the bundled samples; `make test` runs every gate.

CARGO ?= cargo
OUT ?= out
SAMPLES := $(wildcard fixtures/dev/*.md fixtures/dev/*.txt fixtures/dev/*.html fixtures/dev/*.docx)

.PHONY: all build demo test fmt clippy unit doc bench fuzz fuzz-check score clean

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

clean:
	$(CARGO) clean
	rm -rf $(OUT)
