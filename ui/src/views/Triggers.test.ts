import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type Trigger } from "../lib/api";
import { clearAllOnLock } from "../stores/lockable";
import { triggers } from "../stores/triggers.svelte";
import { fail, ok, resetCommands, trigger } from "../test/api-mock";
import { resetStores } from "../test/reset";
import Triggers from "./Triggers.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

const stressed = trigger(1, "Feeling stressed", "feelings", 4);
const payday = trigger(2, "Payday", "times_and_situations", 1);
const pay = trigger(3, "Pay day", "times_and_situations", 2);
const estate: Trigger = { ...trigger(4, "The old estate", "places", 5), archived: true };
const catalogue = [stressed, payday, pay, estate];

async function openTriggers(list: Trigger[] = catalogue) {
  vi.mocked(commands.listTriggers).mockResolvedValue(ok(list));
  const user = userEvent.setup();
  render(Triggers);
  await screen.findByRole("heading", { name: "Feelings" });
  return user;
}

function section(name: string) {
  return screen.getByRole("region", { name });
}

describe("triggers screen", () => {
  beforeEach(() => {
    resetCommands();
    resetStores();
    clearAllOnLock();
  });

  it("lists the active catalogue by category with how often each is named; archived on request", async () => {
    const user = await openTriggers();
    expect(commands.listTriggers).toHaveBeenCalledWith(true);
    expect(within(section("Feelings")).getByText("Feeling stressed")).toBeInTheDocument();
    expect(within(section("Feelings")).getByText("Named 4 times")).toBeInTheDocument();
    const times = within(section("Times and situations")).getAllByRole("listitem");
    // By name within a category.
    expect(times.map((li) => li.querySelector(".name")?.textContent)).toEqual(["Pay day", "Payday"]);
    expect(within(times[1]).getByText("Named once")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Places" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("checkbox", { name: "Show archived (1)" }));
    const places = section("Places");
    expect(within(places).getByText("The old estate")).toBeInTheDocument();
    expect(within(places).getByText("Archived")).toBeInTheDocument();
    expect(within(places).getByRole("button", { name: "Restore The old estate" })).toBeInTheDocument();
  });

  it("adds a trigger with its category", async () => {
    const user = await openTriggers();
    vi.mocked(commands.addTrigger).mockResolvedValue(ok(trigger(9, "Old phone", "things")));
    await user.type(screen.getByLabelText("Name"), "  Old phone ");
    await user.selectOptions(screen.getByLabelText("Category"), "Things");
    await user.click(screen.getByRole("button", { name: "Add trigger" }));
    expect(commands.addTrigger).toHaveBeenCalledWith({ name: "Old phone", category: "things" });
    expect(await screen.findByRole("status")).toHaveTextContent('Added "Old phone".');
    expect(commands.listTriggers).toHaveBeenCalledTimes(2);
    expect(screen.getByLabelText("Name")).toHaveValue("");
  });

  it("asks for a name and a category before adding", async () => {
    const user = await openTriggers();
    await user.click(screen.getByRole("button", { name: "Add trigger" }));
    expect(commands.addTrigger).not.toHaveBeenCalled();
    expect(screen.getByLabelText("Name")).toHaveAccessibleDescription("Give the trigger a name.");
    expect(screen.getByLabelText("Category")).toHaveAccessibleDescription("Choose a category.");
  });

  it("shows a backend error beside the name", async () => {
    const user = await openTriggers();
    vi.mocked(commands.addTrigger).mockResolvedValue(
      fail("invalid_input", "You already have a trigger with that name.", "name"),
    );
    await user.type(screen.getByLabelText("Name"), "payday");
    await user.selectOptions(screen.getByLabelText("Category"), "Times and situations");
    await user.click(screen.getByRole("button", { name: "Add trigger" }));
    await waitFor(() =>
      expect(screen.getByLabelText("Name")).toHaveAccessibleDescription("You already have a trigger with that name."),
    );
    expect(screen.getByLabelText("Name")).toHaveAttribute("aria-invalid", "true");
  });

  it("renames a trigger and changes its category inline", async () => {
    const user = await openTriggers();
    vi.mocked(commands.updateTrigger).mockResolvedValue(ok(trigger(1, "Stressed at work", "times_and_situations", 4)));
    await user.click(screen.getByRole("button", { name: "Edit Feeling stressed" }));
    const form = screen.getByRole("form", { name: "Edit Feeling stressed" });
    const name = within(form).getByLabelText("Name");
    expect(name).toHaveValue("Feeling stressed");
    expect(name).toHaveFocus();
    expect(within(form).getByLabelText("Category")).toHaveValue("feelings");
    await user.clear(name);
    await user.type(name, "Stressed at work");
    await user.selectOptions(within(form).getByLabelText("Category"), "Times and situations");
    await user.click(within(form).getByRole("button", { name: "Save" }));

    expect(commands.updateTrigger).toHaveBeenCalledWith(1, { name: "Stressed at work", category: "times_and_situations" });
    expect(await screen.findByRole("status")).toHaveTextContent('Saved "Stressed at work".');
    expect(screen.queryByRole("form", { name: "Edit Feeling stressed" })).not.toBeInTheDocument();
    expect(commands.listTriggers).toHaveBeenCalledTimes(2);
  });

  it("shows a rename error beside the field and keeps the form open", async () => {
    const user = await openTriggers();
    vi.mocked(commands.updateTrigger).mockResolvedValue(
      fail("invalid_input", "You already have a trigger with that name.", "name"),
    );
    await user.click(screen.getByRole("button", { name: "Edit Pay day" }));
    const form = screen.getByRole("form", { name: "Edit Pay day" });
    await user.clear(within(form).getByLabelText("Name"));
    await user.type(within(form).getByLabelText("Name"), "Payday");
    await user.click(within(form).getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(within(form).getByLabelText("Name")).toHaveAccessibleDescription(
        "You already have a trigger with that name.",
      ),
    );
  });

  it("archives and restores", async () => {
    const user = await openTriggers();
    vi.mocked(commands.setTriggerArchived).mockResolvedValue(ok({ ...payday, archived: true }));
    await user.click(screen.getByRole("button", { name: "Archive Payday" }));
    expect(commands.setTriggerArchived).toHaveBeenCalledWith(2, true);
    expect(await screen.findByRole("status")).toHaveTextContent('Archived "Payday".');

    await user.click(screen.getByRole("checkbox", { name: /Show archived/ }));
    await user.click(screen.getByRole("button", { name: "Restore The old estate" }));
    expect(commands.setTriggerArchived).toHaveBeenCalledWith(4, false);
    expect(await screen.findByRole("status")).toHaveTextContent('"The old estate" is back in your list.');
  });

  it("merges one trigger into another after saying exactly what will happen", async () => {
    const user = await openTriggers();
    vi.mocked(commands.mergeTriggers).mockResolvedValue(ok({ ...payday, uses: 3 }));
    await user.click(screen.getByRole("button", { name: "Merge Pay day into another trigger" }));
    const form = screen.getByRole("form", { name: "Merge Pay day" });
    const into = within(form).getByLabelText("Merge “Pay day” into…");
    // Every other trigger is offered, archived ones too; not the trigger itself.
    const options = within(into).getAllByRole("option").map((o) => o.textContent);
    expect(options).toEqual(["Choose a trigger…", "Feeling stressed", "Payday", "The old estate (archived)"]);

    await user.selectOptions(into, "Payday");
    expect(form).toHaveTextContent(
      "Every craving and lapse that names Pay day will name Payday instead. Pay day will be removed.",
    );
    expect(commands.mergeTriggers).not.toHaveBeenCalled();
    await user.click(within(form).getByRole("button", { name: "Merge" }));

    expect(commands.mergeTriggers).toHaveBeenCalledWith(3, 2);
    expect(await screen.findByRole("status")).toHaveTextContent('Merged "Pay day" into "Payday".');
    expect(screen.queryByRole("form", { name: "Merge Pay day" })).not.toBeInTheDocument();
    expect(commands.listTriggers).toHaveBeenCalledTimes(2);
  });

  it("does not merge until a trigger is chosen, and Cancel leaves everything as it was", async () => {
    const user = await openTriggers();
    await user.click(screen.getByRole("button", { name: "Merge Payday into another trigger" }));
    const form = screen.getByRole("form", { name: "Merge Payday" });
    await user.click(within(form).getByRole("button", { name: "Merge" }));
    expect(commands.mergeTriggers).not.toHaveBeenCalled();
    expect(within(form).getByRole("alert")).toHaveTextContent("Choose the trigger to merge into.");
    await user.click(within(form).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("form", { name: "Merge Payday" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Edit Payday" })).toHaveFocus();
  });

  it("drops the catalogue when the journal locks", async () => {
    await openTriggers();
    expect(triggers.all).toHaveLength(4);
    clearAllOnLock();
    expect(triggers.all).toEqual([]);
    await waitFor(() => expect(screen.queryByText("Feeling stressed")).not.toBeInTheDocument());
  });
});
