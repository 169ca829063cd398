//! The support network: the people the person can call, each with a role, and the order they
//! would call them in.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::phone::{optional_email, optional_phone};
use crate::error::ValidationError;
use crate::journal::text::optional_text;

pub use crate::journal::ids::ContactId;

/// The longest contact name, in characters.
pub const CONTACT_NAME_MAX_CHARS: usize = 100;
/// The longest note on a contact, in characters.
pub const CONTACT_NOTES_MAX_CHARS: usize = 1000;

/// Who a contact is to the person.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum ContactRole {
    /// A sponsor from a mutual-aid group.
    Sponsor,
    /// A counsellor or therapist.
    Counsellor,
    /// A keyworker at a drug service.
    Keyworker,
    /// A family doctor.
    Gp,
    /// Someone in the family.
    Family,
    /// A friend.
    Friend,
    /// A peer in recovery.
    Peer,
    /// A group or meeting.
    Group,
    /// Anyone else.
    Other,
}

impl ContactRole {
    /// Every role, in the order the UI offers them.
    pub const ALL: [ContactRole; 9] = [
        ContactRole::Sponsor,
        ContactRole::Counsellor,
        ContactRole::Keyworker,
        ContactRole::Gp,
        ContactRole::Family,
        ContactRole::Friend,
        ContactRole::Peer,
        ContactRole::Group,
        ContactRole::Other,
    ];

    /// The stored and serialized key, e.g. `keyworker`.
    pub fn key(self) -> &'static str {
        match self {
            ContactRole::Sponsor => "sponsor",
            ContactRole::Counsellor => "counsellor",
            ContactRole::Keyworker => "keyworker",
            ContactRole::Gp => "gp",
            ContactRole::Family => "family",
            ContactRole::Friend => "friend",
            ContactRole::Peer => "peer",
            ContactRole::Group => "group",
            ContactRole::Other => "other",
        }
    }

    /// The role with this key, if any; exact match.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == key)
    }

    /// The name shown to the person, e.g. "GP".
    pub fn label(self) -> &'static str {
        match self {
            ContactRole::Sponsor => "Sponsor",
            ContactRole::Counsellor => "Counsellor",
            ContactRole::Keyworker => "Keyworker",
            ContactRole::Gp => "GP",
            ContactRole::Family => "Family",
            ContactRole::Friend => "Friend",
            ContactRole::Peer => "Peer",
            ContactRole::Group => "Group",
            ContactRole::Other => "Other",
        }
    }
}

/// A contact as typed, before validation.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
#[serde(rename = "NewContactInput")]
pub struct NewContact {
    /// Their name, e.g. "Sam".
    pub name: String,
    /// Their role key: `sponsor`, `counsellor`, `keyworker`, `gp`, `family`, `friend`, `peer`,
    /// `group` or `other`.
    pub role: String,
    /// A phone number: digits, spaces, `+`, `-` and brackets.
    #[serde(default)]
    pub phone: Option<String>,
    /// An email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Notes: when to call, what they can help with.
    #[serde(default)]
    pub notes: Option<String>,
}

/// A contact that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidContact {
    /// Trimmed name.
    pub name: String,
    /// Their role.
    pub role: ContactRole,
    /// Trimmed phone number, `None` if blank.
    pub phone: Option<String>,
    /// Trimmed email address, `None` if blank.
    pub email: Option<String>,
    /// Trimmed notes, `None` if blank.
    pub notes: Option<String>,
}

impl NewContact {
    /// Checks the name, role, phone number, email address and notes.
    pub fn validate(&self) -> Result<ValidContact, ValidationError> {
        if self.name.contains(['\n', '\r', '\t']) {
            return Err(ValidationError::new("name", "A name must fit on one line."));
        }
        let name = optional_text("name", "The name", Some(&self.name), CONTACT_NAME_MAX_CHARS)?
            .ok_or_else(|| ValidationError::new("name", "Give the contact a name."))?;
        let role = ContactRole::from_key(self.role.trim()).ok_or_else(|| {
            ValidationError::new("role", "Choose who they are to you from the list.")
        })?;
        Ok(ValidContact {
            name,
            role,
            phone: optional_phone("phone", self.phone.as_deref())?,
            email: optional_email("email", self.email.as_deref())?,
            notes: optional_text(
                "notes",
                "The notes",
                self.notes.as_deref(),
                CONTACT_NOTES_MAX_CHARS,
            )?,
        })
    }
}

/// A person in the support network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    /// Its id.
    pub id: ContactId,
    /// Their name.
    pub name: String,
    /// Who they are to the person.
    pub role: ContactRole,
    /// Their phone number, as typed.
    pub phone: Option<String>,
    /// Their email address.
    pub email: Option<String>,
    /// The person's notes about them.
    pub notes: Option<String>,
    /// Their place in "who I call first": 0 is first.
    pub call_order: u32,
}

/// How to reach a contact from the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ContactLinkKind {
    /// Call their phone number (`tel:`).
    Call,
    /// Write to their email address (`mailto:`).
    Email,
}

impl ContactLinkKind {
    /// What to tell the person when the system has no app to open this kind of link.
    pub fn unavailable_message(self) -> &'static str {
        match self {
            ContactLinkKind::Call => {
                "This computer has no app set up to make calls. Dial the number yourself."
            }
            ContactLinkKind::Email => {
                "This computer has no email app set up. Write to the address yourself."
            }
        }
    }
}

impl Contact {
    /// The `tel:` or `mailto:` link for this contact, built from what is stored. A contact
    /// without that detail is refused (field `how`).
    pub fn link(&self, how: ContactLinkKind) -> Result<String, ValidationError> {
        match how {
            ContactLinkKind::Call => {
                self.phone
                    .as_deref()
                    .map(super::phone::tel_url)
                    .ok_or_else(|| {
                        ValidationError::new("how", "There is no phone number saved for them.")
                    })
            }
            ContactLinkKind::Email => self
                .email
                .as_deref()
                .map(super::phone::mailto_url)
                .ok_or_else(|| {
                    ValidationError::new("how", "There is no email address saved for them.")
                }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn input(name: &str, role: &str) -> NewContact {
        NewContact {
            name: name.into(),
            role: role.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_contact_needs_a_name_and_a_known_role() {
        let v = input("  Sam ", "sponsor").validate().unwrap();
        assert_eq!((v.name.as_str(), v.role), ("Sam", ContactRole::Sponsor));
        assert_eq!(input(" ", "sponsor").validate().unwrap_err().field, "name");
        assert_eq!(
            input("A\nB", "sponsor").validate().unwrap_err().field,
            "name"
        );
        assert_eq!(input("Sam", "boss").validate().unwrap_err().field, "role");
        let long = "x".repeat(CONTACT_NAME_MAX_CHARS + 1);
        assert_eq!(input(&long, "gp").validate().unwrap_err().field, "name");
    }

    #[test]
    fn phone_email_and_notes_are_checked() {
        let mut c = input("Sam", "friend");
        c.phone = Some("ring me".into());
        assert_eq!(c.validate().unwrap_err().field, "phone");
        c.phone = Some("07700 900123".into());
        c.email = Some("sam at example".into());
        assert_eq!(c.validate().unwrap_err().field, "email");
        c.email = Some("sam@example.org".into());
        c.notes = Some("n".repeat(CONTACT_NOTES_MAX_CHARS + 1));
        assert_eq!(c.validate().unwrap_err().field, "notes");
        c.notes = Some(" Evenings ".into());
        assert_eq!(c.validate().unwrap().notes.as_deref(), Some("Evenings"));
    }

    #[test]
    fn role_keys_round_trip() {
        for role in ContactRole::ALL {
            assert_eq!(ContactRole::from_key(role.key()), Some(role));
            assert_eq!(
                serde_json::to_value(role).unwrap(),
                serde_json::Value::from(role.key())
            );
        }
    }

    #[test]
    fn links_need_the_detail_they_use() {
        let mut contact = Contact {
            id: ContactId(1),
            name: "Sam".into(),
            role: ContactRole::Sponsor,
            phone: None,
            email: None,
            notes: None,
            call_order: 0,
        };
        assert_eq!(
            contact.link(ContactLinkKind::Call).unwrap_err().field,
            "how"
        );
        assert_eq!(
            contact.link(ContactLinkKind::Email).unwrap_err().field,
            "how"
        );
        contact.phone = Some("+44 7700 900123".into());
        contact.email = Some("sam@example.org".into());
        assert_eq!(
            contact.link(ContactLinkKind::Call).unwrap(),
            "tel:+447700900123"
        );
        assert_eq!(
            contact.link(ContactLinkKind::Email).unwrap(),
            "mailto:sam@example.org"
        );
    }

    proptest! {
        #[test]
        fn validation_never_panics(name in "(?s).{0,120}", phone in ".{0,40}", email in ".{0,40}") {
            let _ = NewContact {
                name, role: "peer".into(), phone: Some(phone), email: Some(email), notes: None,
            }.validate();
        }
    }
}
