import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { format, subDays } from "date-fns";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "../App.svelte";
import { commands, type DayRange, type Insights } from "../lib/api";
import { setDayLocale } from "../lib/day";
import { insightsRange } from "../stores/insights-range.svelte";
import { clearAllOnLock } from "../stores/lockable";
import { session } from "../stores/session.svelte";
import { fail, ok, resetCommands } from "../test/api-mock";
import { emptyInsights, periodFigures } from "../test/insights-fixtures";
import { resetStores } from "../test/reset";

vi.mock("../lib/api", () => import("../test/api-mock"));

// Canvas drawing is not what these tests check (jsdom has no canvas): the charts are recorded.
const charts = vi.hoisted(() => ({
  created: [] as { canvas: HTMLCanvasElement; config: { type: string; data: { labels?: unknown[]; datasets: { data: unknown[] }[] } } }[],
  destroyed: 0,
}));
vi.mock("../lib/charts/setup", () => ({
  createChart: (canvas: HTMLCanvasElement, config: (typeof charts.created)[number]["config"]) => {
    charts.created.push({ canvas, config });
    return { update: () => {}, destroy: () => (charts.destroyed += 1) };
  },
}));

const WEEK: DayRange = { from: "2026-11-16", to: "2026-11-22" };

/** A week with something in every chart. Counts are chosen so each total can be checked by hand. */
function busyWeek(): Insights {
  const base = emptyInsights(WEEK);
  // Wednesday 18th: 3 cravings; Friday 20th: 2.
  base.cravingsPerDay[2] = { day: "2026-11-18", count: 3, averageIntensity: 6.5, maxIntensity: 8 };
  base.cravingsPerDay[4] = { day: "2026-11-20", count: 2, averageIntensity: 4, maxIntensity: 5 };
  base.moodPerDay[0] = { day: "2026-11-16", average: 5, rollingAverage: 5 };
  base.moodPerDay[3] = { day: "2026-11-19", average: 7, rollingAverage: 6 };
  base.topTriggers = [
    { triggerId: 1, name: "Feeling stressed", category: "feelings", count: 4 },
    { triggerId: 2, name: "Payday", category: "times_and_situations", count: 2 },
  ];
  // Wednesday (2) 08:00 twice and 21:00 once; Friday (4) 18:00 twice.
  base.heatmap[2 * 24 + 8].count = 2;
  base.heatmap[2 * 24 + 21].count = 1;
  base.heatmap[4 * 24 + 18].count = 2;
  base.halt = { hungry: 1, angry: 0, lonely: 2, tired: 3, none: 1, total: 5 };
  base.durations = {
    bands: base.durations.bands.map((b, i) => ({ ...b, count: [1, 2, 1, 0, 0][i] })),
    recorded: 4,
    medianMinutes: 12,
  };
  base.outcomes = { passed: 4, used: 0, ongoing: 0, unrecorded: 1 };
  base.whatWorks = [
    { strategyId: 7, title: "Go for a walk", tried: 4, withOutcome: 4, passed: 3, passRate: 0.75, withDrop: 4, averageDrop: 3 },
    { strategyId: 8, title: "Cold water", tried: 1, withOutcome: 0, passed: 0, passRate: null, withDrop: 0, averageDrop: null },
  ];
  base.attendance = [{ weekStart: "2026-11-16", attended: 2, missed: 1 }];
  base.totals = periodFigures(WEEK, {
    cravings: 5,
    averageIntensity: 5.5,
    averageMood: 6,
    checkinsDone: 3,
    meetingsAttended: 2,
    meetingsMissed: 1,
  });
  return base;
}

function isoDay(date: Date): string {
  return format(date, "yyyy-MM-dd");
}

async function openInsights() {
  const user = userEvent.setup();
  render(App);
  await user.click(await screen.findByRole("button", { name: "Insights" }));
  await screen.findByRole("heading", { name: "Insights", level: 1 });
  return user;
}

/** The cells of the table row whose header matches `row`. */
function rowCells(table: HTMLElement, row: RegExp | string): string[] {
  const header = within(table).getByRole("rowheader", { name: row });
  const cells = within(header.closest("tr") as HTMLElement).getAllByRole("cell");
  return cells.map((c) => c.textContent?.trim() ?? "");
}

async function openTable(user: ReturnType<typeof userEvent.setup>, caption: string): Promise<HTMLElement> {
  const figure = screen.getByRole("figure", { name: caption });
  await user.click(within(figure).getByText("Show as a table"));
  return within(figure).getByRole("table");
}

describe("insights screen", () => {
  beforeEach(() => {
    resetCommands();
    resetStores();
    clearAllOnLock();
    setDayLocale("en-GB");
    charts.created = [];
    charts.destroyed = 0;
  });

  it("asks for the last 30 days first, then for the range each preset names", async () => {
    const user = await openInsights();
    const today = new Date();
    await waitFor(() =>
      expect(commands.insights).toHaveBeenLastCalledWith({ from: isoDay(subDays(today, 29)), to: isoDay(today) }),
    );
    expect(screen.getByRole("radio", { name: "Last 30 days" })).toBeChecked();

    await user.click(screen.getByRole("radio", { name: "Last 7 days" }));
    await waitFor(() => expect(commands.insights).toHaveBeenLastCalledWith({ from: isoDay(subDays(today, 6)), to: isoDay(today) }));
    expect(screen.getByRole("radio", { name: "Last 7 days" })).toBeChecked();

    await user.click(screen.getByRole("radio", { name: "Last 90 days" }));
    await waitFor(() => expect(commands.insights).toHaveBeenLastCalledWith({ from: isoDay(subDays(today, 89)), to: isoDay(today) }));
  });

  it("keeps the chosen range when the person leaves the screen and comes back, until they lock", async () => {
    const user = await openInsights();
    const today = new Date();
    await user.click(screen.getByRole("radio", { name: "Last 90 days" }));
    await waitFor(() => expect(commands.insights).toHaveBeenLastCalledWith({ from: isoDay(subDays(today, 89)), to: isoDay(today) }));
    await user.click(screen.getByRole("button", { name: "Today" }));
    vi.mocked(commands.insights).mockClear();
    await user.click(screen.getByRole("button", { name: "Insights" }));
    await waitFor(() => expect(commands.insights).toHaveBeenLastCalledWith({ from: isoDay(subDays(today, 89)), to: isoDay(today) }));
    expect(screen.getByRole("radio", { name: "Last 90 days" })).toBeChecked();
    clearAllOnLock();
    expect(insightsRange.choice).toEqual({ kind: "preset", days: 30 });
  });

  it("asks for a custom range as typed", async () => {
    const user = await openInsights();
    await user.click(screen.getByRole("radio", { name: "Custom" }));
    const from = screen.getByLabelText("From");
    const to = screen.getByLabelText("To");
    await user.clear(from);
    await user.type(from, "2026-10-01");
    await user.clear(to);
    await user.type(to, "2026-10-31");
    await waitFor(() => expect(commands.insights).toHaveBeenLastCalledWith({ from: "2026-10-01", to: "2026-10-31" }));
  });

  it("names every chart by its caption, describes it in words, and has a table with the same numbers", async () => {
    vi.mocked(commands.insights).mockResolvedValue(ok(busyWeek()));
    const user = await openInsights();
    await screen.findByRole("figure", { name: "Cravings per day" });
    const captions = [
      "Cravings per day",
      "Mood",
      "Top triggers",
      "When cravings come",
      "HALT",
      "How long cravings last",
      "What works for me",
      "Meeting attendance",
    ];
    for (const caption of captions) {
      const figure = screen.getByRole("figure", { name: caption });
      const image = within(figure).getByRole("img");
      expect(image.tagName).toBe("CANVAS");
      expect(image.getAttribute("aria-label")?.length ?? 0).toBeGreaterThan(20);
    }
    // One chart per figure, and nothing else drawn.
    expect(charts.created).toHaveLength(captions.length);

    const cravings = screen.getByRole("figure", { name: "Cravings per day" });
    // 3 + 2 cravings, on 2 of the 7 days; the busiest day is Wednesday the 18th.
    expect(within(cravings).getByRole("img")).toHaveAccessibleName(/^5 cravings over 7 days, on 2 of them\..*5\.5 out of 10.*most in one day was 3, on Wed 18 Nov/);
    const perDay = await openTable(user, "Cravings per day");
    expect(within(perDay).getAllByRole("row")).toHaveLength(1 + 7);
    expect(rowCells(perDay, /Wed 18 Nov/)).toEqual(["3", "6.5", "8"]);
    expect(rowCells(perDay, /Fri 20 Nov/)).toEqual(["2", "4.0", "5"]);
    expect(rowCells(perDay, /Thu 19 Nov/)).toEqual(["0", "none", "none"]);

    const mood = await openTable(user, "Mood");
    expect(rowCells(mood, /Thu 19 Nov/)).toEqual(["7.0", "6.0"]);

    const triggers = await openTable(user, "Top triggers");
    expect(rowCells(triggers, "Feeling stressed")).toEqual(["4"]);
    expect(rowCells(triggers, "Payday")).toEqual(["2"]);

    const when = await openTable(user, "When cravings come");
    // Only the three hours with cravings are listed.
    expect(within(when).getAllByRole("row")).toHaveLength(1 + 3);
    const friday = within(when).getByRole("rowheader", { name: "Friday" }).closest("tr") as HTMLElement;
    expect(friday).toHaveTextContent("18:00 to 19:00");
    expect(friday).toHaveTextContent(/2$/);
    expect(within(screen.getByRole("figure", { name: "When cravings come" })).getByRole("img")).toHaveAccessibleName(
      /most came on a Wednesday \(3\).*busiest hour was 08:00 to 09:00 \(2\)/,
    );

    const halt = await openTable(user, "HALT");
    expect(rowCells(halt, "Tired")).toEqual(["3"]);
    expect(rowCells(halt, "None ticked")).toEqual(["1"]);

    const lasting = screen.getByRole("figure", { name: "How long cravings last" });
    expect(lasting).toHaveTextContent("Half of your cravings with a recorded length were over within 12 minutes.");
    const bands = await openTable(user, "How long cravings last");
    expect(rowCells(bands, "5-15 min")).toEqual(["2"]);

    const works = await openTable(user, "What works for me");
    expect(rowCells(works, "Go for a walk")).toEqual(["4", "3 of 4", "75%"]);
    expect(rowCells(works, "Cold water")).toEqual(["1", "no outcome logged yet", "none"]);

    const meetings = await openTable(user, "Meeting attendance");
    expect(rowCells(meetings, /Week of 16 Nov/)).toEqual(["2", "1"]);

    // The totals above the charts.
    const totals = screen.getByRole("region", { name: "In these days" });
    expect(totals).toHaveTextContent("Passed without using 4 of 5");
    expect(totals).toHaveTextContent("Check-ins done 3 of 7 days");
  });

  it("draws the charts from the figures: bars per day and the intensity line", async () => {
    vi.mocked(commands.insights).mockResolvedValue(ok(busyWeek()));
    await openInsights();
    await screen.findByRole("figure", { name: "Cravings per day" });
    const figure = screen.getByRole("figure", { name: "Cravings per day" });
    const drawn = charts.created.find((c) => figure.contains(c.canvas));
    expect(drawn?.config.data.datasets[0].data).toEqual([0, 0, 3, 0, 2, 0, 0]);
    expect(drawn?.config.data.datasets[1].data).toEqual([null, null, 6.5, null, 4, null, null]);
    const heat = charts.created.find((c) => screen.getByRole("figure", { name: "When cravings come" }).contains(c.canvas));
    expect(heat?.config.type).toBe("matrix");
    expect(heat?.config.data.datasets[0].data).toHaveLength(168);
  });

  it("says so plainly when there is nothing to chart", async () => {
    await openInsights();
    const figure = await screen.findByRole("figure", { name: "Cravings per day" });
    expect(figure).toHaveTextContent("No cravings logged in these days.");
    expect(screen.getByRole("figure", { name: "Mood" })).toHaveTextContent("No mood check-ins in these days.");
    expect(screen.getByRole("figure", { name: "How long cravings last" })).toHaveTextContent("None of the cravings");
    expect(screen.queryByRole("img")).not.toBeInTheDocument();
    expect(screen.queryByText("Show as a table")).not.toBeInTheDocument();
    expect(charts.created).toHaveLength(0);
  });

  it("shows the backend's message beside the day it is about", async () => {
    const message = "The end date is before the start date. Choose an end on or after the start.";
    vi.mocked(commands.insights).mockImplementation(async (range: DayRange) =>
      range.from > range.to ? fail("invalid_input", message, "to") : ok(emptyInsights(range)),
    );
    const user = await openInsights();
    await user.click(screen.getByRole("radio", { name: "Custom" }));
    const from = screen.getByLabelText("From");
    await user.clear(from);
    await user.type(from, "2099-01-01");
    const error = await screen.findByText(message);
    const to = screen.getByLabelText("To");
    expect(to).toHaveAttribute("aria-invalid", "true");
    expect(to).toHaveAttribute("aria-describedby", error.id);
    expect(screen.queryByRole("figure")).not.toBeInTheDocument();
  });

  it("shows any other error as an alert", async () => {
    vi.mocked(commands.insights).mockResolvedValue(fail("storage", "Waymark couldn't read your entries just now."));
    await openInsights();
    expect(await screen.findByRole("alert")).toHaveTextContent("Waymark couldn't read your entries just now.");
  });

  it("returns to the unlock screen when the backend says it is locked", async () => {
    vi.mocked(commands.insights).mockResolvedValue(fail("locked", "Waymark is locked."));
    render(App);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Insights" }));
    await screen.findByRole("heading", { name: "Welcome back" });
  });

  it("locking drops the figures and the charts", async () => {
    vi.mocked(commands.insights).mockResolvedValue(ok(busyWeek()));
    const user = await openInsights();
    await screen.findByRole("figure", { name: "Top triggers" });
    await user.click(screen.getByRole("button", { name: "Lock" }));
    await screen.findByRole("heading", { name: "Welcome back" });
    expect(session.screen).toBe("unlock");
    expect(screen.queryByText("Feeling stressed")).not.toBeInTheDocument();
    // Every chart drawn was taken down.
    expect(charts.destroyed).toBe(charts.created.length);
  });
});
