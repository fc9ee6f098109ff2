//! Readers: one module per input format, each producing the block stream of
//! [`crate::block`].

pub mod docx;
pub mod html;
pub mod lines;
pub mod markdown;
pub mod text;

use std::borrow::Cow;

use crate::block::Block;

/// Reads a whole HTML document.
pub(crate) fn html_document(source: &str) -> Vec<Block> {
    html::read_html(source)
}

/// Reads an HTML fragment found inside Markdown (a `<table>`, a `<p>`).
pub(crate) fn html_fragment(source: &str, first_line: u32) -> Vec<Block> {
    html::read_html_fragment(source, first_line)
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
        // Only the next 12 bytes can close a reference: searching the whole
        // rest for a `;` was quadratic in a run of `&`.
        let end = rest
            .bytes()
            .take(13)
            .position(|b| b == b';')
            .filter(|&e| e <= 12);
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
