import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type RecoverySummary } from "../lib/api";
import { setDayLocale } from "../lib/day";
import { fail, ok, resetCommands, storedLapse, storedProfile, trigger } from "../test/api-mock";
import { content } from "../stores/content.svelte";
import { clearAllOnLock } from "../stores/lockable";
import { session } from "../stores/session.svelte";
import { triggers } from "../stores/triggers.svelte";
import { undo } from "../stores/undo.svelte";
import Recovery from "./Recovery.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

const year = new Date().getFullYear();
const summary: RecoverySummary = {
  startDate: "2024-03-01",
  currentDays: 21,
  lastMilestone: { days: 14, label: "2 weeks", date: `${year}-11-05` },
  nextMilestone: { days: 30, label: "30 days", date: `${year}-12-21` },
  periods: [
    { start: "2024-03-01", end: "2024-06-10", days: 101 },
    { start: `${year}-10-22`, end: null, days: 21 },
  ],
  attempts: 2,
  longestDays: 101,
  totalDays: 122,
  lapses: 3,
};

const earlier = storedLapse(8, "2024-06-10T22:30:00-04:00", {
  triggers: [{ id: 1, name: "Feeling stressed" }],
  feelings: ["anxious"],
  situation: "Payday, alone at home.",
  learned: "Evenings alone are hard.",
  nextTime: "Call Sam first.",
  restartsCounter: true,
});

async function openRecovery() {
  render(Recovery);
  await screen.findByRole("heading", { name: "Lapses" });
}

function lapseForm() {
  return screen.getByRole("form", { name: /lapse/i });
}

describe("recovery", () => {
  beforeEach(() => {
    resetCommands();
    content.reset();
    triggers.clear();
    undo.dismiss();
    setDayLocale("en-GB");
    vi.mocked(commands.listTriggers).mockResolvedValue(
      ok([trigger(1, "Feeling stressed"), trigger(2, "Payday", "times_and_situations"), { ...trigger(3, "Old flat", "places"), archived: true }]),
    );
  });

  it("asks for a start date, keeping the rest of the profile as it was", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.getProfile).mockResolvedValue(ok(storedProfile({ region: "uk", medication: "methadone" })));
    vi.mocked(commands.setProfile).mockResolvedValue(
      ok(storedProfile({ recoveryStart: "2024-11-01", region: "uk", medication: "methadone" })),
    );
    await openRecovery();
    const date = screen.getByLabelText("Recovery start date");
    await user.type(date, "2024-11-01");
    vi.mocked(commands.recoverySummary).mockResolvedValue(ok(summary));
    await user.click(screen.getByRole("button", { name: "Save start date" }));
    expect(commands.setProfile).toHaveBeenCalledWith({
      recoveryStart: "2024-11-01",
      region: "uk",
      medication: "methadone",
    });
    expect(await screen.findByText("21")).toBeInTheDocument();
  });

  it("shows the days, the milestones and the whole history kindly", async () => {
    vi.mocked(commands.recoverySummary).mockResolvedValue(ok(summary));
    await openRecovery();
    const counter = screen.getByRole("region", { name: "Your recovery time" });
    expect(counter).toHaveTextContent("21 days");
    expect(counter).toHaveTextContent("2 weeks, on 5 November");
    expect(counter).toHaveTextContent("Next: 30 days, on 21 December");

    const history = screen.getByRole("region", { name: "Your journey so far" });
    expect(history).toHaveTextContent(/Days in recovery, all together\s*122 days/);
    expect(history).toHaveTextContent(/Longest stretch\s*101 days/);
    expect(history).toHaveTextContent(/Stretches of recovery\s*2\b/);
    const periods = within(history).getAllByRole("listitem");
    expect(periods).toHaveLength(2);
    expect(periods[0]).toHaveTextContent("Fri, 1 Mar 2024 to Mon, 10 Jun 2024");
    expect(periods[0]).toHaveTextContent("101 days");
    expect(periods[1]).toHaveTextContent("(now)");
    // No shaming words (the one "failure" is in "a lapse is information, not failure").
    const words = (document.body.textContent ?? "").replace("information, not failure", "");
    expect(words).not.toMatch(/\b(clean|dirty|relapse|failure|failed|addict)\b/i);
  });

  it("changes the start date", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.recoverySummary).mockResolvedValue(ok(summary));
    vi.mocked(commands.getProfile).mockResolvedValue(ok(storedProfile({ recoveryStart: "2024-03-01", region: "us" })));
    vi.mocked(commands.setProfile).mockResolvedValue(ok(storedProfile({ recoveryStart: "2024-03-02", region: "us" })));
    await openRecovery();
    await user.click(screen.getByRole("button", { name: "Change start date" }));
    const date = screen.getByLabelText("Recovery start date");
    expect(date).toHaveValue("2024-03-01");
    await user.clear(date);
    await user.type(date, "2024-03-02");
    await user.click(screen.getByRole("button", { name: "Save start date" }));
    expect(commands.setProfile).toHaveBeenCalledWith({ recoveryStart: "2024-03-02", region: "us", medication: null });
  });

  it("logs a lapse and then shows the safety card with the UK emergency number", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.getProfile).mockResolvedValue(ok(storedProfile({ region: "uk" })));
    vi.mocked(commands.addLapse).mockResolvedValue(ok(storedLapse(12, "2024-11-22T20:00:00-05:00")));
    await openRecovery();
    expect(screen.getByText(/A lapse is information, not failure/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Log a lapse" }));
    expect(screen.getByRole("heading", { name: "Lapses" })).toHaveFocus();

    const triggerGroup = screen.getByRole("group", { name: "What led up to it? (optional)" });
    await user.click(await within(triggerGroup).findByRole("checkbox", { name: "Payday" }));
    expect(within(triggerGroup).queryByRole("checkbox", { name: "Old flat" })).not.toBeInTheDocument();
    await user.click(await screen.findByRole("checkbox", { name: "Anxious" }));
    await user.type(screen.getByLabelText("What was the situation? (optional)"), "Got paid, was alone.");
    await user.type(screen.getByLabelText("What did you learn? (optional)"), "Paydays are risky.");
    await user.type(screen.getByLabelText("What will you do differently next time? (optional)"), "Give my card to Sam.");
    expect(screen.getByText(/Either choice is fine/)).toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "Keep my counter going" }));
    await user.click(screen.getByRole("button", { name: "Save lapse" }));

    expect(commands.addLapse).toHaveBeenCalledWith({
      occurredAt: null,
      triggerIds: [2],
      feelings: ["anxious"],
      situation: "Got paid, was alone.",
      learned: "Paydays are risky.",
      nextTime: "Give my card to Sam.",
      restartsCounter: false,
    });
    const card = await screen.findByRole("region", { name: "Staying safe right now" });
    expect(await within(card).findByText("999")).toBeInTheDocument();
    expect(card).toHaveTextContent("Your tolerance drops fast");
    expect(card).toHaveTextContent("Carry naloxone");
    expect(card).toHaveTextContent("Source: CDC, checked 2026-11-22");
    // The summary and the list are read again.
    expect(commands.recoverySummary).toHaveBeenCalledTimes(2);

    await user.click(within(card).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("region", { name: "Staying safe right now" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Log a lapse" })).toBeInTheDocument();
  });

  it("says 'your local emergency number' and offers Settings when no region is set", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.addLapse).mockResolvedValue(ok(storedLapse(12, "2024-11-22T20:00:00-05:00")));
    await openRecovery();
    await user.click(screen.getByRole("button", { name: "Log a lapse" }));
    await user.click(screen.getByRole("radio", { name: "Start my counter again from this day" }));
    await user.click(screen.getByRole("button", { name: "Save lapse" }));
    expect(commands.addLapse).toHaveBeenCalledWith(expect.objectContaining({ restartsCounter: true, triggerIds: [] }));

    const card = await screen.findByRole("region", { name: "Staying safe right now" });
    expect(card).toHaveTextContent("call your local emergency number straight away");
    expect(card).not.toHaveTextContent("999");
    await user.click(within(card).getByRole("button", { name: "Choose your region in Settings" }));
    expect(session.screen).toBe("settings");
  });

  it("asks which way the counter should go before saving", async () => {
    const user = userEvent.setup();
    await openRecovery();
    await user.click(screen.getByRole("button", { name: "Log a lapse" }));
    await user.click(screen.getByRole("button", { name: "Save lapse" }));
    expect(commands.addLapse).not.toHaveBeenCalled();
    const group = screen.getByRole("group", { name: "Your recovery counter" });
    expect(within(group).getByRole("alert")).toHaveTextContent("Either is fine.");
  });

  it("shows a backend error for the situation beside it", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.addLapse).mockResolvedValue(fail("invalid_input", "The situation is too long.", "situation"));
    await openRecovery();
    await user.click(screen.getByRole("button", { name: "Log a lapse" }));
    await user.type(screen.getByLabelText("What was the situation? (optional)"), "Words");
    await user.click(screen.getByRole("radio", { name: "Keep my counter going" }));
    await user.click(screen.getByRole("button", { name: "Save lapse" }));
    const message = await screen.findByText("The situation is too long.");
    const field = screen.getByLabelText("What was the situation? (optional)");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field.getAttribute("aria-describedby")).toContain(message.id);
    expect(screen.queryByRole("region", { name: "Staying safe right now" })).not.toBeInTheDocument();
  });

  it("lists past lapses and edits one by its id, keeping its time", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.listLapses).mockResolvedValue(ok([earlier]));
    vi.mocked(commands.updateLapse).mockResolvedValue(ok(earlier));
    await openRecovery();
    expect(commands.listLapses).toHaveBeenCalledWith(50);
    const list = screen.getByRole("list", { name: "Lapses you've noted" });
    expect(list).toHaveTextContent("Payday, alone at home.");
    expect(list).toHaveTextContent("Feeling: Anxious");
    expect(list).toHaveTextContent("Counter started again");

    await user.click(within(list).getByRole("button", { name: /^Edit lapse on/ }));
    const form = lapseForm();
    expect(within(form).getByLabelText("What did you learn? (optional)")).toHaveValue("Evenings alone are hard.");
    expect(within(form).getByRole("radio", { name: "Start my counter again from this day" })).toBeChecked();
    expect(await within(form).findByRole("checkbox", { name: "Feeling stressed" })).toBeChecked();
    await user.click(within(form).getByRole("radio", { name: "Keep my counter going" }));
    await user.click(within(form).getByRole("button", { name: "Save changes" }));
    expect(commands.updateLapse).toHaveBeenCalledWith(8, {
      occurredAt: "2024-06-10T22:30:00-04:00",
      triggerIds: [1],
      feelings: ["anxious"],
      situation: "Payday, alone at home.",
      learned: "Evenings alone are hard.",
      nextTime: "Call Sam first.",
      restartsCounter: false,
    });
    expect(commands.addLapse).not.toHaveBeenCalled();
    expect(screen.queryByRole("region", { name: "Staying safe right now" })).not.toBeInTheDocument();
  });

  it("deletes a lapse with an offer to undo", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.listLapses).mockResolvedValueOnce(ok([earlier])).mockResolvedValue(ok([]));
    await openRecovery();
    await user.click(screen.getByRole("button", { name: /^Delete lapse on/ }));
    expect(commands.deleteEntry).toHaveBeenCalledWith({ kind: "lapse", id: 8 });
    expect(undo.pending?.entry).toEqual({ kind: "lapse", id: 8 });
    await vi.waitFor(() => expect(screen.queryByRole("list", { name: "Lapses you've noted" })).not.toBeInTheDocument());
  });

  it("locking drops the summary and the lapses", async () => {
    vi.mocked(commands.recoverySummary).mockResolvedValue(ok(summary));
    vi.mocked(commands.listLapses).mockResolvedValue(ok([earlier]));
    await openRecovery();
    expect(screen.getByText("Payday, alone at home.", { exact: false })).toBeInTheDocument();
    clearAllOnLock();
    await vi.waitFor(() => expect(screen.queryByText(/Payday, alone at home/)).not.toBeInTheDocument());
    expect(screen.queryByRole("region", { name: "Your journey so far" })).not.toBeInTheDocument();
  });
});
