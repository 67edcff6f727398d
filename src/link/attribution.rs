//! Attribution: whom a sentence quotes for its figures ("according to the State Department
//! fact sheet", "said the Foreign Minister", "the ministry said").

/// Verbs of reporting, in the order they are tried.
const VERBS: [&str; 7] = [
    " said",
    " says",
    " reported",
    " reports",
    " stated",
    " noted",
    " announced",
];

/// `according to `, then each of [`VERBS`]: searchers built once, not per sentence.
static FINDERS: std::sync::LazyLock<(
    memchr::memmem::Finder<'static>,
    Vec<memchr::memmem::Finder<'static>>,
)> = std::sync::LazyLock::new(|| {
    (
        memchr::memmem::Finder::new("according to "),
        VERBS.iter().map(memchr::memmem::Finder::new).collect(),
    )
});

/// The source a sentence attributes its content to, if it names one.
pub fn find(sentence: &str) -> Option<String> {
    find_in(sentence, &sentence.to_ascii_lowercase())
}

/// [`find`], with the sentence ASCII-lowercased (`lower`: only ASCII, so that offsets fit
/// `sentence`) by the caller, who reads it for other words too.
pub fn find_in(sentence: &str, lower: &str) -> Option<String> {
    debug_assert_eq!(lower.len(), sentence.len());
    let (according, verbs) = &*FINDERS;
    if let Some(p) = according.find(lower.as_bytes()) {
        return phrase_after(sentence, p + "according to ".len());
    }
    for (verb, finder) in VERBS.iter().zip(verbs) {
        if let Some(p) = finder.find(lower.as_bytes()) {
            let after = &lower[p + verb.len()..];
            // `..., said the Foreign Minister.`: the speaker follows the verb.
            let before = sentence[..p].trim_end();
            if (before.ends_with(',')
                || before.ends_with('"')
                || before.ends_with('\u{201d}')
                || before.ends_with('\u{bb}'))
                && after.trim_start().starts_with(|c: char| c.is_alphabetic())
            {
                return phrase_after(sentence, p + verb.len());
            }
            // `the fact sheet reported`, `Blinken said`: the speaker precedes the verb.
            return phrase_before(sentence, p);
        }
    }
    None
}

/// Up to eight words after `at`, stopping at punctuation.
fn phrase_after(sentence: &str, at: usize) -> Option<String> {
    let rest = sentence.get(at..)?;
    let end = rest
        .find([',', '.', ';', ':', '(', '\u{201c}', '"'])
        .unwrap_or(rest.len());
    let words: Vec<&str> = rest[..end].split_whitespace().take(8).collect();
    // `issued Feb. 27`: drop a trailing participle clause.
    let cut = words
        .iter()
        .position(|w| matches!(*w, "issued" | "published" | "released" | "on" | "in"))
        .unwrap_or(words.len());
    let s = words[..cut].join(" ");
    (!s.is_empty()).then_some(s)
}

/// Up to six words before `at`, back to the previous punctuation.
fn phrase_before(sentence: &str, at: usize) -> Option<String> {
    let head = sentence.get(..at)?;
    // Step over the whole separator: curly quotes are several bytes.
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| {
            matches!(
                c,
                ',' | '.' | ';' | ':' | '"' | '\u{201d}' | '\u{201c}' | '\u{bb}'
            )
        })
        .map_or(0, |(p, c)| p + c.len_utf8());
    let words: Vec<&str> = head[start..].split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    Some(words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn finds_the_quoted_source() {
        assert_eq!(
            find(
                "It received $5 billion, according to a State Department fact sheet issued Feb. 27."
            )
            .as_deref(),
            Some("a State Department fact sheet")
        );
        assert_eq!(
            find("\u{201c}Trade grew 5%,\u{201d} said the Foreign Minister.").as_deref(),
            Some("the Foreign Minister")
        );
        assert_eq!(
            find("The fact sheet reported that aid reached $5 million.").as_deref(),
            Some("The fact sheet")
        );
        assert_eq!(find("Trade grew 5%.").as_deref(), None);
        // Regression: a curly quote before the speaker is three bytes, not one.
        assert_eq!(
            find("\u{201c}It grew,\u{201d} the minister said.").as_deref(),
            Some("the minister")
        );
    }
}

#[cfg(test)]
mod offsets {
    /// Regression: lower-casing `İ` changes byte lengths; offsets found in the lower-cased copy
    /// must still fit the sentence.
    #[test]
    fn non_ascii_before_the_phrase() {
        assert_eq!(
            super::find("İİİ according to the ministry, it grew").as_deref(),
            Some("the ministry")
        );
    }
}
