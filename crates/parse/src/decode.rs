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
    if !text.contains('\r') {
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
    use super::decode;

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
