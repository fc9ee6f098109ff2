//! Tests of the Word reader.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

#[test]
#[ignore]
fn dump() {
    for name in [
        "unitar-minamata-word",
        "school-feeding-matrix-word",
        "decentralisation-benin-fr-word",
        "youth-employment-agree-disagree-word",
    ] {
        let path = format!(
            "{}/../../fixtures/dev/{name}.docx",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(path).unwrap();
        let blocks = read_docx(&bytes).unwrap();
        println!("===== {name}");
        for b in blocks {
            match &b.kind {
                crate::block::BlockKind::Table(t) => {
                    println!("TABLE {:?}", b.lines);
                    for r in &t.rows {
                        println!("  ROW h={} {:?}", r.header, r.lines);
                        for c in &r.cells {
                            println!(
                                "    {:?} {:?} b={:?} s={:?}",
                                c.span, c.inline.text, c.inline.bold, c.inline.sup
                            );
                        }
                    }
                }
                k => println!(
                    "{:?} {:?} {:?} b={:?} s={:?}",
                    k, b.lines, b.inline.text, b.inline.bold, b.inline.sup
                ),
            }
        }
    }
}
