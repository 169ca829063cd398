//! Running poppler's command-line tools (pdftotext, pdftoppm, pdffonts, pdfinfo) on a
//! rendered summary written to a real temporary file.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A rendered PDF on disk, in its own temporary directory.
pub struct PdfFile {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl PdfFile {
    pub fn write(bytes: &[u8]) -> PdfFile {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("summary.pdf");
        std::fs::write(&path, bytes).expect("write the PDF");
        PdfFile { dir, path }
    }

    /// `pdftotext -layout` of the whole file.
    pub fn text(&self) -> String {
        run(
            "pdftotext",
            &["-layout", "-enc", "UTF-8", path_str(&self.path), "-"],
        )
    }

    /// `pdftotext -raw`: the text in the order it was drawn, whatever the columns.
    pub fn raw_text(&self) -> String {
        run(
            "pdftotext",
            &["-raw", "-enc", "UTF-8", path_str(&self.path), "-"],
        )
    }

    /// `pdftotext -layout` of one page (1-based).
    pub fn page_text(&self, page: usize) -> String {
        let p = page.to_string();
        run(
            "pdftotext",
            &[
                "-layout",
                "-enc",
                "UTF-8",
                "-f",
                &p,
                "-l",
                &p,
                path_str(&self.path),
                "-",
            ],
        )
    }

    /// The page count, from `pdfinfo`.
    pub fn pages(&self) -> usize {
        let info = run("pdfinfo", &[path_str(&self.path)]);
        info.lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .expect("pdfinfo reports the page count")
    }

    /// `pdffonts` output.
    pub fn fonts(&self) -> String {
        run("pdffonts", &[path_str(&self.path)])
    }

    /// Renders every page with `pdftoppm -png` at `dpi` into `dir` under `prefix`, and returns
    /// the PNG files made, sorted.
    pub fn render_pngs(&self, dpi: u32, dir: &Path, prefix: &str) -> Vec<PathBuf> {
        std::fs::create_dir_all(dir).expect("PNG directory");
        let out = dir.join(prefix);
        run(
            "pdftoppm",
            &[
                "-r",
                &dpi.to_string(),
                "-png",
                path_str(&self.path),
                path_str(&out),
            ],
        );
        let mut pngs: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("read PNG directory")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|x| x == "png")
                    && p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with(prefix))
            })
            .collect();
        pngs.sort();
        pngs
    }
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

/// Runs a poppler tool and returns its standard output; fails the test clearly when the tool
/// is missing or exits with an error.
fn run(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("`{tool}` could not be run ({e}): install poppler-utils (the project's test script does)")
    });
    assert!(
        output.status.success(),
        "`{tool}` failed with {}: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("poppler output is UTF-8")
}

/// `text` with every run of whitespace made one space, so figures can be found whatever the
/// column layout.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
