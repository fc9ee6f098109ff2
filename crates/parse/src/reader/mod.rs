//! Readers: one module per input format, each producing the block stream of
//! [`crate::block`].

pub mod docx;
pub mod markdown;
pub mod text;
