//! Which command-line flag sets each core input field, so error messages can name it.

/// The command an error came from, where the same field is set by different flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Anything without special wording.
    General,
    /// `craving add|edit`: triggers come from `--trigger` or `--new-trigger`.
    Craving,
    /// `checkin add|edit`: the answers are the yes/no flags.
    Checkin,
    /// `lapse add|edit`: triggers come from `--trigger` only.
    Lapse,
    /// `trigger delete|archive|merge`: the id is the first argument.
    Trigger,
    /// `strategy ...`: the id is the first argument.
    Strategy,
    /// `contact ...`: the id is the first argument.
    Contact,
    /// `plan edit`: every field comes from `--file`.
    Plan,
}

/// The flag that sets a core input field (camelCase, as core names it), for error messages.
pub fn flag_for_field(field: &str) -> &'static str {
    match field {
        "intensity" => "--intensity",
        "occurredAt" => "--at",
        "durationMinutes" => "--duration",
        "triggers" => "--trigger",
        "place" => "--where",
        "withWhom" => "--with",
        "activity" => "--doing",
        "coping" => "--coped",
        "outcome" => "--outcome",
        "intensityAfter" => "--after",
        "note" => "--note",
        "mood" => "--mood",
        "feelings" => "--feeling",
        "date" => "--date",
        "body" => "--text",
        "wentWell" => "--went-well",
        "tags" => "--tag",
        "answers" => "--answer",
        "dayRating" => "--day",
        "weekOf" => "--week-of",
        "situation" => "--situation",
        "learned" => "--learned",
        "nextTime" => "--next-time",
        "restartsCounter" => "--restart-counter",
        "name" => "--name",
        "category" => "--category",
        "into" => "--into",
        "id" => "ID",
        "query" => "TEXT",
        "from" => "--from",
        "to" => "--to",
        "recoveryStart" => "DATE",
        "region" => "--region",
        "medication" => "--medication",
        "recoveryKey" => "--recovery-key",
        "newPassphrase" => "new passphrase",
        "passphrase" => "passphrase",
        "title" => "--title",
        "summary" => "--summary",
        "steps" => "--step",
        "role" => "--role",
        "phone" => "--phone",
        "email" => "--email",
        "notes" => "--notes",
        "sections" => "--sections",
        "file" => "FILE",
        _ => "input",
    }
}

/// [`flag_for_field`], with the wording of the command that failed.
pub fn flag_for(context: Context, field: &str) -> &'static str {
    match (context, field) {
        (Context::Craving, "triggers") => "--trigger or --new-trigger",
        (Context::Checkin, "answers") => {
            "--slept, --ate, --medication, --support, --contacted, --activity, --risky, --used, \
             --day or --note"
        }
        (Context::Trigger, "id") => "trigger ID",
        (Context::Strategy, "id") => "strategy ID",
        (Context::Contact, "id") => "contact ID",
        (Context::Plan, field) => plan_flag(field),
        _ => flag_for_field(field),
    }
}

/// `--file` and the plan section at fault, as `plan show --json` spells it.
fn plan_flag(field: &str) -> &'static str {
    match field {
        "reasons" => "--file: reasons",
        "warningSigns" => "--file: warningSigns",
        "highRiskSituations" => "--file: highRiskSituations",
        "peopleToCall" => "--file: peopleToCall",
        "safePlaces" => "--file: safePlaces",
        "safeActivities" => "--file: safeActivities",
        "aftercare" => "--file: aftercare",
        _ => "--file",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_core_field_has_a_flag() {
        for field in [
            "intensity",
            "occurredAt",
            "durationMinutes",
            "triggers",
            "place",
            "withWhom",
            "activity",
            "coping",
            "intensityAfter",
            "note",
            "mood",
            "feelings",
            "date",
            "body",
            "wentWell",
            "tags",
            "answers",
            "dayRating",
            "weekOf",
            "situation",
            "learned",
            "nextTime",
            "name",
            "category",
            "into",
            "id",
            "query",
            "from",
            "to",
            "recoveryStart",
            "region",
            "medication",
            "title",
            "summary",
            "steps",
            "role",
            "phone",
            "email",
            "notes",
        ] {
            assert_ne!(flag_for_field(field), "input", "{field}");
        }
        assert_eq!(
            flag_for(Context::Craving, "triggers"),
            "--trigger or --new-trigger"
        );
        assert_eq!(flag_for(Context::Lapse, "triggers"), "--trigger");
        assert_eq!(flag_for(Context::Plan, "safePlaces"), "--file: safePlaces");
        assert_eq!(flag_for(Context::Contact, "phone"), "--phone");
    }
}
