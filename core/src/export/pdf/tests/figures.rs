//! The month's printed figures against the same figures worked out from the raw entries.

use chrono::{Datelike, Duration};

use super::fixture::{self, End};
use super::poppler::squash;
use super::{date, mean, month, render};

#[test]
fn a_month_prints_the_figures_worked_out_from_the_raw_entries() {
    let f = month();
    let file = render(&f);
    let layout = squash(&file.text());
    let n = f.cravings.len();
    let intensity = mean(
        &f.cravings
            .iter()
            .map(|c| f64::from(c.intensity))
            .collect::<Vec<_>>(),
    );
    let ended = |e: End| f.cravings.iter().filter(|c| c.end == e).count();
    let mood = mean(&f.moods.iter().map(|m| f64::from(m.1)).collect::<Vec<_>>());
    let done: Vec<_> = f.checkins.iter().flatten().collect();
    let attended: u32 = f.meetings.iter().map(|m| m.1).sum();
    let missed: u32 = f.meetings.iter().map(|m| m.2).sum();
    let recovery_days = (date(2026, 11, 30) - date(2026, 10, 2)).num_days();
    assert!(
        n > 20,
        "the fixture should look like a real month ({n} cravings)"
    );

    // The overview's two rows of tiles, read across.
    let passed = ended(End::Passed);
    assert!(layout.contains(&format!(
        "{recovery_days} {n} {intensity:.1} of 10 {passed} of {n}"
    )));
    assert!(layout.contains(&format!(
        "{mood:.1} of 10 {} of 30 days {attended} of {} 1",
        done.len(),
        attended + missed
    )));
    assert!(layout.contains(&format!(
        "{}% of the cravings logged",
        (passed as f64 * 100.0 / n as f64).round()
    )));

    // Full-width sentences.
    assert!(layout.contains(&format!(
        "{n} cravings logged, average intensity {intensity:.1} of 10."
    )));
    let mut ends = format!(
        "How they ended: passed without use {passed} · used {}",
        ended(End::Used)
    );
    if ended(End::Ongoing) > 0 {
        ends.push_str(&format!(
            " · still going when logged {}",
            ended(End::Ongoing)
        ));
    }
    if ended(End::Unrecorded) > 0 {
        ends.push_str(&format!(" · not recorded {}", ended(End::Unrecorded)));
    }
    assert!(layout.contains(&ends), "{ends}");
    assert!(layout.contains(&format!("Average of every mood check-in: {mood:.1} of 10")));
    let rating = mean(&done.iter().map(|(_, r)| f64::from(*r)).collect::<Vec<_>>());
    assert!(layout.contains(&format!(
        "Daily check-in done on {} of 30 days. Average rating of the day: {rating:.1} of 10.",
        done.len()
    )));
    let yes = done.iter().filter(|(a, _)| a[2] == Some(true)).count();
    let no = done.iter().filter(|(a, _)| a[2] == Some(false)).count();
    assert!(layout.contains(&format!(
        "Took medication as prescribed yes {yes} · no {no} ({}% yes)",
        (yes as f64 * 100.0 / (yes + no) as f64).round()
    )));
    assert!(layout.contains(&format!(
        "Attended {attended} and missed {missed} of the {} meetings marked either way.",
        attended + missed
    )));
    let lapse = date(2026, 11, 12).format("%a %-d %b %Y").to_string();
    assert!(layout.contains(&format!(
        "{lapse} Linked to: Payday, Old friend from the estate."
    )));
    assert!(layout.contains("If I get paid on a Friday, then I hand my card to my sister"));

    // Text beside a chart wraps inside its column: read it in drawing order (-raw).
    let raw = squash(&file.raw_text());
    let mut minutes: Vec<u32> = f.cravings.iter().filter_map(|c| c.minutes).collect();
    minutes.sort_unstable();
    let m = minutes.len();
    let median = if m % 2 == 1 {
        f64::from(minutes[m / 2])
    } else {
        f64::from(minutes[m / 2 - 1] + minutes[m / 2]) / 2.0
    };
    let median = if median.fract() == 0.0 {
        format!("{median}")
    } else {
        format!("{median:.1}")
    };
    assert!(raw.contains(&format!(
        "Half of the cravings with a recorded length were over within {median} minutes ({m} had a length recorded)."
    )));
    for (i, name) in fixture::TRIGGERS.iter().enumerate() {
        let count = f
            .cravings
            .iter()
            .filter(|c| c.triggers.contains(&i))
            .count();
        assert!(
            raw.contains(&format!("{name} {count} ")),
            "trigger {name} ({count})"
        );
    }
    let hungry = f.cravings.iter().filter(|c| c.halt[0]).count();
    let tired = f.cravings.iter().filter(|c| c.halt[3]).count();
    assert!(raw.contains(&format!("Hungry {hungry} ")));
    assert!(raw.contains(&format!("Tired {tired} ")));
    let mut cells = std::collections::BTreeMap::new();
    for c in &f.cravings {
        let weekday = (f.first + Duration::days(c.day as i64))
            .weekday()
            .num_days_from_monday();
        *cells.entry((weekday, c.hour)).or_insert(0u32) += 1;
    }
    let mut busiest: Vec<((u32, u8), u32)> = cells.into_iter().collect();
    busiest.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let ((weekday, hour), count) = busiest[0];
    let day_name = (date(2024, 1, 1) + Duration::days(i64::from(weekday))).format("%A");
    assert!(
        raw.contains(&format!(
            "Busiest hours: {day_name} {hour:02}:00–{:02}:00 ({count})",
            hour + 1
        )),
        "busiest hour"
    );
}
