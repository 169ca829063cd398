import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { NewMeetingInput } from "../lib/api";
import { todayIso } from "../lib/day";
import type { FormErrors } from "../lib/errors";
import { clearAllOnLock } from "../stores/lockable";
import { SYSTEM_ZONE, resetCommands, scheduleOptions, storedMeeting } from "../test/api-mock";
import MeetingForm from "./MeetingForm.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

type User = ReturnType<typeof userEvent.setup>;

function renderForm(props: Partial<{ initial: ReturnType<typeof storedMeeting>; onsave: (input: NewMeetingInput) => Promise<FormErrors | null> }> = {}) {
  const onsave = props.onsave ?? vi.fn<(input: NewMeetingInput) => Promise<FormErrors | null>>().mockResolvedValue(null);
  render(MeetingForm, {
    props: {
      idPrefix: "m",
      label: props.initial ? "Edit meeting" : "Add a meeting",
      submitLabel: props.initial ? "Save" : "Add meeting",
      options: scheduleOptions,
      initial: props.initial ?? null,
      onsave,
    },
  });
  return { onsave, form: screen.getByRole("form") };
}

/** Fills in the parts every meeting needs. */
async function basics(user: User, title: string, date: string, time: string) {
  await user.type(screen.getByLabelText("Title"), title);
  const day = screen.getByLabelText(/^(First date|Date)$/);
  await user.clear(day);
  await user.type(day, date);
  await user.type(screen.getByLabelText("Starts at"), time);
}

async function chooseRepeat(user: User, label: string) {
  await user.selectOptions(screen.getByLabelText("How often"), label);
}

async function setEvery(user: User, n: number) {
  const every = screen.getByLabelText("Every");
  await user.clear(every);
  await user.type(every, String(n));
}

async function submit(user: User, label = "Add meeting") {
  await user.click(screen.getByRole("button", { name: label }));
}

/** What the form sends for the basics and defaults, with `changes`. */
function expected(changes: Partial<NewMeetingInput>): NewMeetingInput {
  return {
    title: "Tuesday NA",
    kind: "twelve_step",
    startDate: "2026-11-24",
    startTime: "19:00",
    timeZone: SYSTEM_ZONE,
    durationMinutes: 60,
    recurrence: { type: "once" },
    until: null,
    place: null,
    link: null,
    notes: null,
    reminderMinutes: [60],
    ...changes,
  };
}

describe("meeting form", () => {
  beforeEach(() => {
    resetCommands();
  });

  it("a one-off appointment: kind, length preset, place, link, notes and reminders", async () => {
    const user = userEvent.setup();
    const { onsave } = renderForm();
    expect(screen.getByLabelText("Date")).toHaveValue(todayIso());
    expect(screen.getByLabelText("Time zone")).toHaveValue(SYSTEM_ZONE);
    // A one-off has no end date.
    expect(screen.queryByLabelText("Last date (optional)")).not.toBeInTheDocument();

    await basics(user, "  Keyworker, Anna  ", "2026-11-24", "10:30");
    await user.selectOptions(screen.getByLabelText("Kind"), "Keyworker appointment");
    await user.click(screen.getByRole("button", { name: "90 min" }));
    expect(screen.getByRole("button", { name: "90 min" })).toHaveAttribute("aria-pressed", "true");
    await user.type(screen.getByLabelText("Place (optional)"), "Drug service, 2nd floor");
    await user.type(screen.getByLabelText("Online link (optional)"), "https://meet.example.org/anna");
    await user.type(screen.getByLabelText("Notes (optional)"), "Bring the letter");
    const remind = screen.getByRole("group", { name: "Remind me" });
    await user.click(within(remind).getByRole("checkbox", { name: "1 day before" }));
    await user.click(within(remind).getByRole("checkbox", { name: "At the start" }));
    await submit(user);

    expect(onsave).toHaveBeenCalledTimes(1);
    expect(onsave).toHaveBeenCalledWith(
      expected({
        title: "Keyworker, Anna",
        kind: "keyworker",
        startTime: "10:30",
        durationMinutes: 90,
        place: "Drug service, 2nd floor",
        link: "https://meet.example.org/anna",
        notes: "Bring the letter",
        reminderMinutes: [1440, 60, 0],
      }),
    );
    // Saved: a new form empties itself for the next one.
    expect(screen.getByLabelText("Title")).toHaveValue("");
  });

  it("daily, every 2 days, with a last date", async () => {
    const user = userEvent.setup();
    const { onsave } = renderForm();
    await basics(user, "Tuesday NA", "2026-11-24", "19:00");
    await chooseRepeat(user, "Daily");
    await setEvery(user, 2);
    expect(screen.getByText("days")).toBeInTheDocument();
    await user.type(screen.getByLabelText("Last date (optional)"), "2026-12-24");
    await submit(user);
    expect(onsave).toHaveBeenCalledWith(expected({ recurrence: { type: "daily", interval: 2 }, until: "2026-12-24" }));
  });

  it("weekly: the start date's weekday is picked first, and the days can be changed", async () => {
    const user = userEvent.setup();
    const { onsave } = renderForm();
    await basics(user, "Tuesday NA", "2026-11-24", "19:00");
    await chooseRepeat(user, "Weekly");
    const days = screen.getByRole("group", { name: "On these days" });
    // 24 November 2026 is a Tuesday.
    expect(within(days).getByRole("checkbox", { name: "Tue" })).toBeChecked();
    await user.click(within(days).getByRole("checkbox", { name: "Tue" }));
    await user.click(within(days).getByRole("checkbox", { name: "Thu" }));
    await user.click(within(days).getByRole("checkbox", { name: "Mon" }));
    await setEvery(user, 2);
    await submit(user);
    expect(onsave).toHaveBeenCalledWith(expected({ recurrence: { type: "weekly", interval: 2, days: ["mon", "thu"] } }));
  });

  it("weekly with no day chosen is caught before sending", async () => {
    const user = userEvent.setup();
    const { onsave } = renderForm();
    await basics(user, "Tuesday NA", "2026-11-24", "19:00");
    await chooseRepeat(user, "Weekly");
    await user.click(within(screen.getByRole("group", { name: "On these days" })).getByRole("checkbox", { name: "Tue" }));
    await submit(user);
    expect(onsave).not.toHaveBeenCalled();
    expect(screen.getByRole("group", { name: "Repeat" })).toHaveAccessibleDescription("Choose at least one day of the week.");
  });

  it("monthly on a day: the 31st explains skipped months, and the last day is offered", async () => {
    const user = userEvent.setup();
    const { onsave } = renderForm();
    await basics(user, "Clinic review", "2026-12-31", "09:00");
    await chooseRepeat(user, "Monthly on a day");
    const day = screen.getByLabelText("On day");
    expect(day).toHaveValue("31");
    expect(day).toHaveAccessibleDescription(/Months without the 31st are skipped/);
    await submit(user);
    expect(onsave).toHaveBeenLastCalledWith(
      expected({ title: "Clinic review", startDate: "2026-12-31", startTime: "09:00", recurrence: { type: "monthlyOnDay", interval: 1, day: 31 } }),
    );

    // The form emptied itself; the second meeting takes the last day instead.
    await basics(user, "Clinic review", "2026-12-31", "09:00");
    await chooseRepeat(user, "Monthly on a day");
    await user.selectOptions(screen.getByLabelText("On day"), "Last day of the month");
    expect(screen.queryByText(/Months without/)).not.toBeInTheDocument();
    await submit(user);
    expect(onsave).toHaveBeenLastCalledWith(
      expected({ title: "Clinic review", startDate: "2026-12-31", startTime: "09:00", recurrence: { type: "monthlyOnDay", interval: 1, day: -1 } }),
    );
  });

  it("monthly on a weekday: starts from the start date's week, and can be the last Friday", async () => {
    const user = userEvent.setup();
    const { onsave } = renderForm();
    await basics(user, "Group therapy", "2026-11-10", "18:30");
    await chooseRepeat(user, "Monthly on a weekday");
    // 10 November 2026 is the second Tuesday.
    expect(screen.getByLabelText("On the")).toHaveValue("2");
    expect(screen.getByLabelText("Day of the week")).toHaveValue("tue");
    await user.selectOptions(screen.getByLabelText("On the"), "last");
    await user.selectOptions(screen.getByLabelText("Day of the week"), "Friday");
    await setEvery(user, 3);
    await submit(user);
    expect(onsave).toHaveBeenCalledWith(
      expected({
        title: "Group therapy",
        startDate: "2026-11-10",
        startTime: "18:30",
        recurrence: { type: "monthlyOnWeekday", interval: 3, week: -1, weekday: "fri" },
      }),
    );
  });

  it("asks for a title and a time before sending", async () => {
    const user = userEvent.setup();
    const { onsave } = renderForm();
    await submit(user);
    expect(onsave).not.toHaveBeenCalled();
    expect(screen.getByLabelText("Title")).toHaveAccessibleDescription("Give the meeting a title.");
    expect(screen.getByLabelText("Starts at")).toHaveAccessibleDescription("Choose the time it starts.");
    expect(screen.getByLabelText("Title")).toHaveFocus();
  });

  it("shows a backend error beside the field it names", async () => {
    const user = userEvent.setup();
    const message = "The link must be a web address starting with https:// (or http://), with no spaces.";
    const onsave = vi.fn(async (): Promise<FormErrors | null> => ({ general: null, fields: { link: message } }));
    renderForm({ onsave });
    await basics(user, "Online SMART", "2026-11-24", "19:00");
    await user.type(screen.getByLabelText("Online link (optional)"), "meet.example.org");
    await submit(user);
    const link = screen.getByLabelText("Online link (optional)");
    expect(link).toHaveAttribute("aria-invalid", "true");
    expect(link).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(screen.getByLabelText("Title")).not.toHaveAttribute("aria-invalid");
    // Nothing typed is lost.
    expect(screen.getByLabelText("Title")).toHaveValue("Online SMART");
  });

  it("edits a meeting: every field starts from it, and an unusual reminder is kept", async () => {
    const user = userEvent.setup();
    const meeting = storedMeeting(4, "Thursday SMART", {
      kind: "smart_recovery",
      startLocal: "2026-11-26T18:00",
      timeZone: "Europe/London",
      durationMinutes: 90,
      recurrence: { type: "weekly", interval: 1, days: ["thu"] },
      until: "2027-03-25",
      place: "Library, room 2",
      reminderMinutes: [45],
    });
    const { onsave } = renderForm({ initial: meeting });
    expect(screen.getByLabelText("Time zone")).toHaveValue("Europe/London");
    expect(screen.getByLabelText("How often")).toHaveValue("weekly");
    expect(within(screen.getByRole("group", { name: "Remind me" })).getByRole("checkbox", { name: "45 min before" })).toBeChecked();
    await submit(user, "Save");
    expect(onsave).toHaveBeenCalledWith({
      title: "Thursday SMART",
      kind: "smart_recovery",
      startDate: "2026-11-26",
      startTime: "18:00",
      timeZone: "Europe/London",
      durationMinutes: 90,
      recurrence: { type: "weekly", interval: 1, days: ["thu"] },
      until: "2027-03-25",
      place: "Library, room 2",
      link: null,
      notes: null,
      reminderMinutes: [45],
    });
  });

  it("locking empties what was typed", async () => {
    const user = userEvent.setup();
    renderForm();
    await user.type(screen.getByLabelText("Title"), "Tuesday NA");
    await user.type(screen.getByLabelText("Place (optional)"), "St Mark's");
    clearAllOnLock();
    await vi.waitFor(() => expect(screen.getByLabelText("Title")).toHaveValue(""));
    expect(screen.getByLabelText("Place (optional)")).toHaveValue("");
  });
});
