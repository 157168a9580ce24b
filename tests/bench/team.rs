//! Times reading and aggregating pasted rosters of 1,000 to 100,000 codes, as the team view
//! does: `parse`, then `summarise` spending the entries.
//!
//! Run with `cargo bench --bench team`; prints a markdown table. The budget: a team lead pastes
//! 10,000 codes and the team view is ready within 20 ms (natively; the browser is slower).
//! `cargo test --all-targets` runs this file too, without `--bench`: then it only checks once
//! that the smallest roster parses and aggregates, so the test run stays quick.

#[path = "../common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use ai_readiness::core::roster::parse;
use ai_readiness::core::team::summarise;
use common::{roster_text, Rng};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
/// Timed runs per size; the best one counts, which filters out a busy machine's noise.
const RUNS: usize = 15;
const BUDGET_MS: f64 = 20.0;

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1_000.0
}

fn main() {
    // Cargo passes `--bench` under `cargo bench`; anything else is a smoke test.
    let timing = std::env::args().any(|a| a == "--bench");
    let (sizes, runs) = if timing {
        (&SIZES[..], RUNS)
    } else {
        (&SIZES[..1], 1)
    };
    let mut rng = Rng::new(7);
    println!("| codes | parse ms | aggregate ms | total ms |");
    println!("|---:|---:|---:|---:|");
    let mut ten_thousand_total = None;
    for &size in sizes {
        let text = roster_text(size, &mut rng);
        let (mut parse_best, mut aggregate_best, mut total_best) = (f64::MAX, f64::MAX, f64::MAX);
        for _ in 0..runs {
            let start = Instant::now();
            let roster = std::hint::black_box(parse(std::hint::black_box(&text)));
            let parsed = Instant::now();
            let team = std::hint::black_box(summarise(roster.entries));
            let done = Instant::now();
            assert_eq!(team.people, size, "every generated code counts");
            parse_best = parse_best.min(millis(parsed - start));
            aggregate_best = aggregate_best.min(millis(done - parsed));
            total_best = total_best.min(millis(done - start));
        }
        if size == 10_000 {
            ten_thousand_total = Some(total_best);
        }
        println!("| {size} | {parse_best:.2} | {aggregate_best:.2} | {total_best:.2} |");
    }
    if !timing {
        println!("\n(smoke run: pass `--bench`, as `cargo bench` does, for timings)");
    }
    if let Some(total) = ten_thousand_total {
        println!();
        println!(
            "10,000 codes: {total:.2} ms of a {BUDGET_MS:.0} ms budget = {:.2} of the budget (best of {runs} runs)",
            total / BUDGET_MS
        );
    }
}
