//! Reading and writing calendar files the person chose, outside the vault.

use std::io::Read;
use std::path::Path;

use super::ics::ICS_MAX_BYTES;
use crate::error::{Error, Result, ValidationError};
use crate::vault::atomic::write_atomically;

fn file_error(message: &str) -> Error {
    Error::Invalid(ValidationError::new("file", message))
}

/// Reads a calendar file of at most [`ICS_MAX_BYTES`], as UTF-8 text. Anything bigger or not
/// text is refused before it is parsed.
pub fn read_calendar_file(path: &Path) -> Result<String> {
    let file = std::fs::File::open(path).map_err(|_| {
        file_error("That file could not be opened; check it exists and is readable.")
    })?;
    let mut bytes = Vec::new();
    // One byte over the limit is enough to know it is too big, without reading a huge file.
    file.take(ICS_MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| file_error("That file could not be read."))?;
    if bytes.len() > ICS_MAX_BYTES {
        return Err(file_error(
            "That file is larger than 1 MB; a calendar of meetings is much smaller. Choose an .ics file.",
        ));
    }
    String::from_utf8(bytes)
        .map_err(|_| file_error("That file is not a text calendar file (.ics)."))
}

/// Writes `text` to `path`, replacing any file there, readable by the person only (0600 on
/// Unix). The file is NOT encrypted, and leaves out private notes; the caller says so.
pub fn write_calendar_file(path: &Path, text: &str) -> Result<()> {
    Ok(write_atomically(path, text.as_bytes())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_and_binary_files_are_refused_and_text_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let ok = dir.path().join("schedule.ics");
        write_calendar_file(&ok, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").unwrap();
        assert!(read_calendar_file(&ok)
            .unwrap()
            .starts_with("BEGIN:VCALENDAR"));
        let big = dir.path().join("big.ics");
        std::fs::write(&big, vec![b'a'; ICS_MAX_BYTES + 1]).unwrap();
        assert!(matches!(read_calendar_file(&big), Err(Error::Invalid(v)) if v.field == "file"));
        let binary = dir.path().join("bin.ics");
        std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x80]).unwrap();
        assert!(matches!(read_calendar_file(&binary), Err(Error::Invalid(v)) if v.field == "file"));
        let missing = dir.path().join("missing.ics");
        assert!(
            matches!(read_calendar_file(&missing), Err(Error::Invalid(v)) if v.field == "file")
        );
    }
}
