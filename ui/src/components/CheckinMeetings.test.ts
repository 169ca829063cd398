import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { startOfDay } from "date-fns";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type Checkin } from "../lib/api";
import { todayIso } from "../lib/day";
import { clearAllOnLock } from "../stores/lockable";
import { ok, resetCommands, storedCheckin, storedOccurrence } from "../test/api-mock";
import CheckinForm from "./CheckinForm.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

const today = todayIso();
const QUESTION = "Went to a meeting, therapy or keyworker?";
// Both have started whenever a test runs: they begin at midnight.
const na = storedOccurrence(1, "Morning NA", startOfDay(new Date()));
const keyworker = storedOccurrence(2, "Keyworker", startOfDay(new Date()), { kind: "keyworker" }, 30);

function meetingQuestion() {
  return screen.getByRole("group", { name: QUESTION });
}

function answerShown(): "Yes" | "No" | null {
  const group = meetingQuestion();
  if (within(group).getByRole("radio", { name: "Yes" }).matches(":checked")) return "Yes";
  if (within(group).getByRole("radio", { name: "No" }).matches(":checked")) return "No";
  return null;
}

async function renderForm(existing: Checkin | null = null) {
  const user = userEvent.setup();
  render(CheckinForm, { props: { existing, date: today } });
  await screen.findByRole("heading", { name: "Your meetings today" });
  return user;
}

describe("check-in: the day's meetings", () => {
  beforeEach(() => {
    resetCommands();
  });

  it("lists the day's meetings and fills in yes when one was attended", async () => {
    vi.mocked(commands.occurrencesOn).mockResolvedValue(ok([{ ...na, attendance: "missed" }, { ...keyworker, attendance: "attended" }]));
    await renderForm();
    expect(commands.occurrencesOn).toHaveBeenCalledWith(today);
    expect(screen.getByText("Morning NA")).toBeInTheDocument();
    expect(screen.getByText("Keyworker")).toBeInTheDocument();
    await vi.waitFor(() => expect(answerShown()).toBe("Yes"));
    expect(screen.getByText(/is filled in from these/)).toBeInTheDocument();
  });

  it("fills in no when every one was marked missed", async () => {
    vi.mocked(commands.occurrencesOn).mockResolvedValue(ok([{ ...na, attendance: "missed" }, { ...keyworker, attendance: "missed" }]));
    await renderForm();
    await vi.waitFor(() => expect(answerShown()).toBe("No"));
  });

  it("fills in nothing while any meeting is unmarked and none attended", async () => {
    vi.mocked(commands.occurrencesOn).mockResolvedValue(ok([{ ...na, attendance: "missed" }, keyworker]));
    await renderForm();
    await vi.waitFor(() => expect(within(screen.getByRole("group", { name: "Did you go to Keyworker?" })).getByRole("button", { name: "Attended" })).toBeInTheDocument());
    expect(answerShown()).toBeNull();
  });

  it("marking a meeting attended saves it and fills in the answer, which is saved with the check-in", async () => {
    vi.mocked(commands.occurrencesOn).mockResolvedValue(ok([na]));
    vi.mocked(commands.addCheckin).mockResolvedValue(ok(storedCheckin(5, today, { answers: { attendedSupport: true } })));
    const user = await renderForm();
    expect(answerShown()).toBeNull();
    await user.click(within(screen.getByRole("group", { name: "Did you go to Morning NA?" })).getByRole("button", { name: "Attended" }));
    expect(commands.setAttendance).toHaveBeenCalledWith(1, na.occurrence, "attended");
    expect(answerShown()).toBe("Yes");
    // Changing the mark changes the answer the form filled in.
    await user.click(within(screen.getByRole("group", { name: "Did you go to Morning NA?" })).getByRole("button", { name: "Missed" }));
    expect(commands.setAttendance).toHaveBeenLastCalledWith(1, na.occurrence, "missed");
    expect(answerShown()).toBe("No");

    await user.click(screen.getByRole("button", { name: "Save check-in" }));
    expect(commands.addCheckin).toHaveBeenCalledWith(expect.objectContaining({ answers: { attendedSupport: false } }));
  });

  it("never overrides an answer the person already gave", async () => {
    vi.mocked(commands.occurrencesOn).mockResolvedValue(ok([{ ...na, attendance: "attended" }]));
    await renderForm(storedCheckin(7, today, { answers: { attendedSupport: false } }));
    await vi.waitFor(() => expect(within(screen.getByRole("group", { name: "Did you go to Morning NA?" })).getByRole("button", { name: "Attended" })).toHaveAttribute("aria-pressed", "true"));
    expect(answerShown()).toBe("No");
    expect(screen.queryByText(/is filled in from these/)).not.toBeInTheDocument();
  });

  it("never overrides an answer changed by hand after it was filled in", async () => {
    vi.mocked(commands.occurrencesOn).mockResolvedValue(ok([na, keyworker]));
    const user = await renderForm();
    await user.click(within(screen.getByRole("group", { name: "Did you go to Morning NA?" })).getByRole("button", { name: "Missed" }));
    await user.click(within(screen.getByRole("group", { name: "Did you go to Keyworker?" })).getByRole("button", { name: "Missed" }));
    expect(answerShown()).toBe("No");
    // The person knows better (they saw their counsellor): their Yes stays, whatever is marked next.
    await user.click(within(meetingQuestion()).getByRole("radio", { name: "Yes" }));
    await user.click(within(screen.getByRole("group", { name: "Did you go to Keyworker?" })).getByRole("button", { name: "Clear: did you go to Keyworker?" }));
    expect(answerShown()).toBe("Yes");
  });

  it("locking drops the day's meetings", async () => {
    vi.mocked(commands.occurrencesOn).mockResolvedValue(ok([na]));
    await renderForm();
    clearAllOnLock();
    await vi.waitFor(() => expect(screen.queryByText("Morning NA")).not.toBeInTheDocument());
  });
});
