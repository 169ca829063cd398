import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "../App.svelte";
import { commands, type EarlyWarning } from "../lib/api";
import { setDayLocale } from "../lib/day";
import { clearAllOnLock } from "../stores/lockable";
import { craving, fail, ok, resetCommands, storedPlan } from "../test/api-mock";
import { periodFigures, quietDashboard } from "../test/insights-fixtures";
import { resetStores } from "../test/reset";

vi.mock("../lib/api", () => import("../test/api-mock"));

const cravingsUp: EarlyWarning = {
  rule: "cravings_above_baseline",
  title: "Cravings have been more frequent",
  detail: "12 cravings in the last 7 days; your usual is about 5 a week.",
  links: ["plan", "contacts"],
};
const missedMeetings: EarlyWarning = {
  rule: "meetings_missed",
  title: "A few meetings missed",
  detail: "3 meetings marked missed in the last 14 days.",
  links: ["meetings", "toolkit"],
};

/** A fortnight with figures in both weeks (today is 22 November 2026). */
function busyDashboard(warnings: EarlyWarning[] = []) {
  return quietDashboard("2026-11-22", {
    thisWeek: periodFigures(
      { from: "2026-11-16", to: "2026-11-22" },
      { cravings: 5, averageIntensity: 4.25, averageMood: 6.5, checkinsDone: 4, meetingsAttended: 2, meetingsMissed: 1 },
    ),
    lastWeek: periodFigures(
      { from: "2026-11-09", to: "2026-11-15" },
      { cravings: 7, averageIntensity: 6, averageMood: null, checkinsDone: 4, meetingsAttended: 3 },
    ),
    warnings,
  });
}

async function openHome() {
  const user = userEvent.setup();
  render(App);
  await screen.findByRole("heading", { name: "Log a craving" });
  return user;
}

/** The figure and the week before for one line of "The last 7 days". */
function line(card: HTMLElement, label: string): string {
  const term = within(card).getByText(label, { selector: "dt" });
  return term.nextElementSibling?.textContent?.replace(/\s+/g, " ").trim() ?? "";
}

describe("home: the last 7 days and early-warning signs", () => {
  beforeEach(() => {
    resetCommands();
    resetStores();
    clearAllOnLock();
    setDayLocale("en-GB");
  });

  it("compares each figure with the week before, in words", async () => {
    vi.mocked(commands.dashboard).mockResolvedValue(ok(busyDashboard()));
    await openHome();
    const card = screen.getByRole("region", { name: "The last 7 days" });
    await within(card).findByText("Cravings");
    expect(line(card, "Cravings")).toBe("5 (7 the week before)");
    // 4.25 is said to one decimal, the way the rest of the app says averages.
    expect(line(card, "Average intensity")).toBe("4.3 out of 10 (6.0 the week before)");
    expect(line(card, "Average mood")).toBe("6.5 out of 10 (no check-ins the week before)");
    expect(line(card, "Check-ins done")).toBe("4 of 7 (the same as the week before)");
    expect(line(card, "Meetings attended")).toBe("2 (3 the week before)");
    expect(card).toHaveTextContent("16 Nov to 22 Nov");
    // Words, not verdicts: no arrows, no praise, no blame.
    expect(card.textContent).not.toMatch(/[↑↓▲▼]|well done|great|worse|better/i);
  });

  it("shows each warning with its words and working links to the plan, people, meetings and coping", async () => {
    vi.mocked(commands.dashboard).mockResolvedValue(ok(busyDashboard([cravingsUp, missedMeetings])));
    // What the linked screens read as they open.
    vi.mocked(commands.getPlan).mockResolvedValue(ok({ plan: storedPlan(), updatedAt: null }));
    vi.mocked(commands.planPrompts).mockResolvedValue(ok({ version: 1, prompts: [] }));
    vi.mocked(commands.listContacts).mockResolvedValue(ok([]));
    vi.mocked(commands.helplines).mockResolvedValue(ok({ region: null, builtin: [], local: [] }));
    vi.mocked(commands.listStrategies).mockResolvedValue(ok([]));
    vi.mocked(commands.whatWorks).mockResolvedValue(ok([]));
    const user = await openHome();
    const warnings = await screen.findByRole("region", { name: "Worth a look" });
    expect(warnings).toHaveTextContent("not a diagnosis");
    const items = within(warnings).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByRole("heading", { name: cravingsUp.title })).toBeInTheDocument();
    expect(items[0]).toHaveTextContent(cravingsUp.detail);
    expect(items[1]).toHaveTextContent(missedMeetings.detail);

    expect(within(items[0]).getAllByRole("button")).toHaveLength(2);
    expect(within(items[1]).getAllByRole("button")).toHaveLength(2);

    const targets: [number, string, string][] = [
      [0, "Open your plan", "My plan"],
      [0, "Reach out to someone", "People"],
      [1, "See your meetings", "Meetings"],
      [1, "Try a coping idea", "Coping"],
    ];
    for (const [index, button, screenName] of targets) {
      // Home is drawn afresh each time: find the warning again.
      const region = await screen.findByRole("region", { name: "Worth a look" });
      const item = within(region).getAllByRole("listitem")[index];
      await user.click(within(item).getByRole("button", { name: button }));
      expect(screen.getByRole("button", { name: screenName })).toHaveAttribute("aria-current", "page");
      expect(screen.queryByRole("region", { name: "Worth a look" })).not.toBeInTheDocument();
      await user.click(screen.getByRole("button", { name: "Today" }));
    }
  });

  it("shows no warnings section on a steady history", async () => {
    vi.mocked(commands.dashboard).mockResolvedValue(ok(busyDashboard([])));
    await openHome();
    await within(screen.getByRole("region", { name: "The last 7 days" })).findByText("Cravings");
    expect(screen.queryByRole("region", { name: "Worth a look" })).not.toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Worth a look" })).not.toBeInTheDocument();
  });

  it("reads the figures again after a craving is logged", async () => {
    vi.mocked(commands.dashboard)
      .mockResolvedValueOnce(ok(busyDashboard()))
      .mockResolvedValue(ok(quietDashboard("2026-11-22", { thisWeek: periodFigures({ from: "2026-11-16", to: "2026-11-22" }, { cravings: 6 }) })));
    vi.mocked(commands.addCraving).mockResolvedValue(ok(craving(3, 4, "2026-11-22T10:00:00-05:00")));
    const user = await openHome();
    const card = screen.getByRole("region", { name: "The last 7 days" });
    await within(card).findByText("Cravings");
    expect(line(card, "Cravings")).toBe("5 (7 the week before)");
    await user.click(screen.getByRole("radio", { name: "Intensity 4" }));
    await user.click(screen.getByRole("button", { name: "Save craving" }));
    await waitFor(() => expect(line(card, "Cravings")).toBe("6 (0 the week before)"));
  });

  it("shows the backend's message when the figures can't be read", async () => {
    vi.mocked(commands.dashboard).mockResolvedValue(fail("storage", "Waymark couldn't read your figures just now."));
    await openHome();
    const card = screen.getByRole("region", { name: "The last 7 days" });
    expect(await within(card).findByText("Waymark couldn't read your figures just now.")).toBeInTheDocument();
  });

  it("leaves for the unlock screen when the backend says it is locked", async () => {
    vi.mocked(commands.dashboard).mockResolvedValue(fail("locked", "Waymark is locked."));
    render(App);
    await screen.findByRole("heading", { name: "Welcome back" });
    expect(screen.getByText(/locked itself/)).toBeInTheDocument();
  });

  it("links to the Insights screen", async () => {
    vi.mocked(commands.dashboard).mockResolvedValue(ok(busyDashboard()));
    const user = await openHome();
    const card = screen.getByRole("region", { name: "The last 7 days" });
    await user.click(await within(card).findByRole("button", { name: "See more in Insights" }));
    expect(await screen.findByRole("heading", { name: "Insights", level: 1 })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Insights" })).toHaveAttribute("aria-current", "page");
  });
});
