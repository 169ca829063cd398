import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { format, startOfWeek } from "date-fns";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "../lib/api";
import { setDayLocale, todayIso } from "../lib/day";
import { fail, ok, resetCommands, storedCheckin, storedProfile, storedReview } from "../test/api-mock";
import { content } from "../stores/content.svelte";
import { clearAllOnLock } from "../stores/lockable";
import CheckIn from "./CheckIn.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

const today = todayIso();
const monday = format(startOfWeek(new Date(), { weekStartsOn: 1 }), "yyyy-MM-dd");

function daily() {
  return screen.getByRole("form", { name: /daily check-in/i });
}

function weekly() {
  return screen.getByRole("form", { name: /weekly review/i });
}

async function answer(question: string, choice: "Yes" | "No", user: ReturnType<typeof userEvent.setup>) {
  await user.click(within(screen.getByRole("group", { name: question })).getByRole("radio", { name: choice }));
}

async function openCheckIn() {
  render(CheckIn);
  await screen.findByRole("form", { name: /daily check-in/i });
}

describe("check-in", () => {
  beforeEach(() => {
    resetCommands();
    content.reset();
    setDayLocale("en-GB");
  });

  it("saves today's check-in with only the answered questions", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.addCheckin).mockResolvedValue(ok(storedCheckin(3, today, { answers: { sleptWell: true } })));
    await openCheckIn();
    expect(commands.checkinOn).toHaveBeenCalledWith(today);

    await answer("Slept well?", "Yes", user);
    await answer("Eaten properly?", "No", user);
    await answer("Used today?", "No", user);
    // Changed their mind about one: clearing leaves it unanswered.
    await answer("Went to a meeting, therapy or keyworker?", "No", user);
    await user.click(screen.getByRole("button", { name: "Clear: Went to a meeting, therapy or keyworker?" }));
    await user.click(screen.getByRole("radio", { name: "Day 6" }));
    await user.type(within(daily()).getByLabelText("Note (optional)"), "Tired but okay.");
    await user.click(screen.getByRole("button", { name: "Save check-in" }));

    expect(commands.addCheckin).toHaveBeenCalledWith({
      date: today,
      answers: { sleptWell: true, ateWell: false, usedToday: false },
      dayRating: 6,
      note: "Tired but okay.",
    });
    expect(within(daily()).getByRole("status")).toHaveTextContent("Check-in saved.");
    expect(commands.safetyCardDue).not.toHaveBeenCalled();
    expect(screen.queryByRole("region", { name: "Staying safe right now" })).not.toBeInTheDocument();
  });

  it("asks about medication only when the person takes one", async () => {
    await openCheckIn();
    await screen.findByRole("group", { name: "Slept well?" });
    await vi.waitFor(() => expect(commands.getProfile).toHaveBeenCalled());
    expect(screen.queryByRole("group", { name: "Took medication as prescribed?" })).not.toBeInTheDocument();
  });

  it("asks about medication, without naming it, when the profile has one", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.getProfile).mockResolvedValue(ok(storedProfile({ medication: "methadone" })));
    vi.mocked(commands.addCheckin).mockResolvedValue(ok(storedCheckin(3, today)));
    await openCheckIn();
    const group = await screen.findByRole("group", { name: "Took medication as prescribed?" });
    expect(daily()).not.toHaveTextContent(/methadone/i);
    expect(daily()).not.toHaveTextContent(/dose/i);
    await user.click(within(group).getByRole("radio", { name: "Yes" }));
    await user.click(screen.getByRole("button", { name: "Save check-in" }));
    expect(commands.addCheckin).toHaveBeenCalledWith({
      date: today,
      answers: { tookMedication: true },
      dayRating: null,
      note: null,
    });
  });

  it("edits today's check-in when there is one, by its id", async () => {
    const user = userEvent.setup();
    const existing = storedCheckin(7, today, {
      answers: { sleptWell: false, contactedSomeone: true },
      dayRating: 4,
      note: "Rough night.",
    });
    vi.mocked(commands.checkinOn).mockResolvedValue(ok(existing));
    vi.mocked(commands.updateCheckin).mockResolvedValue(ok(existing));
    await openCheckIn();
    expect(within(screen.getByRole("group", { name: "Slept well?" })).getByRole("radio", { name: "No" })).toBeChecked();
    expect(
      within(screen.getByRole("group", { name: "Contacted someone supportive?" })).getByRole("radio", { name: "Yes" }),
    ).toBeChecked();
    expect(screen.getByRole("radio", { name: "Day 4" })).toBeChecked();
    expect(within(daily()).getByLabelText("Note (optional)")).toHaveValue("Rough night.");

    await answer("Exercise or a healthy activity?", "Yes", user);
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(commands.updateCheckin).toHaveBeenCalledWith(7, {
      date: today,
      answers: { sleptWell: false, contactedSomeone: true, healthyActivity: true },
      dayRating: 4,
      note: "Rough night.",
    });
    expect(commands.addCheckin).not.toHaveBeenCalled();
  });

  it("shows the safety card after a check-in that records use, when it is due", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.getProfile).mockResolvedValue(ok(storedProfile({ region: "us" })));
    vi.mocked(commands.addCheckin).mockResolvedValue(ok(storedCheckin(11, today, { answers: { usedToday: true } })));
    vi.mocked(commands.safetyCardDue).mockResolvedValue(ok(true));
    await openCheckIn();
    await answer("Used today?", "Yes", user);
    await user.click(screen.getByRole("button", { name: "Save check-in" }));

    expect(commands.safetyCardDue).toHaveBeenCalledWith({ kind: "checkin", id: 11 });
    const card = await screen.findByRole("region", { name: "Staying safe right now" });
    expect(await within(card).findByText("911")).toBeInTheDocument();
    expect(card).toHaveTextContent("Your tolerance drops fast");
    await user.click(within(card).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("region", { name: "Staying safe right now" })).not.toBeInTheDocument();
  });

  it("does not show the safety card when the backend says it is not due", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.addCheckin).mockResolvedValue(ok(storedCheckin(11, today, { answers: { usedToday: true } })));
    await openCheckIn();
    await answer("Used today?", "Yes", user);
    await user.click(screen.getByRole("button", { name: "Save check-in" }));
    await vi.waitFor(() => expect(commands.safetyCardDue).toHaveBeenCalledWith({ kind: "checkin", id: 11 }));
    expect(screen.queryByRole("region", { name: "Staying safe right now" })).not.toBeInTheDocument();
  });

  it("shows a backend error for the day's rating beside the rating", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.addCheckin).mockResolvedValue(
      fail("invalid_input", "The day's rating goes from 1 to 10.", "dayRating"),
    );
    await openCheckIn();
    await user.click(screen.getByRole("radio", { name: "Day 3" }));
    await user.click(screen.getByRole("button", { name: "Save check-in" }));
    const message = await screen.findByText("The day's rating goes from 1 to 10.");
    const scale = screen.getByRole("group", { name: /How was the day overall/ });
    expect(scale).toContainElement(message);
    expect(scale.getAttribute("aria-describedby")).toContain(message.id);
  });

  it("asks for at least one answer instead of saving an empty check-in", async () => {
    const user = userEvent.setup();
    await openCheckIn();
    await user.click(screen.getByRole("button", { name: "Save check-in" }));
    expect(commands.addCheckin).not.toHaveBeenCalled();
    expect(within(daily()).getByRole("alert")).toHaveTextContent("Answer at least one question");
  });

  it("saves the weekly review with answers keyed by question", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.addReview).mockResolvedValue(ok(storedReview(2, monday, { days_used: 0, confidence: 8 })));
    await openCheckIn();
    expect(commands.reviewForWeek).toHaveBeenCalledWith(today);
    expect(await within(weekly()).findByRole("heading", { name: "Use" })).toBeInTheDocument();
    expect(within(weekly()).getByRole("heading", { name: "Things that help" })).toBeInTheDocument();

    const days = within(weekly()).getByLabelText("In the past 7 days, on how many days did you use?");
    expect(days).toHaveAccessibleDescription("days");
    await user.selectOptions(days, "0");
    const confidence = within(weekly()).getByRole("group", {
      name: "In the past 7 days, how confident were you about staying stopped?",
    });
    expect(confidence).toHaveTextContent("0: Not confident");
    expect(confidence).toHaveTextContent("10: Very confident");
    await user.click(within(confidence).getByRole("radio", { name: "8" }));
    await user.click(within(weekly()).getByRole("button", { name: "Save weekly review" }));

    expect(commands.addReview).toHaveBeenCalledWith({
      weekOf: monday,
      answers: { days_used: 0, confidence: 8 },
      note: null,
    });
    expect(within(weekly()).getByRole("status")).toHaveTextContent("Weekly review saved.");
  });

  it("edits this week's review by its id, leaving skipped questions out", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.reviewForWeek).mockResolvedValue(ok(storedReview(5, monday, { days_used: 2, confidence: 6 }, "Hard week.")));
    vi.mocked(commands.updateReview).mockResolvedValue(ok(storedReview(5, monday, { days_used: 2 })));
    await openCheckIn();
    const days = await within(weekly()).findByLabelText("In the past 7 days, on how many days did you use?");
    expect(days).toHaveValue("2");
    const confidence = within(weekly()).getByRole("group", { name: /how confident/ });
    expect(within(confidence).getByRole("radio", { name: "6" })).toBeChecked();
    expect(within(weekly()).getByLabelText(/Anything else about this week/)).toHaveValue("Hard week.");

    await user.click(within(confidence).getByRole("button", { name: /^Clear/ }));
    await user.click(within(weekly()).getByRole("button", { name: "Save changes" }));
    expect(commands.updateReview).toHaveBeenCalledWith(5, { weekOf: monday, answers: { days_used: 2 }, note: "Hard week." });
  });

  it("shows a backend error for the review's answers beside them", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.addReview).mockResolvedValue(fail("invalid_input", "Answers go from 0 to 7.", "answers"));
    await openCheckIn();
    await user.selectOptions(await within(weekly()).findByLabelText(/on how many days/), "3");
    await user.click(within(weekly()).getByRole("button", { name: "Save weekly review" }));
    expect(await within(weekly()).findByText("Answers go from 0 to 7.")).toBeInTheDocument();
  });

  it("locking drops the loaded answers", async () => {
    vi.mocked(commands.checkinOn).mockResolvedValue(ok(storedCheckin(7, today, { note: "Private note." })));
    await openCheckIn();
    expect(within(daily()).getByLabelText("Note (optional)")).toHaveValue("Private note.");
    clearAllOnLock();
    await vi.waitFor(() => expect(screen.queryByDisplayValue("Private note.")).not.toBeInTheDocument());
  });
});
