//! Every native test in one crate, so the library is linked once for all of them (on two cores,
//! fifteen crates each linking the whole library took most of `make test-native`'s time). Each
//! module is a file of its own under `tests/`; `cargo test --test native <module>::` runs one.
//! The browser tests are crates of their own (`tests/web.rs`, `tests/bench_web.rs`): they run on
//! wasm32 under `wasm-bindgen-test-runner`.

mod common;

mod bank;
mod codes;
mod config;
mod delivery;
mod explain;
mod extremes;
mod i18n;
mod journey;
mod lead;
mod practice;
mod progress;
mod result_text;
mod scoring;
mod share;
mod team;
mod tidy;
mod yew_patch;
