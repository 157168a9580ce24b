//! Geometry of the score chart, computed here so the UI only copies numbers into SVG attributes.
//!
//! Each dimension gets a row: its name and score on one line, a bar below. Horizontal positions
//! are percentages of the chart's width and vertical ones are pixels, so the SVG needs no view
//! box: text keeps its real size from a 320 px sidebar to a full-width page.
//!
//! In a right-to-left language the chart mirrors: names on the right, bars growing leftwards,
//! values on the left. SVG does not mirror by itself, so the geometry does it (the SVG is drawn
//! with `direction: ltr`, and the anchors below are meant that way).

use super::model::{Dimension, Level};
use super::scoring::{Outcome, RULES};

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
    /// Left edge of the filled part, in percent of the width.
    pub fill_x: u8,
    /// The floor the marked level asks of this dimension, and where its tick is drawn (percent
    /// from the left); `None` when that level asks nothing of it.
    pub floor: Option<(u8, u8)>,
}

/// Where a column of text sits: an `x` attribute and a `text-anchor`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchor {
    /// `0` or `100%`.
    pub x: &'static str,
    /// `start` or `end`, in left-to-right terms.
    pub anchor: &'static str,
}

const LEFT: Anchor = Anchor {
    x: "0",
    anchor: "start",
};
const RIGHT: Anchor = Anchor {
    x: "100%",
    anchor: "end",
};

/// The whole chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    /// Height in pixels.
    pub height: u32,
    /// One row per dimension, in display order.
    pub bars: Vec<Bar>,
    /// The level whose floors the ticks show: the next one, or Operating once reached.
    pub marked: Level,
    /// Where the dimension names sit.
    pub names: Anchor,
    /// Where the scores sit.
    pub values: Anchor,
}

/// The level a result's chart marks and its floors: the next level on the way in its biggest
/// gap is measured on, or Operating's own floors once it is reached.
pub fn marked_floors(outcome: &Outcome) -> (Level, [u8; 4]) {
    let level = outcome.biggest_gap.toward.unwrap_or(Level::Operating);
    let way = if outcome.biggest_gap.toward.is_some() {
        outcome.biggest_gap.way
    } else {
        0
    };
    let floors = RULES
        .rule(level)
        .and_then(|rule| rule.ways.get(way))
        .copied()
        .unwrap_or([0; 4]);
    (level, floors)
}

/// Lays out the chart for a result, mirrored for a right-to-left language.
pub fn layout(outcome: &Outcome, rtl: bool) -> Chart {
    let scores = outcome.scores;
    let (marked, floors) = marked_floors(outcome);
    let mirror = |x: u8| if rtl { 100 - x } else { x };
    let bars = Dimension::ALL
        .iter()
        .zip(0u32..)
        .map(|(&dimension, row)| Bar {
            dimension,
            score: scores.get(dimension).min(100),
            fill_x: if rtl {
                100 - scores.get(dimension).min(100)
            } else {
                0
            },
            text_y: row * ROW + TEXT_BASELINE,
            bar_y: row * ROW + BAR_TOP,
            floor: Some(floors[dimension.index()])
                .filter(|&f| f > 0)
                .map(|f| (f, mirror(f.min(100)))),
        })
        .collect::<Vec<_>>();
    Chart {
        height: ROW * bars.len() as u32 - (ROW - BAR_TOP - BAR_H),
        bars,
        marked,
        names: if rtl { RIGHT } else { LEFT },
        values: if rtl { LEFT } else { RIGHT },
    }
}
