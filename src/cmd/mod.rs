//! One module per subcommand.

pub mod batch;
pub mod blocks;
pub mod check;
pub mod convert;
pub mod schema;
pub mod status;
