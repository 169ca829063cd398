import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { session } from "../stores/session.svelte";
import { sos, type SosSummary } from "../stores/sos.svelte";
import { resetStores } from "../test/reset";
import SosSections from "./SosSections.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

const summary: SosSummary = {
  reasons: ["Be there for my daughter", "Get my driving licence back"],
  strategies: [
    { id: 1, title: "Go for a walk", summary: "Twenty minutes outside." },
    { id: 2, title: "Cold water on my face", summary: null },
  ],
  ifThenPlans: [{ situation: "I get paid", plan: "I give my card to my sister for the evening" }],
  callList: [
    { id: 1, name: "Sam", role: "sponsor", phone: "07700 900123" },
    { id: 2, name: "Mum", role: "other", phone: null },
  ],
  peopleToCall: ["Anyone from the Tuesday meeting"],
  helplines: {
    region: "uk",
    builtin: [
      { name: "Samaritans", number: "116 123", kind: "crisis", hours: "24 hours, every day", description: "Someone to talk to." },
      { name: "Emergency services", number: "999", kind: "emergency", hours: "24 hours", description: "If a life is at risk." },
    ],
    local: [{ id: 1, name: "Local drug service", number: "0161 000 0000", note: "Ask for the duty worker" }],
  },
};

const empty: SosSummary = {
  reasons: [],
  strategies: [],
  ifThenPlans: [],
  callList: [],
  peopleToCall: [],
  helplines: { region: null, builtin: [], local: [] },
};

describe("SOS sections", () => {
  beforeEach(() => {
    resetStores();
  });

  it("shows the person's reasons, what helps, their plans, people to call and helplines", () => {
    render(SosSections, { summary });
    const reasons = screen.getByRole("region", { name: "Your reasons" });
    expect(within(reasons).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Be there for my daughter",
      "Get my driving licence back",
    ]);
    const helps = screen.getByRole("region", { name: "What helps you" });
    expect(helps).toHaveTextContent("Go for a walk Twenty minutes outside.");
    expect(helps).toHaveTextContent("Cold water on my face");
    expect(screen.getByRole("region", { name: "Your if-then plans" })).toHaveTextContent(
      "If I get paid, then I give my card to my sister for the evening",
    );
    const people = within(screen.getByRole("region", { name: "People you can call" })).getAllByRole("listitem");
    expect(people).toHaveLength(3);
    expect(people[0]).toHaveTextContent("Sam, Sponsor");
    expect(people[0]).toHaveTextContent("07700 900123");
    expect(people[1]).toHaveTextContent(/^Mum$/);
    expect(people[2]).toHaveTextContent("Anyone from the Tuesday meeting");
    // The emergency line comes first, the person's own last.
    const lines = within(screen.getByRole("region", { name: "Helplines" })).getAllByRole("listitem");
    expect(lines[0]).toHaveTextContent(/^Emergency services 999/);
    expect(lines[1]).toHaveTextContent(/^Samaritans 116 123/);
    expect(lines[1]).toHaveTextContent("Someone to talk to · 24 hours, every day");
    expect(lines[2]).toHaveTextContent(/^Local drug service 0161 000 0000 Ask for the duty worker/);
    expect(screen.queryByText(/will show here once you add them/)).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Choose your region in Settings" })).not.toBeInTheDocument();
  });

  it("with nothing of their own and no region yet, says where things will show", async () => {
    const user = userEvent.setup();
    session.screen = "home";
    sos.show();
    render(SosSections, { summary: empty });
    expect(screen.queryByRole("region", { name: "Your reasons" })).not.toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "People you can call" })).not.toBeInTheDocument();
    expect(screen.getByText(/will show here once you add them/)).toBeInTheDocument();
    const helplines = screen.getByRole("region", { name: "Helplines" });
    expect(helplines).toHaveTextContent("call your local emergency number");
    await user.click(within(helplines).getByRole("button", { name: "Choose your region in Settings" }));
    expect(sos.open).toBe(false);
    expect(session.screen).toBe("settings");
  });
});

describe("SOS call list actions", () => {
  beforeEach(() => {
    resetStores();
  });

  it("calls through the backend and copies numbers, saying what happened", async () => {
    const { commands, ok, fail } = await import("../test/api-mock");
    commands.openContactLink.mockReset();
    commands.openContactLink.mockResolvedValueOnce(ok(null));
    const user = userEvent.setup();
    // After setup, which puts its own clipboard on navigator.
    const writeText = vi.spyOn(navigator.clipboard, "writeText").mockResolvedValue(undefined);
    render(SosSections, { summary });

    await user.click(screen.getByRole("button", { name: "Call Sam" }));
    expect(commands.openContactLink).toHaveBeenCalledWith(1, "call");
    expect(screen.getByText("Opening your phone app to call Sam.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Call Mum" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Copy number for Sam" }));
    expect(writeText).toHaveBeenCalledWith("07700 900123");
    await user.click(screen.getByRole("button", { name: "Copy number for Samaritans" }));
    expect(writeText).toHaveBeenLastCalledWith("116 123");
    expect(screen.getByText("Copied the number for Samaritans.")).toBeInTheDocument();

    commands.openContactLink.mockResolvedValueOnce(fail("internal", "This computer has no app set up to make calls."));
    await user.click(screen.getByRole("button", { name: "Call Sam" }));
    expect(await screen.findByText("This computer has no app set up to make calls.")).toBeInTheDocument();
  });
});
