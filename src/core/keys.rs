//! How names are compared and looked up: the key a team or person name is grouped by, and the
//! one string map the crate uses. The roster (duplicates) and the team report (grouping) share
//! them.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A team name as grouped: spacing and ASCII case do not matter (full Unicode case tables would
/// cost the bundle kilobytes; other letters compare as written).
pub(crate) fn team_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key.make_ascii_lowercase();
    key
}

/// A fast hash for the duplicate check (the multiply-rotate scheme of rustc's FxHash, eight bytes
/// at a time). The roster is the lead's own paste, so there is no attacker to defend against
/// with a keyed hash.
#[derive(Default)]
pub(crate) struct FastHash(u64);

/// Strings to positions, hashed with [`FastHash`]. One map type for the whole crate: each
/// further key or value type would cost the bundle another copy of the hash table code.
pub(crate) type Index = HashMap<String, usize, BuildHasherDefault<FastHash>>;

impl FastHash {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FastHash {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in chunks.by_ref() {
            self.add(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        }
        let mut tail = [0u8; 8];
        let rest = chunks.remainder();
        if let Some(slot) = tail.get_mut(..rest.len()) {
            slot.copy_from_slice(rest);
        }
        self.add(u64::from_le_bytes(tail) ^ ((rest.len() as u64) << 56));
    }
}
