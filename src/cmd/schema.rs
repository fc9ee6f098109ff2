//! `mresponse schema`: the JSON Schema of `convert --to json`'s output.

use anyhow::Result;

use crate::Outcome;

/// Prints the schema.
pub fn run() -> Result<Outcome> {
    let mut text = mresponse_export::schema_json();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    crate::output::write_output(None, text.as_bytes())?;
    Ok(Outcome::Ok)
}
