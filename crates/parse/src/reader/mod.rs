//! Readers: one module per input format, each producing the block stream of
//! [`crate::block`].

pub mod html;
pub mod markdown;
pub mod text;
