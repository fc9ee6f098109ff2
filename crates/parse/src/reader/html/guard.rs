//! A pre-pass that caps the number of attributes on any one tag.
//!
//! html5ever's tokenizer checks each new attribute of a tag against all the
//! attributes already on it, which is quadratic in their number: one tag
//! with 100,000 distinct attributes would take minutes. This pass follows
//! the tokenizer's states for tags, comments and raw-text elements closely
//! enough to find the attributes past the [`MAX_ATTRS`]th of a tag, and
//! blanks them out, keeping their newlines so that line numbers do not move.
//! No real document comes near the cap, and only attribute names and values
//! are ever removed, never text.

use std::borrow::Cow;

/// The most attributes kept on one tag.
pub(super) const MAX_ATTRS: usize = 64;

/// The elements whose content the tokenizer reads as raw text (and the
/// builder is told to switch it to), lower case.
pub(super) const RAW_TEXT: [&str; 8] = [
    "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes",
];

/// `text` with every tag's attributes past the [`MAX_ATTRS`]th blanked out;
/// borrowed when there are none (always, in practice).
pub(super) fn cap_attributes(text: &str) -> Cow<'_, str> {
    let mut scan = Scan {
        text,
        bytes: text.as_bytes(),
        out: None,
        copied: 0,
    };
    scan.run();
    match scan.out {
        None => Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(text.get(scan.copied..).unwrap_or_default());
            Cow::Owned(out)
        }
    }
}

struct Scan<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The rewritten text, once something has been removed.
    out: Option<String>,
    /// How much of `text` has been dealt with in `out`.
    copied: usize,
}

/// Tag states of the tokenizer, as far as attributes go.
#[derive(Clone, Copy)]
enum State {
    BeforeName,
    Name,
    AfterName,
    BeforeValue,
    Quoted(u8),
    Unquoted,
    AfterQuoted,
    SelfClosing,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

impl<'a> Scan<'a> {
    fn find(&self, from: usize, byte: u8) -> Option<usize> {
        self.bytes
            .get(from..)?
            .iter()
            .position(|&b| b == byte)
            .map(|p| p + from)
    }

    fn at(&self, i: usize) -> Option<u8> {
        self.bytes.get(i).copied()
    }

    fn run(&mut self) {
        let mut i = 0;
        while let Some(lt) = self.find(i, b'<') {
            i = lt + 1;
            match self.at(i) {
                Some(b) if b.is_ascii_alphabetic() => {
                    let (end, name) = self.tag(i);
                    i = end;
                    if name.eq_ignore_ascii_case("plaintext") {
                        return;
                    }
                    if let Some(raw) = RAW_TEXT.iter().find(|r| name.eq_ignore_ascii_case(r)) {
                        match self.raw_end(i, raw) {
                            Some(at) => i = at,
                            None => return,
                        }
                    }
                }
                Some(b'/') => match self.at(i + 1) {
                    Some(b) if b.is_ascii_alphabetic() => i = self.tag(i + 1).0,
                    Some(b'>') => i += 2,
                    Some(_) => i = self.skip_past(i, b'>'),
                    None => return,
                },
                Some(b'!') => {
                    if self.bytes.get(i + 1..i + 3) == Some(b"--") {
                        i = self.comment_end(i + 3);
                    } else {
                        i = self.skip_past(i, b'>');
                    }
                }
                Some(b'?') => i = self.skip_past(i, b'>'),
                _ => {}
            }
        }
    }

    /// Just past the next `byte` at or after `from`, or the end.
    fn skip_past(&self, from: usize, byte: u8) -> usize {
        self.find(from, byte).map_or(self.bytes.len(), |p| p + 1)
    }

    /// Just past the comment whose text starts at `i`, or the end.
    fn comment_end(&self, i: usize) -> usize {
        // `<!-->` and `<!--->` end at once.
        if self.at(i) == Some(b'>') {
            return i + 1;
        }
        if self.bytes.get(i..i + 2) == Some(b"->") {
            return i + 2;
        }
        let mut j = i;
        while let Some(d) = self.find(j, b'-') {
            match self.bytes.get(d + 1..d + 4) {
                Some([b'-', b'>', ..]) => return d + 3,
                Some(b"-!>") => return d + 4,
                _ => j = d + 1,
            }
        }
        self.bytes.len()
    }

    /// The start of the end tag `</name` that ends raw text from `i`.
    fn raw_end(&self, mut i: usize, name: &str) -> Option<usize> {
        while let Some(lt) = self.find(i, b'<') {
            i = lt + 1;
            let start = lt + 2;
            let end = start + name.len();
            if self.at(lt + 1) == Some(b'/')
                && self
                    .bytes
                    .get(start..end)
                    .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
                && self
                    .at(end)
                    .is_some_and(|b| is_space(b) || b == b'/' || b == b'>')
            {
                return Some(lt);
            }
        }
        None
    }

    /// Reads the tag whose name starts at `i`; returns where it ends (just
    /// past `>`) and its name.
    fn tag(&mut self, i: usize) -> (usize, &'a str) {
        let bytes = self.bytes;
        let mut j = i;
        while j < bytes.len() && !is_space(bytes[j]) && bytes[j] != b'/' && bytes[j] != b'>' {
            j += 1;
        }
        let text = self.text;
        let name = text.get(i..j).unwrap_or_default();
        let mut count = 0usize;
        let mut cut: Option<usize> = None;
        let mut state = State::BeforeName;
        let mut new_attribute = |at: usize, cut: &mut Option<usize>| {
            count += 1;
            if count > MAX_ATTRS && cut.is_none() {
                *cut = Some(at);
            }
        };
        let end = loop {
            let Some(&b) = bytes.get(j) else {
                break bytes.len();
            };
            match state {
                State::BeforeName => {
                    if is_space(b) {
                        j += 1;
                    } else if b == b'/' || b == b'>' {
                        state = State::AfterName;
                    } else {
                        new_attribute(j, &mut cut);
                        state = State::Name;
                        j += 1;
                    }
                }
                State::Name => {
                    if is_space(b) {
                        state = State::AfterName;
                        j += 1;
                    } else if b == b'/' || b == b'>' {
                        state = State::AfterName;
                    } else if b == b'=' {
                        state = State::BeforeValue;
                        j += 1;
                    } else {
                        j += 1;
                    }
                }
                State::AfterName => match b {
                    b'/' => {
                        state = State::SelfClosing;
                        j += 1;
                    }
                    b'=' => {
                        state = State::BeforeValue;
                        j += 1;
                    }
                    b'>' => break j,
                    _ if is_space(b) => j += 1,
                    _ => {
                        new_attribute(j, &mut cut);
                        state = State::Name;
                        j += 1;
                    }
                },
                State::BeforeValue => match b {
                    b'"' | b'\'' => {
                        state = State::Quoted(b);
                        j += 1;
                    }
                    b'>' => break j,
                    _ if is_space(b) => j += 1,
                    _ => state = State::Unquoted,
                },
                State::Quoted(q) => match self.find(j, q) {
                    Some(p) => {
                        state = State::AfterQuoted;
                        j = p + 1;
                    }
                    None => break bytes.len(),
                },
                State::Unquoted => match b {
                    b'>' => break j,
                    _ if is_space(b) => {
                        state = State::BeforeName;
                        j += 1;
                    }
                    _ => j += 1,
                },
                State::AfterQuoted => match b {
                    b'/' => {
                        state = State::SelfClosing;
                        j += 1;
                    }
                    b'>' => break j,
                    _ if is_space(b) => {
                        state = State::BeforeName;
                        j += 1;
                    }
                    _ => state = State::BeforeName,
                },
                State::SelfClosing => match b {
                    b'>' => break j,
                    _ => state = State::BeforeName,
                },
            }
        };
        if let Some(from) = cut {
            self.blank(from, end);
        }
        (end.saturating_add(1).min(bytes.len()), name)
    }

    /// Removes `from..to` from the output, keeping its newlines.
    fn blank(&mut self, from: usize, to: usize) {
        let text = self.text;
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(text.get(self.copied..from).unwrap_or_default());
        let removed = text.get(from..to).unwrap_or_default();
        out.extend(removed.bytes().filter(|&b| b == b'\n').map(char::from));
        self.copied = to;
    }
}
