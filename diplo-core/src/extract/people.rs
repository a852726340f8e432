//! People (filled in by the meetings stage).
