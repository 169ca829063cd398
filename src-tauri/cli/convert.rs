//! Stored entries back into the inputs that would save them unchanged, so `edit` can change
//! only the flags given and pass the rest through as they are.

use waymark_core::journal::{
    Checkin, Craving, JournalEntry, Lapse, Mood, NewCheckin, NewCraving, NewJournalEntry, NewLapse,
    NewMood, NewReview, NewTrigger, Review, Trigger,
};

/// The input that saves `c` as it is.
pub fn craving_input(c: &Craving) -> NewCraving {
    NewCraving {
        intensity: i32::from(c.intensity),
        occurred_at: Some(c.occurred_at.clone()),
        duration_minutes: c.duration_minutes.map(i32::from),
        trigger_ids: c.triggers.iter().map(|t| t.id).collect(),
        new_triggers: Vec::new(),
        halt: c.halt,
        place: c.place.clone(),
        with_whom: c.with_whom.clone(),
        activity: c.activity.clone(),
        coping: c.coping.clone(),
        outcome: c.outcome,
        intensity_after: c.intensity_after.map(i32::from),
        note: c.note.clone(),
    }
}

/// The input that saves `m` as it is.
pub fn mood_input(m: &Mood) -> NewMood {
    NewMood {
        mood: i32::from(m.mood),
        occurred_at: Some(m.occurred_at.clone()),
        feelings: m.feelings.clone(),
        note: m.note.clone(),
    }
}

/// The input that saves `j` as it is.
pub fn journal_input(j: &JournalEntry) -> NewJournalEntry {
    NewJournalEntry {
        date: Some(j.date.clone()),
        body: j.body.clone(),
        went_well: j.went_well.clone(),
        tags: j.tags.clone(),
    }
}

/// The input that saves `c` as it is.
pub fn checkin_input(c: &Checkin) -> NewCheckin {
    NewCheckin {
        date: Some(c.date.clone()),
        answers: c.answers,
        day_rating: c.day_rating.map(i32::from),
        note: c.note.clone(),
    }
}

/// The input that saves `r` as it is.
pub fn review_input(r: &Review) -> NewReview {
    NewReview {
        week_of: Some(r.week_start.clone()),
        answers: r
            .answers
            .iter()
            .map(|(k, v)| (k.clone(), i32::from(*v)))
            .collect(),
        note: r.note.clone(),
    }
}

/// The input that saves `l` as it is.
pub fn lapse_input(l: &Lapse) -> NewLapse {
    NewLapse {
        occurred_at: Some(l.occurred_at.clone()),
        trigger_ids: l.triggers.iter().map(|t| t.id).collect(),
        feelings: l.feelings.clone(),
        situation: l.situation.clone(),
        learned: l.learned.clone(),
        next_time: l.next_time.clone(),
        restarts_counter: l.restarts_counter,
    }
}

/// The input that saves `t`'s name and category as they are.
pub fn trigger_input(t: &Trigger) -> NewTrigger {
    NewTrigger {
        name: t.name.clone(),
        category: t.category.key().to_string(),
    }
}
