//! Fuzz target: the Markdown reader, then the recogniser, on any bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mresponse_fuzz::read_then_recognise;
use mresponse_parse::Format;

fuzz_target!(|data: &[u8]| read_then_recognise(data, Format::Markdown));
