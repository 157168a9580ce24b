//! The team benchmark in the browser: parse + aggregate of 1,000 / 10,000 / 100,000 codes in
//! wasm, in headless Chromium, timed with `performance.now()`. Run with `make bench` (release
//! build); it prints a markdown table and asserts only that the work was done, never a time.
#![cfg(target_arch = "wasm32")]

#[path = "common/mod.rs"]
mod common;

use ai_readiness::core::roster::parse;
use ai_readiness::core::team::summarise;
use common::{roster_text, Rng};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RUNS: usize = 7;
const BUDGET_MS: f64 = 20.0;

#[wasm_bindgen_test]
fn team_parse_and_aggregate_in_wasm() {
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance.now()");
    let mut rng = Rng::new(7);
    let mut table =
        String::from("| codes | parse ms | aggregate ms | total ms |\n|---:|---:|---:|---:|\n");
    let mut ten_thousand = None;
    for size in [1_000, 10_000, 100_000] {
        let text = roster_text(size, &mut rng);
        let (mut parse_best, mut aggregate_best, mut total_best) = (f64::MAX, f64::MAX, f64::MAX);
        for _ in 0..RUNS {
            let start = performance.now();
            let roster = parse(&text);
            let parsed = performance.now();
            let team = summarise(roster.entries);
            let done = performance.now();
            assert_eq!(team.people, size, "every generated code counts");
            parse_best = parse_best.min(parsed - start);
            aggregate_best = aggregate_best.min(done - parsed);
            total_best = total_best.min(done - start);
        }
        if size == 10_000 {
            ten_thousand = Some(total_best);
        }
        table.push_str(&format!(
            "| {size} | {parse_best:.2} | {aggregate_best:.2} | {total_best:.2} |\n"
        ));
    }
    if let Some(total) = ten_thousand {
        table.push_str(&format!(
            "\n10,000 codes: {total:.2} ms of wasm time = {:.2} of the {BUDGET_MS} ms budget\n",
            total / BUDGET_MS
        ));
    }
    console_log!("{table}");
}
