//! The relapse-prevention plan's shape: its sections, warning signs and if-then plans.

use serde::{Deserialize, Serialize};
use specta::Type;

/// The longest single text anywhere in the plan, in characters.
pub const PLAN_TEXT_MAX_CHARS: usize = 500;
/// The most items any one list of the plan may hold.
pub const PLAN_LIST_MAX_ITEMS: usize = 50;

/// What a warning sign is: something felt, thought or done.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum WarningSignKind {
    /// A feeling, e.g. restless or low.
    Feelings,
    /// A thought, e.g. "one time won't hurt".
    Thoughts,
    /// Something the person does, e.g. skipping meetings.
    Behaviour,
}

impl WarningSignKind {
    /// Every kind, in the order the plan shows them.
    pub const ALL: [WarningSignKind; 3] = [
        WarningSignKind::Feelings,
        WarningSignKind::Thoughts,
        WarningSignKind::Behaviour,
    ];

    /// The name shown to the person.
    pub fn label(self) -> &'static str {
        match self {
            WarningSignKind::Feelings => "Feelings",
            WarningSignKind::Thoughts => "Thoughts",
            WarningSignKind::Behaviour => "Behaviour",
        }
    }
}

/// How far along a warning sign usually shows: early signs leave the most room to act.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum WarningSignStage {
    /// Early: the first small changes.
    Early,
    /// Middle: things are building.
    Middle,
    /// Late: close to using.
    Late,
}

impl WarningSignStage {
    /// Every stage, earliest first.
    pub const ALL: [WarningSignStage; 3] = [
        WarningSignStage::Early,
        WarningSignStage::Middle,
        WarningSignStage::Late,
    ];

    /// The name shown to the person.
    pub fn label(self) -> &'static str {
        match self {
            WarningSignStage::Early => "Early signs",
            WarningSignStage::Middle => "Middle signs",
            WarningSignStage::Late => "Late signs",
        }
    }
}

/// One warning sign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct WarningSign {
    /// Felt, thought or done.
    pub kind: WarningSignKind,
    /// Early, middle or late.
    pub stage: WarningSignStage,
    /// The sign in the person's words.
    pub text: String,
}

/// A high-risk situation with what the person will do if it comes up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct IfThenPlan {
    /// The situation: "If ...".
    pub situation: String,
    /// The plan: "then ...".
    pub plan: String,
}

/// The relapse-prevention plan: one per vault, editable any time. Used both as the input to
/// save (validated by [`RelapsePlan::validate`]) and as what is read back, so every field is
/// required in both directions. It is stored as this struct's JSON: a field added later must
/// carry `#[serde(default)]` so that plans saved before it still read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RelapsePlan {
    /// Reasons for recovery.
    pub reasons: Vec<String>,
    /// Warning signs, each with its kind and stage.
    pub warning_signs: Vec<WarningSign>,
    /// High-risk situations, each with an if-then plan.
    pub high_risk_situations: Vec<IfThenPlan>,
    /// People to call, as free lines (the contacts list is separate).
    pub people_to_call: Vec<String>,
    /// Safe places to go.
    pub safe_places: Vec<String>,
    /// Safe things to do.
    pub safe_activities: Vec<String>,
    /// Aftercare commitments: meetings, therapy, medication as prescribed.
    pub aftercare: Vec<String>,
}

impl RelapsePlan {
    /// Whether nothing has been written in any section.
    pub fn is_empty(&self) -> bool {
        self == &RelapsePlan::default()
    }
}

/// The plan as stored, with when it was last saved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StoredPlan {
    /// The plan; empty when none was saved yet.
    pub plan: RelapsePlan,
    /// When it was last saved, RFC 3339 UTC; `None` when never.
    pub updated_at: Option<String>,
}

/// The plan's sections, keyed as in `core/content/plan.toml`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum PlanSection {
    /// [`RelapsePlan::reasons`].
    Reasons,
    /// [`RelapsePlan::warning_signs`].
    WarningSigns,
    /// [`RelapsePlan::high_risk_situations`].
    HighRiskSituations,
    /// [`RelapsePlan::people_to_call`].
    PeopleToCall,
    /// [`RelapsePlan::safe_places`].
    SafePlaces,
    /// [`RelapsePlan::safe_activities`].
    SafeActivities,
    /// [`RelapsePlan::aftercare`].
    Aftercare,
}

impl PlanSection {
    /// Every section, in the order the plan shows them.
    pub const ALL: [PlanSection; 7] = [
        PlanSection::Reasons,
        PlanSection::WarningSigns,
        PlanSection::HighRiskSituations,
        PlanSection::PeopleToCall,
        PlanSection::SafePlaces,
        PlanSection::SafeActivities,
        PlanSection::Aftercare,
    ];

    /// The heading shown to the person.
    pub fn label(self) -> &'static str {
        match self {
            PlanSection::Reasons => "My reasons for recovery",
            PlanSection::WarningSigns => "Warning signs",
            PlanSection::HighRiskSituations => "High-risk situations and my plans",
            PlanSection::PeopleToCall => "People I can call",
            PlanSection::SafePlaces => "Safe places",
            PlanSection::SafeActivities => "Safe things to do",
            PlanSection::Aftercare => "My aftercare commitments",
        }
    }
}
