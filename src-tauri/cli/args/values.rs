//! The fixed choices flags accept, and small value parsers.

use clap::ValueEnum;
use waymark_core::journal::content::TriggerCategory;
use waymark_core::journal::{CravingOutcome, EntryKind};
use waymark_core::library::StrategyCategory;
use waymark_core::support::ContactRole;

/// How a craving ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutcomeArg {
    /// It passed without using
    Passed,
    /// You used
    Used,
    /// It is still going
    Ongoing,
}

impl From<OutcomeArg> for CravingOutcome {
    fn from(o: OutcomeArg) -> Self {
        match o {
            OutcomeArg::Passed => CravingOutcome::Passed,
            OutcomeArg::Used => CravingOutcome::Used,
            OutcomeArg::Ongoing => CravingOutcome::Ongoing,
        }
    }
}

/// Hungry, angry, lonely, tired; `none` clears them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HaltArg {
    /// Hungry
    Hungry,
    /// Angry
    Angry,
    /// Lonely
    Lonely,
    /// Tired
    Tired,
    /// None of them (clears the list when editing)
    None,
}

/// A yes/no answer; `skip` leaves it unanswered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum YesNo {
    /// Yes
    Yes,
    /// No
    No,
    /// Not answered (clears an answer when editing)
    Skip,
}

impl YesNo {
    /// The stored answer.
    pub fn answer(self) -> Option<bool> {
        match self {
            YesNo::Yes => Some(true),
            YesNo::No => Some(false),
            YesNo::Skip => None,
        }
    }
}

/// A trigger category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum CategoryArg {
    /// Someone, or a kind of company
    People,
    /// Somewhere
    Places,
    /// An emotion or state of mind
    Feelings,
    /// Something physical: pain, withdrawal, tiredness
    BodyStates,
    /// A time, an occasion or a circumstance
    TimesAndSituations,
    /// An object or substance
    Things,
}

impl From<CategoryArg> for TriggerCategory {
    fn from(c: CategoryArg) -> Self {
        match c {
            CategoryArg::People => TriggerCategory::People,
            CategoryArg::Places => TriggerCategory::Places,
            CategoryArg::Feelings => TriggerCategory::Feelings,
            CategoryArg::BodyStates => TriggerCategory::BodyStates,
            CategoryArg::TimesAndSituations => TriggerCategory::TimesAndSituations,
            CategoryArg::Things => TriggerCategory::Things,
        }
    }
}

/// A kind of entry, for `timeline --kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// Cravings
    Craving,
    /// Mood check-ins
    Mood,
    /// Journal entries
    Journal,
    /// Daily check-ins
    Checkin,
    /// Weekly reviews
    Review,
    /// Lapses
    Lapse,
}

impl From<KindArg> for EntryKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Craving => EntryKind::Craving,
            KindArg::Mood => EntryKind::Mood,
            KindArg::Journal => EntryKind::Journal,
            KindArg::Checkin => EntryKind::Checkin,
            KindArg::Review => EntryKind::Review,
            KindArg::Lapse => EntryKind::Lapse,
        }
    }
}

/// Where you are, for the emergency number on the safety card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RegionArg {
    /// United Kingdom
    Uk,
    /// United States
    Us,
    /// Somewhere else
    Other,
}

impl RegionArg {
    /// The key core stores.
    pub fn key(self) -> &'static str {
        match self {
            RegionArg::Uk => "uk",
            RegionArg::Us => "us",
            RegionArg::Other => "other",
        }
    }
}

/// A medication for opioid recovery (names only, never doses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MedicationArg {
    /// Methadone
    Methadone,
    /// Buprenorphine
    Buprenorphine,
    /// Naltrexone
    Naltrexone,
    /// Something else
    Other,
    /// None
    None,
}

impl MedicationArg {
    /// The key core stores; `None` for no medication.
    pub fn key(self) -> Option<&'static str> {
        match self {
            MedicationArg::Methadone => Some("methadone"),
            MedicationArg::Buprenorphine => Some("buprenorphine"),
            MedicationArg::Naltrexone => Some("naltrexone"),
            MedicationArg::Other => Some("other"),
            MedicationArg::None => None,
        }
    }
}

/// One `--answer KEY=N` of a weekly review; `KEY=` (no number) removes that answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The question key.
    pub key: String,
    /// The answer, or `None` to remove it.
    pub value: Option<i32>,
}

/// Parses `KEY=N`. Messages never repeat what was typed.
pub fn parse_answer(text: &str) -> Result<Answer, String> {
    let (key, value) = text
        .split_once('=')
        .ok_or_else(|| "write it as KEY=NUMBER, like days_support=3".to_string())?;
    let key = key.trim();
    if key.is_empty() {
        return Err("the question key is missing; see `waymark review questions`".to_string());
    }
    let value = match value.trim() {
        "" => None,
        number => Some(
            number
                .parse::<i32>()
                .map_err(|_| "the answer must be a whole number".to_string())?,
        ),
    };
    Ok(Answer {
        key: key.to_string(),
        value,
    })
}

/// A coping strategy's category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum StrategyCategoryArg {
    /// Something to do right now, while the craving is here
    InTheMoment,
    /// Habits that make cravings rarer
    DailyHabits,
    /// Reaching out to people
    Connection,
    /// Services and professionals
    ProfessionalHelp,
    /// Sleep, food, movement, medication
    BodyAndHealth,
}

impl From<StrategyCategoryArg> for StrategyCategory {
    fn from(c: StrategyCategoryArg) -> Self {
        match c {
            StrategyCategoryArg::InTheMoment => StrategyCategory::InTheMoment,
            StrategyCategoryArg::DailyHabits => StrategyCategory::DailyHabits,
            StrategyCategoryArg::Connection => StrategyCategory::Connection,
            StrategyCategoryArg::ProfessionalHelp => StrategyCategory::ProfessionalHelp,
            StrategyCategoryArg::BodyAndHealth => StrategyCategory::BodyAndHealth,
        }
    }
}

/// Who someone in your support network is to you.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ContactRoleArg {
    /// Sponsor
    Sponsor,
    /// Counsellor
    Counsellor,
    /// Keyworker
    Keyworker,
    /// GP or doctor
    Gp,
    /// Family
    Family,
    /// Friend
    Friend,
    /// Peer in recovery
    Peer,
    /// A group
    Group,
    /// Someone else
    Other,
}

impl From<ContactRoleArg> for ContactRole {
    fn from(r: ContactRoleArg) -> Self {
        match r {
            ContactRoleArg::Sponsor => ContactRole::Sponsor,
            ContactRoleArg::Counsellor => ContactRole::Counsellor,
            ContactRoleArg::Keyworker => ContactRole::Keyworker,
            ContactRoleArg::Gp => ContactRole::Gp,
            ContactRoleArg::Family => ContactRole::Family,
            ContactRoleArg::Friend => ContactRole::Friend,
            ContactRoleArg::Peer => ContactRole::Peer,
            ContactRoleArg::Group => ContactRole::Group,
            ContactRoleArg::Other => ContactRole::Other,
        }
    }
}

/// A region Waymark has helplines for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HelplineRegionArg {
    /// United Kingdom
    Uk,
    /// United States
    Us,
}

impl HelplineRegionArg {
    /// The region key of the built-in helplines.
    pub fn key(self) -> &'static str {
        match self {
            HelplineRegionArg::Uk => "uk",
            HelplineRegionArg::Us => "us",
        }
    }
}
