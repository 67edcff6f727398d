//! The first and last tokens of a set of phrases: a cheap gate before a phrase look-up.
//!
//! Most figures have no currency and no qualifier next to them. A look-up that first asks
//! whether the token beside the figure can start (or end) any phrase stops there, before
//! joining tokens into a candidate phrase. Phrases are cut as the quantity scanner cuts text
//! (`u.s. dollars` is `u`, `.`, `s`, `.`, `dollars`) and compared ASCII-lowercased.

use super::word_set::WordSet;
use crate::token::Tokens;

#[derive(Debug, Clone, Default)]
pub struct PhraseEdges {
    first: WordSet,
    last: WordSet,
}

impl PhraseEdges {
    /// The edges of `phrases`.
    pub fn of<'p>(phrases: impl IntoIterator<Item = &'p str>) -> Self {
        let mut edges = Self::default();
        let mut toks = Tokens::default();
        for phrase in phrases {
            toks.tokenize(phrase);
            if let (Some(first), Some(last)) = (toks.toks.first(), toks.toks.last()) {
                edges.first.insert(&phrase[first.start..first.end]);
                edges.last.insert(&phrase[last.start..last.end]);
            }
        }
        edges
    }

    /// Whether a phrase may start with this token (as written).
    pub fn may_start(&self, token: &str) -> bool {
        self.first.contains(token)
    }

    /// Whether a phrase may end with this token (as written).
    pub fn may_end(&self, token: &str) -> bool {
        self.last.contains(token)
    }

    /// The last token, ASCII-lowercased, of every phrase.
    pub fn last_tokens(&self) -> impl Iterator<Item = &str> {
        self.last.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::PhraseEdges;

    #[test]
    fn edges_are_the_scanners_tokens_in_any_case() {
        let e = PhraseEdges::of(["more than", "U.S. dollars", "US$", "or so", "~"]);
        // First tokens: `more`, `u` (of `U.S.`), `us` (of `US$`), `or`, `~`.
        for t in ["more", "MORE", "u", "U", "US", "Or", "~"] {
            assert!(e.may_start(t), "{t} starts a phrase");
        }
        // Last tokens: `than`, `dollars`, `$`, `so`, `~`.
        for t in ["than", "Than", "DOLLARS", "$", "so", "~"] {
            assert!(e.may_end(t), "{t} ends a phrase");
        }
        for t in ["than", "dollars", "$", "so", "s", "."] {
            assert!(!e.may_start(t), "{t} starts no phrase");
        }
        for t in ["more", "u", "us", "or", "about"] {
            assert!(!e.may_end(t), "{t} ends no phrase");
        }
        let mut last: Vec<&str> = e.last_tokens().collect();
        last.sort_unstable();
        assert_eq!(last, ["$", "dollars", "so", "than", "~"]);
    }
}
