//! One module per subcommand.

pub mod blocks;
pub mod convert;
pub mod schema;
