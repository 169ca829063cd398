import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "../lib/api";
import { fail, ok, resetCommands, storedMood } from "../test/api-mock";
import { content } from "../stores/content.svelte";
import MoodForm from "./MoodForm.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

function formStatus() {
  return within(screen.getByRole("form")).getByRole("status");
}

describe("mood form", () => {
  beforeEach(() => {
    resetCommands();
    content.reset();
  });

  it("adds a mood with its feelings and note, says so, and starts afresh", async () => {
    const user = userEvent.setup();
    const onsaved = vi.fn();
    const saved = storedMood(3, 7, "2024-11-22T15:40:00-05:00", { feelings: ["anxious", "hopeful"] });
    vi.mocked(commands.addMood).mockResolvedValue(ok(saved));
    render(MoodForm, { props: { onsaved } });

    await user.click(screen.getByRole("radio", { name: "Mood 7" }));
    await user.click(await screen.findByRole("checkbox", { name: "Anxious" }));
    await user.click(screen.getByRole("checkbox", { name: "Hopeful" }));
    await user.type(screen.getByLabelText("Note (optional)"), "Better after the walk.");
    await user.click(screen.getByRole("button", { name: "Save mood" }));

    expect(commands.addMood).toHaveBeenCalledWith({
      mood: 7,
      occurredAt: null,
      feelings: ["anxious", "hopeful"],
      note: "Better after the walk.",
    });
    expect(commands.updateMood).not.toHaveBeenCalled();
    expect(onsaved).toHaveBeenCalledWith(saved);
    expect(formStatus()).toHaveTextContent("Mood saved.");
    expect(screen.getByRole("radio", { name: "Mood 7" })).not.toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Anxious" })).not.toBeChecked();
    expect(screen.getByLabelText("Note (optional)")).toHaveValue("");
  });

  it("shows the word anchors for the scale", async () => {
    render(MoodForm);
    const scale = screen.getByRole("group", { name: /How are you feeling right now/ });
    expect(scale).toHaveTextContent("1: very low");
    expect(scale).toHaveTextContent("5: okay");
    expect(scale).toHaveTextContent("10: very good");
    expect(within(scale).getAllByRole("radio")).toHaveLength(10);
  });

  it("asks for a mood instead of saving without one", async () => {
    const user = userEvent.setup();
    render(MoodForm);
    await user.click(screen.getByRole("button", { name: "Save mood" }));
    expect(commands.addMood).not.toHaveBeenCalled();
    expect(screen.getByRole("alert")).toHaveTextContent("Choose a number from 1 to 10.");
  });

  it("shows a backend error for the feelings beside the feelings", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.addMood).mockResolvedValue(fail("invalid_input", "One of the feelings is unknown.", "feelings"));
    render(MoodForm);
    await user.click(screen.getByRole("radio", { name: "Mood 2" }));
    await user.click(screen.getByRole("button", { name: "Save mood" }));

    const message = await screen.findByText("One of the feelings is unknown.");
    const group = screen.getByRole("group", { name: "Feelings (optional)" });
    expect(group).toContainElement(message);
    expect(group.getAttribute("aria-describedby")).toContain(message.id);
    // Nothing was lost.
    expect(screen.getByRole("radio", { name: "Mood 2" })).toBeChecked();
  });

  it("shows a backend error for the time beside the time", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.addMood).mockResolvedValue(fail("invalid_input", "That time is in the future.", "occurredAt"));
    render(MoodForm);
    await user.click(screen.getByRole("radio", { name: "Mood 5" }));
    await user.click(screen.getByRole("button", { name: "Save mood" }));
    const message = await screen.findByText("That time is in the future.");
    const when = screen.getByLabelText("When");
    expect(when).toHaveAttribute("aria-invalid", "true");
    expect(when).toHaveAttribute("aria-describedby", message.id);
  });

  it("edits an existing mood: prefilled, and saved with its id and its own time", async () => {
    const user = userEvent.setup();
    const existing = storedMood(5, 3, "2024-11-20T09:15:00-05:00", { feelings: ["calm"], note: "Quiet morning." });
    vi.mocked(commands.updateMood).mockResolvedValue(ok({ ...existing, mood: 4 }));
    const oncancel = vi.fn();
    render(MoodForm, { props: { existing, oncancel } });

    expect(screen.getByRole("radio", { name: "Mood 3" })).toBeChecked();
    expect(await screen.findByRole("checkbox", { name: "Calm" })).toBeChecked();
    expect(screen.getByLabelText("Note (optional)")).toHaveValue("Quiet morning.");
    expect(screen.getByLabelText("When")).toHaveValue("2024-11-20T09:15");

    await user.click(screen.getByRole("radio", { name: "Mood 4" }));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(commands.updateMood).toHaveBeenCalledWith(5, {
      mood: 4,
      occurredAt: "2024-11-20T09:15:00-05:00",
      feelings: ["calm"],
      note: "Quiet morning.",
    });
    expect(commands.addMood).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(oncancel).toHaveBeenCalledTimes(1);
  });
});
