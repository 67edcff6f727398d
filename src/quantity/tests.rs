//! Unit tests of the quantity grammar, each on a sentence of our own.

use super::*;
use crate::rules::Vocabulary;

fn find(text: &str) -> Vec<Quantity> {
    let vocab = Vocabulary::defaults().unwrap();
    Scanner::default().find(text, &vocab, &[])
}

fn one(text: &str) -> Quantity {
    let q = find(text);
    assert_eq!(q.len(), 1, "{text}: {q:#?}");
    q.into_iter().next().unwrap()
}

fn s(q: &Quantity, text: &str) -> String {
    text[q.start..q.end].to_string()
}

#[test]
fn money_with_scale_and_bound() {
    let t = "Trade exceeded 3 billion US dollars last year.";
    let q = one(t);
    assert_eq!(s(&q, t), "exceeded 3 billion US dollars");
    assert_eq!(q.unit.as_deref(), Some("USD"));
    assert_eq!(q.bound, BoundKind::Gt);
    assert_eq!(q.value.unwrap().to_string(), "3000000000");
}

#[test]
fn currency_code_glued_to_the_number() {
    let t = "a loan of USD34.6 million";
    let q = one(t);
    assert_eq!(q.value.unwrap().to_string(), "34600000");
    assert_eq!(s(&q, t), "USD34.6 million");
}
