//! The catalog files as the widget reads them, for the build and the tests: one reader, the
//! widget's own (`core::i18n`), instead of a copy in each tool.
//!
//! ```text
//! catalog ship DIR SRC…  writes each SRC into DIR under its own name: its `key = text` lines
//!                        without the translators' notes and blank lines, after checking every
//!                        line the way the widget will (a line it could not use fails the build)
//! catalog json SRC       prints SRC as one JSON object, key → text as the widget shows it (the
//!                        `other` form of a plural text)
//! ```
//!
//! `SRC` is `src/core/locales/<tag>.txt` or `<tag>.self.txt`; its name gives the language and
//! whether it holds first-person twins.

use std::process::ExitCode;
use std::{env, fs, path::Path};

use ai_readiness::core::i18n::{lines, unescape, Catalog, CatalogError, Lang, OWN_PREFIX};

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["ship", dir, ref sources @ ..] if !sources.is_empty() => sources
            .iter()
            .try_for_each(|source| ship(Path::new(source), Path::new(dir))),
        ["json", source] => json(Path::new(source)).map(|text| println!("{text}")),
        _ => Err("usage: catalog ship DIR SRC… | catalog json SRC".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("catalog: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The file's text, its language, and whether it holds the self perspective's twins.
fn read(source: &Path) -> Result<(String, Lang, bool), String> {
    let text = fs::read_to_string(source).map_err(|e| format!("{}: {e}", source.display()))?;
    let name = source
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".txt"))
        .ok_or_else(|| format!("{}: not a catalog file (<tag>.txt)", source.display()))?;
    let (tag, own) = match name.strip_suffix(".self") {
        Some(tag) => (tag, true),
        None => (name, false),
    };
    let lang = Lang::from_tag(tag).ok_or_else(|| {
        format!(
            "{}: {tag:?} is not a language of the widget",
            source.display()
        )
    })?;
    Ok((text, lang, own))
}

/// Every problem the widget would report for this file; none for a good one.
fn problems(text: &str, lang: Lang, own: bool) -> Vec<CatalogError> {
    if own {
        let (team, _) = Catalog::load(lang, "");
        team.in_own_voice(text).1
    } else {
        Catalog::load(lang, text).1
    }
}

/// Writes `source` into `dir`, checked and without notes.
fn ship(source: &Path, dir: &Path) -> Result<(), String> {
    let target = dir.join(source.file_name().unwrap_or_default());
    let (text, lang, own) = read(source)?;
    let problems = problems(&text, lang, own);
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        return Err(format!("{}: {}", source.display(), list.join("; ")));
    }
    let mut out = String::new();
    for line in lines(&text).flatten() {
        out.push_str(line.key);
        if let Some(form) = line.form {
            out.push('[');
            out.push_str(form);
            out.push(']');
        }
        out.push_str(" = ");
        out.push_str(line.text);
        out.push('\n');
    }
    fs::write(&target, out).map_err(|e| format!("{}: {e}", target.display()))
}

fn json(source: &Path) -> Result<String, String> {
    let (text, _, own) = read(source)?;
    let mut out = String::from("{");
    for line in lines(&text).flatten() {
        if line.form.is_some_and(|f| f != "other") {
            continue;
        }
        let key = if own {
            line.key.strip_prefix(OWN_PREFIX).unwrap_or(line.key)
        } else {
            line.key
        };
        if out.len() > 1 {
            out.push(',');
        }
        quote(&mut out, key);
        out.push(':');
        quote(&mut out, &unescape(line.text));
    }
    out.push('}');
    Ok(out)
}

/// `text` as a JSON string.
fn quote(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}
