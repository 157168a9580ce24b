//! Geometry of the score chart: horizontal bars, one per dimension, computed here so the UI only
//! copies numbers into SVG attributes.

use super::model::Dimension;
use super::scoring::{Scores, RULES};

/// Width of the chart's SVG view box.
pub const WIDTH: u32 = 320;
/// Where bars start, after the label column.
pub const BAR_X: u32 = 92;
/// The width of a bar at 100.
pub const BAR_MAX: u32 = 184;
/// Where the value column starts, right of the longest bar.
pub const VALUE_X: u32 = BAR_X + BAR_MAX + 10;
/// Height of one bar.
pub const BAR_H: u32 = 18;
/// Vertical distance between bar tops.
pub const ROW: u32 = 30;

/// One bar of the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bar {
    /// The dimension drawn.
    pub dimension: Dimension,
    /// Its score.
    pub score: u8,
    /// Top of the bar.
    pub y: u32,
    /// Width of the filled part.
    pub width: u32,
    /// Baseline of the label and value text.
    pub text_y: u32,
}

/// The whole chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    /// Height of the SVG view box.
    pub height: u32,
    /// One bar per dimension, in display order.
    pub bars: Vec<Bar>,
    /// x of the dashed line marking what Operating asks of Usage, Capability and Visibility.
    pub operating_x: u32,
    /// The score that line stands for.
    pub operating_floor: u8,
}

/// Lays out the chart for a set of scores.
pub fn layout(scores: Scores) -> Chart {
    let bars = Dimension::ALL
        .iter()
        .enumerate()
        .map(|(i, &dimension)| {
            let score = scores.get(dimension);
            let width = bar_width(score);
            let y = 6 + ROW * i as u32;
            Bar { dimension, score, y, width, text_y: y + BAR_H - 4 }
        })
        .collect::<Vec<_>>();
    let operating_floor = RULES.levels[1].floors[Dimension::Capability.index()];
    Chart {
        height: 12 + ROW * bars.len() as u32,
        bars,
        operating_x: BAR_X + bar_width(operating_floor),
        operating_floor,
    }
}

fn bar_width(score: u8) -> u32 {
    (u32::from(score.min(100)) * BAR_MAX + 50) / 100
}
