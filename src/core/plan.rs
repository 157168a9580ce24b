//! Next steps: for each dimension at each level, concrete actions tied to the team's real work.
//!
//! The advice follows why people stall: no path from login to their real work, no help at the
//! first bad result, and nobody seeing who is stuck. The first ninety days decide the habit.

use super::i18n::Msg;
use super::model::{Dimension, Level};
use super::scoring::Outcome;

/// Actions for improving `dimension` at `level`, most urgent first.
pub fn steps(dimension: Dimension, level: Level) -> &'static [Msg] {
    use Dimension::*;
    use Level::*;
    use Msg::*;
    match (dimension, level) {
        (Access, Experimenting) => &[
            PlanAccessExperimenting1,
            PlanAccessExperimenting2,
            PlanAccessExperimenting3,
        ],
        (Access, Adopting) => &[
            PlanAccessAdopting1,
            PlanAccessAdopting2,
            PlanAccessAdopting3,
        ],
        (Access, Operating) => &[PlanAccessOperating1, PlanAccessOperating2],
        (Usage, Experimenting) => &[
            PlanUsageExperimenting1,
            PlanUsageExperimenting2,
            PlanUsageExperimenting3,
        ],
        (Usage, Adopting) => &[PlanUsageAdopting1, PlanUsageAdopting2, PlanUsageAdopting3],
        (Usage, Operating) => &[PlanUsageOperating1, PlanUsageOperating2],
        (Capability, Experimenting) => {
            &[PlanCapabilityExperimenting1, PlanCapabilityExperimenting2]
        }
        (Capability, Adopting) => &[
            PlanCapabilityAdopting1,
            PlanCapabilityAdopting2,
            PlanCapabilityAdopting3,
        ],
        (Capability, Operating) => &[PlanCapabilityOperating1, PlanCapabilityOperating2],
        (Visibility, Experimenting) => {
            &[PlanVisibilityExperimenting1, PlanVisibilityExperimenting2]
        }
        (Visibility, Adopting) => &[
            PlanVisibilityAdopting1,
            PlanVisibilityAdopting2,
            PlanVisibilityAdopting3,
        ],
        (Visibility, Operating) => &[PlanVisibilityOperating1, PlanVisibilityOperating2],
    }
}

/// A short plan for one result: the biggest gap's steps, then one step for the next weakest area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The dimension to work on first.
    pub focus: Dimension,
    /// Its steps.
    pub steps: &'static [Msg],
    /// One further step for the second weakest dimension, when there is one worth naming.
    pub then: Option<(Dimension, Msg)>,
}

/// Builds the plan for an outcome.
pub fn plan(outcome: &Outcome) -> Plan {
    let focus = outcome.biggest_gap.dimension;
    let then = Dimension::ALL
        .iter()
        .copied()
        .filter(|&d| d != focus && outcome.scores.get(d) < 100)
        .min_by_key(|&d| outcome.scores.get(d))
        .and_then(|d| steps(d, outcome.level).first().map(|s| (d, *s)));
    Plan {
        focus,
        steps: steps(focus, outcome.level),
        then,
    }
}
