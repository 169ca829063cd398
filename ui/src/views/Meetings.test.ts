import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { addDays, format, startOfDay } from "date-fns";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "../lib/api";
import { clearAllOnLock } from "../stores/lockable";
import { fail, ok, resetCommands, storedMeeting, storedOccurrence } from "../test/api-mock";
import Meetings from "./Meetings.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

/** A local time `days` from today at hh:mm. */
function at(days: number, hours: number, minutes = 0): Date {
  const day = addDays(startOfDay(new Date()), days);
  day.setHours(hours, minutes);
  return day;
}

const day = (date: Date) => format(date, "yyyy-MM-dd");

const na = storedMeeting(1, "Tuesday NA", { place: "St Mark's hall" });
const counselling = storedMeeting(2, "Counselling with Sam", {
  kind: "counselling",
  recurrence: { type: "once" },
  startLocal: `${day(at(2, 10))}T10:30`,
  link: "https://meet.example.org/sam",
});

const yesterdayNa = storedOccurrence(1, "Tuesday NA", at(-1, 19), { place: "St Mark's hall" });
const tomorrowNa = storedOccurrence(1, "Tuesday NA", at(1, 19), { place: "St Mark's hall" });
const tomorrowMorning = storedOccurrence(2, "Counselling with Sam", at(1, 9), {
  kind: "counselling",
  link: "https://meet.example.org/sam",
});
const laterNa = storedOccurrence(1, "Tuesday NA", at(3, 20, 30), {
  // Moved from its usual 19:00.
  occurrence: `${day(at(3, 19))}T19:00`,
  moved: true,
});

async function openMeetings(occurrences = [yesterdayNa, tomorrowMorning, tomorrowNa, laterNa]) {
  vi.mocked(commands.listMeetings).mockResolvedValue(ok([na, counselling]));
  vi.mocked(commands.meetingOccurrences).mockResolvedValue(ok(occurrences));
  const user = userEvent.setup();
  render(Meetings);
  await screen.findByRole("heading", { name: "Coming up" });
  return user;
}

function comingUp() {
  return screen.getByRole("region", { name: "Coming up" });
}

function itemTexts(list: HTMLElement): string[] {
  return within(list)
    .getAllByRole("listitem")
    .map((item) => item.querySelector(".title strong")?.textContent ?? "");
}

describe("meetings screen", () => {
  beforeEach(() => {
    resetCommands();
  });

  it("asks for the last 7 days and the next 14, and lists what is coming by day", async () => {
    await openMeetings();
    expect(commands.meetingOccurrences).toHaveBeenCalledWith(7, 14);
    const lists = within(comingUp()).getAllByRole("list");
    // Tomorrow's two (in start order), then the moved one two days later; yesterday's is not "coming up".
    expect(lists).toHaveLength(2);
    expect(lists[0]).toHaveAccessibleName(/^Tomorrow, /);
    expect(itemTexts(lists[0])).toEqual(["Counselling with Sam", "Tuesday NA"]);
    expect(itemTexts(lists[1])).toEqual(["Tuesday NA"]);
    expect(lists[1]).not.toHaveAccessibleName(/^(Today|Tomorrow)/);

    const [morning, evening] = within(lists[0]).getAllByRole("listitem");
    expect(morning).toHaveTextContent("09:00–10:00");
    expect(morning).toHaveTextContent("Counselling");
    expect(evening).toHaveTextContent("19:00–20:00");
    expect(evening).toHaveTextContent("Place: St Mark's hall");
    // The same zone as the computer: no zone shown.
    expect(comingUp()).not.toHaveTextContent("America/New_York");
    // Only the moved one says so, in words.
    expect(within(lists[1]).getByText("Moved")).toBeInTheDocument();
    expect(within(lists[0]).queryByText("Moved")).not.toBeInTheDocument();
  });

  it("shows an online link as text to copy, never as a link", async () => {
    const user = await openMeetings();
    const item = within(comingUp()).getAllByRole("listitem")[0];
    expect(item).toHaveTextContent("https://meet.example.org/sam");
    expect(within(item).queryByRole("link")).not.toBeInTheDocument();
    await user.click(within(item).getByRole("button", { name: "Copy the link for Counselling with Sam" }));
    expect(await navigator.clipboard.readText()).toBe("https://meet.example.org/sam");
    expect(screen.getByText("Copied the link for Counselling with Sam.")).toBeInTheDocument();
  });

  it("shows the zone, and the computer's own times, for a meeting elsewhere", async () => {
    const abroad = storedOccurrence(3, "London meeting", at(1, 14), { timeZone: "Europe/London" });
    await openMeetings([abroad]);
    const item = within(comingUp()).getByRole("listitem");
    expect(item).toHaveTextContent("Europe/London time");
    expect(item).toHaveTextContent("on this computer");
  });

  it("skips one date with the meeting and that date's original start", async () => {
    const user = await openMeetings();
    vi.mocked(commands.meetingOccurrences).mockResolvedValue(ok([yesterdayNa, tomorrowMorning, laterNa]));
    vi.mocked(commands.skipOccurrence).mockResolvedValue(
      ok({ ...na, exceptions: [{ occurrence: tomorrowNa.occurrence, movedTo: null }] }),
    );
    await user.click(screen.getByRole("button", { name: /^Skip Tuesday NA on .* at 19:00$/ }));
    expect(commands.skipOccurrence).toHaveBeenCalledWith(1, tomorrowNa.occurrence);
    // Asked again for what is coming, and the skipped date can be put back.
    expect(commands.meetingOccurrences).toHaveBeenCalledTimes(2);
    const skipped = await screen.findByRole("list", { name: "Skipped" });
    expect(skipped).toHaveTextContent("Tuesday NA");
    await user.click(within(skipped).getByRole("button", { name: /^Put back Tuesday NA on / }));
    expect(commands.restoreOccurrence).toHaveBeenCalledWith(1, tomorrowNa.occurrence);
  });

  it("moves one date to a new day and time, named by its original start", async () => {
    const user = await openMeetings();
    await user.click(screen.getByRole("button", { name: /^Move Tuesday NA on .* at 19:00$/ }));
    const form = screen.getByRole("form", { name: "Move Tuesday NA" });
    const date = within(form).getByLabelText("New date");
    const time = within(form).getByLabelText("New time");
    expect(date).toHaveValue(day(at(1, 19)));
    expect(time).toHaveValue("19:00");
    expect(date).toHaveFocus();
    await user.clear(date);
    await user.type(date, day(at(2, 0)));
    await user.clear(time);
    await user.type(time, "18:30");
    await user.click(within(form).getByRole("button", { name: "Save new time" }));
    expect(commands.moveOccurrence).toHaveBeenCalledWith(1, tomorrowNa.occurrence, `${day(at(2, 0))}T18:30`);
    expect(screen.queryByRole("form", { name: "Move Tuesday NA" })).not.toBeInTheDocument();
  });

  it("shows why a move was refused beside the new date and time", async () => {
    const user = await openMeetings();
    const message = "A meeting can be moved by up to 60 days; for a bigger change, edit the meeting.";
    vi.mocked(commands.moveOccurrence).mockResolvedValue(fail("invalid_input", message, "movedTo"));
    await user.click(screen.getByRole("button", { name: /^Move Tuesday NA on .* at 19:00$/ }));
    const form = screen.getByRole("form", { name: "Move Tuesday NA" });
    await user.click(within(form).getByRole("button", { name: "Save new time" }));
    expect(within(form).getByLabelText("New date")).toHaveAccessibleDescription(message);
  });

  it("puts a moved date back at its usual time", async () => {
    const user = await openMeetings();
    await user.click(screen.getByRole("button", { name: "Put Tuesday NA back to its usual time" }));
    expect(commands.restoreOccurrence).toHaveBeenCalledWith(1, laterNa.occurrence);
    expect(await screen.findByText(/^Put Tuesday NA back to /)).toBeInTheDocument();
  });

  it("Did you go? marks the last week's meetings attended or missed, and clears them", async () => {
    const user = await openMeetings();
    const went = screen.getByRole("region", { name: "Did you go?" });
    expect(went).toHaveTextContent("Missed is useful to know too");
    const items = within(went).getAllByRole("listitem");
    expect(items).toHaveLength(1);
    const group = within(items[0]).getByRole("group", { name: "Did you go to Tuesday NA?" });
    const attended = within(group).getByRole("button", { name: "Attended" });
    const missed = within(group).getByRole("button", { name: "Missed" });
    expect(attended).toHaveAttribute("aria-pressed", "false");

    await user.click(attended);
    expect(commands.setAttendance).toHaveBeenLastCalledWith(1, yesterdayNa.occurrence, "attended");
    expect(attended).toHaveAttribute("aria-pressed", "true");
    await user.click(missed);
    expect(commands.setAttendance).toHaveBeenLastCalledWith(1, yesterdayNa.occurrence, "missed");
    expect(missed).toHaveAttribute("aria-pressed", "true");
    expect(attended).toHaveAttribute("aria-pressed", "false");
    await user.click(within(group).getByRole("button", { name: "Clear: did you go to Tuesday NA?" }));
    expect(commands.setAttendance).toHaveBeenLastCalledWith(1, yesterdayNa.occurrence, null);
    expect(missed).toHaveAttribute("aria-pressed", "false");
    expect(commands.setAttendance).toHaveBeenCalledTimes(3);
  });

  it("lists the meetings with how they repeat, and deletes one after saying what goes with it", async () => {
    const user = await openMeetings();
    const yours = screen.getByRole("list", { name: "Your meetings" });
    const [first, second] = within(yours).getAllByRole("listitem");
    expect(first).toHaveTextContent("Every Tuesday at 19:00");
    expect(second).toHaveTextContent(/Once, .* at 10:30/);

    await user.click(within(second).getByRole("button", { name: "Delete Counselling with Sam" }));
    const confirm = within(second).getByRole("group", { name: "Delete Counselling with Sam?" });
    expect(confirm).toHaveTextContent("removes its attendance history");
    expect(commands.deleteMeeting).not.toHaveBeenCalled();
    await user.click(within(confirm).getByRole("button", { name: "Yes, delete" }));
    expect(commands.deleteMeeting).toHaveBeenCalledWith(2);
    expect(within(yours).getAllByRole("listitem")).toHaveLength(1);
  });

  it("adds a meeting, and shows a backend error beside its field", async () => {
    const user = await openMeetings();
    await user.click(screen.getByRole("button", { name: "Add a meeting" }));
    const form = screen.getByRole("form", { name: "Add a meeting" });
    expect(within(form).getByLabelText("Title")).toHaveFocus();
    await user.type(within(form).getByLabelText("Title"), "Friday SMART");
    await user.type(within(form).getByLabelText("Starts at"), "18:00");
    await user.selectOptions(within(form).getByLabelText("How often"), "Weekly");
    vi.mocked(commands.addMeeting).mockResolvedValueOnce(
      fail("invalid_input", "That time does not exist on that day, because the clocks go forward then.", "startTime"),
    );
    await user.click(within(form).getByRole("button", { name: "Add meeting" }));
    expect(within(form).getByLabelText("Starts at")).toHaveAccessibleDescription(/clocks go forward/);

    await user.click(within(form).getByRole("button", { name: "Add meeting" }));
    expect(commands.addMeeting).toHaveBeenCalledTimes(2);
    expect(vi.mocked(commands.addMeeting).mock.calls[1][0]).toMatchObject({ title: "Friday SMART", startTime: "18:00" });
    const yours = await screen.findByRole("list", { name: "Your meetings" });
    expect(within(yours).getAllByRole("listitem")).toHaveLength(3);
    expect(screen.getByRole("button", { name: "Edit Friday SMART" })).toHaveFocus();
    expect(screen.queryByRole("form", { name: "Add a meeting" })).not.toBeInTheDocument();
  });

  it("edits a meeting with updateMeeting and its id", async () => {
    const user = await openMeetings();
    await user.click(screen.getByRole("button", { name: "Edit Tuesday NA" }));
    const form = screen.getByRole("form", { name: "Edit Tuesday NA" });
    const title = within(form).getByLabelText("Title");
    expect(title).toHaveFocus();
    await user.clear(title);
    await user.type(title, "Tuesday NA, St Mark's");
    await user.click(within(form).getByRole("button", { name: "Save" }));
    expect(commands.updateMeeting).toHaveBeenCalledWith(1, expect.objectContaining({ title: "Tuesday NA, St Mark's", place: "St Mark's hall" }));
    expect(await screen.findByRole("button", { name: "Edit Tuesday NA, St Mark's" })).toBeInTheDocument();
  });

  it("exports the schedule as a calendar file, warning first that it is not encrypted", async () => {
    const user = await openMeetings();
    const calendar = screen.getByRole("region", { name: "Calendar files" });
    const exportButton = within(calendar).getByRole("button", { name: "Export to calendar (.ics)" });
    expect(exportButton).toHaveAccessibleDescription(/not encrypted.*leaves out your private notes/);
    await user.click(exportButton);
    expect(commands.exportIcs).toHaveBeenCalledTimes(1);
    expect(within(calendar).getByRole("status")).toHaveTextContent(
      "Saved to /home/person/Documents/schedule.ics. This file is not encrypted.",
    );
  });

  it("says nothing when the save dialog is cancelled", async () => {
    vi.mocked(commands.exportIcs).mockResolvedValue(ok(null));
    const user = await openMeetings();
    const calendar = screen.getByRole("region", { name: "Calendar files" });
    await user.click(within(calendar).getByRole("button", { name: "Export to calendar (.ics)" }));
    expect(within(calendar).getByRole("status")).toHaveTextContent("");
    expect(within(calendar).queryByRole("alert")).not.toBeInTheDocument();
  });

  it("imports meetings from a calendar file and says what was left out and why", async () => {
    const imported = storedMeeting(9, "Imported SMART", { recurrence: { type: "weekly", interval: 1, days: ["fri"] } });
    vi.mocked(commands.importIcs).mockResolvedValue(
      ok({ imported: [imported], skipped: [{ title: "Dentist", reason: "It repeats in a way Waymark can't follow." }] }),
    );
    const user = await openMeetings();
    const calendar = screen.getByRole("region", { name: "Calendar files" });
    await user.click(within(calendar).getByRole("button", { name: "Import from calendar file" }));
    expect(commands.importIcs).toHaveBeenCalledTimes(1);
    expect(within(calendar).getByRole("status")).toHaveTextContent("Added 1 meeting.");
    expect(within(calendar).getByRole("list", { name: "Left out of the import" })).toHaveTextContent(
      "Dentist: It repeats in a way Waymark can't follow.",
    );
    const yours = screen.getByRole("list", { name: "Your meetings" });
    expect(within(yours).getAllByRole("listitem")).toHaveLength(3);
    expect(yours).toHaveTextContent("Every Friday at 19:00");
    expect(commands.meetingOccurrences).toHaveBeenCalledTimes(2);
  });

  it("shows why an import failed", async () => {
    vi.mocked(commands.importIcs).mockResolvedValue(fail("invalid_input", "That file is not a calendar file.", "file"));
    const user = await openMeetings();
    const calendar = screen.getByRole("region", { name: "Calendar files" });
    await user.click(within(calendar).getByRole("button", { name: "Import from calendar file" }));
    expect(within(calendar).getByRole("alert")).toHaveTextContent("That file is not a calendar file.");
  });

  it("locking drops every meeting from the page", async () => {
    await openMeetings();
    expect(screen.getAllByText("Tuesday NA").length).toBeGreaterThan(0);
    clearAllOnLock();
    await vi.waitFor(() => expect(screen.queryByText("Tuesday NA")).not.toBeInTheDocument());
    expect(screen.queryByText("St Mark's hall")).not.toBeInTheDocument();
  });
});
