//! Plain-text rules of MODEL.md's "Text fields": spaces collapsed within a
//! line, lines trimmed, paragraphs separated by one blank line, and the
//! recognisers of page furniture (running headers, page numbers) that belong
//! to no field.

use std::sync::LazyLock;

use regex::Regex;

/// The soft hyphen (U+00AD) word processors leave where a word may break.
const SOFT_HYPHEN: char = '\u{ad}';

/// Collapses runs of spaces, tabs and non-breaking spaces inside each line to
/// one space, trims every line, keeps at most one blank line between
/// paragraphs, drops soft hyphens, and trims the whole.
pub fn clean(text: &str) -> String {
    if is_clean(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0usize;
    for line in text.split('\n') {
        let mut collapsed = String::with_capacity(line.len());
        let mut space = false;
        for c in line.chars() {
            // A soft hyphen is invisible unless a line breaks at it.
            if c == SOFT_HYPHEN {
                continue;
            }
            if c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}' || c == '\u{feff}' {
                space = true;
            } else {
                if space && !collapsed.is_empty() {
                    collapsed.push(' ');
                }
                space = false;
                collapsed.push(c);
            }
        }
        if collapsed.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(&collapsed);
    }
    out
}

/// True when [`clean`] would return the text unchanged: no space at either
/// end of a line, no run of spaces, no tab or no-break space, no blank line
/// other than single ones between paragraphs.
fn is_clean(text: &str) -> bool {
    if text.starts_with(char::is_whitespace) || text.ends_with(char::is_whitespace) {
        return false;
    }
    let bytes = text.as_bytes();
    // Most texts are clean and hold no byte that may start a space other
    // than ` ` and `\n`: one branch-free pass decides those, looking at
    // each byte with the two before it.
    let (mut suspect, mut run) = (false, false);
    let (mut before, mut prev) = (b'x', b'x');
    for &b in bytes {
        suspect |= (b < 0x20 && b != b'\n') | may_start_space(b);
        run |= (prev == b' ' && (b == b' ' || b == b'\n'))
            | (prev == b'\n' && b == b' ')
            | (before == b'\n' && prev == b'\n' && b == b'\n');
        (before, prev) = (prev, b);
    }
    if !suspect {
        return !run;
    }
    // Otherwise a byte at a time: ASCII decides at once; a non-ASCII
    // character is decoded only where its first byte may start a space.
    let mut prev = b'x';
    let mut newlines = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'\n' => {
                newlines += 1;
                if prev == b' ' || newlines > 2 {
                    return false;
                }
            }
            b' ' if prev == b' ' || prev == b'\n' => return false,
            b' ' => {}
            b'\t' | b'\r' | 0x0b | 0x0c => return false,
            b if may_start_space(b) => {
                let c = text[i..].chars().next().unwrap_or('x');
                if c.is_whitespace() || c == '\u{feff}' || c == SOFT_HYPHEN {
                    return false;
                }
                newlines = 0;
                i += c.len_utf8();
                prev = b'x';
                continue;
            }
            _ => newlines = 0,
        }
        prev = b;
        i += 1;
    }
    true
}

/// True for the first byte of a non-ASCII space (U+0085, U+00A0, U+1680,
/// U+2000–U+205F, U+3000) or of U+FEFF.
fn may_start_space(b: u8) -> bool {
    matches!(b, 0xc2 | 0xe1 | 0xe2 | 0xe3 | 0xef)
}

/// [`clean`], then `None` when nothing is left.
pub fn clean_opt(text: &str) -> Option<String> {
    let cleaned = clean(text);
    (!cleaned.is_empty()).then_some(cleaned)
}

/// Removes trailing punctuation and spaces (`Accepted.` → `Accepted`,
/// `1.1.` → `1.1`).
pub fn trim_trailing_punct(text: &str) -> &str {
    text.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ':' | ';' | ',' | '–' | '—' | '-' | '\u{a0}' | '|' | '*'
            )
    })
}

static FURNITURE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*(?:
            (?:[^\n]{0,80}?\s[-–—|]\s*)?(?:page|pag\.|página|pagina)\s+\d+(?:\s*(?:of|de|sur|/)\s*\d+)?
          | \d+\s*(?:/|of|de|sur)\s*\d+
          | -\s*\d+\s*-
        )\s*$",
    )
    .ok()
});

/// True when `text` holds `pag` or `pág`, in any case.
fn holds_pag(text: &[u8]) -> bool {
    memchr::memchr2_iter(b'p', b'P', text).any(|at| {
        let rest = &text[at + 1..];
        let rest = match rest {
            [b'a' | b'A', rest @ ..] => rest,
            [0xc3, 0xa1 | 0x81, rest @ ..] => rest,
            _ => return false,
        };
        matches!(rest.first(), Some(b'g' | b'G'))
    })
}

/// True for a running header or footer line such as `Management Response –
/// page 2`, `Page 3 of 10`, `- 4 -`: text of no field.
pub fn is_page_furniture(line: &str) -> bool {
    let trimmed = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}');
    if trimmed.is_empty() {
        return !line.is_empty() && line.contains('\u{c}');
    }
    // Every form of furniture holds a page number and is short: most lines
    // are ruled out without the regex.
    if trimmed.len() > 120 || !trimmed.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    // A number alone (`3 of 10`, `- 4 -`) starts with a digit or a dash;
    // any other form holds "pag" or "pág" in some case.
    let first = trimmed.as_bytes()[0];
    if !(first.is_ascii_digit() || first == b'-' || holds_pag(trimmed.as_bytes())) {
        return false;
    }
    FURNITURE.as_ref().is_some_and(|re| re.is_match(trimmed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_collapses_and_keeps_paragraphs() {
        assert_eq!(clean("  a \u{a0} b\t c  \n\n\n d  "), "a b c\n\nd");
        assert_eq!(clean("commu\u{ad}nautaires"), "communautaires");
        assert_eq!(clean("1. x\n2. y"), "1. x\n2. y");
        assert_eq!(clean_opt(" \n "), None);
    }

    #[test]
    fn furniture() {
        assert!(is_page_furniture("Management Response – page 2"));
        assert!(is_page_furniture("Page 3 of 10"));
        assert!(is_page_furniture("\u{c}"));
        assert!(is_page_furniture("- 4 -"));
        assert!(!is_page_furniture(
            "Pages 3 to 5 of the report were revised."
        ));
        assert!(!is_page_furniture("2021-2022"));
    }

    #[test]
    fn trailing_punct() {
        assert_eq!(trim_trailing_punct("Accepted. "), "Accepted");
        assert_eq!(trim_trailing_punct("1.1."), "1.1");
    }
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The shortcuts before the furniture regex never reject a line the
        /// regex accepts.
        #[test]
        fn furniture_shortcuts_agree_with_the_regex(
            line in "[ pPaAágGeE0-9/of\\-–|\u{c}xé]{0,24}"
        ) {
            let trimmed = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}');
            let by_regex = !trimmed.is_empty()
                && FURNITURE.as_ref().is_some_and(|re| re.is_match(trimmed));
            if by_regex {
                prop_assert!(is_page_furniture(&line), "{:?}", line);
            }
        }

        /// The fast path never disagrees with the full rule.
        #[test]
        fn clean_is_idempotent_and_fast_path_agrees(
            text in "[a b\n\t\r.\u{a0}é\u{2003}\u{202f}\u{feff}\u{3000}\u{85}ア—\u{1680}\u{ad}]{0,40}"
        ) {
            let once = clean(&text);
            prop_assert!(is_clean(&once), "{:?} cleaned is {:?}", text, once);
            prop_assert_eq!(clean(&once), once.clone());
            if is_clean(&text) {
                prop_assert_eq!(once, text);
            }
        }
    }
}
