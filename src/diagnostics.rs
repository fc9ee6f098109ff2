//! Short diagnostics on standard error: `file:line: warning[code]: message`.

use mresponse_parse::{Diagnostic, Severity};

/// The word for a severity.
pub fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Info => "info",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

/// Prints one line per diagnostic on standard error.
pub fn print_short(name: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        eprintln!(
            "{name}:{}: {}[{}]: {}",
            d.line,
            severity_word(d.severity),
            d.code.as_str(),
            d.message
        );
    }
}
