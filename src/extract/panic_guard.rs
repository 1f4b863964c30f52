//! Catch panics from the PDF libraries without printing them.
//!
//! `std::panic::catch_unwind` stops the unwinding, but the panic hook has already printed
//! "thread panicked at ..." to stderr by then. Swapping the global hook around each call would
//! race with other threads (a real panic elsewhere could be silenced, or ours printed), so a
//! hook is installed once that stays silent, and records the message, only while the panicking
//! thread is inside [`catch_quietly`]; on every other thread it calls the hook that was there
//! before.
//!
//! Limits: a program that installs its own hook after the first extraction replaces this one
//! (panics are still caught, only printed); `panic = "abort"` builds cannot catch anything; a
//! stack overflow is not a panic. Process isolation covers those.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

static INSTALL: Once = Once::new();

fn install_hook() {
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if QUIET.with(Cell::get) {
                let msg = payload_message(info.payload());
                let detail = match info.location() {
                    Some(loc) => format!("{msg} (at {}:{})", short_path(loc.file()), loc.line()),
                    None => msg,
                };
                LAST.with(|l| *l.borrow_mut() = Some(detail));
            } else {
                previous(info);
            }
        }));
    });
}

/// Run `f`, turning a panic into `Err(message)` without printing anything.
///
/// The closure is asserted unwind-safe: callers only pass values they drop after a panic.
pub(crate) fn catch_quietly<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    install_hook();
    let was_quiet = QUIET.with(|q| q.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was_quiet));
    result.map_err(|payload| {
        LAST.with(|l| l.borrow_mut().take())
            .unwrap_or_else(|| payload_message(payload.as_ref()))
    })
}

fn payload_message(payload: &(dyn Any + Send)) -> String {
    let msg = if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic with a non-text payload".to_string()
    };
    let first_line = msg.lines().next().unwrap_or_default();
    truncate(first_line, 160)
}

/// `…/registry/src/index/pdf-extract-0.12.1/src/lib.rs` → `pdf-extract-0.12.1/src/lib.rs`.
fn short_path(file: &str) -> &str {
    let parts: Vec<&str> = file.rsplitn(4, ['/', '\\']).collect();
    if parts.len() == 4 {
        &file[parts[3].len() + 1..]
    } else {
        file
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_become_errors_with_their_message() {
        let r: Result<(), String> = catch_quietly(|| panic!("boom {}", 42));
        let msg = r.unwrap_err();
        assert!(msg.starts_with("boom 42 (at "), "{msg}");
        assert!(msg.contains("panic_guard.rs"), "{msg}");
        assert_eq!(catch_quietly(|| 7), Ok(7));
    }

    #[test]
    fn nested_calls_restore_the_flag() {
        let r = catch_quietly(|| {
            let inner: Result<(), String> = catch_quietly(|| panic!("inner"));
            assert!(inner.is_err());
            QUIET.with(Cell::get)
        });
        assert_eq!(r, Ok(true));
        assert!(!QUIET.with(Cell::get));
    }

    #[test]
    fn short_paths_keep_the_crate() {
        assert_eq!(
            short_path("/root/.cargo/registry/src/idx/pdf-extract-0.12.1/src/lib.rs"),
            "pdf-extract-0.12.1/src/lib.rs"
        );
        assert_eq!(short_path("src/lib.rs"), "src/lib.rs");
    }
}
