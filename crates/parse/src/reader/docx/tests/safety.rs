//! Hostile and broken packages.
