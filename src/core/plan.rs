//! The plan: for the biggest gap (or, at Operating, the weakest area) three steps over the first
//! ninety days, chosen from the answers given. At Operating with every area robust there is no
//! area to fix: the plan keeps the level.
//!
//! The advice follows why people stall: no path from login to their real work, no help at the
//! first bad result, and nobody seeing who is stuck. The first ninety days decide the habit, and
//! coaching on real work beats courses.
//!
//! Each phase lists alternatives, each naming the answers it assumes ([`Needs`]). The first
//! alternative whose needs the answers meet is the step shown, so no step can contradict an
//! answer: a team that measures nothing is told to start measuring, not to stop reporting
//! logins. Without answers (a team's averages) the first alternative, the usual advice, stands.

use super::bank::QUESTIONS;
use super::i18n::Msg;
use super::model::{Answers, Dimension, Level};
use super::scoring::Outcome;

/// An assumption about one answer: question `question` (its id) was answered with an option
/// index from `min` to `max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Needs {
    /// The question's id, e.g. `visibility.measures`.
    pub question: &'static str,
    /// Lowest option index the step fits.
    pub min: u8,
    /// Highest option index the step fits.
    pub max: u8,
}

impl Needs {
    /// Whether `answers` meet this assumption (an unknown question never does).
    pub fn met_by(&self, answers: &Answers) -> bool {
        QUESTIONS
            .iter()
            .position(|q| q.id == self.question)
            .and_then(|i| answers.0.get(i))
            .is_some_and(|&a| (self.min..=self.max).contains(&a))
    }
}

/// One step and the answers it assumes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// What to do.
    pub msg: Msg,
    /// What the answers must say for this step to fit; empty when it always fits.
    pub needs: &'static [Needs],
}

/// A step that fits any answers.
const fn always(msg: Msg) -> Step {
    Step { msg, needs: &[] }
}

/// The alternatives for one phase, first fitting one wins.
pub type Phase = &'static [Step];

const fn needs(question: &'static str, min: u8, max: u8) -> Needs {
    Needs { question, min, max }
}

/// The three phases (days 1-30, 31-60, 61-90) for improving `dimension` at `level`.
pub fn phases(dimension: Dimension, level: Level) -> [Phase; 3] {
    use Dimension::*;
    use Level::*;
    use Msg::*;
    match (dimension, level) {
        (Access, Experimenting) => {
            const P: [Phase; 3] = [
                &[always(PlanAccessExperimenting1)],
                &[
                    Step {
                        msg: PlanAccessExperimenting2,
                        needs: &[needs("access.guidance", 0, 2)],
                    },
                    always(PlanAccessRulesKnown),
                ],
                &[always(PlanAccessExperimenting3)],
            ];
            P
        }
        (Access, Adopting) => {
            const P: [Phase; 3] = [
                &[always(PlanAccessAdopting1)],
                &[
                    Step {
                        msg: PlanAccessAdopting2,
                        needs: &[needs("access.reach", 0, 2)],
                    },
                    always(PlanAccessReachDone),
                ],
                &[
                    Step {
                        msg: PlanAccessAdopting3,
                        needs: &[needs("access.guidance", 2, 3)],
                    },
                    always(PlanAccessRulesMissing),
                ],
            ];
            P
        }
        (Access, Operating) => {
            const P: [Phase; 3] = [
                &[always(PlanAccessOperating1)],
                &[always(PlanAccessOperating2)],
                &[always(PlanAccessOperating3)],
            ];
            P
        }
        (Usage, Experimenting) => {
            const P: [Phase; 3] = [
                &[always(PlanUsageExperimenting1)],
                &[
                    Step {
                        msg: PlanUsageExperimenting2,
                        needs: &[needs("usage.setback", 0, 2)],
                    },
                    always(PlanUsageHelpKept),
                ],
                &[always(PlanUsageExperimenting3)],
            ];
            P
        }
        (Usage, Adopting) => {
            const P: [Phase; 3] = [
                &[
                    Step {
                        msg: PlanUsageAdopting1,
                        needs: &[needs("usage.workflows", 1, 3)],
                    },
                    always(PlanUsageWorkflowFirst),
                ],
                &[
                    Step {
                        msg: PlanUsageAdopting2,
                        needs: &[needs("usage.setback", 0, 2)],
                    },
                    always(PlanUsageHelpKept),
                ],
                &[always(PlanUsageAdopting3)],
            ];
            P
        }
        (Usage, Operating) => {
            const P: [Phase; 3] = [
                &[always(PlanUsageOperating1)],
                &[always(PlanUsageOperating2)],
                &[always(PlanUsageOperating3)],
            ];
            P
        }
        (Capability, Experimenting) => {
            const P: [Phase; 3] = [
                &[
                    Step {
                        msg: PlanCapabilityExperimenting1,
                        needs: &[needs("capability.better", 0, 1)],
                    },
                    always(PlanCapabilityExtendMeasures),
                ],
                &[always(PlanCapabilityExperimenting2)],
                &[
                    Step {
                        msg: PlanCapabilityExperimenting3,
                        needs: &[needs("capability.coaching", 0, 2)],
                    },
                    always(PlanCapabilityCoachingKept),
                ],
            ];
            P
        }
        (Capability, Adopting) => {
            const P: [Phase; 3] = [
                &[
                    Step {
                        msg: PlanCapabilityAdopting1,
                        needs: &[needs("capability.coaching", 0, 2)],
                    },
                    always(PlanCapabilityCoachingKept),
                ],
                &[
                    Step {
                        msg: PlanCapabilityAdopting2,
                        needs: &[needs("capability.better", 0, 1)],
                    },
                    always(PlanCapabilityExtendMeasures),
                ],
                &[always(PlanCapabilityAdopting3)],
            ];
            P
        }
        (Capability, Operating) => {
            const P: [Phase; 3] = [
                &[always(PlanCapabilityOperating1)],
                &[always(PlanCapabilityOperating2)],
                &[always(PlanCapabilityOperating3)],
            ];
            P
        }
        (Visibility, Experimenting) => {
            const P: [Phase; 3] = [
                &[always(PlanVisibilityExperimenting1)],
                &[always(PlanVisibilityExperimenting2)],
                &[always(PlanVisibilityExperimenting3)],
            ];
            P
        }
        (Visibility, Adopting) => {
            const P: [Phase; 3] = [
                &[
                    Step {
                        msg: PlanVisibilityAdopting1,
                        needs: &[needs("visibility.measures", 1, 2)],
                    },
                    Step {
                        msg: PlanVisibilityStartMeasuring,
                        needs: &[needs("visibility.measures", 0, 0)],
                    },
                    Step {
                        msg: PlanVisibilityMeasuresEverywhere,
                        needs: &[needs("visibility.measures", 3, 3)],
                    },
                ],
                &[
                    Step {
                        msg: PlanVisibilityAdopting2,
                        needs: &[needs("visibility.stuck", 0, 2)],
                    },
                    always(PlanVisibilityStuckKept),
                ],
                &[
                    Step {
                        msg: PlanVisibilityAdopting3,
                        needs: &[needs("visibility.leaders", 0, 2)],
                    },
                    always(PlanVisibilityViewUsed),
                ],
            ];
            P
        }
        (Visibility, Operating) => {
            const P: [Phase; 3] = [
                &[always(PlanVisibilityOperating1)],
                &[always(PlanVisibilityOperating2)],
                &[always(PlanVisibilityOperating3)],
            ];
            P
        }
    }
}

/// The step a phase gives for `answers`: the first alternative whose needs they meet. Without
/// answers, or if none fits, the first alternative (the usual advice).
pub fn pick(phase: Phase, answers: Option<&Answers>) -> Step {
    let fits = |s: &&Step| answers.is_some_and(|a| s.needs.iter().all(|n| n.met_by(a)));
    phase
        .iter()
        .find(fits)
        .or_else(|| phase.first())
        .copied()
        .unwrap_or(always(Msg::PlanAccessExperimenting1))
}

/// The three steps for `dimension` at `level`, fitted to `answers` when known.
pub fn steps(dimension: Dimension, level: Level, answers: Option<&Answers>) -> [Step; 3] {
    phases(dimension, level).map(|phase| pick(phase, answers))
}

/// The steps that keep Operating when every area is robust: no area to fix, a level to keep.
pub const KEEP: [Step; 3] = [
    always(Msg::PlanKeep1),
    always(Msg::PlanKeep2),
    always(Msg::PlanKeep3),
];

/// The plan for one result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The dimension to work on first: the biggest gap, or at Operating the weakest area; `None`
    /// when every area is robust and the plan keeps the level ([`KEEP`]).
    pub focus: Option<Dimension>,
    /// One step per phase: days 1-30, 31-60, 61-90.
    pub phases: [Step; 3],
    /// One further step for the second weakest dimension, when there is one worth naming.
    pub then: Option<(Dimension, Step)>,
}

/// Builds the plan for an outcome and the answers behind it.
pub fn plan(outcome: &Outcome, answers: &Answers) -> Plan {
    if outcome.biggest_gap.is_robust() {
        return Plan {
            focus: None,
            phases: KEEP,
            then: None,
        };
    }
    let focus = outcome.biggest_gap.dimension;
    let then = Dimension::ALL
        .iter()
        .copied()
        .filter(|&d| d != focus && outcome.scores.get(d) < 100)
        .min_by_key(|&d| outcome.scores.get(d))
        .map(|d| (d, steps(d, outcome.level, Some(answers))[0]));
    Plan {
        focus: Some(focus),
        phases: steps(focus, outcome.level, Some(answers)),
        then,
    }
}
