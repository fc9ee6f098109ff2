//! Bytes to text: byte-order marks, UTF-16, a Windows-1252 fallback, and
//! line endings.
//!
//! Word's "Unicode text" exports are UTF-16 with a BOM; older exports are
//! Windows-1252. Text that is valid UTF-8 is always read as UTF-8.

use std::borrow::Cow;

/// Text decoded from bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, with `\n` line endings and no BOM.
    pub text: String,
    /// The encoding the bytes were read as.
    pub encoding: &'static str,
    /// True when the bytes were not UTF-8 and were read as Windows-1252.
    pub fallback: bool,
}

/// Decodes an HTML page: as [`decode`], except that bytes that are not
/// UTF-8 are read in the encoding the page declares (`<meta
/// charset=windows-1252>`, as Word writes it), which is then no fallback.
pub fn decode_html(bytes: &[u8]) -> Decoded {
    if encoding_rs::Encoding::for_bom(bytes).is_none()
        && std::str::from_utf8(bytes).is_err()
        && let Some(declared) = declared_charset(bytes)
    {
        let (text, _) = declared.decode_without_bom_handling(bytes);
        return finish(text, declared.name(), false);
    }
    decode(bytes)
}

/// The encoding an HTML page's head declares, `charset=LABEL` in its first
/// kilobytes; none for the Unicode encodings, which the bytes would be.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let at = head
        .windows(8)
        .position(|w| w.eq_ignore_ascii_case(b"charset="))?;
    let label: Vec<u8> = head[at + 8..]
        .iter()
        .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .copied()
        .collect();
    let encoding = encoding_rs::Encoding::for_label(&label)?;
    (encoding != encoding_rs::UTF_8
        && encoding != encoding_rs::UTF_16LE
        && encoding != encoding_rs::UTF_16BE)
        .then_some(encoding)
}

/// Decodes `bytes`: UTF-8 (with or without BOM), UTF-16 LE/BE with a BOM,
/// otherwise Windows-1252. CRLF and lone CR become LF.
pub fn decode(bytes: &[u8]) -> Decoded {
    let (text, encoding, fallback): (Cow<'_, str>, &'static str, bool) =
        if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
            let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
            (text, enc.name(), false)
        } else {
            match std::str::from_utf8(bytes) {
                Ok(text) => (Cow::Borrowed(text), "UTF-8", false),
                Err(_) => {
                    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
                    (text, "windows-1252", true)
                }
            }
        };
    finish(text, encoding, fallback)
}

/// Decoded text with `\n` line endings and accents composed.
fn finish(text: Cow<'_, str>, encoding: &'static str, fallback: bool) -> Decoded {
    let text = normalise_newlines(&text);
    let text = match compose(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(composed) => composed,
    };
    Decoded {
        text,
        encoding,
        fallback,
    }
}

/// Composes accents typed as combining marks (`e` + U+0301, as PDF and Mac
/// text can hold them) with their letters (NFC), so that `Réponse` is one
/// word to the labels and the output. Text without a combining mark (the
/// two lead bytes of U+0300–U+036F) is returned as it is, uncopied.
pub(crate) fn compose(text: &str) -> Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    if memchr::memchr2(0xCC, 0xCD, text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.nfc().collect())
}

/// Replaces CRLF and lone CR with LF.
fn normalise_newlines(text: &str) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{decode, decode_html};

    #[test]
    fn an_html_page_is_read_in_the_charset_it_declares() {
        let mut page = b"<html><head><meta http-equiv=Content-Type content='text/html; charset=windows-1252'></head><body><p>R".to_vec();
        page.extend([0xe9]); // `é` in Windows-1252
        page.extend(b"ponse \x93citation\x94</p></body></html>");
        let d = decode_html(&page);
        assert!(d.text.contains("Réponse “citation”"), "{}", d.text);
        assert_eq!((d.encoding, d.fallback), ("windows-1252", false));
        // Latin-1 declared is read as such too.
        let d = decode_html(b"<meta charset=\"iso-8859-1\"><p>caf\xe9</p>");
        assert!(d.text.contains("café") && !d.fallback);
        // No declaration: the Windows-1252 fallback, reported.
        let d = decode_html(b"<p>caf\xe9</p>");
        assert!(d.text.contains("café") && d.fallback);
        // UTF-8 bytes stay UTF-8 whatever the page says.
        let d = decode_html("<meta charset=windows-1252><p>café</p>".as_bytes());
        assert!(d.text.contains("café") && !d.fallback);
    }

    #[test]
    fn combining_accents_are_composed() {
        let text = decode("Re\u{301}ponse de la direction : Accepte\u{301}e".as_bytes()).text;
        assert_eq!(text, "Réponse de la direction : Acceptée");
    }

    #[test]
    fn utf8_bom_and_crlf() {
        let d = decode(b"\xEF\xBB\xBFa\r\nb\rc");
        assert_eq!(d.text, "a\nb\nc");
        assert!(!d.fallback);
    }

    #[test]
    fn utf16_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("é\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("é\n".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le).text, "é\n");
        assert_eq!(decode(&be).text, "é\n");
    }

    #[test]
    fn windows_1252_fallback() {
        let d = decode(b"R\xe9ponse \x96 caf\xe9");
        assert_eq!(d.text, "Réponse – café");
        assert!(d.fallback);
    }
}
