//! Writers for [`mresponse_parse::Document`]: JSON, CSV, normalized Markdown.
