//! Turns one valid set of command arguments into many invalid ones, one change at a time.

use serde_json::{json, Value};

/// One step into a JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// Where a value sits in the arguments, as `input.triggerIds[0]`.
pub type Path = Vec<Step>;

/// Prints a path without any value, for failure messages.
pub fn show(path: &Path) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) if out.is_empty() => out.push_str(k),
            Step::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// The last key on the path (array indexes skipped), which names the field.
pub fn field(path: &Path) -> Option<&str> {
    path.iter().rev().find_map(|s| match s {
        Step::Key(k) => Some(k.as_str()),
        Step::Index(_) => None,
    })
}

/// Whether the path ends in an array element.
pub fn in_list(path: &Path) -> bool {
    matches!(path.last(), Some(Step::Index(_)))
}

/// Every path in `value` (containers included), parents before children.
pub fn paths(value: &Value) -> Vec<Path> {
    fn walk(value: &Value, here: &mut Path, out: &mut Vec<Path>) {
        if !here.is_empty() {
            out.push(here.clone());
        }
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    here.push(Step::Key(k.clone()));
                    walk(v, here, out);
                    here.pop();
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    here.push(Step::Index(i));
                    walk(v, here, out);
                    here.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, &mut Vec::new(), &mut out);
    out
}

/// The value at `path`.
pub fn get<'a>(value: &'a Value, path: &Path) -> &'a Value {
    path.iter().fold(value, |v, step| match step {
        Step::Key(k) => &v[k.as_str()],
        Step::Index(i) => &v[*i],
    })
}

/// A copy of `value` with the value at `path` replaced.
pub fn with(value: &Value, path: &Path, new: Value) -> Value {
    let mut out = value.clone();
    let mut here = &mut out;
    for step in path {
        here = match step {
            Step::Key(k) => &mut here[k.as_str()],
            Step::Index(i) => &mut here[*i],
        };
    }
    *here = new;
    out
}

/// A copy of `value` with the object key at `path` removed.
pub fn without(value: &Value, path: &Path) -> Value {
    let mut out = value.clone();
    let (last, parent) = path.split_last().expect("non-empty path");
    let mut here = &mut out;
    for step in parent {
        here = match step {
            Step::Key(k) => &mut here[k.as_str()],
            Step::Index(i) => &mut here[*i],
        };
    }
    if let (Step::Key(k), Value::Object(map)) = (last, here) {
        map.remove(k);
    }
    out
}

/// A value of another JSON type than `v`, none of which any field accepts in place of it.
pub fn wrong_types(v: &Value) -> Vec<(&'static str, Value)> {
    match v {
        Value::String(_) => vec![
            ("number for text", json!(12345)),
            ("bool for text", json!(true)),
            ("object for text", json!({})),
            ("list for text", json!(["a"])),
        ],
        Value::Number(_) => vec![
            ("text for number", json!("12")),
            ("bool for number", json!(true)),
            ("list for number", json!([1])),
            ("object for number", json!({})),
        ],
        Value::Bool(_) => vec![
            ("text for bool", json!("true")),
            ("number for bool", json!(1)),
            ("list for bool", json!([true])),
        ],
        Value::Array(_) => vec![
            ("text for list", json!("a,b")),
            ("object for list", json!({})),
            ("number for list", json!(3)),
        ],
        Value::Object(_) => vec![
            ("text for object", json!("x")),
            // Not `[]`: serde reads a struct from a list, and an empty one is a struct of defaults.
            ("list for object", json!([12345, "x", {}])),
            ("number for object", json!(1)),
        ],
        Value::Null => vec![],
    }
}

/// Numbers no field takes: negative, past 2^53, fractional, huge, and the texts JSON has
/// instead of NaN and infinity. Integer fields are u32/i32/i64 ids; none accepts these.
pub fn bad_numbers() -> Vec<(&'static str, Value)> {
    vec![
        ("negative", json!(-1)),
        ("most negative i64", json!(i64::MIN)),
        ("2^53", json!(9_007_199_254_740_992_u64)),
        ("u64 max", json!(u64::MAX)),
        ("fraction", json!(1.5)),
        ("1e300", json!(1e300)),
        ("NaN text", json!("NaN")),
        ("infinity text", json!("Infinity")),
    ]
}

/// Dates no field takes: year zero, the far future, chrono's limits and beyond, a day that does
/// not exist, a different format.
pub fn far_dates() -> Vec<(&'static str, Value)> {
    vec![
        ("year 0", json!("0000-01-01")),
        ("far future instant", json!("9999-12-31T23:59:59Z")),
        ("before chrono's range", json!("-262145-01-01")),
        ("chrono's earliest", json!("-262143-01-01")),
        ("chrono's latest", json!("+262142-12-31")),
        ("after chrono's range", json!("+262144-12-31")),
        ("30 February", json!("2025-02-30")),
        ("day first", json!("31/12/2025")),
        ("hour 25", json!("2025-06-01T25:00")),
    ]
}

/// Texts no field takes: too long for every limit, and with control characters. `marker` is
/// put inside so a message that echoes the input can be caught.
pub fn bad_texts(marker: &str) -> Vec<(&'static str, String)> {
    let huge = format!("{marker}{}", "é".repeat(1 << 20));
    vec![
        ("2 MB text", huge),
        ("NUL", format!("{marker}\u{0}after")),
        ("escape sequence", format!("\u{1b}[31m{marker}")),
        ("bell and backspace", format!("{marker}\u{7}\u{8}")),
        ("delete", format!("{marker}\u{7f}")),
        ("C1 control", format!("{marker}\u{85}\u{9b}")),
    ]
}

/// Lists far longer than any limit: 10 000 distinct items made from the first one.
pub fn oversized_list(items: &[Value]) -> Option<Value> {
    let first = items.first()?;
    let list = (0..10_000)
        .map(|i| match first {
            Value::String(s) => json!(format!("{s}{i}")),
            Value::Number(n) => json!(n.as_i64().unwrap_or(1) + i),
            other => other.clone(),
        })
        .collect();
    Some(Value::Array(list))
}

/// Arguments that are not an object at all.
pub fn not_objects() -> Vec<(&'static str, Value)> {
    vec![
        ("args as list", json!([1, 2])),
        ("args as text", json!("x")),
        ("args as null", Value::Null),
    ]
}

/// Whether text looks like a day (`YYYY-MM-DD...`) or a clock time (`HH:MM`), so date
/// mutations apply to it.
pub fn looks_like_date(v: &Value) -> bool {
    let Some(b) = v.as_str().map(str::as_bytes) else {
        return false;
    };
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    (digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7))
        || (b.len() == 5 && digits(0..2) && b[2] == b':' && digits(3..5))
}

/// Whether the path passes through a list: blank items there are dropped, which is valid.
pub fn inside_list(path: &Path) -> bool {
    path.iter().any(|s| matches!(s, Step::Index(_)))
}
