//! The wasm-bindgen layer: each export forwards to a plain function of the
//! crate and turns its error into a JavaScript `Error`.

use wasm_bindgen::prelude::*;

/// Reads one file; returns the JSON envelope of [`crate::convert`].
#[wasm_bindgen]
pub fn convert(bytes: &[u8], file_name: &str) -> String {
    crate::convert(bytes, file_name)
}

/// The document as `mresponse convert --to json` writes it.
#[wasm_bindgen(js_name = toJson)]
pub fn to_json(document_json: &str) -> Result<String, JsError> {
    crate::to_json(document_json).map_err(|e| JsError::new(&e))
}

/// The document as normalized Markdown (`--to md`).
#[wasm_bindgen(js_name = toMarkdown)]
pub fn to_markdown(document_json: &str) -> Result<String, JsError> {
    crate::to_markdown(document_json).map_err(|e| JsError::new(&e))
}

/// The key-action CSV of one document named `name` (`--to csv`).
#[wasm_bindgen(js_name = toCsv)]
pub fn to_csv(document_json: &str, name: &str) -> Result<String, JsError> {
    crate::to_csv(document_json, name).map_err(|e| JsError::new(&e))
}

/// The key-action CSV of a JSON array of `{"name", "document"}`.
#[wasm_bindgen(js_name = toCsvMany)]
pub fn to_csv_many(documents_json: &str) -> Result<String, JsError> {
    crate::to_csv_many(documents_json).map_err(|e| JsError::new(&e))
}

/// The workbook of a JSON array of `{"name", "document"}`.
#[wasm_bindgen(js_name = toXlsx)]
pub fn to_xlsx(documents_json: &str) -> Result<Vec<u8>, JsError> {
    crate::to_xlsx(documents_json).map_err(|e| JsError::new(&e))
}
