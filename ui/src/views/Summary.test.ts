import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { format, subDays } from "date-fns";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "../App.svelte";
import { commands, type SummaryReport, type SummaryRequest } from "../lib/api";
import { setDayLocale } from "../lib/day";
import { clearAllOnLock } from "../stores/lockable";
import { fail, ok, resetCommands, storedPlan } from "../test/api-mock";
import { emptyReport, periodFigures } from "../test/insights-fixtures";
import { resetStores } from "../test/reset";

vi.mock("../lib/api", () => import("../test/api-mock"));

/** The headings as the PDF prints them, in print order (core/src/export/report.rs). */
const HEADINGS = [
  "Overview",
  "Cravings and triggers",
  "Mood",
  "Check-ins and medication",
  "Meetings",
  "Lapses",
  "Coping that worked",
  "Relapse-prevention plan",
  "Journal excerpts",
];
const ALL_BUT_JOURNAL = ["overview", "cravings_and_triggers", "mood", "checkins_and_medication", "meetings", "lapses", "coping", "plan"];

const NOTE = "Felt shaky after the phone call with Mum.";
const JOURNAL = "Walked to the river and back. Quiet day.";

/** What the backend would answer: private text only when asked for, as it promises. */
function report(request: SummaryRequest): SummaryReport {
  const base = emptyReport(request);
  base.insights.totals = periodFigures(request.range, { cravings: 5, averageIntensity: 5.5, checkinsDone: 3, meetingsAttended: 2 });
  base.insights.outcomes = { passed: 4, used: 0, ongoing: 0, unrecorded: 1 };
  base.insights.lapses = [{ day: request.range.to, restartedCounter: false, triggers: ["Payday"] }];
  if (request.sections.includes("plan")) base.plan = storedPlan({ reasons: ["My kids"], highRiskSituations: [{ situation: "Payday", plan: "Give my card to Sam" }] });
  if (request.sections.includes("journal_excerpts")) base.journal = [{ day: request.range.to, text: JOURNAL, wentWell: null }];
  if (request.includeNotes) base.notes = [{ day: request.range.to, kind: "craving", text: NOTE }];
  return base;
}

function isoDay(date: Date): string {
  return format(date, "yyyy-MM-dd");
}

const today = new Date();
const last30 = { from: isoDay(subDays(today, 29)), to: isoDay(today) };

async function openSummary() {
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole("button", { name: "Summary & export" }));
  await screen.findByRole("heading", { name: "Summary & export", level: 1 });
  return user;
}

function preview(): HTMLElement {
  return screen.getByRole("region", { name: "Preview" });
}

function lastRequest(): SummaryRequest {
  const calls = vi.mocked(commands.summaryPreview).mock.calls;
  return calls[calls.length - 1][0] as SummaryRequest;
}

describe("summary & export screen", () => {
  beforeEach(() => {
    resetCommands();
    resetStores();
    clearAllOnLock();
    setDayLocale("en-GB");
    vi.mocked(commands.summaryPreview).mockImplementation(async (request: SummaryRequest) => ok(report(request)));
  });

  it("starts with every section but the journal's text, no notes, over the last 30 days", async () => {
    await openSummary();
    await waitFor(() => expect(commands.summaryPreview).toHaveBeenCalled());
    expect(lastRequest()).toEqual({ range: last30, sections: ALL_BUT_JOURNAL, includeNotes: false });
    for (const heading of HEADINGS.slice(0, 8)) expect(screen.getByRole("checkbox", { name: heading })).toBeChecked();
    const journal = screen.getByRole("checkbox", { name: "Journal excerpts" });
    expect(journal).not.toBeChecked();
    expect(journal).toHaveAccessibleDescription("Your journal text stays out unless you tick this.");
    expect(screen.getByRole("checkbox", { name: "Include my private notes" })).not.toBeChecked();
    expect(screen.getByRole("radio", { name: "Last 30 days" })).toBeChecked();

    // The preview has the chosen sections, headed as printed, in print order.
    const headings = await within(preview()).findAllByRole("heading", { level: 3 });
    expect(headings.map((h) => h.textContent)).toEqual(HEADINGS.slice(0, 8));
    expect(preview()).not.toHaveTextContent(JOURNAL);
    expect(preview()).not.toHaveTextContent(NOTE);
  });

  it("sends the sections and the notes flag as chosen, and previews notes only when included", async () => {
    const user = await openSummary();
    await within(preview()).findByRole("heading", { name: "Mood" });
    await user.click(screen.getByRole("checkbox", { name: "Mood" }));
    await user.click(screen.getByRole("checkbox", { name: "Include my private notes" }));
    await waitFor(() => expect(lastRequest().includeNotes).toBe(true));
    expect(lastRequest().sections).toEqual(ALL_BUT_JOURNAL.filter((s) => s !== "mood"));
    expect(await within(preview()).findByText(NOTE)).toBeInTheDocument();
    expect(within(preview()).queryByRole("heading", { name: "Mood" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("checkbox", { name: "Include my private notes" }));
    await waitFor(() => expect(lastRequest().includeNotes).toBe(false));
    await waitFor(() => expect(within(preview()).queryByText(NOTE)).not.toBeInTheDocument());
  });

  it("puts journal excerpts in, in print order, only when ticked", async () => {
    const user = await openSummary();
    await within(preview()).findByRole("heading", { name: "Overview" });
    await user.click(screen.getByRole("checkbox", { name: "Journal excerpts" }));
    await user.click(screen.getByRole("checkbox", { name: "Overview" }));
    await user.click(screen.getByRole("checkbox", { name: "Overview" }));
    // Ticked last, Overview is still sent (and printed) first.
    await waitFor(() => expect(lastRequest().sections).toEqual(["overview", ...ALL_BUT_JOURNAL.slice(1), "journal_excerpts"]));
    expect(await within(preview()).findByText(JOURNAL)).toBeInTheDocument();
  });

  it("shows the figures, lapses and plan the report holds", async () => {
    await openSummary();
    const overview = await within(preview()).findByRole("region", { name: "Overview" });
    expect(overview).toHaveTextContent("Cravings5");
    expect(overview).toHaveTextContent("Passed without using4 of 5");
    expect(overview).toHaveTextContent("Check-ins done3 of 30 days");
    expect(within(preview()).getByRole("region", { name: "Lapses" })).toHaveTextContent("1 lapse logged");
    expect(within(preview()).getByRole("region", { name: "Lapses" })).toHaveTextContent("Payday");
    const plan = within(preview()).getByRole("region", { name: "Relapse-prevention plan" });
    expect(plan).toHaveTextContent("My kids");
    expect(plan).toHaveTextContent("If Payday, then Give my card to Sam");
  });

  it("warns that saved files are not encrypted before any are saved", async () => {
    await openSummary();
    const save = screen.getByRole("region", { name: "Save a copy" });
    expect(save).toHaveTextContent("Saved files are not encrypted. Anyone who can open the file can read it.");
    expect(commands.exportData).not.toHaveBeenCalled();
  });

  it("saves each format with the chosen request and says where", async () => {
    vi.mocked(commands.exportData).mockImplementation(async (_request: SummaryRequest, format: string) =>
      ok(`/home/person/Documents/waymark.${format === "csv" ? "zip" : format}`),
    );
    const user = await openSummary();
    await within(preview()).findByRole("heading", { name: "Overview" });
    await user.click(screen.getByRole("checkbox", { name: "Include my private notes" }));
    await user.click(screen.getByRole("radio", { name: "Last 7 days" }));
    const week = { from: isoDay(subDays(today, 6)), to: isoDay(today) };

    await user.click(screen.getByRole("button", { name: "Save PDF summary…" }));
    expect(commands.exportData).toHaveBeenLastCalledWith({ range: week, sections: ALL_BUT_JOURNAL, includeNotes: true }, "pdf");
    const save = screen.getByRole("region", { name: "Save a copy" });
    expect(await within(save).findByText("Saved to /home/person/Documents/waymark.pdf.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Save my data as CSV (zip)…" }));
    expect(vi.mocked(commands.exportData).mock.lastCall?.[1]).toBe("csv");
    expect(await within(save).findByText("Saved to /home/person/Documents/waymark.zip.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Save my data as JSON…" }));
    expect(vi.mocked(commands.exportData).mock.lastCall?.[1]).toBe("json");
    expect(await within(save).findByText("Saved to /home/person/Documents/waymark.json.")).toBeInTheDocument();
  });

  it("says nothing when the save dialog is cancelled, and shows the backend's error", async () => {
    const user = await openSummary();
    await user.click(screen.getByRole("button", { name: "Save PDF summary…" }));
    await waitFor(() => expect(commands.exportData).toHaveBeenCalledTimes(1));
    const save = screen.getByRole("region", { name: "Save a copy" });
    expect(within(save).queryByText(/Saved to/)).not.toBeInTheDocument();

    vi.mocked(commands.exportData).mockResolvedValue(fail("storage", "Waymark couldn't write that file. Try another folder."));
    await user.click(screen.getByRole("button", { name: "Save my data as JSON…" }));
    expect(await within(save).findByRole("alert")).toHaveTextContent("Waymark couldn't write that file. Try another folder.");
  });

  it("lists what the data files will hold for the chosen days", async () => {
    vi.mocked(commands.exportCounts).mockResolvedValue(
      ok([
        { kind: "cravings", label: "Cravings", count: 42 },
        { kind: "moods", label: "Mood check-ins", count: 17 },
      ]),
    );
    await openSummary();
    const list = await screen.findByRole("list", { name: "What the data files hold" });
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Cravings: 42", "Mood check-ins: 17"]);
    expect(commands.exportCounts).toHaveBeenLastCalledWith(last30);
  });

  it("shows a custom range's error beside the day it names", async () => {
    const message = "The end date is before the start date. Choose an end on or after the start.";
    vi.mocked(commands.summaryPreview).mockImplementation(async (request: SummaryRequest) =>
      request.range.from > request.range.to ? fail("invalid_input", message, "to") : ok(report(request)),
    );
    const user = await openSummary();
    await user.click(screen.getByRole("radio", { name: "Custom" }));
    const to = screen.getByLabelText("To");
    await user.clear(to);
    await user.type(to, "2001-01-01");
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(to).toHaveAttribute("aria-invalid", "true");
  });

  it("imports a JSON export and shows what was added", async () => {
    vi.mocked(commands.importData).mockResolvedValue(
      ok({
        schemaVersion: 1,
        counts: [
          { kind: "cravings", label: "Cravings", count: 42 },
          { kind: "lapses", label: "Lapses", count: 0 },
          { kind: "journal", label: "Journal entries", count: 12 },
        ],
      }),
    );
    const user = await openSummary();
    const part = screen.getByRole("region", { name: "Import a JSON export" });
    expect(part).toHaveTextContent("only works into a new, empty journal");
    await user.click(within(part).getByRole("button", { name: "Import a JSON export…" }));
    const added = await within(part).findByRole("list", { name: "Added to your journal" });
    expect(within(added).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Cravings: 42", "Journal entries: 12"]);
    // The journal changed: the preview and the counts are read again.
    await waitFor(() => expect(commands.exportCounts).toHaveBeenCalledTimes(2));
  });

  it("shows why an import was refused", async () => {
    vi.mocked(commands.importData).mockResolvedValue(
      fail("invalid_input", "This journal already has entries. Import into a new, empty journal."),
    );
    const user = await openSummary();
    const part = screen.getByRole("region", { name: "Import a JSON export" });
    await user.click(within(part).getByRole("button", { name: "Import a JSON export…" }));
    expect(await within(part).findByRole("alert")).toHaveTextContent("This journal already has entries.");
  });

  it("returns to the unlock screen when the backend says it is locked", async () => {
    vi.mocked(commands.summaryPreview).mockResolvedValue(fail("locked", "Waymark is locked."));
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole("button", { name: "Summary & export" }));
    await screen.findByRole("heading", { name: "Welcome back" });
  });
});
