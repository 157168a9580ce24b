//! Geometry of the score chart, computed here so the UI only copies numbers into SVG attributes.
//!
//! Each dimension gets a row: its name and score on one line, a bar below. Horizontal positions
//! are percentages of the chart's width and vertical ones are pixels, so the SVG needs no view
//! box: text keeps its real size from a 320 px sidebar to a full-width page.

use super::model::Dimension;
use super::scoring::{Scores, RULES};

/// Height of one bar.
pub const BAR_H: u32 = 12;
/// Vertical distance between rows.
pub const ROW: u32 = 46;
/// Baseline of a row's text, from the row's top.
const TEXT_BASELINE: u32 = 15;
/// Top of a row's bar, from the row's top.
const BAR_TOP: u32 = 22;

/// One row of the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bar {
    /// The dimension drawn.
    pub dimension: Dimension,
    /// Its score, which is also the filled width in percent.
    pub score: u8,
    /// Baseline of the name and value text.
    pub text_y: u32,
    /// Top of the bar.
    pub bar_y: u32,
}

/// The whole chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    /// Height in pixels.
    pub height: u32,
    /// One row per dimension, in display order.
    pub bars: Vec<Bar>,
    /// What Operating asks of Usage, Capability and Visibility; drawn as a dashed line at that
    /// percentage of the width.
    pub operating_floor: u8,
}

/// Lays out the chart for a set of scores.
pub fn layout(scores: Scores) -> Chart {
    let bars = Dimension::ALL
        .iter()
        .zip(0u32..)
        .map(|(&dimension, row)| Bar {
            dimension,
            score: scores.get(dimension).min(100),
            text_y: row * ROW + TEXT_BASELINE,
            bar_y: row * ROW + BAR_TOP,
        })
        .collect::<Vec<_>>();
    Chart {
        height: ROW * bars.len() as u32 - (ROW - BAR_TOP - BAR_H),
        bars,
        operating_floor: RULES.levels[1].floors[Dimension::Capability.index()],
    }
}
