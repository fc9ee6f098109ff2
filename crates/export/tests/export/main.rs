//! Integration tests of the writers over the dev fixtures.
//!
//! One test binary (modules below) to keep linking cheap. Golden files live
//! under `tests/golden/`; run with `UPDATE_GOLDEN=1` to rewrite them, then
//! review the diff before committing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod csv_writer;
mod json_writer;
mod schema;
mod status_report;
mod xlsx_writer;
