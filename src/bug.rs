//! Bugs contained to one document: a panic while reading a document makes that document an
//! error that says where the bug is, and the run goes on with the others.
//!
//! A panic message may quote document text (a string slice out of bounds quotes the string),
//! and document text is untrusted: what is printed or kept of a panic is its first line, cut
//! before any quoted text, made safe for a terminal, with the place in the code where it
//! happened (what a bug report needs).

use std::cell::{Cell, RefCell};

thread_local! {
    /// Whether this thread is inside [`contain`].
    static CONTAINED: Cell<bool> = const { Cell::new(false) };
    /// The last panic inside [`contain`] on this thread, described by the hook.
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The longest panic message kept, in characters.
const MAX_MESSAGE: usize = 160;

/// Install the panic hook, once at start-up. A panic inside [`contain`] is recorded for it and
/// prints nothing (the document's error says it); any other prints one line.
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!(" (at {}:{})", l.file(), l.line()))
            .unwrap_or_default();
        let text = format!("{}{location}", describe(info.payload()));
        if CONTAINED.with(Cell::get) {
            LAST.with(|last| *last.borrow_mut() = Some(text));
        } else {
            #[allow(clippy::print_stderr)]
            {
                eprintln!(
                    "claimcheck: internal error (a bug in claimcheck; please report it): {text}"
                );
            }
        }
    }));
}

/// Run `f`; a panic in it comes back as its description (with its place in the code when the
/// hook of [`install_hook`] is installed).
pub fn contain<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    let outer = CONTAINED.with(|c| c.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    CONTAINED.with(|c| c.set(outer));
    result.map_err(|payload| {
        // Not recorded: no hook, or the panic was raised on another thread (a rayon worker
        // scanning a large document's chunks) and carried here.
        LAST.with(|last| last.borrow_mut().take())
            .unwrap_or_else(|| describe(payload.as_ref()))
    })
}

/// A panic's message, safe to print: its first line, cut before a quoted string (`` of ` ``,
/// as slicing panics quote the text) and at [`MAX_MESSAGE`] characters, with control
/// characters replaced.
fn describe(payload: &(dyn std::any::Any + Send)) -> String {
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic with no message");
    let first = message.lines().next().unwrap_or_default();
    let unquoted = first.split(" of `").next().unwrap_or_default();
    let short: String = unquoted.chars().take(MAX_MESSAGE).collect();
    crate::render::sanitize_for_terminal(&short)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_returned_with_its_message() {
        let r: Result<(), String> = contain(|| panic!("a bug: {}", 42));
        assert_eq!(r, Err("a bug: 42".to_string()));
        assert_eq!(contain(|| 7), Ok(7));
    }

    /// The text a slicing panic quotes, escape codes and all, is never kept.
    #[test]
    fn quoted_text_and_control_characters_are_left_out() {
        let text = "\u{1b}[31mred\u{7}\nsecond line";
        let r: Result<(), String> = contain(|| {
            let s = String::from(text);
            let _ = &s[..100];
        });
        let message = r.unwrap_err();
        // The standard library's message goes on `` of `<the string>` ``: cut there.
        assert_eq!(message, "end byte index 100 is out of bounds");
        let escape: Result<(), String> = contain(|| panic!("a\u{1b}[2Jb"));
        assert_eq!(escape, Err("a\u{FFFD}[2Jb".to_string()));
        let long: Result<(), String> = contain(|| panic!("{}", "x".repeat(1000)));
        assert_eq!(long.unwrap_err().chars().count(), MAX_MESSAGE);
    }
}
