//! The relapse-prevention plan: reasons for recovery, warning signs, high-risk situations with
//! if-then plans, people to call, safe places and activities, and aftercare commitments; its
//! validation, its guided prompts, and its Markdown export.

pub mod export;
pub mod markdown;
pub mod model;
pub mod prompts;
pub mod validate;

pub use export::write_plan_markdown;
pub use model::{
    IfThenPlan, PlanSection, RelapsePlan, StoredPlan, WarningSign, WarningSignKind,
    WarningSignStage, PLAN_LIST_MAX_ITEMS, PLAN_TEXT_MAX_CHARS,
};
pub use prompts::{plan_prompts, PlanPrompt, PlanPrompts};
