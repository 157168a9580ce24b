//! Every split point of the widget: the parts the UI shows once they have loaded (the result
//! screen, the team view, the lead form, handed to it as `ui::parts::Loaders`) and the code the
//! embed layer loads for itself (delivery to `submitUrl`, the self voice, the reader of another
//! language's catalog). They live here, in the embed layer, because a part carries its browser
//! side with it: the result screen the clipboard, the team view reading and saving files.
//!
//! Each is declared once. [`split!`] writes a split point in both forms: in the release build
//! (cargo feature `split`) a `wasm_split` function, so that everything only it reaches lands in
//! its chunk; without the feature an `async fn` that resolves at once. [`ui_parts!`] does that
//! for a UI part and makes its typed loader.

use super::delivery::Courier;
use super::lead as lead_io;
use super::locale::Speak;
use super::{files, share};
use crate::core::i18n::{Catalog, CatalogError, Lang};
use crate::core::text::code_error;
use crate::ui::lead::{lead_box, LeadFns};
use crate::ui::parts::{
    team_view, ChunkError, Loaded, Loader, Loaders, PartFns, PartKind, ResultFns, TeamFns,
};
use crate::ui::result::result_view;
use crate::ui::team::TeamStore;

/// Writes a split point in both forms from one declaration: the chunk's name, then the function,
/// which returns its value plainly; callers `.await` a `Result<_, ChunkError>` either way.
macro_rules! split {
    ($(#[$doc:meta])* $chunk:ident: $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $out:ty $body:block) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($chunk, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<$out, ChunkError> {
            Ok($body)
        }

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$out, ChunkError> {
            Ok($body)
        }
    };
}

/// Declares the parts the UI loads, each once: its chunk's name, what it brings and how that is
/// made. Writes, per part, a module of that name holding its split point (which first makes the
/// English texts of the parts loaded on demand available, see `core::i18n`) and its `Chunk`, and
/// [`LOADERS`] with a typed loader for each.
macro_rules! ui_parts {
    ($($(#[$doc:meta])* $part:ident: $fns:ty = $make:expr;)*) => {
        $(
            $(#[$doc])*
            mod $part {
                use super::*;

                split! {
                    /// The part, loaded, wrapped for the loading hook.
                    $part: pub(super) fn $part() -> PartFns {
                        crate::core::i18n::register_later_english();
                        let part: Loaded<$fns> = $make;
                        part.erase()
                    }
                }

                /// The part's split point, for its loader.
                pub(super) struct Chunk;

                impl crate::ui::parts::Chunk for Chunk {
                    type Fns = $fns;
                    fn load() -> crate::ui::parts::LoadFuture {
                        Box::pin($part())
                    }
                }
            }
        )*

        /// The loaders the widget is given.
        pub(super) const LOADERS: Loaders = Loaders {
            $($part: Loader::of::<$part::Chunk>(),)*
        };
    };
}

ui_parts! {
    /// The result screen, with the clipboard and the reader of share links.
    result: ResultFns = Loaded {
        draw: ResultFns { view: result_view, copy: share::copy, open: share::open_link, say: code_error },
        css: parts_css(),
    };
    /// The team view, with reading and saving files and keeping the pasted list.
    team: TeamFns = Loaded {
        draw: TeamFns { view: team_view, read: files::read, save: files::save, store: TEAM_STORE },
        css: parts_css(),
    };
    /// The lead form, with what keeps its answer (`embed::lead`).
    lead: LeadFns = Loaded {
        draw: LeadFns { view: lead_box, recall: lead_io::recall, remember: lead_io::remember },
        css: include_str!(concat!(env!("OUT_DIR"), "/lead.min.css")),
    };
}

/// Where the team view keeps its list, in its chunk.
const TEAM_STORE: TeamStore = TeamStore {
    recall: files::recall,
    keep: files::keep,
    today: files::today,
    watch_print: files::watch_print,
};

/// The result screen's functions, loading its chunk if need be.
pub(super) async fn result_fns_loaded() -> Option<ResultFns> {
    result::result()
        .await
        .ok()
        .and_then(|part| ResultFns::unwrap(part.draw))
}

/// Named only inside the split points, so it travels in the parts' chunk.
fn parts_css() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/parts.min.css"))
}

split! {
    /// The delivery chunk: what sends to `submitUrl` (see `embed::delivery`).
    delivery: pub(super) fn delivery_part() -> fn(Courier) {
        super::delivery::send
    }
}

split! {
    /// The self voice (see `embed::locale`). Only widgets in the self perspective need it: the
    /// first-person English and what reads a language's own file travel in its chunk.
    voice: pub(super) fn voice_part() -> Speak {
        super::locale::speak_for_self
    }
}

split! {
    /// Reads a catalog file. Only visitors in a language other than English need this: the
    /// reader travels in its own chunk, fetched with the file.
    language: pub(super) fn read_catalog(lang: Lang, source: String) -> (Catalog, Vec<CatalogError>) {
        Catalog::load(lang, &source)
    }
}
