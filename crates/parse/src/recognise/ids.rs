//! Key-action ids at the start of a description: `1.1`, `2.3.`, `3b.1`,
//! `R1.1`, `a)`, `(b)`,
//! `1.` and a number followed by a tab (Word's `1.1<tab>text`).

/// Splits a leading action id from a description. Returns the id without
/// trailing punctuation and the rest of the text (trimmed).
pub fn split_action_id(text: &str) -> (Option<String>, &str) {
    let trimmed = text.trim_start();
    match id_len(trimmed) {
        Some((id_end, skip)) => {
            let id = trimmed[..id_end].trim_start_matches('(');
            let id = id.trim_end_matches(['.', ')', ':']);
            let rest = trimmed[skip..].trim_start();
            // `1.1 – Draft the plan`: the dash separates, it is no text.
            let rest = match rest.strip_prefix(['–', '—', '-']) {
                Some(after) if after.starts_with([' ', '\t']) => after.trim_start(),
                _ => rest,
            };
            (Some(id.to_string()), rest)
        }
        None => (None, trimmed),
    }
}

/// A one-line action description without the bullet it starts with (`• `,
/// `- `, `– `, `▪ `, `◦ `), which marks an item of the list of actions; a
/// description of several lines is a list and keeps its markers.
pub fn without_bullet(description: &str) -> &str {
    let text = description.trim_start();
    if text.contains('\n') {
        return description;
    }
    ["• ", "- ", "– ", "▪ ", "◦ "]
        .iter()
        .find_map(|b| text.strip_prefix(b))
        .map_or(description, str::trim_start)
}

/// The length of an id at the start of `text` and the length to skip (id
/// plus its separator), or `None`.
fn id_len(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let paren = bytes.first() == Some(&b'(');
    if paren {
        i += 1;
    }
    let start = i;
    let digits = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    // `R1.1`, `A1`, `KA1`, `A.1`: one or two capitals before the number
    // (a recommendation's `R`, a letter of the action's group).
    let capitals = bytes[i..]
        .iter()
        .take(3)
        .take_while(|b| b.is_ascii_uppercase())
        .count();
    let is_digit = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    let mut dotted = false;
    if (1..=2).contains(&capitals) && is_digit(i + capitals) {
        i += capitals;
    } else if capitals == 1 && bytes.get(i + 1) == Some(&b'.') && is_digit(i + 2) {
        i += 2;
        dotted = true;
    }
    let n = digits(i);
    let mut lettered = false;
    if n > 0 {
        i += n;
        // Dotted parts and one letter, in any order: 1.1, 1.1.2, 3a, 3b.1, 1.a.
        let lone_letter = |at: usize| {
            bytes.get(at).is_some_and(u8::is_ascii_lowercase)
                && !bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic)
        };
        loop {
            let dot = bytes.get(i) == Some(&b'.');
            if dot && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                i += 1;
                i += digits(i);
                dotted = true;
            } else if dot && !lettered && lone_letter(i + 1) {
                i += 2;
                dotted = true;
                lettered = true;
            } else if !lettered && lone_letter(i) {
                i += 1;
                lettered = true;
            } else {
                break;
            }
        }
    } else if bytes.get(i).is_some_and(u8::is_ascii_alphabetic)
        && !bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
    {
        i += 1;
    } else if let Some(len) = roman_len(&bytes[i..]) {
        // `(ii)`, `iv)`, `III.`: a roman numeral, closed as a letter is.
        i += len;
    } else {
        return None;
    }
    if i - start > 12 {
        return None;
    }
    let id_end = i;
    let next = bytes.get(i).copied();
    let letter = n == 0;
    match next {
        Some(b')') => i += 1,
        Some(b'.') | Some(b':') if !letter || !paren => i += 1,
        _ if paren => return None,
        _ => {}
    }
    let closed = i > id_end;
    let sep = bytes.get(i).copied();
    // A no-break space (U+00A0, two bytes) separates as a space does.
    let nbsp = bytes[i..].starts_with("\u{a0}".as_bytes());
    let sep_ok = match sep {
        None => false,
        Some(b'\t') => true,
        Some(b' ') => closed || dotted || lettered,
        _ if nbsp => closed || dotted || lettered,
        _ => false,
    };
    // A bare letter needs its `)` or `.`: "a Draft" is no id.
    if !sep_ok || letter && !closed {
        return None;
    }
    Some((id_end, i + if nbsp { 2 } else { 1 }))
}

/// The length of a roman numeral of two to six letters, all lower case or
/// all capitals, that `bytes` starts with and no letter or digit follows.
fn roman_len(bytes: &[u8]) -> Option<usize> {
    let lower = bytes
        .iter()
        .take_while(|b| matches!(b, b'i' | b'v' | b'x'))
        .count();
    let upper = bytes
        .iter()
        .take_while(|b| matches!(b, b'I' | b'V' | b'X'))
        .count();
    let len = lower.max(upper);
    ((2..=6).contains(&len) && !bytes.get(len).is_some_and(u8::is_ascii_alphanumeric))
        .then_some(len)
}

#[cfg(test)]
mod tests {
    use super::{split_action_id, without_bullet};

    #[test]
    fn a_bullet_before_a_one_line_description_is_no_text() {
        assert_eq!(without_bullet("• Train technicians"), "Train technicians");
        assert_eq!(without_bullet("- Train"), "Train");
        assert_eq!(without_bullet("-Train"), "-Train");
        assert_eq!(without_bullet("- a\n- b"), "- a\n- b");
        assert_eq!(without_bullet("Train"), "Train");
    }

    #[test]
    fn ids() {
        assert_eq!(
            split_action_id("1.1 Draft a plan"),
            (Some("1.1".into()), "Draft a plan")
        );
        assert_eq!(split_action_id("2.3. Do"), (Some("2.3".into()), "Do"));
        assert_eq!(split_action_id("a) Do"), (Some("a".into()), "Do"));
        assert_eq!(split_action_id("(b) Do"), (Some("b".into()), "Do"));
        assert_eq!(
            split_action_id("1.1\tFinalise"),
            (Some("1.1".into()), "Finalise")
        );
        assert_eq!(split_action_id("3. Do"), (Some("3".into()), "Do"));
        assert_eq!(
            split_action_id("30 schools trained"),
            (None, "30 schools trained")
        );
        assert_eq!(split_action_id("Draft"), (None, "Draft"));
        assert_eq!(
            split_action_id("2.1\u{a0}Train staff"),
            (Some("2.1".into()), "Train staff")
        );
        // Roman numerals, closed as letters are.
        assert_eq!(
            split_action_id("(ii) Update"),
            (Some("ii".into()), "Update")
        );
        assert_eq!(split_action_id("iv) Update"), (Some("iv".into()), "Update"));
        assert_eq!(
            split_action_id("III. Update"),
            (Some("III".into()), "Update")
        );
        assert_eq!(split_action_id("xi Update"), (None, "xi Update"));
        // A group's letters before the number.
        assert_eq!(
            split_action_id("A1. Develop"),
            (Some("A1".into()), "Develop")
        );
        assert_eq!(
            split_action_id("A.1 Develop"),
            (Some("A.1".into()), "Develop")
        );
        assert_eq!(
            split_action_id("KA1.2 Develop"),
            (Some("KA1.2".into()), "Develop")
        );
        assert_eq!(
            split_action_id("Q1 2025 workshop"),
            (None, "Q1 2025 workshop")
        );
        assert_eq!(split_action_id("UNDP1 office"), (None, "UNDP1 office"));
        assert_eq!(split_action_id("2022 plan"), (None, "2022 plan"));
        assert_eq!(split_action_id("a new plan"), (None, "a new plan"));
        assert_eq!(split_action_id("1.1"), (None, "1.1"));
        assert_eq!(
            split_action_id("3b.1 Publish"),
            (Some("3b.1".into()), "Publish")
        );
        assert_eq!(
            split_action_id("1a Publish"),
            (Some("1a".into()), "Publish")
        );
        assert_eq!(
            split_action_id("1.a Publish"),
            (Some("1.a".into()), "Publish")
        );
        assert_eq!(
            split_action_id("R1.1 Publish"),
            (Some("R1.1".into()), "Publish")
        );
        assert_eq!(
            split_action_id("1.1 – Draft"),
            (Some("1.1".into()), "Draft")
        );
        assert_eq!(
            split_action_id("1.1 -Draft"),
            (Some("1.1".into()), "-Draft")
        );
        assert_eq!(split_action_id("Ranking 1"), (None, "Ranking 1"));
        assert_eq!(split_action_id("R2 Publish"), (None, "R2 Publish"));
        assert_eq!(split_action_id("3ab Publish"), (None, "3ab Publish"));
    }
}
