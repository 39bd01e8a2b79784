//! The `annals` command line. Everything it does is in the library.

fn main() {}
