import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "../lib/api";
import { clearAllOnLock } from "../stores/lockable";
import { craving, ok, resetCommands, storedStrategy, trigger } from "../test/api-mock";
import CravingForm from "./CravingForm.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

describe("craving form", () => {
  beforeEach(() => {
    resetCommands();
    clearAllOnLock();
  });

  it("editing a craving to 'used' shows the safety card in place of the form, then finishes", async () => {
    const user = userEvent.setup();
    const stored = craving(5, 8, "2024-11-22T21:00:00-05:00", null, { outcome: "ongoing" });
    vi.mocked(commands.updateCraving).mockResolvedValue(ok({ ...stored, outcome: "used" }));
    vi.mocked(commands.safetyCardDue).mockResolvedValue(ok(true));
    const onsaved = vi.fn();
    render(CravingForm, { props: { existing: stored, onsaved, oncancel: vi.fn() } });

    expect(screen.getByRole("radio", { name: "Still going" })).toBeChecked();
    await user.click(screen.getByRole("radio", { name: "Used" }));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(commands.updateCraving).toHaveBeenCalledWith(5, expect.objectContaining({ outcome: "used" }));
    expect(commands.safetyCardDue).toHaveBeenCalledWith({ kind: "craving", id: 5 });

    const card = await screen.findByRole("region", { name: "Staying safe right now" });
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
    // The edit finishes once the card has been read.
    expect(onsaved).not.toHaveBeenCalled();
    await user.click(within(card).getByRole("button", { name: "Close" }));
    expect(onsaved).toHaveBeenCalledTimes(1);
  });

  it("an outcome and the intensity afterwards can be cleared again", async () => {
    const user = userEvent.setup();
    render(CravingForm);
    await user.click(screen.getByRole("radio", { name: "Intensity 5" }));
    await user.click(screen.getByRole("button", { name: "Add details" }));
    await user.click(screen.getByRole("radio", { name: "Passed without using" }));
    await user.click(screen.getByRole("radio", { name: "Intensity afterwards 1" }));
    await user.click(screen.getByRole("button", { name: "Clear: how did it end?" }));
    await user.click(screen.getByRole("button", { name: /^Clear: How strong was it afterwards/ }));
    await user.click(screen.getByRole("button", { name: "Save craving" }));
    expect(commands.addCraving).toHaveBeenCalledWith(expect.objectContaining({ outcome: null, intensityAfter: null }));
  });

  it("offers the coping library's titles first, then earlier answers", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.listStrategies).mockResolvedValue(
      ok([storedStrategy(1, "Let a craving rise and fall"), storedStrategy(2, "Reach out to someone")]),
    );
    render(CravingForm);
    await user.click(screen.getByRole("button", { name: "Add details" }));
    expect(commands.listStrategies).toHaveBeenCalledWith(false);
    const input = screen.getByLabelText("What did you try to cope?");
    await waitFor(() => expect(input.getAttribute("list")).not.toBeNull());
    const options = [...document.querySelectorAll(`#${input.getAttribute("list")} option`)].map((o) =>
      o.getAttribute("value"),
    );
    expect(options.slice(0, 2)).toEqual(["Let a craving rise and fall", "Reach out to someone"]);
  });

  it("typed but not yet added coping and triggers are still saved", async () => {
    const user = userEvent.setup();
    vi.mocked(commands.listTriggers).mockResolvedValue(ok([trigger(1, "Feeling stressed")]));
    render(CravingForm);
    await user.click(screen.getByRole("radio", { name: "Intensity 5" }));
    await user.click(screen.getByRole("button", { name: "Add details" }));
    await user.type(screen.getByLabelText("What did you try to cope?"), "Cold water on my face");
    await user.type(screen.getByLabelText("New trigger"), "feeling STRESSED");
    await user.click(screen.getByRole("button", { name: "Save craving" }));
    expect(commands.addCraving).toHaveBeenCalledWith(
      expect.objectContaining({ coping: ["Cold water on my face"], triggerIds: [1], newTriggers: [] }),
    );
  });

  it("checks the duration before sending", async () => {
    const user = userEvent.setup();
    render(CravingForm);
    await user.click(screen.getByRole("radio", { name: "Intensity 5" }));
    await user.click(screen.getByRole("button", { name: "Add details" }));
    await user.type(screen.getByLabelText("How long? (minutes)"), "2000");
    await user.click(screen.getByRole("button", { name: "Save craving" }));
    expect(commands.addCraving).not.toHaveBeenCalled();
    expect(screen.getByLabelText("How long? (minutes)")).toHaveAccessibleDescription(
      "Enter a whole number of minutes, up to 1,440 (a day).",
    );
  });

  it("locking drops what was typed", async () => {
    const user = userEvent.setup();
    render(CravingForm);
    await user.click(screen.getByRole("radio", { name: "Intensity 6" }));
    await user.click(screen.getByRole("button", { name: "Add details" }));
    await user.type(screen.getByLabelText("Where were you?"), "Dad's house");
    await user.type(screen.getByLabelText("What did you try to cope?"), "Half typed");
    clearAllOnLock();
    await waitFor(() => expect(screen.getByLabelText("Where were you?")).toHaveValue(""));
    expect(screen.getByLabelText("What did you try to cope?")).toHaveValue("");
    expect(screen.getByRole("radio", { name: "Intensity 6" })).not.toBeChecked();
  });
});
