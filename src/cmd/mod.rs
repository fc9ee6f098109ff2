//! One module per subcommand.

pub mod blocks;
pub mod check;
pub mod convert;
pub mod schema;
