//! The roles, their everyday tasks and the kinds of task, as ids; and the name of every text a
//! practice catalog must hold for them. `build.rs` includes this file as it is, so the build and
//! the widget agree on what a complete catalog is: it uses nothing outside this file.

/// What kind of work a task is. The kind chooses the constraints, the follow-up prompt and the
/// first two traps of a card, so tasks of one kind share them across roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Writing for people: posts, emails, adverts, updates.
    Write,
    /// Making a long source short: notes, interviews, reports.
    Condense,
    /// Working with numbers or many data points.
    Analyse,
    /// Structuring what happens next: plans, agendas, question sets.
    Plan,
    /// Checking existing work for weak points.
    Review,
    /// Making something that runs: code, tests, formulas.
    Build,
    /// The visitor's own task, whose kind we cannot know.
    Own,
}

impl Kind {
    /// Every kind, [`Kind::Own`] last.
    pub const ALL: [Kind; 7] = [
        Kind::Write,
        Kind::Condense,
        Kind::Analyse,
        Kind::Plan,
        Kind::Review,
        Kind::Build,
        Kind::Own,
    ];

    /// The id in text keys: `kind.write.rules`.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Write => "write",
            Kind::Condense => "condense",
            Kind::Analyse => "analyse",
            Kind::Plan => "plan",
            Kind::Review => "review",
            Kind::Build => "build",
            Kind::Own => "own",
        }
    }
}

/// One everyday task of a role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Task {
    /// Stable id, unique within its role; it travels in stored logs and events.
    pub id: &'static str,
    /// What kind of work it is.
    pub kind: Kind,
}

/// A role a visitor can pick, with its everyday tasks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Role {
    /// Stable id; it travels in stored logs and events.
    pub id: &'static str,
    /// Its everyday tasks, in the order they are offered.
    pub tasks: [Task; 4],
}

const fn task(id: &'static str, kind: Kind) -> Task {
    Task { id, kind }
}

/// Every role, in the order they are offered. Never rename an id: stored logs name them.
pub const ROLES: [Role; 8] = [
    Role {
        id: "marketing",
        tasks: [
            task("blog-draft", Kind::Write),
            task("campaign-plan", Kind::Plan),
            task("campaign-results", Kind::Analyse),
            task("customer-interviews", Kind::Condense),
        ],
    },
    Role {
        id: "sales",
        tasks: [
            task("follow-up-email", Kind::Write),
            task("call-prep", Kind::Condense),
            task("proposal-check", Kind::Review),
            task("pipeline-review", Kind::Analyse),
        ],
    },
    Role {
        id: "support",
        tasks: [
            task("reply-draft", Kind::Write),
            task("ticket-trends", Kind::Analyse),
            task("help-article", Kind::Write),
            task("escalation-summary", Kind::Condense),
        ],
    },
    Role {
        id: "engineering",
        tasks: [
            task("code-review", Kind::Review),
            task("unit-tests", Kind::Build),
            task("incident-summary", Kind::Condense),
            task("design-doc", Kind::Plan),
        ],
    },
    Role {
        id: "finance",
        tasks: [
            task("variance-commentary", Kind::Analyse),
            task("spreadsheet-formula", Kind::Build),
            task("policy-summary", Kind::Condense),
            task("forecast-check", Kind::Review),
        ],
    },
    Role {
        id: "hr",
        tasks: [
            task("job-ad", Kind::Write),
            task("interview-questions", Kind::Plan),
            task("survey-comments", Kind::Analyse),
            task("policy-faq", Kind::Condense),
        ],
    },
    Role {
        id: "operations",
        tasks: [
            task("process-doc", Kind::Write),
            task("supplier-comparison", Kind::Analyse),
            task("meeting-notes", Kind::Condense),
            task("project-plan", Kind::Plan),
        ],
    },
    Role {
        id: "leadership",
        tasks: [
            task("team-update", Kind::Write),
            task("decision-check", Kind::Review),
            task("report-digest", Kind::Condense),
            task("offsite-agenda", Kind::Plan),
        ],
    },
];

/// The dimension ids a card can be for, as in `model::Dimension::id` (a test keeps them equal).
pub const GAPS: [&str; 4] = ["access", "usage", "capability", "visibility"];

/// What each task has in the catalog: `task.<role>.<task>` is its label, then these parts.
pub const TASK_PARTS: [&str; 3] = ["ask", "give", "output"];

/// What each kind has in the catalog: `kind.<kind>.<part>`.
pub const KIND_PARTS: [&str; 6] = ["rules", "follow", "trap1", "fix1", "trap2", "fix2"];

/// What each gap has in the catalog: `gap.<dimension>.<part>`.
pub const GAP_PARTS: [&str; 4] = ["why", "rule", "trap", "fix"];

/// Texts every practice catalog holds besides those of roles, tasks, kinds and gaps: the
/// prompt's headings, the own task's parts, the evidence in words, and the messages of the log
/// form and of evidence codes.
pub const FIXED_KEYS: [&str; 32] = [
    "card.context",
    "card.task",
    "card.give",
    "card.output",
    "card.rules",
    "own.give",
    "own.output",
    "evidence.none",
    "evidence.tasks",
    "evidence.faster",
    "evidence.slower",
    "evidence.even",
    "evidence.better",
    "evidence.with_median",
    "evidence.without_median",
    "log.error.date",
    "log.error.role",
    "log.error.task",
    "log.error.own_long",
    "log.error.hidden",
    "log.error.gap",
    "log.error.without",
    "log.error.with",
    "log.error.quality",
    "log.error.again",
    "log.error.note_long",
    "code.error.empty",
    "code.error.character",
    "code.error.length",
    "code.error.check",
    "code.error.kind",
    "code.error.range",
];

/// The role with this id.
pub fn role(id: &str) -> Option<&'static Role> {
    ROLES.iter().find(|r| r.id == id)
}

impl Role {
    /// Its task with this id.
    pub fn task(&self, id: &str) -> Option<&Task> {
        self.tasks.iter().find(|t| t.id == id)
    }

    /// The key of its name: `role.marketing`.
    pub fn name_key(&self) -> String {
        format!("role.{}", self.id)
    }

    /// The key of what a person in this role tells the AI about their work.
    pub fn context_key(&self) -> String {
        format!("role.{}.context", self.id)
    }

    /// The key of one of its task's texts: the label for `part` `None`, else one of
    /// [`TASK_PARTS`]: `task.marketing.blog-draft.ask`.
    pub fn task_key(&self, task: &Task, part: Option<&str>) -> String {
        match part {
            Some(part) => format!("task.{}.{}.{part}", self.id, task.id),
            None => format!("task.{}.{}", self.id, task.id),
        }
    }
}

/// Every key a complete practice catalog holds, in a fixed order.
pub fn required_keys() -> Vec<String> {
    let mut keys: Vec<String> = FIXED_KEYS.iter().map(|k| k.to_string()).collect();
    for role in &ROLES {
        keys.push(role.name_key());
        keys.push(role.context_key());
        for task in &role.tasks {
            keys.push(role.task_key(task, None));
            for part in TASK_PARTS {
                keys.push(role.task_key(task, Some(part)));
            }
        }
    }
    for kind in Kind::ALL {
        for part in KIND_PARTS {
            keys.push(format!("kind.{}.{part}", kind.id()));
        }
    }
    for gap in GAPS {
        for part in GAP_PARTS {
            keys.push(format!("gap.{gap}.{part}"));
        }
    }
    keys
}
