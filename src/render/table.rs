//! The `table` format: one row per mention, for people.

use std::io::{self, Write};

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use super::{sanitize_for_terminal, value};
use crate::extract::{Mention, Shown};

/// Print mentions as a table `width` columns wide.
///
/// # Errors
/// Only I/O errors from `out`.
pub fn mentions(out: &mut dyn Write, mentions: &[Mention], width: u16) -> io::Result<()> {
    if mentions.is_empty() {
        return Ok(());
    }
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .set_header(["location", "text", "value", "period"]);
    for m in mentions {
        let value = if m.item == "period" {
            format!(
                "period {}",
                m.value.as_ref().map(Shown::text).unwrap_or_default()
            )
        } else {
            value::human(m)
        };
        let period = if m.item == "period" {
            value::period(m.period.as_ref())
        } else {
            let mut p = value::period(m.period.as_ref());
            if let Some(b) = &m.base_period {
                p.push_str(&format!(" vs {}", value::period(Some(b))));
            }
            p
        };
        table.add_row([
            sanitize_for_terminal(&format!("{}:{}:{}", m.source, m.line, m.column)),
            sanitize_for_terminal(&m.text),
            value,
            period,
        ]);
    }
    writeln!(out, "{table}")
}
