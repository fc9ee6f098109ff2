//! Readers: one module per input format, each producing the block stream of
//! [`crate::block`].

pub mod lines;
pub mod markdown;
pub mod text;

use std::borrow::Cow;

use crate::block::{Block, BlockKind, Inline, Lines};

/// Reads a whole HTML document.
pub(crate) fn html_document(source: &str) -> Vec<Block> {
    html_fragment(source, 1)
}

/// Reads an HTML fragment found inside Markdown (a `<table>`, a `<p>`).
pub(crate) fn html_fragment(source: &str, first_line: u32) -> Vec<Block> {
    // Placeholder until the HTML reader lands: tags stripped, one paragraph.
    let mut inline = Inline::default();
    let mut rest = source;
    while let Some(i) = rest.find('<') {
        inline.push(&decode_entities(&rest[..i]), false);
        rest = rest[i..].find('>').map_or("", |j| &rest[i + j + 1..]);
    }
    inline.push(&decode_entities(rest), false);
    let end = first_line + source.trim_end().matches('\n').count() as u32;
    vec![Block::new(
        BlockKind::Paragraph,
        inline,
        Lines::new(first_line, end),
    )]
}

/// Decodes the HTML character references in `text`.
pub(crate) fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 12);
        let decoded = end.and_then(|e| entity(&rest[1..e]));
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "rsquo" => '\u{2019}',
        "lsquo" => '\u{2018}',
        "ldquo" => '\u{201c}',
        "rdquo" => '\u{201d}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "hellip" => '\u{2026}',
        "laquo" => '\u{ab}',
        "raquo" => '\u{bb}',
        "eacute" => 'é',
        "egrave" => 'è',
        "agrave" => 'à',
        "ccedil" => 'ç',
        "oacute" => 'ó',
        "aacute" => 'á',
        "iacute" => 'í',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "bull" => '•',
        "dagger" => '†',
        "euro" => '€',
        _ => return None,
    })
}
