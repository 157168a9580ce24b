//! The split points of the parts that load on demand (see `ui::parts`). They live here because
//! each part carries its browser side with it: the result screen the clipboard, the team view
//! reading and saving files. In the release build (cargo feature `split`) everything only a split
//! point reaches lands in its chunk; without the feature the loaders resolve at once.

use std::future::Future;
use std::pin::Pin;

use super::delivery::Courier;
use super::{files, lead, share};
use crate::ui::lead::{lead_box, LeadFns};
use crate::ui::parts::{ChunkError, Fns, Loaded, Loaders, PartFns, ResultFns, TeamFns};
use crate::ui::result::result_view;
use crate::ui::team::TeamStore;

/// The result screen's functions, loading its chunk if need be.
pub(super) async fn result_fns_loaded() -> Option<ResultFns> {
    match result_part().await {
        Ok(Loaded {
            draw: Fns::Result(fns),
            ..
        }) => Some(fns),
        _ => None,
    }
}

/// The loaders the widget is given.
pub(super) const LOADERS: Loaders = Loaders {
    result: result_loader,
    team: team_loader,
    lead: lead_loader,
};

fn result_loader() -> Pin<Box<dyn Future<Output = Result<PartFns, ChunkError>>>> {
    Box::pin(result_part())
}

fn team_loader() -> Pin<Box<dyn Future<Output = Result<PartFns, ChunkError>>>> {
    Box::pin(team_part())
}

fn lead_loader() -> Pin<Box<dyn Future<Output = Result<PartFns, ChunkError>>>> {
    Box::pin(lead_part())
}

/// Named only inside the split points, so it travels in the parts' chunk.
fn parts_css() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/parts.min.css"))
}

fn result_fns() -> PartFns {
    Loaded {
        draw: Fns::Result(ResultFns {
            view: result_view,
            copy: share::copy,
            open: share::open_link,
            say: crate::core::text::code_error,
        }),
        css: parts_css(),
    }
}

fn team_fns() -> PartFns {
    Loaded {
        draw: Fns::Team(TeamFns {
            view: crate::ui::parts::team_view,
            read: files::read,
            save: files::save,
            store: TeamStore {
                recall: files::recall,
                keep: files::keep,
                today: files::today,
                watch_print: files::watch_print,
            },
        }),
        css: parts_css(),
    }
}

#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(result, fallible)]
fn result_part() -> Result<PartFns, ChunkError> {
    crate::core::i18n::register_later_english();
    Ok(result_fns())
}

#[cfg(not(feature = "split"))]
async fn result_part() -> Result<PartFns, ChunkError> {
    Ok(result_fns())
}

#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(team, fallible)]
fn team_part() -> Result<PartFns, ChunkError> {
    crate::core::i18n::register_later_english();
    Ok(team_fns())
}

#[cfg(not(feature = "split"))]
async fn team_part() -> Result<PartFns, ChunkError> {
    Ok(team_fns())
}

fn lead_fns() -> PartFns {
    Loaded {
        draw: Fns::Lead(LeadFns {
            view: lead_box,
            recall: lead::recall,
            remember: lead::remember,
        }),
        css: include_str!(concat!(env!("OUT_DIR"), "/lead.min.css")),
    }
}

#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(lead, fallible)]
fn lead_part() -> Result<PartFns, ChunkError> {
    crate::core::i18n::register_later_english();
    Ok(lead_fns())
}

#[cfg(not(feature = "split"))]
async fn lead_part() -> Result<PartFns, ChunkError> {
    Ok(lead_fns())
}

/// The delivery chunk: what sends to `submitUrl` (see `embed::delivery`).
#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(delivery, fallible)]
pub(super) fn delivery_part() -> Result<fn(Courier), ChunkError> {
    Ok(super::delivery::send)
}

#[cfg(not(feature = "split"))]
pub(super) async fn delivery_part() -> Result<fn(Courier), ChunkError> {
    Ok(super::delivery::send)
}
