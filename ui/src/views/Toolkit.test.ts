import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "../lib/api";
import { clearAllOnLock } from "../stores/lockable";
import { fail, ok, resetCommands, storedStrategy, storedWhatWorks } from "../test/api-mock";
import { resetStores } from "../test/reset";
import Toolkit from "./Toolkit.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

const breathe = storedStrategy(1, "Slow breathing", {
  summary: "Breathe out longer than you breathe in.",
  steps: ["Breathe in for 4", "Breathe out for 6"],
  source: "002_0123456789abcdef: Coping with cravings",
});
const walk = storedStrategy(2, "Go for a walk", { category: "body_and_health" });
const meeting = storedStrategy(3, "Go to a meeting", { category: "connection", hidden: true });
const sister = storedStrategy(4, "Text my sister", { category: "connection", custom: true });
const library = [breathe, walk, meeting, sister];

async function openToolkit() {
  vi.mocked(commands.listStrategies).mockResolvedValue(ok(library));
  vi.mocked(commands.whatWorks).mockResolvedValue(
    ok([
      storedWhatWorks(1, "Slow breathing", { tried: 6, withOutcome: 5, passed: 4, passRate: 0.8, withDrop: 5, averageDrop: 3.5 }),
      storedWhatWorks(2, "Go for a walk", { tried: 2, withOutcome: 2, passed: 1, passRate: 0.5, withDrop: 1, averageDrop: -1 }),
    ]),
  );
  const user = userEvent.setup();
  render(Toolkit);
  await screen.findByRole("heading", { name: "In the moment" });
  return user;
}

describe("coping screen", () => {
  beforeEach(() => {
    resetCommands();
    resetStores();
    clearAllOnLock();
  });

  it("shows the library by category with steps and a readable source; hidden ones on request", async () => {
    const user = await openToolkit();
    expect(commands.listStrategies).toHaveBeenCalledWith(true);
    const moment = screen.getByRole("region", { name: "In the moment" });
    expect(within(moment).getByRole("heading", { name: "Slow breathing" })).toBeInTheDocument();
    expect(within(moment).getByText("Breathe out longer than you breathe in.")).toBeInTheDocument();
    expect(within(moment).getAllByRole("listitem").map((li) => li.textContent?.trim())).toContain("Breathe out for 6");
    expect(within(moment).getByText("Source: Waymark's source material, “Coping with cravings”")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Body and health" })).toHaveTextContent("Go for a walk");
    expect(screen.queryByText("Go to a meeting")).not.toBeInTheDocument();

    await user.click(screen.getByRole("checkbox", { name: "Show hidden (1)" }));
    expect(screen.getByRole("button", { name: "Show Go to a meeting" })).toBeInTheDocument();
  });

  it("stars and hides with the right calls", async () => {
    const user = await openToolkit();
    const star = screen.getByRole("button", { name: "Star Slow breathing" });
    expect(star).toHaveAttribute("aria-pressed", "false");
    vi.mocked(commands.setStrategyStarred).mockResolvedValue(ok({ ...breathe, starred: true }));
    await user.click(star);
    expect(commands.setStrategyStarred).toHaveBeenCalledWith(1, true);
    await waitFor(() => expect(screen.getByRole("button", { name: "Star Slow breathing" })).toHaveAttribute("aria-pressed", "true"));

    vi.mocked(commands.setStrategyHidden).mockResolvedValue(ok({ ...walk, hidden: true }));
    await user.click(screen.getByRole("button", { name: "Hide Go for a walk" }));
    expect(commands.setStrategyHidden).toHaveBeenCalledWith(2, true);
    await waitFor(() => expect(screen.queryByRole("heading", { name: "Go for a walk" })).not.toBeInTheDocument());
    expect(screen.getByRole("checkbox", { name: "Show hidden (2)" })).toBeInTheDocument();
  });

  it("adds a strategy of your own with steps one per line", async () => {
    const user = await openToolkit();
    const added = storedStrategy(9, "Call Mo", { category: "connection", custom: true, steps: ["Find his number", "Ring"] });
    vi.mocked(commands.addStrategy).mockResolvedValue(ok(added));
    const form = screen.getByRole("form", { name: "Add your own" });
    await user.type(within(form).getByLabelText("Title"), " Call Mo ");
    await user.selectOptions(within(form).getByLabelText("Category"), "Connection");
    await user.type(within(form).getByLabelText("Steps (optional)"), "Find his number\n\n Ring ");
    await user.click(within(form).getByRole("button", { name: "Add to my toolkit" }));
    expect(commands.addStrategy).toHaveBeenCalledWith({
      title: "Call Mo",
      category: "connection",
      summary: null,
      steps: ["Find his number", "Ring"],
    });
    expect(await screen.findByRole("heading", { name: "Call Mo" })).toBeInTheDocument();
    expect(within(form).getByLabelText("Title")).toHaveValue("");
  });

  it("asks for a title and shows backend field errors beside the field", async () => {
    const user = await openToolkit();
    const form = screen.getByRole("form", { name: "Add your own" });
    await user.click(within(form).getByRole("button", { name: "Add to my toolkit" }));
    expect(commands.addStrategy).not.toHaveBeenCalled();
    expect(within(form).getByLabelText("Title")).toHaveAccessibleDescription("Give it a short title.");

    vi.mocked(commands.addStrategy).mockResolvedValue(fail("invalid_input", "Up to five steps, please.", "steps"));
    await user.type(within(form).getByLabelText("Title"), "Lots");
    await user.selectOptions(within(form).getByLabelText("Category"), "Daily habits");
    await user.click(within(form).getByRole("button", { name: "Add to my toolkit" }));
    await waitFor(() =>
      expect(within(form).getByLabelText("Steps (optional)")).toHaveAccessibleDescription(
        "One step per line, up to five. Up to five steps, please.",
      ),
    );
  });

  it("deletes your own strategy only after confirming", async () => {
    const user = await openToolkit();
    expect(screen.queryByRole("button", { name: "Delete Slow breathing" })).not.toBeInTheDocument();
    vi.mocked(commands.deleteStrategy).mockResolvedValue(ok(null));
    await user.click(screen.getByRole("button", { name: "Delete Text my sister" }));
    expect(commands.deleteStrategy).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Yes, delete" }));
    expect(commands.deleteStrategy).toHaveBeenCalledWith(4);
    await waitFor(() => expect(screen.queryByRole("heading", { name: "Text my sister" })).not.toBeInTheDocument());
  });

  it("shows what works with its figures and a note when there are few cravings", async () => {
    await openToolkit();
    const table = screen.getByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(within(rows[0]).getByRole("rowheader")).toHaveTextContent("Slow breathing");
    expect(within(rows[0]).getByRole("rowheader")).toHaveTextContent("based on 6 cravings");
    expect(within(rows[0]).getAllByRole("cell").map((c) => c.textContent)).toEqual(["6", "4 of 5", "−3.5"]);
    expect(within(rows[1]).getByRole("rowheader")).toHaveTextContent("based on 2 cravings: too few to say much yet");
    expect(within(rows[1]).getAllByRole("cell").map((c) => c.textContent)).toEqual(["2", "1 of 2", "+1.0"]);
  });

  it("drops everything when the journal locks", async () => {
    await openToolkit();
    clearAllOnLock();
    await waitFor(() => expect(screen.queryByText("Slow breathing")).not.toBeInTheDocument());
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });
});
