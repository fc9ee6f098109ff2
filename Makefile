# mresponse: the gates CI runs, and the jobs a user runs.
# `make demo` converts the bundled samples; `make test` runs every gate.

CARGO ?= cargo
OUT ?= out
SAMPLES := $(wildcard fixtures/dev/*.md fixtures/dev/*.txt fixtures/dev/*.html fixtures/dev/*.docx)

.PHONY: all build demo test fmt clippy unit doc bench fuzz score clean

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

## score: field accuracy on the dev corpus beside the project (../shared)
score: build
	rm -rf target/score && mkdir -p target/score
	for f in ../shared/corpus/dev/*.md ../shared/corpus/dev/*.txt ../shared/corpus/dev/*.html ../shared/corpus/dev/*.docx; do \
	  n=$$(basename "$${f%.*}"); ./target/release/mresponse convert -q "$$f" > target/score/$$n.json; done
	python3 ../shared/tools/score.py --dirs ../shared/corpus/dev target/score

clean:
	$(CARGO) clean
	rm -rf $(OUT)
