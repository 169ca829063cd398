//! The bad invocations of every subcommand, with the exit codes they must give.

use std::collections::BTreeMap;

use super::common::Journal;

/// Put inside bad text, so a message that repeats the input is caught.
pub const MARKER: &str = "QZXW-input-7781";

/// Usage error, journal exists, invalid input, damaged file, not found.
pub const USAGE: i32 = 2;
pub const EXISTS: i32 = 4;
pub const INVALID: i32 = 5;
pub const NOT_FOUND: i32 = 7;
pub const DAMAGED: i32 = 6;

/// One bad invocation.
#[derive(Debug, Clone)]
pub struct Bad {
    pub label: String,
    pub args: Vec<String>,
    pub stdin: Option<Vec<u8>>,
    pub env: Vec<(String, String)>,
    pub codes: Vec<i32>,
}

/// Ids of things seeded through the CLI: (live, deleted) for each kind.
pub struct Ids {
    pub craving: (String, String),
    pub mood: (String, String),
    pub journal: (String, String),
    pub checkin: (String, String),
    pub review: (String, String),
    pub lapse: (String, String),
    pub trigger: (String, String),
    pub strategy: (String, String),
    pub contact: (String, String),
    pub meeting: (String, String),
}

impl Ids {
    /// Adds two of each kind and deletes the second.
    pub fn seed(j: &Journal) -> Self {
        let pair = |kind: &str, first: &[&str], second: &[&str]| {
            let add = |extra: &[&str]| {
                let mut args = vec![kind, "add"];
                args.extend_from_slice(extra);
                args.push("--json");
                j.json(&args)["id"].to_string()
            };
            let live = add(first);
            let gone = add(second);
            j.ok(&[kind, "delete", &gone]);
            (live, gone)
        };
        let meeting = [
            "--kind",
            "twelve_step",
            "--date",
            "2025-06-03",
            "--time",
            "19:30",
            "--zone",
            "Europe/London",
            "--repeat",
            "weekly",
            "--days",
            "tue",
        ];
        let with = |first: &[&'static str], rest: &[&'static str]| -> Vec<&'static str> {
            first.iter().chain(rest).copied().collect()
        };
        Self {
            craving: pair("craving", &["--intensity", "5"], &["--intensity", "6"]),
            mood: pair("mood", &["--mood", "5"], &["--mood", "6"]),
            journal: pair(
                "journal",
                &["--text", "a day", "--date", "2025-06-02"],
                &["--text", "a day", "--date", "2025-06-01"],
            ),
            checkin: pair(
                "checkin",
                &["--date", "2025-06-02", "--day", "5"],
                &["--date", "2025-06-01", "--day", "5"],
            ),
            review: pair(
                "review",
                &["--week-of", "2025-06-02", "--note", "a week"],
                &["--week-of", "2025-05-26", "--note", "a week"],
            ),
            lapse: pair(
                "lapse",
                &["--situation", "a party"],
                &["--situation", "a wedding"],
            ),
            trigger: pair(
                "trigger",
                &["--name", "Payday", "--category", "times_and_situations"],
                &[
                    "--name",
                    "Rainy Sundays",
                    "--category",
                    "times_and_situations",
                ],
            ),
            strategy: pair(
                "strategy",
                &[
                    "--title",
                    "Box breathing",
                    "--category",
                    "in_the_moment",
                    "--step",
                    "in",
                ],
                &[
                    "--title",
                    "Cold water",
                    "--category",
                    "in_the_moment",
                    "--step",
                    "in",
                ],
            ),
            contact: pair("contact", &["--name", "Sam"], &["--name", "Alex"]),
            meeting: pair(
                "meeting",
                &with(&["--title", "Tuesday group"], &meeting),
                &with(&["--title", "Other group"], &meeting),
            ),
        }
    }
}

/// 100 KB of text with the marker: under Linux's 128 KB limit for one argument.
pub fn huge_arg() -> String {
    format!("{MARKER}{}", "ש".repeat(50_000))
}

/// Text with a control character (argv cannot hold NUL; files and stdin test that).
pub fn control() -> String {
    format!("{MARKER}\u{7}\u{1b}[2J")
}

/// Builds the table: each subcommand's bad invocations.
pub struct Table<'a> {
    pub map: BTreeMap<String, Vec<Bad>>,
    pub j: &'a Journal,
}

impl Table<'_> {
    pub fn with(
        &mut self,
        leaf: &str,
        label: &str,
        codes: &[i32],
        args: &[&str],
        stdin: Option<Vec<u8>>,
    ) {
        let mut all: Vec<String> = leaf.split(' ').map(str::to_string).collect();
        all.extend(args.iter().map(|a| a.to_string()));
        self.map.entry(leaf.to_string()).or_default().push(Bad {
            label: label.to_string(),
            args: all,
            stdin,
            env: Vec::new(),
            codes: codes.to_vec(),
        });
    }

    pub fn add(&mut self, leaf: &str, label: &str, code: i32, args: &[&str]) {
        self.with(leaf, label, &[code], args, None);
    }

    pub fn add_owned(&mut self, leaf: &str, label: &str, code: i32, args: &[String]) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        self.add(leaf, label, code, &args);
    }

    /// Text read from standard input through `-`.
    pub fn stdin(&mut self, leaf: &str, label: &str, args: &[&str], input: &[u8]) {
        self.with(leaf, label, &[INVALID], args, Some(input.to_vec()));
    }

    /// A file in the scratch directory holding `bytes`; returns its path.
    pub fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.j.scratch().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_string()
    }

    /// The cases every kind of entry shares: edit and delete of unknown and deleted ids.
    pub fn entry(&mut self, kind: &str, ids: &(String, String), edit: &[&str]) {
        let edit_leaf = format!("{kind} edit");
        let delete = format!("{kind} delete");
        for (label, id) in [("deleted id", ids.1.as_str()), ("unknown id", "987654321")] {
            let mut args = vec![id];
            args.extend_from_slice(edit);
            self.add(&edit_leaf, label, NOT_FOUND, &args);
            self.add(&delete, label, NOT_FOUND, &[id]);
        }
        self.add(&delete, "id not a number", USAGE, &["abc"]);
        self.add(&delete, "empty id", USAGE, &[""]);
        self.add(&delete, "negative id", NOT_FOUND, &["--", "-1"]);
        self.add(
            &edit_leaf,
            "id past u64",
            USAGE,
            &["99999999999999999999999"],
        );
        self.add(
            &format!("{kind} list"),
            "negative limit",
            USAGE,
            &["--limit=-1"],
        );
        self.add(
            &format!("{kind} list"),
            "limit not a number",
            USAGE,
            &["--limit", "ten"],
        );
        self.add(
            &format!("{kind} list"),
            "limit past u32",
            USAGE,
            &["--limit", "4294967296"],
        );
    }
}

/// Far dates for a date flag, each refused as invalid input.
pub const FAR_DAYS: &[&str] = &[
    "0000-01-01",
    "9999-12-31",
    "-262143-01-01",
    "+262142-12-31",
    "2025-02-30",
    "31/12/2025",
];

/// Texts and files several subcommands' cases share.
pub struct Inputs {
    pub huge: String,
    pub ctrl: String,
    pub nul: Vec<u8>,
    pub megabyte: Vec<u8>,
    /// A file that exists, for refusing to overwrite it.
    pub out: String,
    pub not_json: String,
    pub binary: String,
    pub garbage: String,
    pub export_nul: String,
}

impl Inputs {
    fn new(t: &Table) -> Self {
        let out = t.j.scratch().join("out.ics");
        std::fs::write(&out, "keep me").unwrap();
        Self {
            huge: huge_arg(),
            ctrl: control(),
            nul: format!("{MARKER}\u{0}after").into_bytes(),
            megabyte: format!("{MARKER}{}", "é".repeat(1 << 19)).into_bytes(),
            out: out.to_str().unwrap().to_string(),
            not_json: t.file("not-json.json", format!("{MARKER} {{").as_bytes()),
            binary: t.file("binary.json", &[0xff, 0xfe, 0x00, 0x9f, 0x92, 0x96]),
            garbage: t.file("garbage.ics", format!("{MARKER}\nnot a calendar").as_bytes()),
            export_nul: t.file(
                "export-nul.json",
                format!(
                    "{{\"format\":\"waymark-export\",\"schemaVersion\":4,\"tables\":{{\"trigger_item\":\
                     [{{\"id\":9,\"name\":\"{MARKER}\\u0000\",\"category\":\"people\",\"archived\":0,\
                     \"created_at\":1}}]}}}}"
                )
                .as_bytes(),
            ),
        }
    }
}

/// Every subcommand's cases.
pub fn table(j: &Journal, ids: &Ids) -> BTreeMap<String, Vec<Bad>> {
    let mut t = Table {
        map: BTreeMap::new(),
        j,
    };
    let inputs = Inputs::new(&t);
    super::entries::add(&mut t, ids, &inputs);
    super::planning::add(&mut t, ids, &inputs);
    super::files::add(&mut t, ids, &inputs);
    t.map
}
