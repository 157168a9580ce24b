use crate::core::model::Dimension;

use super::report::PersonRow;

/// A column of the people table and of [`to_csv`](super::to_csv), in their order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeopleColumn {
    /// The person's name.
    Name,
    /// Their team.
    Team,
    /// Whose view the code is: a person's own or a lead's of a team.
    Perspective,
    /// The result code.
    Code,
    /// The level.
    Level,
    /// The overall score.
    Overall,
    /// The adoption score.
    Adoption,
    /// One dimension's score.
    Score(Dimension),
    /// The biggest gap (empty for an Operating person).
    BiggestGap,
}

impl PeopleColumn {
    /// Every column, in table and CSV order.
    pub const ALL: [PeopleColumn; 12] = [
        PeopleColumn::Name,
        PeopleColumn::Team,
        PeopleColumn::Perspective,
        PeopleColumn::Code,
        PeopleColumn::Level,
        PeopleColumn::Overall,
        PeopleColumn::Adoption,
        PeopleColumn::Score(Dimension::Access),
        PeopleColumn::Score(Dimension::Usage),
        PeopleColumn::Score(Dimension::Capability),
        PeopleColumn::Score(Dimension::Visibility),
        PeopleColumn::BiggestGap,
    ];

    /// The column's name in the CSV header and the table's `data-sort`.
    pub fn id(self) -> &'static str {
        match self {
            PeopleColumn::Name => "name",
            PeopleColumn::Team => "team",
            PeopleColumn::Perspective => "perspective",
            PeopleColumn::Code => "code",
            PeopleColumn::Level => "level",
            PeopleColumn::Overall => "overall",
            PeopleColumn::Adoption => "adoption",
            PeopleColumn::Score(d) => d.id(),
            PeopleColumn::BiggestGap => "biggest_gap",
        }
    }

    /// A row's field in this column, as the CSV writes it: levels, perspectives and dimensions
    /// as their ids; an Operating row's biggest gap empty (its weakest area is not a gap).
    pub fn field(self, row: &PersonRow) -> String {
        let o = &row.outcome;
        match self {
            PeopleColumn::Name => row.name.clone().unwrap_or_default(),
            PeopleColumn::Team => row.team.clone().unwrap_or_default(),
            PeopleColumn::Perspective => row.perspective.id().to_string(),
            PeopleColumn::Code => row.code.to_string(),
            PeopleColumn::Level => o.level.id().to_string(),
            PeopleColumn::Overall => o.overall.to_string(),
            PeopleColumn::Adoption => o.adoption.to_string(),
            PeopleColumn::Score(d) => o.scores.get(d).to_string(),
            PeopleColumn::BiggestGap => {
                row.gap().map(Dimension::id).unwrap_or_default().to_string()
            }
        }
    }
}

/// One row's fields in [`PeopleColumn::ALL`] order, as the CSV writes them
/// ([`PeopleColumn::field`]).
pub fn person_fields(row: &PersonRow) -> [String; 12] {
    PeopleColumn::ALL.map(|column| column.field(row))
}

/// The people in `rows` sorted by `column` (levels by maturity, numbers as numbers, text
/// without regard to ASCII case, an empty field last), ties kept in their order; `descending` reverses the order but not the empty fields' place.
pub fn sort_people(rows: &[PersonRow], column: PeopleColumn, descending: bool) -> Vec<&PersonRow> {
    let key = |row: &PersonRow| -> (bool, u32, String) {
        let o = &row.outcome;
        let number = |n: u8| (false, u32::from(n), String::new());
        match column {
            PeopleColumn::Level => (false, o.level as u32, String::new()),
            PeopleColumn::Overall => number(o.overall),
            PeopleColumn::Adoption => number(o.adoption),
            PeopleColumn::Score(d) => number(o.scores.get(d)),
            PeopleColumn::BiggestGap => match row.gap() {
                Some(d) => (false, d.index() as u32, String::new()),
                None => (true, 0, String::new()),
            },
            PeopleColumn::Name
            | PeopleColumn::Team
            | PeopleColumn::Perspective
            | PeopleColumn::Code => {
                let mut text = column.field(row);
                text.make_ascii_lowercase();
                (text.is_empty(), 0, text)
            }
        }
    };
    let mut keyed: Vec<((bool, u32, String), usize)> =
        rows.iter().enumerate().map(|(i, r)| (key(r), i)).collect();
    keyed.sort_by(|(a, i), (b, j)| {
        let order = (a.1, &a.2).cmp(&(b.1, &b.2));
        let order = if descending { order.reverse() } else { order };
        a.0.cmp(&b.0).then(order).then(i.cmp(j))
    });
    keyed.into_iter().filter_map(|(_, i)| rows.get(i)).collect()
}
