//! HTML reader: a whole page, or a `<table>…</table>` fragment found inside
//! a Markdown file, into the block stream of [`crate::block`].
//!
//! The markup is read by html5ever's HTML5 tokenizer, which decodes
//! character references, handles every kind of broken markup as browsers
//! do, and reports the source line of each token; a small builder turns the
//! tokens straight into blocks, without a DOM:
//!
//! - `<h1>`–`<h6>` are headings; `<p>`, `<div>` and bare text are
//!   paragraphs; each `<li>` is a list item whose text starts with `1. `
//!   (numbered for `<ol>`, honouring `start` and `value`) or `- `;
//!   `<table>` is a table.
//! - `<head>` content, `<title>`, `<style>`, `<script>` and comments are
//!   not text.
//! - `<b>`/`<strong>` are bold spans, `<sup>` superscript spans, `<br>` is
//!   `\n`; other inline markup is dropped, its text kept. Whitespace
//!   collapses to one space within a line, and blocks are trimmed, as
//!   browsers render them.
//! - Table cells (`<td>`, `<th>`) are laid out on a grid with `rowspan` and
//!   `colspan` expanded (see `grid` for the bounds); paragraphs in a cell
//!   are joined by `\n\n`, list items one per line with their markers, and
//!   a table nested in a cell is flattened into the cell's text (a line per
//!   row). Rows in `<thead>` or made only of `<th>` are header rows.
//!
//! Every function here is total: any text gives blocks, in time and memory
//! linear in its size.

mod builder;
mod grid;
mod guard;
mod text;

#[cfg(test)]
mod tests;

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use crate::block::Block;
use builder::Builder;

/// The most text handed to the tokenizer at once (its buffers hold at most
/// 4 GiB).
const CHUNK: usize = 1 << 20;

/// Reads a whole HTML page into blocks whose line numbers are 1-based lines
/// of `text`.
pub fn read_html(text: &str) -> Vec<Block> {
    read(text, 1)
}

/// Reads an HTML fragment (such as a `<table>…</table>` block of a Markdown
/// file) that starts on line `first_line` (1-based) of its file; line
/// numbers in the blocks are lines of that file.
pub fn read_html_fragment(text: &str, first_line: u32) -> Vec<Block> {
    read(text, first_line.max(1))
}

fn read(text: &str, first_line: u32) -> Vec<Block> {
    let text = guard::cap_attributes(text);
    let tokenizer = Tokenizer::new(
        Sink(RefCell::new(Builder::new(first_line))),
        TokenizerOpts::default(),
    );
    let queue = BufferQueue::default();
    let mut rest: &str = &text;
    while !rest.is_empty() {
        let mut cut = rest.len().min(CHUNK);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        queue.push_back(StrTendril::from_slice(chunk));
        // The sink never blocks on a script, so this consumes the chunk.
        let _ = tokenizer.feed(&queue);
        rest = tail;
    }
    tokenizer.end();
    tokenizer.sink.0.into_inner().finish()
}

/// Hands the tokenizer's tokens to the builder.
struct Sink(RefCell<Builder>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<()> {
        match self.0.try_borrow_mut() {
            Ok(mut builder) => builder.token(token, line_number),
            Err(_) => TokenSinkResult::Continue,
        }
    }
}
