//! Recognising CSS colours in configuration.
//!
//! The core checks the shape of a colour (hex, a name, or a colour function with a plain
//! argument list), which keeps anything that could break out of a CSS declaration away. Whether
//! a name or function is a colour the browser knows is the browser's call: the embed layer asks
//! `CSS.supports("color", …)` through [`super::config::check_accent`], so no table of names has
//! to ship in the bundle, and whether it is opaque by how a canvas reads it back
//! ([`is_opaque`]), so no colour parser has to ship either. The text colour on the accent is
//! the stylesheet's business (`style/widget.css`, `.air-primary`).

/// Colour functions accepted with a plain numeric argument list.
const FUNCTIONS: [&str; 10] = [
    "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color",
];

/// True for something shaped like a CSS colour: a hex colour, a name of ASCII letters, or a
/// colour function with a plain argument list. The argument check keeps anything that could end
/// the declaration (`;`, `}`, quotes, `url(`) out.
pub fn is_css_colour(value: &str) -> bool {
    let v = value.trim().to_ascii_lowercase();
    if let Some(hex) = v.strip_prefix('#') {
        return matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    if (3..=24).contains(&v.len()) && v.chars().all(|c| c.is_ascii_lowercase()) {
        return true;
    }
    let Some((name, rest)) = v.split_once('(') else {
        return false;
    };
    let Some(args) = rest.strip_suffix(')') else {
        return false;
    };
    FUNCTIONS.contains(&name)
        && !args.trim().is_empty()
        && args
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " .,%/+-".contains(c))
}

/// Whether an accent is opaque: a see-through accent (`transparent`, `#0000`, `rgb(0 0 0 / 50%)`)
/// would leave the buttons faint or invisible. Judged on `resolved`, the colour as the browser's
/// 2D canvas writes it back, which covers every syntax: `#rrggbb` when opaque, `rgba(…)` when an
/// sRGB colour is not, and a trailing `/ alpha` for other colour spaces (`oklch(0.7 0.1 200 / 0.5)`).
/// An empty `resolved` (no canvas to ask) counts as opaque. `currentcolor`, wherever it appears in
/// what was `written`, is refused: it is the colour of the text around, so a button would paint
/// its own text colour behind its text.
pub fn is_opaque(written: &str, resolved: &str) -> bool {
    // By hand: `str::contains` with a string pattern would cost the bundle a substring searcher.
    !written
        .as_bytes()
        .windows(12)
        .any(|w| w.eq_ignore_ascii_case(b"currentcolor"))
        && !resolved.starts_with("rgba")
        && !resolved.contains('/')
}
