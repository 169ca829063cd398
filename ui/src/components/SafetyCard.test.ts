import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "../lib/api";
import { ok, resetCommands, storedProfile } from "../test/api-mock";
import { content } from "../stores/content.svelte";
import SafetyCard from "./SafetyCard.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

describe("safety card", () => {
  beforeEach(() => {
    resetCommands();
    content.reset();
  });

  it("shows every safety fact with its source, and the region's number", async () => {
    vi.mocked(commands.getProfile).mockResolvedValue(ok(storedProfile({ region: "uk" })));
    render(SafetyCard);
    const card = screen.getByRole("region", { name: "Staying safe right now" });
    expect(await within(card).findByText("999")).toBeInTheDocument();
    expect(within(card).getByRole("heading", { name: "Your tolerance drops fast" })).toBeInTheDocument();
    expect(within(card).getByRole("heading", { name: "Carry naloxone" })).toBeInTheDocument();
    expect(card).toHaveTextContent("Source: 002: withdrawal");
    expect(card).toHaveTextContent("Emergency number: NHS");
    expect(screen.getByRole("heading", { name: "Staying safe right now" })).toHaveFocus();
  });

  it("says 'your local emergency number' for somewhere else", async () => {
    render(SafetyCard, { props: { region: "other" } });
    const card = screen.getByRole("region", { name: "Staying safe right now" });
    expect(await within(card).findByText("Carry naloxone")).toBeInTheDocument();
    expect(card).toHaveTextContent("your local emergency number");
    expect(within(card).getByRole("button", { name: "Choose your region in Settings" })).toBeInTheDocument();
    expect(commands.getProfile).not.toHaveBeenCalled();
  });

  it("closes", async () => {
    const user = userEvent.setup();
    const onclose = vi.fn();
    render(SafetyCard, { props: { region: "us", onclose } });
    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(onclose).toHaveBeenCalledTimes(1);
  });
});
