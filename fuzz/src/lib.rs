//! What the fuzz targets share.
//!
//! Every reader target runs the reader alone through `read_blocks`, then the
//! reader and the recogniser through `parse_detailed`. Both must return,
//! `Ok` or `Err`, for any bytes; a panic, a hang or a blown memory limit is
//! a finding.
//!
//! Word documents are zips whose parts are deflated and checksummed, so
//! byte mutations of a `.docx` rarely get past the zip reader. The `docx`
//! target therefore also packs any input that is not a zip into a minimal
//! stored (uncompressed) package, with the input's NUL-separated pieces as
//! `word/document.xml`, `numbering.xml`, `styles.xml`, `footnotes.xml` and
//! `endnotes.xml`: mutations then reach the XML readers directly.

use mresponse_parse::{Format, Limits, parse_detailed, read_blocks};

/// Runs the reader of `format`, then the whole parse, on `data`.
pub fn read_then_recognise(data: &[u8], format: Format) {
    let limits = Limits::default();
    let _ = read_blocks(data, format, &limits);
    let _ = parse_detailed(data, format, &limits);
}

/// The package parts filled, in order, from the NUL-separated pieces of a
/// non-zip input.
pub const DOCX_PARTS: [&str; 5] = [
    "word/document.xml",
    "word/numbering.xml",
    "word/styles.xml",
    "word/footnotes.xml",
    "word/endnotes.xml",
];

/// A stored zip of the NUL-separated pieces of `data` as [`DOCX_PARTS`].
pub fn docx_of_parts(data: &[u8]) -> Vec<u8> {
    let entries: Vec<(&str, &[u8])> = DOCX_PARTS
        .iter()
        .copied()
        .zip(data.split(|&b| b == 0))
        .collect();
    stored_zip(&entries)
}

/// A zip archive of `entries`, stored without compression.
pub fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let size = data.len() as u32;
        // Local file header.
        out.extend_from_slice(b"PK\x03\x04");
        out.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Its central directory record.
        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        central.extend_from_slice(&crc.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&(name.len() as u16).to_le_bytes());
        central.extend_from_slice(&[0; 12]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = out.len() as u32;
    let count = entries.len() as u16;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

/// CRC-32 (IEEE), bit by bit: the inputs are small.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
