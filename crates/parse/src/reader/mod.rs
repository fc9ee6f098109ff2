//! Readers: one module per input format, each producing the block stream of
//! [`crate::block`].

mod dash_table;
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

/// True when a raw source line starts with a footnote marker: `*`, `**`,
/// `†` followed by a space, an escaped `\*` or a dagger followed by
/// anything, or a number raised by `<sup>1</sup>` or typed as `¹`. Readers
/// of lines end a paragraph there: one note per line, not one paragraph of
/// them all.
pub(crate) fn starts_with_note_marker(line: &str) -> bool {
    let mut after = line.trim_start();
    if after.starts_with(|c| crate::recognise::notes::superscript_digit(c).is_some())
        || raised_number(after)
    {
        return true;
    }
    let mut marks = 0;
    // Plain stars only: `*emphasis*` and `**bold**` need the space to be
    // told from a marker.
    let mut plain_stars = true;
    loop {
        if let Some(r) = after.strip_prefix("\\*") {
            plain_stars = false;
            after = r;
        } else if let Some(r) = after.strip_prefix('*') {
            after = r;
        } else if let Some(r) = after.strip_prefix(['†', '‡']) {
            plain_stars = false;
            after = r;
        } else {
            break;
        }
        marks += 1;
    }
    (1..=3).contains(&marks)
        && (after.starts_with([' ', '\t', '\u{a0}']) || !plain_stars && !after.is_empty())
}

/// True when `line` starts with `<sup>` and one to three digits closed by
/// `</sup>`, tags in any case.
fn raised_number(line: &str) -> bool {
    let open = line
        .get(..5)
        .is_some_and(|t| t.eq_ignore_ascii_case("<sup>"));
    if !open {
        return false;
    }
    let rest = &line[5..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && rest[digits..]
            .get(..6)
            .is_some_and(|t| t.eq_ignore_ascii_case("</sup>"))
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

#[cfg(test)]
mod tests {
    use super::starts_with_note_marker;

    #[test]
    fn note_markers_at_the_start_of_a_line() {
        for line in [
            "* Note",
            "** Note",
            "*** Note",
            "\\* Note",
            "\\*Note",
            "† Note",
            "†Note",
            "  * x",
            "<sup>2</sup> Progress",
            "<SUP>12</SUP>Note",
            "¹ Status",
            "²Note",
        ] {
            assert!(starts_with_note_marker(line), "{line}");
        }
        for line in [
            "*emphasis*",
            "**Bold:** text",
            "**** four",
            "*",
            "\\*",
            "Text * x",
            "",
            "<sup>a</sup> x",
            "<sup>1234</sup> x",
            "<sup>1",
        ] {
            assert!(!starts_with_note_marker(line), "{line}");
        }
    }
}
