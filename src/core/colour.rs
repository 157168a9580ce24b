//! Recognising CSS colours in configuration, and picking readable text on an accent.
//!
//! The core checks the shape of a colour (hex, a name, or a colour function with a plain
//! argument list), which keeps anything that could break out of a CSS declaration away. Whether
//! a name or function is a colour the browser knows is the browser's call: the embed layer asks
//! `CSS.supports("color", …)` through [`super::config::check_accent`], so no table of names has
//! to ship in the bundle.

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

/// For an accent given as hex or as `rgb(r, g, b)` (what a browser reports for any colour it
/// resolved), whether dark text reads better on it than white (by WCAG contrast). `None` when
/// the value is neither, and the stylesheet's default applies.
pub fn prefers_dark_text(value: &str) -> Option<bool> {
    let value = value.trim();
    if value.starts_with("rgb") {
        return rgb_channels(value).map(dark_text_on);
    }
    let hex = value.strip_prefix('#')?;
    let digits: Vec<u8> = hex
        .chars()
        .map(|c| c.to_digit(16).map(|d| d as u8))
        .collect::<Option<_>>()?;
    let rgb = match digits.len() {
        3 | 4 => [digits[0] * 17, digits[1] * 17, digits[2] * 17],
        6 | 8 => [
            digits[0] * 16 + digits[1],
            digits[2] * 16 + digits[3],
            digits[4] * 16 + digits[5],
        ],
        _ => return None,
    };
    // sRGB to linear light, approximated by c²: close enough to the exact curve to choose between
    // black and white text, and it spares the bundle a power function.
    Some(dark_text_on(rgb))
}

/// The first three whole numbers of `rgb(r, g, b)` / `rgba(r g b / a)`; fractions are dropped
/// (parsing floats would cost the bundle a float parser).
fn rgb_channels(value: &str) -> Option<[u8; 3]> {
    let mut out = [0u8; 3];
    let mut found = 0;
    let mut current: Option<u16> = None;
    let mut in_fraction = false;
    for b in value.bytes().chain(std::iter::once(b' ')) {
        match b {
            b'0'..=b'9' if !in_fraction => {
                current = Some(
                    current
                        .unwrap_or(0)
                        .saturating_mul(10)
                        .saturating_add(u16::from(b - b'0')),
                )
            }
            b'0'..=b'9' => {}
            b'.' => in_fraction = true,
            _ => {
                in_fraction = false;
                if let Some(n) = current.take() {
                    if found < 3 {
                        out[found] = n.min(255) as u8;
                    }
                    found += 1;
                }
            }
        }
    }
    (found >= 3).then_some(out)
}

fn dark_text_on(rgb: [u8; 3]) -> bool {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        c * c
    };
    let l = 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
    let on_white = 1.05 / (l + 0.05);
    let on_black = (l + 0.05) / 0.05;
    on_black > on_white
}
