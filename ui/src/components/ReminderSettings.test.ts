import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "../lib/api";
import { clearAllOnLock } from "../stores/lockable";
import { content } from "../stores/content.svelte";
import { fail, ok, quietDelivery, resetCommands } from "../test/api-mock";
import Settings from "../views/Settings.svelte";

vi.mock("../lib/api", () => import("../test/api-mock"));

async function openSettings() {
  const user = userEvent.setup();
  render(Settings);
  const form = await screen.findByRole("form", { name: "Reminders" });
  await vi.waitFor(() => expect(within(form).getByRole("button", { name: "Save reminders" })).toBeEnabled());
  return { user, form };
}

function notifications() {
  return screen.getByRole("region", { name: "Notifications" });
}

describe("reminder settings", () => {
  beforeEach(() => {
    resetCommands();
    content.reset();
  });

  it("saves the check-in time, medication reminders and the style chosen", async () => {
    const { user, form } = await openSettings();
    expect(within(form).queryByLabelText("Check-in reminder time")).not.toBeInTheDocument();
    await user.click(within(form).getByRole("checkbox", { name: "Remind me to do my daily check-in" }));
    const checkin = within(form).getByLabelText("Check-in reminder time");
    await user.clear(checkin);
    await user.type(checkin, "21:15");

    expect(form).toHaveTextContent(
      "The label only appears if you choose detailed notifications; otherwise reminders never name a medication",
    );
    await user.click(within(form).getByRole("button", { name: "Add a medication reminder" }));
    await user.click(within(form).getByRole("button", { name: "Add a medication reminder" }));
    const times = within(form).getAllByLabelText("Time");
    const labels = within(form).getAllByLabelText("Label (optional)");
    expect(times[1]).toHaveFocus();
    await user.type(times[0], "20:00");
    await user.type(times[1], "08:00");
    await user.type(labels[1], "  Morning script  ");
    // A third one, changed mind: removed again.
    await user.click(within(form).getByRole("button", { name: "Add a medication reminder" }));
    await user.click(within(form).getByRole("button", { name: "Remove the medication reminder at no time yet" }));

    const styles = within(form).getByRole("group", { name: "What notifications say" });
    expect(within(styles).getByRole("radio", { name: /^Neutral “Reminder at 19:30”/ })).toBeChecked();
    expect(styles).toHaveTextContent("“You have a reminder”");
    expect(styles).toHaveTextContent("“Tuesday NA at 19:30” — only while Waymark is unlocked");
    await user.click(within(styles).getByRole("radio", { name: /^Private/ }));
    await user.click(within(form).getByRole("button", { name: "Save reminders" }));

    expect(commands.setReminderSettings).toHaveBeenCalledWith({
      checkinTime: "21:15",
      medication: [
        { time: "20:00", label: null },
        { time: "08:00", label: "Morning script" },
      ],
      style: "private",
    });
    expect(within(form).getByRole("status")).toHaveTextContent("Reminders saved.");
    // The form shows what the backend stored: times in order.
    expect(within(form).getAllByLabelText("Time").map((input) => (input as HTMLInputElement).value)).toEqual(["08:00", "20:00"]);
  });

  it("starts from the saved settings, and turning the check-in reminder off sends none", async () => {
    vi.mocked(commands.getReminderSettings).mockResolvedValue(
      ok({ checkinTime: "19:45", medication: [{ time: "09:00", label: "Morning" }], style: "detailed" }),
    );
    const { user, form } = await openSettings();
    expect(within(form).getByLabelText("Check-in reminder time")).toHaveValue("19:45");
    expect(within(form).getByLabelText("Label (optional)")).toHaveValue("Morning");
    expect(within(form).getByRole("radio", { name: /^Detailed/ })).toBeChecked();
    await user.click(within(form).getByRole("checkbox", { name: "Remind me to do my daily check-in" }));
    await user.click(within(form).getByRole("button", { name: "Save reminders" }));
    expect(commands.setReminderSettings).toHaveBeenCalledWith({
      checkinTime: null,
      medication: [{ time: "09:00", label: "Morning" }],
      style: "detailed",
    });
  });

  it("shows a backend error for the medication reminders beside them", async () => {
    const message = "Two medication reminders are at the same time; change or remove one.";
    vi.mocked(commands.setReminderSettings).mockResolvedValue(fail("invalid_input", message, "medication"));
    const { user, form } = await openSettings();
    await user.click(within(form).getByRole("button", { name: "Add a medication reminder" }));
    await user.type(within(form).getByLabelText("Time"), "08:00");
    await user.click(within(form).getByRole("button", { name: "Save reminders" }));
    expect(within(form).getByRole("group", { name: "Medication reminders" })).toHaveAccessibleDescription(
      expect.stringContaining(message),
    );
  });

  it("locking drops the medication labels from the form", async () => {
    vi.mocked(commands.getReminderSettings).mockResolvedValue(
      ok({ checkinTime: null, medication: [{ time: "09:00", label: "Morning" }], style: "detailed" }),
    );
    const { form } = await openSettings();
    expect(within(form).getByLabelText("Label (optional)")).toHaveValue("Morning");
    clearAllOnLock();
    await vi.waitFor(() => expect(within(form).queryByLabelText("Label (optional)")).not.toBeInTheDocument());
  });
});

describe("notification settings", () => {
  beforeEach(() => {
    resetCommands();
    content.reset();
  });

  it("a failed test notification shows its problem", async () => {
    vi.mocked(commands.sendTestNotification).mockResolvedValue(
      ok({ delivered: false, problem: "No notification service is running on this desktop." }),
    );
    const { user } = await openSettings();
    await user.click(within(notifications()).getByRole("button", { name: "Send a test notification" }));
    expect(commands.sendTestNotification).toHaveBeenCalledTimes(1);
    expect(within(notifications()).getByRole("alert")).toHaveTextContent(
      "The test notification could not be shown: No notification service is running on this desktop.",
    );
  });

  it("a delivered test notification says so", async () => {
    const { user } = await openSettings();
    await user.click(within(notifications()).getByRole("button", { name: "Send a test notification" }));
    expect(await within(notifications()).findByText(/^Test notification sent\./)).toBeInTheDocument();
    expect(within(notifications()).queryByRole("alert")).not.toBeInTheDocument();
  });

  it("says when reminders could not be shown, and that they will be listed in the app", async () => {
    vi.mocked(commands.notificationStatus).mockResolvedValue(
      ok({ ...quietDelivery, failed: 2, lastError: "the notification service did not answer", lastFailureAt: "2026-11-24T19:00:00Z" }),
    );
    await openSettings();
    const alert = await within(notifications()).findByRole("alert");
    expect(alert).toHaveTextContent("could not be shown as desktop notifications (the notification service did not answer)");
    expect(alert).toHaveTextContent("lists them on Today");
  });

  it("starting at login is off by default and turns on through the backend", async () => {
    const { user } = await openSettings();
    const box = within(notifications()).getByRole("checkbox", { name: "Start Waymark when I log in" });
    await vi.waitFor(() => expect(box).toBeEnabled());
    expect(box).not.toBeChecked();
    await user.click(box);
    expect(commands.setAutostart).toHaveBeenCalledWith(true);
    expect(box).toBeChecked();
    expect(notifications()).toHaveTextContent("Closing the window locks Waymark and keeps it running in the tray");
  });

  it("if starting at login cannot be changed, the box shows how things really are", async () => {
    vi.mocked(commands.setAutostart).mockResolvedValue(fail("internal", "Starting at login could not be changed."));
    const { user } = await openSettings();
    const box = within(notifications()).getByRole("checkbox", { name: "Start Waymark when I log in" });
    await vi.waitFor(() => expect(box).toBeEnabled());
    await user.click(box);
    expect(box).not.toBeChecked();
    expect(within(notifications()).getByRole("alert")).toHaveTextContent("Starting at login could not be changed.");
  });
});
