//! Rules shared by every free-text field.

use crate::error::ValidationError;

/// Trims `text` and checks it against `max_chars`; an empty result is `None`.
///
/// Line breaks and tabs are kept; other control characters (NUL included) are refused because
/// they are never typed on purpose and break exports. Error messages never quote the text.
pub fn optional_text(
    field: &'static str,
    label: &str,
    text: Option<&str>,
    max_chars: usize,
) -> Result<Option<String>, ValidationError> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(ValidationError::new(
            field,
            format!("{label} contains a control character; remove it and try again."),
        ));
    }
    let count = text.chars().count();
    if count > max_chars {
        return Err(ValidationError::new(
            field,
            format!("{label} is too long: {count} characters, and the limit is {max_chars}."),
        ));
    }
    Ok(Some(text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_is_none_and_text_is_trimmed() {
        assert_eq!(
            optional_text("note", "Note", Some("  \n "), 10).unwrap(),
            None
        );
        assert_eq!(optional_text("note", "Note", None, 10).unwrap(), None);
        assert_eq!(
            optional_text("note", "Note", Some("  hi\nthere "), 10)
                .unwrap()
                .as_deref(),
            Some("hi\nthere")
        );
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        assert!(optional_text("note", "Note", Some("ééééé"), 5).is_ok());
        let err = optional_text("note", "Note", Some("éééééé"), 5).unwrap_err();
        assert_eq!(err.field, "note");
        assert!(err.message.contains("6 characters"), "{}", err.message);
    }

    #[test]
    fn control_characters_are_refused_without_echoing_the_text() {
        let err = optional_text("note", "Note", Some("secret\u{0}marker"), 100).unwrap_err();
        assert!(!err.message.contains("secret"));
    }
}
