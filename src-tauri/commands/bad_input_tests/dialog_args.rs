//! The commands that open a file dialog cannot run headless. What they do with their arguments
//! before the dialog is checked here the way tauri would: serde reads the JSON into the
//! command's argument types, then the same core call the command makes runs on it.

use serde_json::{json, Value};
use waymark_core::export::{export_bytes, ExportFormat, SummaryRequest};
use waymark_core::journal::SystemClock;

use super::harness::Harness;
use super::mutate::far_dates;
use super::MARKER;

/// `export_data(request, format)`: every bad request is refused before any dialog would open,
/// with the field named and the input not repeated.
#[test]
fn export_data_refuses_bad_requests_before_its_dialog() {
    let h = Harness::new();
    let request = |from: Value, to: Value| json!({"range": {"from": from, "to": to}, "sections": ["overview"], "includeNotes": false});
    let mut bad: Vec<Value> = far_dates()
        .into_iter()
        .flat_map(|(_, d)| {
            [
                request(d.clone(), json!("2025-06-30")),
                request(json!("2025-06-01"), d),
            ]
        })
        .collect();
    bad.push(request(json!("2025-06-30"), json!("2025-06-01")));
    bad.push(request(json!(""), json!("")));
    bad.push(request(
        json!(format!("{MARKER}\u{0}")),
        json!("2025-06-30"),
    ));
    bad.push(request(json!(MARKER.repeat(100_000)), json!("2025-06-30")));
    for format in ["pdf", "csv", "json"] {
        let format: ExportFormat = serde_json::from_value(json!(format)).unwrap();
        for args in &bad {
            let request: SummaryRequest = serde_json::from_value(args.clone()).unwrap();
            let state = h.state();
            let session = state.session();
            let store = session.store().unwrap();
            let e = export_bytes(store, &request, format, &SystemClock)
                .expect_err("a bad range is refused");
            assert_eq!(
                e.code(),
                waymark_core::ErrorCode::InvalidInput,
                "{format:?}"
            );
            assert!(e.field().is_some(), "{format:?}: no field");
            assert!(
                !e.to_string().contains(MARKER),
                "{format:?}: message repeats input"
            );
        }
    }
    for wrong in [
        json!("docx"),
        json!(""),
        json!(1),
        json!(null),
        json!(MARKER),
    ] {
        assert!(serde_json::from_value::<ExportFormat>(wrong).is_err());
    }
    for wrong in [
        json!({"range": {"from": "2025-06-01"}, "sections": [], "includeNotes": false}),
        json!({"range": {"from": "2025-06-01", "to": "2025-06-30"}, "sections": ["secrets"], "includeNotes": false}),
        json!({"range": {"from": "2025-06-01", "to": "2025-06-30"}, "sections": [], "includeNotes": "yes"}),
        json!([]),
    ] {
        assert!(serde_json::from_value::<SummaryRequest>(wrong).is_err());
    }
}
