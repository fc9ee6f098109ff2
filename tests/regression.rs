//! Inputs that once crashed, hung or blew up a fuzz target or a property
//! test, kept as plain tests: each names the target that found it and what
//! was wrong. They run in CI with every `cargo test`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use mresponse_parse::{Format, Limits, parse_detailed, read_blocks};

/// Reads `bytes` as `format` through the reader alone and the whole parse;
/// either may be `Ok` or `Err`, neither may panic.
fn survives(bytes: &[u8], format: Format) {
    let limits = Limits::default();
    let _ = read_blocks(bytes, format, &limits);
    let _ = parse_detailed(bytes, format, &limits);
}

/// Runs `f` on a thread with a small stack: a reader that recurses once per
/// level of nesting overflows it (and aborts the process) long before the
/// 20,000 levels these tests use.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(f)
        .expect("a thread")
        .join()
        .expect("no panic");
}

/// Found by `tests/pathological.rs` (`ten_thousand_nested_blockquotes`),
/// not by a fuzz target: the Markdown reader walked a block quote's blocks
/// by recursion, copying the quote's events at every level, so 20,000
/// nested `> ` overflowed the stack (a process abort, not a panic) and
/// 5,000 took seconds. Quotes are now passed over in the reader's loop.
#[test]
fn deeply_nested_blockquotes_do_not_overflow_the_stack() {
    on_small_stack(|| {
        let doc = format!(
            "Recommendation 1: Do it.\n\n{}deep\n{}deeper\n\nManagement response: Accepted.\n",
            "> ".repeat(20_000),
            "> ".repeat(20_000)
        );
        survives(doc.as_bytes(), Format::Markdown);
        let doc = format!("Recommendation 1: Do it.\n\n{}deep\n", ">".repeat(20_000));
        survives(doc.as_bytes(), Format::Markdown);
    });
}

/// Nesting of every other kind, in every text format, on the same small
/// stack: lists, HTML lists, quotes and tables.
#[test]
fn deep_nesting_of_every_kind_does_not_overflow_the_stack() {
    on_small_stack(|| {
        let n = 20_000;
        survives(format!("{}x", "- ".repeat(n)).as_bytes(), Format::Markdown);
        survives(format!("{}x", "1. ".repeat(n)).as_bytes(), Format::Markdown);
        for html in [
            "<ul><li>".repeat(n),
            "<blockquote>".repeat(n),
            "<table><tr><td>".repeat(n),
            "<div><p><b>".repeat(n),
        ] {
            survives(html.as_bytes(), Format::Html);
            survives(format!("- {html}").as_bytes(), Format::Markdown);
        }
        survives(format!("{}x", "- ".repeat(n)).as_bytes(), Format::Text);
    });
}
