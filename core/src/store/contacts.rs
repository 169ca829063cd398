//! The support network: contacts and the order the person would call them in.

use rusqlite::{params, Row};

use super::rows::found;
use super::Store;
use crate::error::{Error, Result, ValidationError};
use crate::journal::Clock;
use crate::support::contact::ValidContact;
use crate::support::{Contact, ContactId, ContactLinkKind, ContactRole, NewContact};

/// What a missing contact is called in errors.
const WHAT: &str = "contact";

const CONTACT_SELECT: &str =
    "SELECT id, name, role, phone, email, notes, call_order FROM support_contact";

fn contact_from_row(row: &Row<'_>) -> rusqlite::Result<Result<Contact>> {
    let role: String = row.get(2)?;
    let Some(role) = ContactRole::from_key(&role) else {
        return Ok(Err(Error::Internal("stored contact role unknown")));
    };
    Ok(Ok(Contact {
        id: ContactId(row.get(0)?),
        name: row.get(1)?,
        role,
        phone: row.get(3)?,
        email: row.get(4)?,
        notes: row.get(5)?,
        call_order: row.get(6)?,
    }))
}

impl Store {
    /// One contact.
    pub fn contact(&self, id: ContactId) -> Result<Contact> {
        let sql = format!("{CONTACT_SELECT} WHERE id = ?1");
        found(
            self.conn
                .prepare_cached(&sql)?
                .query_row([id.0], contact_from_row),
            WHAT,
        )?
    }

    /// Every contact, in "who I call first" order.
    pub fn list_contacts(&self) -> Result<Vec<Contact>> {
        let sql = format!("{CONTACT_SELECT} ORDER BY call_order, id");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], contact_from_row)?;
        rows.map(|r| r?).collect()
    }

    /// Adds a contact at the end of the call order; nothing is written on rejection.
    pub fn add_contact(&self, input: &NewContact, clock: &dyn Clock) -> Result<Contact> {
        let v: ValidContact = input.validate()?;
        let tx = self.conn.unchecked_transaction()?;
        self.conn.execute(
            "INSERT INTO support_contact (name, role, phone, email, notes, call_order, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, \
                     (SELECT coalesce(max(call_order) + 1, 0) FROM support_contact), ?6)",
            params![
                v.name,
                v.role.key(),
                v.phone,
                v.email,
                v.notes,
                clock.now().timestamp_millis()
            ],
        )?;
        let id = ContactId(self.conn.last_insert_rowid());
        tx.commit()?;
        self.contact(id)
    }

    /// Replaces a contact's details; their place in the call order stays.
    pub fn update_contact(
        &self,
        id: ContactId,
        input: &NewContact,
        clock: &dyn Clock,
    ) -> Result<Contact> {
        self.contact(id)?;
        let v = input.validate()?;
        self.conn.execute(
            "UPDATE support_contact SET name = ?2, role = ?3, phone = ?4, email = ?5, notes = ?6, \
             updated_at = ?7 WHERE id = ?1",
            params![
                id.0,
                v.name,
                v.role.key(),
                v.phone,
                v.email,
                v.notes,
                clock.now().timestamp_millis()
            ],
        )?;
        self.contact(id)
    }

    /// Deletes a contact; those after them move up.
    pub fn delete_contact(&self, id: ContactId) -> Result<()> {
        let tx = self.conn.unchecked_transaction()?;
        let changed = self
            .conn
            .execute("DELETE FROM support_contact WHERE id = ?1", [id.0])?;
        if changed == 0 {
            return Err(Error::NotFound(WHAT));
        }
        self.renumber_contacts()?;
        tx.commit()?;
        Ok(())
    }

    /// Sets the call order: `ids` must name every contact exactly once, first to call first.
    /// Anything else is refused (field `ids`) and nothing changes.
    pub fn reorder_contacts(&self, ids: &[ContactId]) -> Result<Vec<Contact>> {
        let tx = self.conn.unchecked_transaction()?;
        let mut current: Vec<ContactId> = self.list_contacts()?.iter().map(|c| c.id).collect();
        let mut given = ids.to_vec();
        current.sort();
        given.sort();
        if current != given {
            return Err(Error::Invalid(ValidationError::new(
                "ids",
                "The new order must list every contact exactly once; reload and try again.",
            )));
        }
        let mut set = self
            .conn
            .prepare_cached("UPDATE support_contact SET call_order = ?2 WHERE id = ?1")?;
        for (position, id) in ids.iter().enumerate() {
            set.execute([id.0, position as i64])?;
        }
        tx.commit()?;
        self.list_contacts()
    }

    /// Closes the gaps in the call order, keeping its sequence.
    fn renumber_contacts(&self) -> Result<()> {
        let ids: Vec<ContactId> = self.list_contacts()?.iter().map(|c| c.id).collect();
        let mut set = self
            .conn
            .prepare_cached("UPDATE support_contact SET call_order = ?2 WHERE id = ?1")?;
        for (position, id) in ids.iter().enumerate() {
            set.execute([id.0, position as i64])?;
        }
        Ok(())
    }

    /// The `tel:` or `mailto:` link for a stored contact, built only from what is stored. A
    /// contact without that detail is refused (field `how`).
    pub fn contact_link(&self, id: ContactId, how: ContactLinkKind) -> Result<String> {
        Ok(self.contact(id)?.link(how)?)
    }
}
