//! `the country's`: a possessive that points back to the country the text named last
//! (`According to the State Statistics Committee of Uzbekistan, the country's foreign trade
//! turnover stood at 19.6 billion US dollars`), read as that country, so the figure it owns
//! is about Uzbekistan and not about nobody.

use super::lexicon::{EntityHit, Lexicon};

/// How far back, in bytes, the country it points to is looked for: a paragraph or so. A
/// country named further back is not what a writer means by `the country`.
const REACH: usize = 600;

/// The phrases read, after `the ` (any letter case for `the`).
const PHRASES: [&str; 2] = ["country's", "country\u{2019}s"];

/// Add an entity for each `the country's` in the sentence starting at byte `s_start` of
/// `text`, naming the last country before it (in the sentence or up to [`REACH`] bytes
/// back). `entities` stays sorted by position; a phrase already inside an entity is left.
pub(super) fn resolve(
    text: &str,
    s_start: usize,
    sentence: &str,
    lex: &dyn Lexicon,
    entities: &mut Vec<EntityHit>,
) {
    // Most sentences have no `ountry`: one vector search rules them out.
    if memchr::memmem::find(sentence.as_bytes(), b"ountry").is_none() {
        return;
    }
    for (at, len) in occurrences(sentence) {
        if entities.iter().any(|e| e.start < at + len && at < e.end) {
            continue;
        }
        let Some(id) = last_country(text, s_start, s_start + at, lex) else {
            continue;
        };
        let hit = EntityHit {
            start: at,
            end: at + len,
            id,
            demonym: false,
            possessive: true,
        };
        let i = entities.partition_point(|e| e.start < at);
        entities.insert(i, hit);
    }
}

/// Where `the country's` stands in the sentence: (byte offset, length), left to right.
fn occurrences(sentence: &str) -> Vec<(usize, usize)> {
    let bytes = sentence.as_bytes();
    let mut out = Vec::new();
    for phrase in PHRASES {
        for at in memchr::memmem::find_iter(bytes, phrase.as_bytes()) {
            let Some(the) = at.checked_sub(4) else {
                continue;
            };
            let word_start = the == 0 || !bytes[the - 1].is_ascii_alphanumeric();
            let word_end = bytes
                .get(at + phrase.len())
                .is_none_or(|b| !b.is_ascii_alphanumeric());
            if word_start && word_end && bytes[the..at].eq_ignore_ascii_case(b"the ") {
                out.push((the, at + phrase.len() - the));
            }
        }
    }
    out.sort_unstable();
    out
}

/// The last country named in the [`REACH`] bytes of `text` before `pos`. In the phrase's own
/// sentence (from `s_start`) only a country after a preposition counts (`the statistics
/// committee of Uzbekistan, the country's ...`): the subject of its own clause is never meant
/// (`China remained the country's largest partner`).
fn last_country(text: &str, s_start: usize, pos: usize, lex: &dyn Lexicon) -> Option<String> {
    let mut from = pos.saturating_sub(REACH);
    // Start at a word: a name cut in two must not be read as another.
    if from > 0 {
        from = text.as_bytes()[..pos]
            .iter()
            .skip(from)
            .position(u8::is_ascii_whitespace)
            .map_or(pos, |k| from + k);
    }
    let window = text.get(from..pos)?;
    let after_preposition = |start: usize| {
        let word = window[..start]
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        ["of", "in", "for", "from"]
            .iter()
            .any(|p| word.eq_ignore_ascii_case(p))
    };
    lex.entities(window)
        .into_iter()
        .rev()
        .filter(|e| lex.is_country(&e.id))
        .find(|e| from + e.start < s_start || after_preposition(e.start))
        .map(|e| e.id)
}
