import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "../App.svelte";
import { commands, type NewCravingInput } from "../lib/api";
import { setDayLocale } from "../lib/day";
import { formatEntryTime } from "../lib/time";
import { cravings } from "../stores/cravings.svelte";
import { clearAllOnLock } from "../stores/lockable";
import { triggers } from "../stores/triggers.svelte";
import { craving, fail, noRecovery, ok, resetCommands, trigger } from "../test/api-mock";
import { resetStores } from "../test/reset";

vi.mock("../lib/api", () => import("../test/api-mock"));

const older = craving(1, 3, "2024-11-20T09:15:00-05:00", "After the bus stop.");

/** What a craving logged with nothing but an intensity sends: every detail at its default. */
function quickInput(intensity: number, changes: Partial<NewCravingInput> = {}): NewCravingInput {
  return {
    intensity,
    occurredAt: null,
    durationMinutes: null,
    triggerIds: [],
    newTriggers: [],
    halt: { hungry: false, angry: false, lonely: false, tired: false },
    place: null,
    withWhom: null,
    activity: null,
    coping: [],
    outcome: null,
    intensityAfter: null,
    note: null,
    ...changes,
  };
}

async function openHome() {
  const user = userEvent.setup();
  render(App);
  await screen.findByRole("heading", { name: "Log a craving" });
  return user;
}

function logForm() {
  return screen.getByRole("form", { name: "Log a craving" });
}

async function openDetails(user: ReturnType<typeof userEvent.setup>) {
  const toggle = within(logForm()).getByRole("button", { name: "Add details" });
  expect(toggle).toHaveAttribute("aria-expanded", "false");
  await user.click(toggle);
  expect(toggle).toHaveAttribute("aria-expanded", "true");
}

describe("home: logging a craving", () => {
  beforeEach(() => {
    resetCommands();
    resetStores();
    clearAllOnLock();
    setDayLocale("en-GB");
  });

  it("shows a gentle empty state", async () => {
    await openHome();
    expect(await screen.findByText(/Nothing logged yet/)).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Recent cravings" })).not.toBeInTheDocument();
  });

  it("quick log: an intensity and Save is all it takes; every detail keeps its default", async () => {
    const saved = craving(2, 7, "2024-11-22T15:40:00-05:00", "Payday, walking past the old place.");
    vi.mocked(commands.listCravings)
      .mockResolvedValueOnce(ok([older]))
      .mockResolvedValueOnce(ok([saved, older]));
    vi.mocked(commands.addCraving).mockResolvedValue(ok(saved));
    const user = await openHome();
    const list = await screen.findByRole("list", { name: "Recent cravings" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(1);
    expect(commands.listCravings).toHaveBeenCalledWith(50);
    // The details wait behind "Add details".
    expect(within(logForm()).queryByRole("group", { name: "Triggers" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("radio", { name: "Intensity 7" }));
    await user.click(screen.getByRole("button", { name: "Save craving" }));

    expect(commands.addCraving).toHaveBeenCalledTimes(1);
    expect(commands.addCraving).toHaveBeenCalledWith(quickInput(7));
    expect(commands.safetyCardDue).not.toHaveBeenCalled();
    expect(within(logForm()).getByRole("status")).toHaveTextContent("Craving saved. Well done for noticing it.");
    const items = within(screen.getByRole("list", { name: "Recent cravings" })).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("7/10");
    expect(items[0]).toHaveTextContent("Fri, 22 Nov 2024");
    expect(items[0]).toHaveTextContent("15:40");
    expect(items[0]).toHaveTextContent("Payday, walking past the old place.");
    expect(commands.listCravings).toHaveBeenCalledTimes(2);
    // Ready for the next one.
    expect(screen.getByRole("radio", { name: "Intensity 7" })).not.toBeChecked();
  });

  it("shows the word anchors under the scale", async () => {
    await openHome();
    const scale = within(logForm()).getByRole("group", { name: /How strong is the craving/ });
    for (const word of ["none", "noticeable", "hard to ignore", "very strong", "over\u00adwhelming"]) {
      expect(within(scale).getByText(word, { exact: false })).toBeInTheDocument();
    }
  });

  it("details: triggers, a new typed trigger, HALT, coping chips and the outcome are all sent", async () => {
    vi.mocked(commands.listTriggers).mockResolvedValue(
      ok([
        trigger(1, "Feeling stressed", "feelings", 3),
        trigger(2, "Old friends", "people", 1),
        { ...trigger(3, "The old estate", "places"), archived: true },
      ]),
    );
    const user = await openHome();
    await user.click(screen.getByRole("radio", { name: "Intensity 8" }));
    await openDetails(user);

    const picker = within(logForm()).getByRole("group", { name: "Triggers" });
    // Grouped by category; archived triggers are not offered.
    expect(within(picker).getByRole("group", { name: "Feelings" })).toBeInTheDocument();
    expect(within(picker).getByRole("group", { name: "People" })).toBeInTheDocument();
    expect(within(picker).queryByRole("checkbox", { name: /The old estate/ })).not.toBeInTheDocument();
    await user.click(within(picker).getByRole("checkbox", { name: "Feeling stressed" }));

    await user.type(within(picker).getByLabelText("New trigger"), "Payday");
    await user.selectOptions(within(picker).getByLabelText("Its category"), "Times and situations");
    await user.click(within(picker).getByRole("button", { name: "Add new trigger" }));
    const added = within(picker).getByRole("list", { name: "New triggers" });
    expect(within(added).getByText("Payday")).toBeInTheDocument();
    expect(within(picker).getByLabelText("New trigger")).toHaveValue("");

    // A typed name already in the list just ticks it.
    await user.type(within(picker).getByLabelText("New trigger"), "old FRIENDS{Enter}");
    expect(within(picker).getByRole("checkbox", { name: "Old friends" })).toBeChecked();

    const halt = within(logForm()).getByRole("group", { name: /hungry, angry, lonely or tired/ });
    await user.click(within(halt).getByRole("checkbox", { name: "Hungry" }));
    await user.click(within(halt).getByRole("checkbox", { name: "Tired" }));

    await user.type(screen.getByLabelText("Where were you?"), "  At home ");
    await user.type(screen.getByLabelText("Who were you with?"), "On my own");
    await user.clear(screen.getByLabelText("How long? (minutes)"));
    await user.type(screen.getByLabelText("How long? (minutes)"), "20");

    const copingInput = screen.getByLabelText("What did you try to cope?");
    await user.type(copingInput, "Went for a walk{Enter}");
    await user.type(copingInput, "Had a shower{Enter}");
    await user.type(copingInput, "Called my sponsor");
    await user.click(screen.getByRole("button", { name: "Add coping strategy" }));
    const chips = screen.getByRole("list", { name: "What did you try to cope?" });
    expect(within(chips).getAllByRole("listitem")).toHaveLength(3);
    await user.click(within(chips).getByRole("button", { name: "Remove Had a shower" }));
    expect(within(chips).getAllByRole("listitem")).toHaveLength(2);
    expect(copingInput).toHaveFocus();

    const ended = within(logForm()).getByRole("group", { name: "How did it end?" });
    await user.click(within(ended).getByRole("radio", { name: "Passed without using" }));
    await user.click(screen.getByRole("radio", { name: "Intensity afterwards 2" }));
    await user.type(screen.getByLabelText("Craving note (optional)"), "It passed in the end.");
    await user.click(screen.getByRole("button", { name: "Save craving" }));

    expect(commands.addCraving).toHaveBeenCalledWith({
      intensity: 8,
      occurredAt: null,
      durationMinutes: 20,
      triggerIds: [1, 2],
      newTriggers: [{ name: "Payday", category: "times_and_situations" }],
      halt: { hungry: true, angry: false, lonely: false, tired: true },
      place: "At home",
      withWhom: "On my own",
      activity: null,
      coping: ["Went for a walk", "Called my sponsor"],
      outcome: "passed",
      intensityAfter: 2,
      note: "It passed in the end.",
    });
    expect(within(logForm()).getByRole("status")).toHaveTextContent("You rode it out");
    // The new trigger is in the catalogue now: it is read again.
    await waitFor(() => expect(commands.listTriggers).toHaveBeenCalledTimes(2));
    // Everything is cleared for the next craving.
    expect(screen.getByRole("checkbox", { name: "Feeling stressed" })).not.toBeChecked();
    expect(screen.queryByRole("list", { name: "What did you try to cope?" })).not.toBeInTheDocument();
    expect(screen.getByLabelText("Where were you?")).toHaveValue("");
  });

  it("a new trigger needs a category", async () => {
    const user = await openHome();
    await user.click(screen.getByRole("radio", { name: "Intensity 4" }));
    await openDetails(user);
    await user.type(screen.getByLabelText("New trigger"), "Payday");
    await user.click(screen.getByRole("button", { name: "Save craving" }));
    expect(commands.addCraving).not.toHaveBeenCalled();
    const category = screen.getByLabelText("Its category");
    expect(category).toHaveAttribute("aria-invalid", "true");
    expect(document.getElementById(category.getAttribute("aria-describedby") ?? "")).toHaveTextContent(
      'Choose a category for "Payday".',
    );
  });

  it("sends a chosen start time as RFC 3339 with the local offset", async () => {
    const user = await openHome();
    await user.click(screen.getByRole("radio", { name: "Intensity 0" }));
    await openDetails(user);
    const when = screen.getByLabelText("When did it start?");
    // "Now" by default, to the minute.
    expect((when as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await user.clear(when);
    await user.type(when, "2024-11-21T22:05");
    await user.click(screen.getByRole("button", { name: "Save craving" }));
    expect(commands.addCraving).toHaveBeenCalledWith(quickInput(0, { occurredAt: "2024-11-21T22:05:00-05:00" }));
  });

  it("asks for an intensity instead of saving without one", async () => {
    const user = await openHome();
    await user.click(screen.getByRole("button", { name: "Save craving" }));
    expect(commands.addCraving).not.toHaveBeenCalled();
    expect(within(logForm()).getByRole("alert")).toHaveTextContent("Choose a number from 0 to 10.");
  });

  it("shows a backend field error beside that field, opening the details to show it", async () => {
    vi.mocked(commands.addCraving).mockResolvedValue(
      fail("invalid_input", "That time is in the future.", "occurredAt"),
    );
    const user = await openHome();
    await user.click(screen.getByRole("radio", { name: "Intensity 4" }));
    await user.click(screen.getByRole("button", { name: "Save craving" }));

    const message = await screen.findByText("That time is in the future.");
    const when = screen.getByLabelText("When did it start?");
    expect(when).toBeVisible();
    expect(screen.getByRole("button", { name: "Add details" })).toHaveAttribute("aria-expanded", "true");
    expect(when).toHaveAttribute("aria-invalid", "true");
    expect(when).toHaveAttribute("aria-describedby", message.id);
    expect(within(logForm()).getByRole("status")).toHaveTextContent("");
    // Nothing was lost: the chosen intensity is still selected.
    expect(screen.getByRole("radio", { name: "Intensity 4" })).toBeChecked();
  });

  it("shows a backend trigger error beside the triggers", async () => {
    vi.mocked(commands.addCraving).mockResolvedValue(
      fail("invalid_input", "One of the chosen triggers no longer exists; choose again.", "triggers"),
    );
    const user = await openHome();
    await user.click(screen.getByRole("radio", { name: "Intensity 6" }));
    await openDetails(user);
    await user.click(await screen.findByRole("checkbox", { name: "Feeling stressed" }));
    await user.click(screen.getByRole("button", { name: "Save craving" }));
    const picker = screen.getByRole("group", { name: "Triggers" });
    expect(await within(picker).findByRole("alert")).toHaveTextContent("no longer exists");
    expect(picker.getAttribute("aria-describedby")).toContain(within(picker).getByRole("alert").id);
  });

  it("shows an error without a field as a general alert", async () => {
    vi.mocked(commands.addCraving).mockResolvedValue(fail("storage", "Waymark couldn't save just now."));
    const user = await openHome();
    await user.click(screen.getByRole("radio", { name: "Intensity 9" }));
    await user.click(screen.getByRole("button", { name: "Save craving" }));
    expect(await within(logForm()).findByRole("alert")).toHaveTextContent("Waymark couldn't save just now.");
  });

  it("returns to the unlock screen when the backend says it is locked", async () => {
    vi.mocked(commands.addCraving).mockResolvedValue(fail("locked", "Waymark is locked."));
    const user = await openHome();
    await user.click(screen.getByRole("radio", { name: "Intensity 2" }));
    await user.click(screen.getByRole("button", { name: "Save craving" }));
    await screen.findByRole("heading", { name: "Welcome back" });
    expect(screen.getByText(/locked itself/)).toBeInTheDocument();
  });

  it("after a craving that ended in use, shows the safety card when it is due", async () => {
    const saved = craving(9, 9, "2024-11-22T15:40:00-05:00", null, { outcome: "used" });
    vi.mocked(commands.addCraving).mockResolvedValue(ok(saved));
    vi.mocked(commands.safetyCardDue).mockResolvedValue(ok(true));
    const user = await openHome();
    await user.click(screen.getByRole("radio", { name: "Intensity 9" }));
    await openDetails(user);
    await user.click(screen.getByRole("radio", { name: "Used" }));
    await user.click(screen.getByRole("button", { name: "Save craving" }));

    expect(commands.addCraving).toHaveBeenCalledWith(quickInput(9, { outcome: "used" }));
    expect(commands.safetyCardDue).toHaveBeenCalledWith({ kind: "craving", id: 9 });
    const card = await screen.findByRole("region", { name: "Staying safe right now" });
    expect(within(card).getByText("Your tolerance drops fast")).toBeInTheDocument();
    await user.click(within(card).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("region", { name: "Staying safe right now" })).not.toBeInTheDocument();
  });

  it("does not show the safety card when the backend says it is not due", async () => {
    vi.mocked(commands.addCraving).mockResolvedValue(ok(craving(9, 9, "2024-11-22T15:40:00-05:00")));
    const user = await openHome();
    await user.click(screen.getByRole("radio", { name: "Intensity 9" }));
    await openDetails(user);
    await user.click(screen.getByRole("radio", { name: "Used" }));
    await user.click(screen.getByRole("button", { name: "Save craving" }));
    await waitFor(() => expect(commands.safetyCardDue).toHaveBeenCalled());
    expect(within(logForm()).getByRole("status")).toHaveTextContent("Craving saved.");
    expect(screen.queryByRole("region", { name: "Staying safe right now" })).not.toBeInTheDocument();
  });
});

describe("home: recent cravings", () => {
  beforeEach(() => {
    resetCommands();
    resetStores();
    clearAllOnLock();
    setDayLocale("en-GB");
  });

  it("edits a craving: every field prefilled, saved with updateCraving and its id", async () => {
    const stored = craving(4, 6, "2024-11-20T09:15:00-05:00", "After the bus stop.", {
      durationMinutes: 15,
      triggers: [{ id: 1, name: "Feeling stressed" }],
      halt: { hungry: false, angry: true, lonely: false, tired: false },
      place: "Bus stop",
      withWhom: null,
      activity: "Waiting",
      coping: ["Breathing"],
      outcome: "passed",
      intensityAfter: 3,
    });
    vi.mocked(commands.listCravings).mockResolvedValue(ok([stored]));
    vi.mocked(commands.getCraving).mockResolvedValue(ok(stored));
    vi.mocked(commands.updateCraving).mockResolvedValue(ok({ ...stored, intensity: 5 }));
    const user = await openHome();
    const list = await screen.findByRole("list", { name: "Recent cravings" });
    const when = formatEntryTime(stored.occurredAt);
    await user.click(within(list).getByRole("button", { name: `Edit craving from ${when}: 6/10` }));

    const dialog = await screen.findByRole("dialog", { name: `Edit craving from ${when}` });
    expect(commands.getCraving).toHaveBeenCalledWith(4);
    const form = await within(dialog).findByRole("form", { name: "Edit craving" });
    const inForm = within(form);
    expect(inForm.getByRole("radio", { name: "Intensity 6" })).toBeChecked();
    expect(inForm.getByRole("button", { name: "Add details" })).toHaveAttribute("aria-expanded", "true");
    expect(inForm.getByLabelText("How long? (minutes)")).toHaveValue(15);
    expect(await inForm.findByRole("checkbox", { name: "Feeling stressed" })).toBeChecked();
    expect(inForm.getByRole("checkbox", { name: "Angry" })).toBeChecked();
    expect(inForm.getByRole("checkbox", { name: "Hungry" })).not.toBeChecked();
    expect(inForm.getByLabelText("Where were you?")).toHaveValue("Bus stop");
    expect(inForm.getByLabelText("What were you doing?")).toHaveValue("Waiting");
    expect(inForm.getByRole("button", { name: "Remove Breathing" })).toBeInTheDocument();
    expect(inForm.getByRole("radio", { name: "Passed without using" })).toBeChecked();
    expect(inForm.getByRole("radio", { name: "Intensity afterwards 3" })).toBeChecked();
    expect(inForm.getByLabelText("Craving note (optional)")).toHaveValue("After the bus stop.");
    expect(inForm.getByLabelText("When did it start?")).toHaveValue("2024-11-20T09:15");

    await user.click(inForm.getByRole("radio", { name: "Intensity 5" }));
    await user.click(inForm.getByRole("button", { name: "Save changes" }));

    expect(commands.addCraving).not.toHaveBeenCalled();
    expect(commands.updateCraving).toHaveBeenCalledWith(4, {
      intensity: 5,
      // Untouched, the stored time is kept exactly.
      occurredAt: "2024-11-20T09:15:00-05:00",
      durationMinutes: 15,
      triggerIds: [1],
      newTriggers: [],
      halt: { hungry: false, angry: true, lonely: false, tired: false },
      place: "Bus stop",
      withWhom: null,
      activity: "Waiting",
      coping: ["Breathing"],
      outcome: "passed",
      intensityAfter: 3,
      note: "After the bus stop.",
    });
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(commands.listCravings).toHaveBeenCalledTimes(2);
  });

  it("cancelling an edit changes nothing", async () => {
    vi.mocked(commands.listCravings).mockResolvedValue(ok([older]));
    vi.mocked(commands.getCraving).mockResolvedValue(ok(older));
    const user = await openHome();
    const list = await screen.findByRole("list", { name: "Recent cravings" });
    await user.click(within(list).getByRole("button", { name: /^Edit craving from/ }));
    const dialog = await screen.findByRole("dialog");
    await user.click(await within(dialog).findByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(commands.updateCraving).not.toHaveBeenCalled();
  });

  it("deletes a craving with a chance to undo", async () => {
    vi.mocked(commands.listCravings).mockResolvedValueOnce(ok([older])).mockResolvedValueOnce(ok([]));
    const user = await openHome();
    const list = await screen.findByRole("list", { name: "Recent cravings" });
    await user.click(within(list).getByRole("button", { name: /^Delete craving from/ }));
    expect(commands.deleteEntry).toHaveBeenCalledWith({ kind: "craving", id: 1 });
    expect(await screen.findByText(/Nothing logged yet/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Recent cravings" })).toHaveFocus();

    vi.mocked(commands.listCravings).mockResolvedValue(ok([older]));
    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(commands.restoreEntry).toHaveBeenCalledWith({ kind: "craving", id: 1 });
    expect(await screen.findByRole("list", { name: "Recent cravings" })).toHaveTextContent("After the bus stop.");
  });

  it("shows the days in recovery and links to the Recovery screen", async () => {
    vi.mocked(commands.recoverySummary).mockResolvedValue(
      ok({
        ...noRecovery,
        startDate: "2024-11-10",
        currentDays: 12,
        nextMilestone: { days: 14, label: "2 weeks", date: "2024-11-24" },
      }),
    );
    const user = await openHome();
    const card = screen.getByRole("region", { name: "Days in recovery" });
    expect(await within(card).findByText("12")).toBeInTheDocument();
    expect(card).toHaveTextContent("12 days");
    expect(card).toHaveTextContent("Next milestone: 2 weeks");
    await user.click(within(card).getByRole("button", { name: "See your recovery" }));
    expect(screen.getByRole("button", { name: "Recovery" })).toHaveAttribute("aria-current", "page");
  });

  it("offers to set a start date when there is none", async () => {
    await openHome();
    const card = screen.getByRole("region", { name: "Days in recovery" });
    expect(await within(card).findByRole("button", { name: "Set your start date" })).toBeInTheDocument();
  });

  it("has a mood check-in on the page", async () => {
    await openHome();
    const card = screen.getByRole("region", { name: "Check in on your mood" });
    expect(within(card).getByRole("radio", { name: "Mood 7" })).toBeInTheDocument();
  });

  it("clearing on lock drops the recent cravings and the triggers from memory", async () => {
    vi.mocked(commands.listCravings).mockResolvedValue(ok([older]));
    await openHome();
    await screen.findByRole("list", { name: "Recent cravings" });
    await waitFor(() => expect(triggers.loaded).toBe(true));
    expect(cravings.items).toHaveLength(1);

    clearAllOnLock();
    expect(cravings.items).toEqual([]);
    expect(cravings.loaded).toBe(false);
    expect(triggers.all).toEqual([]);
    await waitFor(() => expect(screen.queryByText("After the bus stop.")).not.toBeInTheDocument());
  });

  it("locking drops the list from the page and from memory", async () => {
    vi.mocked(commands.listCravings).mockResolvedValue(ok([older]));
    const user = await openHome();
    const list = await screen.findByRole("list", { name: "Recent cravings" });
    expect(within(list).getByText("After the bus stop.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Lock" }));
    expect(commands.lock).toHaveBeenCalledTimes(1);
    await screen.findByRole("heading", { name: "Welcome back" });
    expect(screen.queryByRole("list", { name: "Recent cravings" })).not.toBeInTheDocument();
    expect(screen.queryByText("After the bus stop.")).not.toBeInTheDocument();
    expect(cravings.items).toEqual([]);

    // Unlocking again reads the list afresh from the backend.
    await user.type(screen.getByLabelText("Passphrase"), "quiet river lantern{Enter}");
    await screen.findByRole("list", { name: "Recent cravings" });
    expect(commands.listCravings).toHaveBeenCalledTimes(2);
  });
});
