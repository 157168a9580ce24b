//! CSV rows for spreadsheets, shared by every export (the team's two CSVs, the practice log's):
//! RFC 4180 quoting with `\r\n` line ends, also quoting fields with a semicolon or tab (German
//! and French Excel split on semicolons), and a guard against formula injection: a field whose
//! first visible character is `=`, `+`, `-` or `@` (or their full-width forms, also behind white
//! space or invisible characters), or that starts with a tab or carriage return, gets a leading
//! `'`, so a spreadsheet does not run a pasted text as a formula ([`starts_formula`]).

/// Appends one row: the fields guarded and quoted as described in the module docs, then `\r\n`.
pub fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(&field));
    }
    out.push_str("\r\n");
}

/// Characters a spreadsheet may start a formula with: the ASCII ones, their full-width forms
/// (which some spreadsheets fold to ASCII), tab and carriage return.
const FORMULA_STARTS: [char; 10] = [
    '=', '+', '-', '@', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}', '\t', '\r',
];

/// Whether `c` shows nothing in a cell: white space and the invisible format characters
/// (zero-width space and joiners, direction marks and embeddings, the byte order mark, the soft
/// hyphen, word joiners). A formula character behind them still starts a formula when a
/// spreadsheet trims them or a person deletes what they cannot see.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c,
            '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}

/// Whether a field would start a formula: its first visible character is one of
/// [`FORMULA_STARTS`], or it starts with a tab or carriage return.
pub fn starts_formula(field: &str) -> bool {
    field.starts_with(['\t', '\r'])
        || field
            .trim_start_matches(invisible)
            .starts_with(FORMULA_STARTS)
}

/// One CSV field, guarded against formula injection and quoted when needed.
fn csv_field(field: &str) -> String {
    let guarded = if starts_formula(field) {
        format!("'{field}")
    } else {
        field.to_string()
    };
    if guarded.contains([',', ';', '\t', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}
