//! The shape checks for phone numbers and email addresses. No network is ever asked: these only
//! catch typing mistakes, and the system's own apps do the rest.

use crate::error::ValidationError;
use crate::journal::text::optional_text;

/// The longest phone number, in characters.
pub const PHONE_MAX_CHARS: usize = 30;
/// The fewest digits a phone number may have (emergency numbers have three).
pub const PHONE_MIN_DIGITS: usize = 3;
/// The longest email address, in characters.
pub const EMAIL_MAX_CHARS: usize = 254;

/// Checks an optional phone number: digits, spaces, `+`, `-` and brackets only, at most
/// [`PHONE_MAX_CHARS`], with at least [`PHONE_MIN_DIGITS`] digits. Blank is `None`.
pub fn optional_phone(
    field: &'static str,
    text: Option<&str>,
) -> Result<Option<String>, ValidationError> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if !text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'))
    {
        return Err(ValidationError::new(
            field,
            "A phone number can only hold digits, spaces, +, - and brackets.",
        ));
    }
    if text.chars().count() > PHONE_MAX_CHARS {
        return Err(ValidationError::new(
            field,
            format!("That phone number is too long; the limit is {PHONE_MAX_CHARS} characters."),
        ));
    }
    if text.chars().filter(char::is_ascii_digit).count() < PHONE_MIN_DIGITS {
        return Err(ValidationError::new(
            field,
            format!("A phone number needs at least {PHONE_MIN_DIGITS} digits."),
        ));
    }
    Ok(Some(text.to_string()))
}

/// A phone number as a `tel:` URL: only its digits and `+` are kept.
pub fn tel_url(phone: &str) -> String {
    let dial: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{dial}")
}

/// Characters allowed in an address's local part besides letters and digits. `?`, `#`, `%`,
/// `&` and `/` are left out: they would change the meaning of a `mailto:` link.
const LOCAL_EXTRA: &str = ".!$'*+-=^_`{|}~";

/// Checks an optional email address's shape: one `@`, a local part of letters, digits and
/// common punctuation, and a domain of at least two dot-separated labels of letters, digits
/// and hyphens. Blank is `None`.
pub fn optional_email(
    field: &'static str,
    text: Option<&str>,
) -> Result<Option<String>, ValidationError> {
    let Some(text) = optional_text(field, "The email address", text, EMAIL_MAX_CHARS)? else {
        return Ok(None);
    };
    let shape = || {
        ValidationError::new(
            field,
            "That email address doesn't look right; it should look like name@example.org.",
        )
    };
    let (local, domain) = text.split_once('@').ok_or_else(shape)?;
    let local_ok = !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || LOCAL_EXTRA.contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    if local_ok && domain_ok {
        Ok(Some(text))
    } else {
        Err(shape())
    }
}

/// An email address as a `mailto:` URL, with anything beyond plain ASCII letters, digits and
/// `@ . - _ + ~` percent-encoded, so the link can only ever address that one mailbox.
pub fn mailto_url(email: &str) -> String {
    let mut url = String::from("mailto:");
    for byte in email.bytes() {
        if byte.is_ascii_alphanumeric() || b"@.-_+~".contains(&byte) {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rstest::rstest;

    #[rstest]
    #[case("999")]
    #[case("0300 123 6600")]
    #[case("+44 (0)7700 900-123")]
    #[case("1-800-662-4357")]
    fn good_numbers_pass(#[case] phone: &str) {
        assert_eq!(
            optional_phone("phone", Some(phone)).unwrap().as_deref(),
            Some(phone)
        );
    }

    #[rstest]
    #[case("12")]
    #[case("call me")]
    #[case("0770 ext. 5")]
    #[case("+-() ")]
    #[case("1234567890 1234567890 1234567890 1")]
    #[case("07700\u{0}900")]
    fn bad_numbers_name_the_field(#[case] phone: &str) {
        assert_eq!(
            optional_phone("phone", Some(phone)).unwrap_err().field,
            "phone"
        );
    }

    #[test]
    fn blank_numbers_and_addresses_are_none() {
        assert_eq!(optional_phone("phone", Some("  ")).unwrap(), None);
        assert_eq!(optional_email("email", None).unwrap(), None);
    }

    #[rstest]
    #[case("sam@example.org")]
    #[case("first.last+tag@mail.example.co.uk")]
    #[case("zoë@exämple.de")]
    fn good_addresses_pass(#[case] email: &str) {
        assert_eq!(
            optional_email("email", Some(email)).unwrap().as_deref(),
            Some(email)
        );
    }

    #[rstest]
    #[case("sam")]
    #[case("sam@")]
    #[case("@example.org")]
    #[case("sam@example")]
    #[case("sam@@example.org")]
    #[case("sam smith@example.org")]
    #[case("sam@example..org")]
    #[case(".sam@example.org")]
    #[case("sam@-example.org")]
    #[case("sam@example.org?subject=hi")]
    #[case("sam?cc=x@example.org")]
    #[case("sam#x@example.org")]
    fn bad_addresses_name_the_field(#[case] email: &str) {
        assert_eq!(
            optional_email("email", Some(email)).unwrap_err().field,
            "email"
        );
    }

    #[test]
    fn links_carry_only_what_dials_or_addresses() {
        assert_eq!(tel_url("+44 (0)7700 900-123"), "tel:+4407700900123");
        assert_eq!(mailto_url("sam@example.org"), "mailto:sam@example.org");
        assert_eq!(mailto_url("zoë@example.org"), "mailto:zo%C3%AB@example.org");
        assert_eq!(mailto_url("a'b@example.org"), "mailto:a%27b@example.org");
    }

    proptest! {
        #[test]
        fn checks_never_panic_and_links_stay_plain(text in "(?s).{0,60}") {
            if let Ok(Some(phone)) = optional_phone("phone", Some(&text)) {
                let url = tel_url(&phone);
                prop_assert!(url[4..].chars().all(|c| c.is_ascii_digit() || c == '+'));
            }
            if let Ok(Some(email)) = optional_email("email", Some(&text)) {
                let url = mailto_url(&email);
                prop_assert!(!url.contains(['?', '#', '&', ' ', '/']));
            }
        }
    }
}
