//! Minifies the widget stylesheet before it is compiled into the wasm: comments and layout
//! whitespace cost bytes every visitor downloads. Standard library only.

use std::{env, fs, path::Path};

fn main() {
    let source = "style/widget.css";
    println!("cargo:rerun-if-changed={source}");
    let css = fs::read_to_string(source).expect("style/widget.css is readable");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("widget.min.css");
    fs::write(out, minify(&css)).expect("OUT_DIR is writable");
}

/// Drops comments, folds whitespace runs to one space, and removes the space next to `{`, `}`,
/// `;` and `,`, where CSS never needs it. Strings and selectors keep their meaning: spaces that
/// separate selector parts or values stay.
fn minify(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        rest = rest[start + 2..].split_once("*/").map_or("", |(_, after)| after);
    }
    without_comments.push_str(rest);

    let mut out = String::with_capacity(without_comments.len());
    for word in without_comments.split_whitespace() {
        let glue = matches!(out.chars().last(), None | Some('{' | '}' | ';' | ','))
            || word.starts_with(['{', '}', ';', ',']);
        if !glue {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
