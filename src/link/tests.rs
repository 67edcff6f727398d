//! Linker tests with a small in-memory lexicon and sentences of our own.

use super::*;
use crate::extract::{ExtractOptions, Extractor};

/// A tiny lexicon: enough names and metrics to exercise the linker's rules.
struct TestLexicon;

const ENTITIES: &[(&str, &str, bool)] = &[
    ("Kazakhstan", "KZ", false),
    ("Kazakh", "KZ", true),
    ("United States", "US", false),
    ("U.S.", "US", false),
    ("US", "US", false),
    ("USA", "US", false),
    ("American", "US", true),
    ("Uzbekistan", "UZ", false),
    ("China", "CN", false),
    ("Russia", "RU", false),
];

const METRICS: &[(&str, &str)] = &[
    ("bilateral trade", "trade_total"),
    ("trade turnover", "trade_total"),
    ("two-way trade", "trade_total"),
    ("foreign trade", "trade_total"),
    ("trade", "trade_total"),
    ("exports", "exports"),
    ("exported", "exports"),
    ("export", "exports"),
    ("imported", "imports"),
    ("imports", "imports"),
    ("investment", "investment"),
    ("investments", "investment"),
];

fn find_all(text: &str, table: &[(&str, &str)]) -> Vec<(usize, usize, String, String)> {
    let mut hits = Vec::new();
    for (alias, id) in table {
        let mut from = 0;
        while let Some(p) = text[from..].find(alias) {
            let s = from + p;
            let e = s + alias.len();
            let left = text[..s]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let right = text[e..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if left && right {
                hits.push((s, e, (*id).to_string(), (*alias).to_string()));
            }
            from = e;
        }
    }
    hits.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out: Vec<(usize, usize, String, String)> = Vec::new();
    for h in hits {
        if out.last().is_none_or(|l| h.0 >= l.1) {
            out.push(h);
        }
    }
    out
}

impl Lexicon for TestLexicon {
    fn entities(&self, text: &str) -> Vec<EntityHit> {
        let table: Vec<(&str, &str)> = ENTITIES.iter().map(|(a, i, _)| (*a, *i)).collect();
        find_all(text, &table)
            .into_iter()
            .map(|(start, end, id, alias)| EntityHit {
                start,
                end,
                id,
                demonym: ENTITIES.iter().any(|(a, _, d)| *a == alias && *d),
                possessive: text[end..].starts_with("'s") || text[end..].starts_with("\u{2019}s"),
            })
            .collect()
    }
    fn metrics(&self, text: &str) -> Vec<MetricHit> {
        find_all(&text.to_lowercase(), METRICS)
            .into_iter()
            .map(|(start, end, metric, alias)| MetricHit {
                start,
                end,
                metric,
                alias,
            })
            .collect()
    }
    fn metric_info(&self, id: &str) -> Option<MetricInfo> {
        let (unit, aggregation, directional, normalize_to, reverse) = match id {
            "trade_total" => (UnitKind::Currency, Aggregation::Flow, false, None, false),
            "exports" | "investment" => (UnitKind::Currency, Aggregation::Flow, true, None, false),
            "imports" => (
                UnitKind::Currency,
                Aggregation::Flow,
                true,
                Some("exports".to_string()),
                true,
            ),
            "companies" => (UnitKind::Count, Aggregation::Stock, false, None, false),
            _ => return None,
        };
        Some(MetricInfo {
            id: id.to_string(),
            unit,
            aggregation,
            directional,
            normalize_to,
            reverse,
        })
    }
    fn metric_for_noun(&self, noun: &str) -> Option<String> {
        matches!(noun, "company" | "firm").then(|| "companies".to_string())
    }
}

fn claims(text: &str) -> Vec<Claim> {
    let doc = Document::from_text("t.md", text.to_string());
    let mentions = Extractor::default().extract(
        &doc,
        crate::rules::default_vocabulary(),
        ExtractOptions::default(),
    );
    link(&doc, 0, &mentions, &TestLexicon)
}

fn summary(c: &Claim) -> String {
    format!(
        "{} {} {}",
        c.text,
        c.metric.as_deref().unwrap_or("-"),
        c.entities.join(">")
    )
}

/// A file's claims keep file offsets, which a BOM (or UTF-16, or a repaired byte) moves
/// off the text's: the sentence of the claim before is the one it was linked in, not one
/// found again from its file offset. Here `7%` ends its sentence within the BOM's three
/// bytes, and `It was 3%` continues it with or without a BOM.
#[test]
fn a_bom_does_not_move_the_claim_before_into_the_next_sentence() {
    let text = "Kazakhstan exports to China rose to 7%.\nIt was 3% in 2020.\n";
    for bytes in [
        text.as_bytes().to_vec(),
        [b"\xef\xbb\xbf", text.as_bytes()].concat(),
    ] {
        let crate::input::Loaded::Document(doc) = crate::input::load_bytes("t.md", bytes) else {
            panic!("not a document");
        };
        let mentions = Extractor::default().extract(
            &doc,
            crate::rules::default_vocabulary(),
            ExtractOptions::default(),
        );
        let claims = link(&doc, 0, &mentions, &TestLexicon);
        assert_eq!(claims.len(), 2);
        assert_eq!(
            claims[1].metric.as_deref(),
            Some("exports"),
            "{:?}",
            doc.encoding()
        );
        assert!(claims[1].linked_by[0].starts_with("continues the claim at 1:37"));
    }
}

#[test]
fn several_claims_in_one_sentence_keep_their_own_metrics() {
    let c = claims(
        "Export from Kazakhstan to the United States amounted to $ 682 million, while imports to Kazakhstan from the United States reached $ 1.1 billion.",
    );
    let s: Vec<String> = c.iter().map(summary).collect();
    // Imports to KZ from the US are the flow US -> KZ, stated as exports.
    assert_eq!(
        s,
        ["$ 682 million exports KZ>US", "$ 1.1 billion exports US>KZ"]
    );
    assert!(c.iter().all(|c| c.directional));
}

#[test]
fn possessives_and_demonyms_give_the_direction() {
    let c = claims("US investment in Kazakhstan reached $5 billion in 2018.");
    assert_eq!(summary(&c[0]), "$5 billion investment US>KZ");
    let c = claims("American investment in Kazakhstan set a record of $5.3 billion.");
    assert_eq!(summary(&c[0]), "$5.3 billion investment US>KZ");
    let c = claims("Kazakhstan's imports from Uzbekistan were $1 billion.");
    assert_eq!(summary(&c[0]), "$1 billion exports UZ>KZ");
}

#[test]
fn symmetric_metrics_sort_their_entities() {
    let c = claims(
        "The mutual trade turnover between Kazakhstan and the USA exceeded 3 billion US dollars in 2022.",
    );
    assert_eq!(
        summary(&c[0]),
        "exceeded 3 billion US dollars trade_total KZ>US"
    );
    assert!(!c[0].directional);
}

#[test]
fn a_change_continues_the_claim_before_it() {
    let c = claims(
        "The trade turnover between Kazakhstan and the USA exceeded 3 billion US dollars in 2022. That is an increase of 37.2% compared to 2021.",
    );
    assert_eq!(summary(&c[1]), "37.2% trade_total KZ>US");
    assert!(c[1].linked_by.iter().any(|l| l.contains("continues")));
    assert_eq!(c[1].period.as_ref().unwrap().label, "2022");
    assert_eq!(c[1].base_period.as_ref().unwrap().label, "2021");
}

#[test]
fn missing_entities_come_from_the_title() {
    let c = claims(
        "---\ntitle: Kazakhstan and the United States sign deals\ndate: 2023-03-01\n---\nKazakhstan and the US met. Two-way trade was $2.5 billion in 2021.",
    );
    assert_eq!(summary(&c[0]), "$2.5 billion trade_total KZ>US");
}

#[test]
fn counted_nouns_name_count_metrics_and_stocks_take_the_document_date() {
    let c = claims(
        "---\ndate: 2023-03-01\n---\nThere are already about 590 companies with US capital in Kazakhstan.",
    );
    assert_eq!(c[0].metric.as_deref(), Some("companies"));
    assert_eq!(c[0].period.as_ref().unwrap().label, "as of 2023-03-01");
}

#[test]
fn an_unlinked_quantity_stays_with_its_reason() {
    let c = claims("The committee met 12 times.");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].metric, None);
    assert!(c[0].unlinked.as_deref().unwrap().contains("no metric"));
}

#[test]
fn targets_are_not_facts() {
    let c = claims("Kazakhstan is ready to increase exports to the US by $800 million.");
    assert_eq!(c[0].modality, Modality::Target);
}

#[test]
fn each_modality_is_read_from_the_words_before_the_figure() {
    for (text, modality) in [
        (
            "Exports to the US are expected to reach $5 billion.",
            Modality::Forecast,
        ),
        (
            "The ministry requested $3 million for exports to the US.",
            Modality::Plan,
        ),
        (
            "The goal of $10 billion in exports to the US stands.",
            Modality::Target,
        ),
        (
            "EXPORTS TO THE US ARE PROJECTED AT $4 BILLION.",
            Modality::Forecast,
        ),
        ("Exports to the US were $2 billion.", Modality::Actual),
        // Words of two lists: a goal's outrank a forecast's, a forecast's a plan's.
        (
            "The target is expected to reach $5 billion in exports to the US.",
            Modality::Target,
        ),
        (
            "Planned exports to the US are projected at $4 billion.",
            Modality::Forecast,
        ),
        // Only the words before the figure count.
        (
            "Exports to the US were $2 billion, as forecast.",
            Modality::Actual,
        ),
    ] {
        let c = claims(text);
        assert_eq!(c[0].modality, modality, "{text}");
    }
}

#[test]
fn attribution_is_recorded() {
    let c = claims(
        "Two-way trade between Kazakhstan and the US was $2.5 billion in 2021, according to the State Department.",
    );
    assert_eq!(c[0].attribution.as_deref(), Some("the State Department"));
}

#[test]
fn next_word_is_ignores_case_and_leading_space_only() {
    use super::next_word_is;
    assert!(next_word_is("  Dollars in 2022", &["dollar"]));
    assert!(next_word_is(" $5", &["dollar", "$"]));
    assert!(!next_word_is(" the dollar", &["dollar"]));
    assert!(!next_word_is(" dol", &["dollar"]));
    assert!(!next_word_is("", &["goods"]));
}

/// The fingerprint as first defined (strings joined, then hashed): baselines are matched on
/// it, so the allocation-free [`fingerprint`] must give the same value for every claim.
fn fingerprint_by_joining(c: &Claim) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |s: &str| {
        for b in s.bytes().chain(std::iter::once(0u8)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    feed(&c.source);
    feed(c.metric.as_deref().unwrap_or(""));
    feed(&c.entities.join(","));
    feed(c.period.as_ref().map_or("", |p| p.label.as_str()));
    feed(c.unit.as_deref().unwrap_or(""));
    feed(
        &c.text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
    );
    format!("{h:016x}")
}

#[test]
fn fingerprints_are_those_of_the_joined_strings() {
    let mut all = claims(
        "Bilateral trade between Kazakhstan and the United States reached $3 billion in 2022. \
         US investment in Kazakhstan was about 40 billion US dollars.",
    );
    assert!(all.len() >= 2);
    let base = all[0].clone();
    // Texts with runs of white space (a vertical tab and a form feed are white space too, at
    // the ends as well), capitals, non-ASCII letters and a final sigma; no metric, no
    // entities, three entities.
    for text in [
        "$3\n  Billion",
        "3\u{b}bn",
        " \t$5 \r\n bn\u{c} up ",
        "ΣΑΣ 40 ΔΙΣ",
        "  12 Tenge\u{a0}Mn ",
        "",
    ] {
        let mut c = base.clone();
        c.text = text.to_string();
        all.push(c);
    }
    let mut c = base.clone();
    c.metric = None;
    c.entities.clear();
    c.unit = None;
    c.period = None;
    all.push(c);
    let mut c = base;
    c.entities = vec!["KZ".into(), "US".into(), "UZ".into()];
    all.push(c);
    for c in &all {
        assert_eq!(fingerprint(c), fingerprint_by_joining(c), "{:?}", c.text);
    }
}

#[test]
fn squeezed_text_is_its_words_joined_by_one_space() {
    assert_eq!(
        squeezed("  Trade\n rose\t\tto  $3 bn. "),
        "Trade rose to $3 bn."
    );
    assert_eq!(squeezed("one"), "one");
    assert_eq!(squeezed(" \n\t "), "");
    // Unicode white space too, as `split_whitespace` reads it.
    assert_eq!(squeezed("a\u{a0}\u{2009}b"), "a b");
}

/// The base period of each change claim, or `-`.
fn bases(text: &str) -> Vec<(String, String)> {
    claims(text)
        .iter()
        .filter(|c| c.measure == Measure::Change)
        .map(|c| {
            let base = c.base_period.as_ref().map_or("-".into(), |p| {
                format!("{}{}", p.label, if p.inherited { " (implied)" } else { "" })
            });
            (c.text.clone(), base)
        })
        .collect()
}

#[test]
fn a_growth_rate_with_no_base_is_read_year_on_year() {
    assert_eq!(
        bases("In 2022 exports from Kazakhstan to the US grew by 32 percent to $1.2 billion."),
        [("32 percent".to_string(), "2021 (implied)".to_string())]
    );
    assert_eq!(
        bases("In January-August 2018 trade between Kazakhstan and the US rose 29%."),
        [("29%".to_string(), "2017-01..2017-08 (implied)".to_string())]
    );
    // A stated base is kept, and says so by not being implied.
    assert_eq!(
        bases("Trade between Kazakhstan and the US rose 37% in 2022 compared to 2020."),
        [("37%".to_string(), "2020".to_string())]
    );
    let c = claims("In 2022 exports from Kazakhstan to the US grew by 32 percent.");
    assert!(
        c[0].linked_by
            .iter()
            .any(|l| l.contains("read year on year")),
        "{:?}",
        c[0].linked_by
    );
}

#[test]
fn other_steps_multiples_and_figureless_verbs_imply_no_base() {
    for text in [
        "In 2022 trade between Kazakhstan and the US grew by 3 percent month-on-month.",
        "Over the past 6 years trade between Kazakhstan and the US grew by 40 percent in 2022.",
        "In 2022 trade between Kazakhstan and the US grew by almost 2.5 times.",
        "In 2022 trade between Kazakhstan and the US doubled.",
        "Trade between Kazakhstan and the US has grown by 40 percent since 2015.",
        "Trade between Kazakhstan and the US grew by 40 percent in 2014-2018.",
    ] {
        let got = bases(text);
        assert!(got.iter().all(|(_, b)| b == "-"), "{text}: {got:?}");
    }
}

#[test]
fn a_directional_metric_with_no_entity_takes_the_documents_earlier_direction() {
    let c = claims(
        "Investment from the US into Kazakhstan was $5 billion in 2018. Investment was $6 billion in 2019, with energy ($4 billion) leading.",
    );
    let s: Vec<String> = c.iter().map(summary).collect();
    assert_eq!(
        s,
        [
            "$5 billion investment US>KZ",
            "$6 billion investment US>KZ",
            // A figure in brackets qualifies the words before it, not the metric at large.
            "$4 billion investment ",
        ]
    );
    assert!(
        c[1].linked_by
            .iter()
            .any(|l| l.contains("the document's last with this metric")),
        "{:?}",
        c[1].linked_by
    );
}

#[test]
fn a_trade_partners_turnover_is_the_trade_between_the_two() {
    let c = claims(
        "Kazakhstan ranks as Uzbekistan's third foreign trade partner with a turnover of $2.19 billion.",
    );
    let s: Vec<String> = c.iter().map(summary).collect();
    assert!(
        s.contains(&"$2.19 billion trade_total KZ>UZ".to_string()),
        "{s:?}"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
    /// ASCII text already folded, ASCII text with runs, ends, tabs, line breaks and the other
    /// ASCII white space (U+000B, U+000C), and text with Unicode white space: the words
    /// joined by one space, as `split_whitespace` gives them.
    #[test]
    fn squeezed_is_the_words_joined(pieces in proptest::collection::vec(0usize..10, 0..40)) {
        let piece = |k: usize| match k {
            0 => "word",
            1 => " ",
            2 => "  ",
            3 => "\n",
            4 => "\t",
            5 => "\u{b}",
            6 => "\u{c}\r",
            7 => "\u{a0}",
            8 => "$3.1",
            _ => "é",
        };
        let text: String = pieces.into_iter().map(piece).collect();
        let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
        proptest::prop_assert_eq!(squeezed(&text), joined);
    }

    /// The modality read from the phrases found once in an ASCII sentence is the modality
    /// read from the figure's own window, wherever the figure is (past the end too), with
    /// phrases of every list in any case, cut by the window's start or straddling its end,
    /// and whatever the view's reach past the figure (from none on).
    #[test]
    fn modality_from_the_sentences_phrases_is_the_windows(
        pieces in proptest::collection::vec(0usize..12, 0..60),
        q_start in 0usize..400,
        beyond in proptest::prop_oneof![proptest::strategy::Just(0usize), proptest::strategy::Just(1), proptest::strategy::Just(2), 3usize..500],
    ) {
        let piece = |k: usize| match k {
            0 => "target ",
            1 => "Expected To ",
            2 => "planned ",
            3 => "PROPOSED ",
            4 => "aims to",
            5 => "will reach ",
            6 => "request for ",
            7 => "$5 billion ",
            8 => "the ",
            9 => ", ",
            10 => "is ready to increase ",
            _ => "x",
        };
        let text: String = pieces.into_iter().map(piece).collect();
        // Made for figures up to `q_start + beyond`: the phrases past it are not looked for.
        let view = SentenceView::new(&text, 0, &text, &TestLexicon, q_start + beyond);
        proptest::prop_assert_eq!(view.modality(q_start), modality(&text, q_start));
        // Made for a figure at each byte alone: a phrase that ends right at it counts.
        for q in 0..=text.len() {
            let tight = SentenceView::new(&text, 0, &text, &TestLexicon, q);
            proptest::prop_assert_eq!(tight.modality(q), modality(&text, q), "{:?} {}", text, q);
        }
    }
}

#[test]
fn a_country_before_a_dollar_sign_is_a_party_and_a_code_is_a_currency() {
    let c = claims(
        "Exports from the US to Kazakhstan were $1.9 billion and imports from Kazakhstan $1.2 billion.",
    );
    let s: Vec<String> = c.iter().map(summary).collect();
    assert_eq!(
        s,
        ["$1.9 billion exports US>KZ", "$1.2 billion exports KZ>US"]
    );
    // `US $` is the currency: the parties are the others.
    assert!(names_a_currency("US", " $5 billion"));
    assert!(names_a_currency("U.S.", " $5 billion"));
    assert!(names_a_currency("Canadian", " dollars"));
    assert!(!names_a_currency("Kazakhstan", " $1.2 billion"));
}

#[test]
fn a_countrys_foreign_trade_flows_go_to_and_from_the_world() {
    let c = claims(
        "Kazakhstan's foreign trade reached $139.8 billion in 2023, of which exports accounted for $78.7 billion and imports for $61.1 billion.",
    );
    let s: Vec<String> = c.iter().map(summary).collect();
    assert_eq!(
        s,
        [
            "$139.8 billion trade_total KZ>WORLD",
            "$78.7 billion exports KZ>WORLD",
            // Imports are exports the other way: the country is the importer.
            "$61.1 billion exports WORLD>KZ",
        ]
    );
}

#[test]
fn the_country_is_the_country_named_last() {
    let c = claims(
        "According to the statistics office of Uzbekistan, the country\u{2019}s foreign trade turnover stood at $19.6 billion.\n\nThe country's top three foreign trade partners include China - $3.3bn, Russia - $2.9bn, and Kazakhstan - $1.5bn.",
    );
    let s: Vec<String> = c
        .iter()
        .filter(|c| c.metric.is_some())
        .map(summary)
        .collect();
    assert_eq!(
        s,
        [
            "$19.6 billion trade_total UZ>WORLD",
            // Each name before a dash labels the figure after it, not the one before.
            "$3.3bn trade_total CN>UZ",
            "$2.9bn trade_total RU>UZ",
            "$1.5bn trade_total KZ>UZ",
        ]
    );
    // Not the phrase inside another word, and not without a country before it.
    let none = claims("The country's trade reached $5 billion.");
    assert_eq!(none[0].entities, Vec::<String>::new());
    let read = |sentence: &str| {
        let text = format!("Uzbekistan. {sentence}");
        let mut hits = Vec::new();
        anaphora::resolve(&text, 12, sentence, &TestLexicon, &mut hits);
        hits.into_iter().map(|h| h.id).collect::<Vec<_>>()
    };
    assert_eq!(read("So the country's trade grew."), ["UZ"]);
    assert!(read("So bathe country's trade grew.").is_empty());
}

#[test]
fn an_alias_in_brackets_closed_before_a_figure_does_not_name_its_metric() {
    let c = claims(
        "Top foreign trade partners include China - $3.3bn (17% of all trade), Russia - $2.9bn.",
    );
    let ru = c
        .iter()
        .find(|c| c.text == "$2.9bn")
        .map(|c| c.linked_by[0].clone());
    // The metric still comes from before the brackets, not from inside them.
    assert_eq!(
        ru.as_deref(),
        Some("metric `trade_total` from \"foreign trade\" (earlier in its sentence)")
    );
    let c = claims("In 2022 (by foreign trade data) the figure was $2.9bn, up 3%.");
    assert!(c.iter().all(|c| c.metric.is_none()), "{c:?}");
}

#[test]
fn a_flow_after_another_with_no_names_is_the_same_subjects_flow_the_other_way() {
    let c = claims(
        "Uzbekistan exported $699.3 million to Kazakhstan, while imports reached $1,496.2 million.",
    );
    let s: Vec<String> = c.iter().map(summary).collect();
    assert_eq!(
        s,
        [
            "$699.3 million exports UZ>KZ",
            "$1,496.2 million exports KZ>UZ",
        ]
    );
    let c = claims(
        "Uzbekistan imported $1.5 billion from Kazakhstan, while exports reached $0.7 billion.",
    );
    let s: Vec<String> = c.iter().map(summary).collect();
    assert_eq!(
        s,
        ["$1.5 billion exports KZ>UZ", "$0.7 billion exports UZ>KZ"]
    );
}

#[test]
fn a_goal_to_raise_is_a_target() {
    let c = claims("The two governments set a goal to raise mutual trade to $10 billion.");
    assert_eq!(c[0].modality, Modality::Target);
}

#[test]
fn a_percentage_after_a_partners_figure_is_its_share_of_the_countrys_trade() {
    let c = claims(
        "Kazakhstan ranks as Uzbekistan's third foreign trade partner with a turnover of $2.19 billion (7.5%).\n\nChina remained Uzbekistan's largest foreign trade partner with $3.3 billion (17%), ahead of Russia with $2.9 billion (15.1%).",
    );
    let shares: Vec<(String, String, Option<crate::claim::ShareOf>)> = c
        .iter()
        .filter(|c| c.kind != Kind::Rank)
        .map(|c| (c.text.clone(), c.entities.join(">"), c.share_of.clone()))
        .collect();
    let share = |part_start: usize| {
        Some(crate::claim::ShareOf {
            part_start: Some(part_start),
            whole: vec!["UZ".into(), "WORLD".into()],
        })
    };
    let at = |text: &str| c.iter().find(|c| c.text == text).unwrap().start;
    assert_eq!(
        shares,
        [
            ("$2.19 billion".into(), "KZ>UZ".into(), None),
            ("7.5%".into(), "KZ>UZ".into(), share(at("$2.19 billion"))),
            ("$3.3 billion".into(), "CN>UZ".into(), None),
            ("17%".into(), "CN>UZ".into(), share(at("$3.3 billion"))),
            // `Russia with $2.9 billion` labels the figure: Russia's trade with Uzbekistan.
            ("$2.9 billion".into(), "RU>UZ".into(), None),
            ("15.1%".into(), "RU>UZ".into(), share(at("$2.9 billion"))),
        ]
    );
}

#[test]
fn a_percentage_of_a_money_metric_is_never_a_level_of_it() {
    // No figure before it in brackets, no partner: a share of a whole the text does not give.
    let c = claims("Exports to the United States were 12% of Kazakhstan's foreign trade in 2022.");
    let pct = c.iter().find(|c| c.text == "12%").unwrap();
    assert_eq!(
        pct.share_of,
        Some(crate::claim::ShareOf {
            part_start: None,
            whole: Vec::new()
        })
    );
    // A change in percent is a growth rate, not a share.
    let c = claims("Kazakhstan's exports to the United States rose 12% in 2022.");
    assert_eq!(c[0].share_of, None);
    // Brackets after a figure of the pair, but nobody's partner named: the part is known, the
    // whole is not.
    let c = claims("Trade between Kazakhstan and Uzbekistan was $4.6 billion (12%) in 2022.");
    let pct = c.iter().find(|c| c.text == "12%").unwrap();
    assert_eq!(pct.entities, ["KZ", "UZ"]);
    assert_eq!(
        pct.share_of
            .as_ref()
            .map(|s| (s.part_start.is_some(), s.whole.len())),
        Some((true, 0))
    );
}
