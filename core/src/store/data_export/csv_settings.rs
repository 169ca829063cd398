//! The CSV files of the relapse-prevention plan (one item per row) and of the settings.

use super::csv_zip::{col, words, CsvFile, LIST_SEPARATOR};
use super::dump::Dump;
use crate::error::{Error, Result};
use crate::journal::content::journal_content;
use crate::plan::model::{PlanSection, RelapsePlan};
use crate::schedule::ReminderSettings;

/// The plan, one item per row, in the plan's own order.
pub(crate) fn plan(dump: &Dump) -> Result<CsvFile> {
    let columns = vec![
        col("section", "The part of the plan."),
        words("item", "One item, in your words."),
        words(
            "detail",
            "For warning signs, their kind and stage; for high-risk situations, your plan (then ...).",
        ),
    ];
    let mut rows = Vec::new();
    for r in dump.table("relapse_plan")?.rows() {
        let plan: RelapsePlan = r
            .text("body")
            .and_then(|b| serde_json::from_str(b).ok())
            .ok_or(Error::Internal("stored plan unreadable"))?;
        for section in PlanSection::ALL {
            let label = section.label().to_string();
            let simple = |items: &[String]| -> Vec<Vec<String>> {
                items
                    .iter()
                    .map(|i| vec![label.clone(), i.clone(), String::new()])
                    .collect()
            };
            match section {
                PlanSection::Reasons => rows.extend(simple(&plan.reasons)),
                PlanSection::WarningSigns => rows.extend(plan.warning_signs.iter().map(|s| {
                    vec![
                        label.clone(),
                        s.text.clone(),
                        format!("{}, {}", s.kind.label(), s.stage.label().to_lowercase()),
                    ]
                })),
                PlanSection::HighRiskSituations => rows.extend(
                    plan.high_risk_situations
                        .iter()
                        .map(|p| vec![label.clone(), p.situation.clone(), p.plan.clone()]),
                ),
                PlanSection::PeopleToCall => rows.extend(simple(&plan.people_to_call)),
                PlanSection::SafePlaces => rows.extend(simple(&plan.safe_places)),
                PlanSection::SafeActivities => rows.extend(simple(&plan.safe_activities)),
                PlanSection::Aftercare => rows.extend(simple(&plan.aftercare)),
            }
        }
    }
    Ok(CsvFile {
        key: "plan",
        about: "Your relapse-prevention plan, one item per row.",
        columns,
        rows,
    })
}

/// The label of `key` among the content file's (key, label) pairs.
fn content_label<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>, key: &str) -> String {
    pairs
        .into_iter()
        .find(|(k, _)| *k == key)
        .map_or_else(|| key.to_string(), |(_, l)| l.to_string())
}

/// The profile and reminder settings, one per row.
pub(crate) fn settings(dump: &Dump) -> Result<CsvFile> {
    let columns = vec![
        col("setting", "What the setting is."),
        words("value", "Its value."),
    ];
    let content = journal_content();
    let mut rows = Vec::new();
    for r in dump.table("profile_setting")?.rows() {
        let (Some(key), Some(value)) = (r.text("key"), r.text("value")) else {
            continue;
        };
        let shown = match key {
            "recovery_start" => value.to_string(),
            "region" => content_label(
                content
                    .region
                    .iter()
                    .map(|x| (x.key.as_str(), x.label.as_str())),
                value,
            ),
            "medication" => content_label(
                content
                    .medication
                    .iter()
                    .map(|x| (x.key.as_str(), x.label.as_str())),
                value,
            ),
            // Waymark's own bookkeeping, not something the person set.
            _ => continue,
        };
        rows.push(vec![key.to_string(), shown]);
    }
    for r in dump.table("reminder_state")?.rows() {
        let Some(settings) = r
            .text("settings")
            .and_then(|s| serde_json::from_str::<ReminderSettings>(s).ok())
        else {
            continue;
        };
        rows.push(vec![
            "checkin_reminder".to_string(),
            settings.checkin_time.unwrap_or_else(|| "off".to_string()),
        ]);
        let medication: Vec<String> = settings
            .medication
            .iter()
            .map(|m| match &m.label {
                Some(label) => format!("{} {label}", m.time),
                None => m.time.clone(),
            })
            .collect();
        rows.push(vec![
            "medication_reminders".to_string(),
            medication.join(LIST_SEPARATOR),
        ]);
        let style = serde_json::to_value(settings.style)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        rows.push(vec!["notification_style".to_string(), style]);
    }
    Ok(CsvFile {
        key: "settings",
        about: "Your profile and reminder settings: recovery_start (the day your recovery time \
                counts from), region, medication, checkin_reminder, medication_reminders and \
                notification_style.",
        columns,
        rows,
    })
}
