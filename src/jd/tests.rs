
//! Unit tests of job-description parsing and matching on a small inline taxonomy.
