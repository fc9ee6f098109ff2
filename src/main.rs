//! The `mresponse` command line.

fn main() {}
