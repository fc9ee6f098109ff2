//! Writers for [`mresponse_parse::Document`]: JSON, CSV, normalized Markdown.

pub mod markdown;

pub use markdown::to_markdown;
