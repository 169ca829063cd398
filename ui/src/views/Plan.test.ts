import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type PlanPrompts } from "../lib/api";
import { clearAllOnLock } from "../stores/lockable";
import { fail, ok, resetCommands, storedPlan } from "../test/api-mock";
import { resetStores } from "../test/reset";
import Plan from "./Plan.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

const prompts: PlanPrompts = {
  version: 1,
  prompts: [
    { section: "reasons", title: "Reasons for recovery", questions: ["What do you want your life to look like a year from now?"], source: "s" },
    { section: "warning_signs", title: "Warning signs", questions: ["What changes in you first when things start to slip?"], source: "s" },
    { section: "high_risk_situations", title: "High-risk situations", questions: ["When has it been hardest?"], source: "s" },
  ],
};

const saved = storedPlan({
  reasons: ["My kids"],
  warningSigns: [{ kind: "behaviour", stage: "early", text: "Skipping meals" }],
  highRiskSituations: [{ situation: "Payday", plan: "Give my card to Sam" }],
  safePlaces: ["The library"],
});

async function openPlan(plan = saved) {
  vi.mocked(commands.getPlan).mockResolvedValue(ok({ plan, updatedAt: "2026-03-01T10:00:00Z" }));
  vi.mocked(commands.planPrompts).mockResolvedValue(ok(prompts));
  const user = userEvent.setup();
  render(Plan);
  await screen.findByRole("form", { name: "My plan" });
  return user;
}

describe("plan screen", () => {
  beforeEach(() => {
    resetCommands();
    resetStores();
    clearAllOnLock();
  });

  it("loads the plan into the form with each section's prompts", async () => {
    await openPlan();
    expect(screen.getByRole("textbox", { name: "Reason 1" })).toHaveValue("My kids");
    expect(screen.getByRole("textbox", { name: "Reason 1" })).toHaveAccessibleDescription(
      "What do you want your life to look like a year from now?",
    );
    expect(screen.getByRole("textbox", { name: "Early sign 1" })).toHaveValue("Skipping meals");
    expect(screen.getByRole("combobox", { name: "Early sign 1 kind" })).toHaveValue("behaviour");
    const situation = screen.getByRole("group", { name: "Situation 1" });
    expect(within(situation).getByRole("textbox", { name: "If…" })).toHaveValue("Payday");
    expect(within(situation).getByRole("textbox", { name: "then I will…" })).toHaveValue("Give my card to Sam");
    expect(screen.getByRole("textbox", { name: "Safe place 1" })).toHaveValue("The library");
    expect(screen.getByText("When has it been hardest?")).toBeInTheDocument();
  });

  it("saves exactly the plan as edited, trimmed and without blank lines", async () => {
    const user = await openPlan();
    await user.click(screen.getByRole("button", { name: "Add a reason" }));
    expect(screen.getByRole("textbox", { name: "Reason 2" })).toHaveFocus();
    await user.keyboard(" My health ");
    await user.click(screen.getByRole("button", { name: "Add a late sign" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Late sign 1 kind" }), "Thoughts");
    await user.type(screen.getByRole("textbox", { name: "Late sign 1" }), "Just once won't hurt");
    await user.click(screen.getByRole("button", { name: "Add a middle sign" }));
    await user.click(screen.getByRole("button", { name: "Add a situation" }));
    const second = screen.getByRole("group", { name: "Situation 2" });
    await user.type(within(second).getByRole("textbox", { name: "If…" }), "I see old friends");
    await user.type(within(second).getByRole("textbox", { name: "then I will…" }), "leave and call Jo");
    await user.click(screen.getByRole("button", { name: "Add a person to call" }));
    await user.keyboard("Jo");
    await user.click(screen.getByRole("button", { name: "Remove safe place 1" }));
    await user.click(screen.getByRole("button", { name: "Add an aftercare commitment" }));
    await user.keyboard("Tuesday group");

    const stored = storedPlan({
      reasons: ["My kids", "My health"],
      warningSigns: [
        { kind: "behaviour", stage: "early", text: "Skipping meals" },
        { kind: "thoughts", stage: "late", text: "Just once won't hurt" },
      ],
      highRiskSituations: [
        { situation: "Payday", plan: "Give my card to Sam" },
        { situation: "I see old friends", plan: "leave and call Jo" },
      ],
      peopleToCall: ["Jo"],
      aftercare: ["Tuesday group"],
    });
    vi.mocked(commands.setPlan).mockResolvedValue(ok({ plan: stored, updatedAt: "2026-03-02T10:00:00Z" }));
    await user.click(screen.getByRole("button", { name: "Save plan" }));
    expect(commands.setPlan).toHaveBeenCalledWith(stored);
    await waitFor(() => expect(screen.getAllByRole("status")[0]).toHaveTextContent("Saved."));
    // The blank middle sign is gone after saving.
    expect(screen.queryByRole("textbox", { name: "Middle sign 1" })).not.toBeInTheDocument();
  });

  it("shows a save error beside its section", async () => {
    const user = await openPlan();
    vi.mocked(commands.setPlan).mockResolvedValue(fail("invalid_input", "Situation 1 has no plan yet; say what you will do.", "highRiskSituations"));
    await user.click(screen.getByRole("button", { name: "Save plan" }));
    const alert = await screen.findByText("Situation 1 has no plan yet; say what you will do.");
    expect(alert).toHaveAttribute("id", "plan-highRiskSituations-error");
  });

  it("exports the plan and says where it went and that it is not encrypted", async () => {
    const user = await openPlan();
    vi.mocked(commands.exportPlan).mockResolvedValue(ok("/home/me/My plan.md"));
    await user.click(screen.getByRole("button", { name: "Export plan…" }));
    expect(await screen.findByText("Saved to /home/me/My plan.md. This file is not encrypted.")).toBeInTheDocument();

    vi.mocked(commands.exportPlan).mockResolvedValue(ok(null));
    await user.click(screen.getByRole("button", { name: "Export plan…" }));
    await waitFor(() => expect(screen.queryByText(/Saved to/)).not.toBeInTheDocument());

    vi.mocked(commands.exportPlan).mockResolvedValue(fail("internal", "Couldn't write the file."));
    await user.click(screen.getByRole("button", { name: "Export plan…" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Couldn't write the file.");
  });

  it("drops the plan when the journal locks", async () => {
    await openPlan();
    clearAllOnLock();
    await waitFor(() => expect(screen.queryByRole("form", { name: "My plan" })).not.toBeInTheDocument());
    expect(screen.queryByDisplayValue("My kids")).not.toBeInTheDocument();
  });
});
