//! Fuzz target: the Word reader, then the recogniser. A zip input is read
//! as it is; any other input is also packed into a stored package whose
//! parts are its NUL-separated pieces (see `docx_of_parts`), so that the
//! mutations reach the XML of the document, numbering, styles and notes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mresponse_fuzz::{docx_of_parts, read_then_recognise};
use mresponse_parse::Format;

fuzz_target!(|data: &[u8]| {
    read_then_recognise(data, Format::Docx);
    if !data.starts_with(b"PK") {
        read_then_recognise(&docx_of_parts(data), Format::Docx);
    }
});
