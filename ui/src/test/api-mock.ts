// A stand-in for src/lib/api.ts in tests: `vi.mock("../lib/api", () => import("../test/api-mock"))`.
import { vi } from "vitest";
import type {
  ApiError,
  Craving,
  JournalContent,
  RecoverySummary,
  Trigger,
  commands as realCommands,
} from "../lib/api";

/** Constants are the real generated values, not copies. */
export const { NOTE_MAX_CHARS, ENTRY_MAX_CHARS, SHORT_TEXT_MAX_CHARS } = await vi.importActual<typeof import("../lib/api")>("../lib/api");

/** Every backend command as a mock; give each test its replies with mockResolvedValue. */
export const commands = {
  vaultStatus: vi.fn(),
  passphraseStrength: vi.fn(),
  createVault: vi.fn(),
  unlock: vi.fn(),
  unlockWithRecoveryKey: vi.fn(),
  lock: vi.fn(),
  changePassphrase: vi.fn(),
  setPassphraseAfterRecovery: vi.fn(),
  backupStatus: vi.fn(),
  setBackupKeep: vi.fn(),
  createBackupNow: vi.fn(),
  exportBackup: vi.fn(),
  restoreBackup: vi.fn(),
  getLockSettings: vi.fn(),
  setLockSettings: vi.fn(),
  noteActivity: vi.fn(),
  hideNow: vi.fn(),
  takeLockReason: vi.fn(),
  passphraseWait: vi.fn(),
  addCraving: vi.fn(),
  updateCraving: vi.fn(),
  getCraving: vi.fn(),
  listCravings: vi.fn(),
  listTriggers: vi.fn(),
  addTrigger: vi.fn(),
  updateTrigger: vi.fn(),
  setTriggerArchived: vi.fn(),
  mergeTriggers: vi.fn(),
  addMood: vi.fn(),
  updateMood: vi.fn(),
  getMood: vi.fn(),
  listMoods: vi.fn(),
  addJournalEntry: vi.fn(),
  updateJournalEntry: vi.fn(),
  getJournalEntry: vi.fn(),
  journalEntryOn: vi.fn(),
  listJournalEntries: vi.fn(),
  addCheckin: vi.fn(),
  updateCheckin: vi.fn(),
  getCheckin: vi.fn(),
  checkinOn: vi.fn(),
  addReview: vi.fn(),
  updateReview: vi.fn(),
  getReview: vi.fn(),
  reviewForWeek: vi.fn(),
  addLapse: vi.fn(),
  updateLapse: vi.fn(),
  getLapse: vi.fn(),
  listLapses: vi.fn(),
  timeline: vi.fn(),
  search: vi.fn(),
  deleteEntry: vi.fn(),
  restoreEntry: vi.fn(),
  getProfile: vi.fn(),
  setProfile: vi.fn(),
  recoverySummary: vi.fn(),
  safetyCardDue: vi.fn(),
  getJournalContent: vi.fn(),
  listStrategies: vi.fn(),
  addStrategy: vi.fn(),
  updateStrategy: vi.fn(),
  deleteStrategy: vi.fn(),
  setStrategyStarred: vi.fn(),
  setStrategyHidden: vi.fn(),
  whatWorks: vi.fn(),
  listContacts: vi.fn(),
  addContact: vi.fn(),
  updateContact: vi.fn(),
  deleteContact: vi.fn(),
  reorderContacts: vi.fn(),
  openContactLink: vi.fn(),
  helplines: vi.fn(),
  addLocalHelpline: vi.fn(),
  updateLocalHelpline: vi.fn(),
  deleteLocalHelpline: vi.fn(),
  getPlan: vi.fn(),
  setPlan: vi.fn(),
  planPrompts: vi.fn(),
  exportPlan: vi.fn(),
  sosSummary: vi.fn(),
  scheduleOptions: vi.fn(),
  listMeetings: vi.fn(),
  getMeeting: vi.fn(),
  addMeeting: vi.fn(),
  updateMeeting: vi.fn(),
  deleteMeeting: vi.fn(),
  skipOccurrence: vi.fn(),
  moveOccurrence: vi.fn(),
  restoreOccurrence: vi.fn(),
  setAttendance: vi.fn(),
  meetingOccurrences: vi.fn(),
  occurrencesOn: vi.fn(),
  exportIcs: vi.fn(),
  importIcs: vi.fn(),
  dashboard: vi.fn(),
  insights: vi.fn(),
  summaryPreview: vi.fn(),
  exportCounts: vi.fn(),
  exportData: vi.fn(),
  importData: vi.fn(),
  getReminderSettings: vi.fn(),
  setReminderSettings: vi.fn(),
  upcomingReminders: vi.fn(),
  takeReminderNotices: vi.fn(),
  notificationStatus: vi.fn(),
  sendTestNotification: vi.fn(),
  autostartEnabled: vi.fn(),
  setAutostart: vi.fn(),
} satisfies Record<keyof typeof realCommands, unknown>;

/** A successful reply. */
export function ok<T>(data: T): { status: "ok"; data: T } {
  return { status: "ok", data };
}

/** A failed reply carrying an ApiError. */
export function fail(
  code: ApiError["code"],
  message: string,
  field: string | null = null,
): { status: "error"; error: ApiError } {
  return { status: "error", error: { code, message, field } };
}

/** A stored craving as the backend would return it. */
export function craving(
  id: number,
  intensity: number,
  occurredAt: string,
  note: string | null = null,
  details: Partial<Craving> = {},
): Craving {
  return {
    id,
    intensity,
    occurredAt,
    note,
    createdAt: occurredAt,
    durationMinutes: null,
    triggers: [],
    halt: { hungry: false, angry: false, lonely: false, tired: false },
    place: null,
    withWhom: null,
    activity: null,
    coping: [],
    outcome: null,
    intensityAfter: null,
    ...details,
  };
}

/** A trigger in the catalogue. */
export function trigger(id: number, name: string, category: Trigger["category"] = "feelings", uses = 0): Trigger {
  return { id, name, category, archived: false, uses };
}

/** A small but complete copy of the built-in content. */
export const content: JournalContent = {
  version: 1,
  trigger: [{ name: "Feeling stressed", category: "feelings", source: "000: Identifying and managing triggers" }],
  feeling: [
    { key: "anxious", label: "Anxious", tone: "hard" },
    { key: "calm", label: "Calm", tone: "good" },
    { key: "hopeful", label: "Hopeful", tone: "good" },
  ],
  safetyFact: [
    { key: "tolerance", title: "Your tolerance drops fast", text: "After even a few days without opioids, a dose you used to take can cause an overdose.", source: "002: withdrawal" },
    { key: "naloxone", title: "Carry naloxone", text: "Naloxone reverses an opioid overdose.", source: "CDC, checked 2026-11-22" },
  ],
  region: [
    { key: "uk", label: "United Kingdom", emergency: "999", source: "NHS" },
    { key: "us", label: "United States", emergency: "911", source: "FCC" },
    { key: "other", label: "Somewhere else", emergency: "", source: "EENA" },
  ],
  weeklyQuestion: [
    { key: "days_used", domain: "use", prompt: "In the past 7 days, on how many days did you use?", answer: "days", low: null, high: null },
    { key: "confidence", domain: "protective", prompt: "In the past 7 days, how confident were you about staying stopped?", answer: "scale", low: "Not confident", high: "Very confident" },
  ],
  medication: [
    { key: "methadone", label: "Methadone", source: "003" },
    { key: "buprenorphine", label: "Buprenorphine", source: "003" },
    { key: "naltrexone", label: "Naltrexone", source: "003" },
    { key: "other", label: "Something else", source: "" },
  ],
};

/** A recovery summary with no start date set. */
export const noRecovery: RecoverySummary = {
  startDate: null,
  currentDays: 0,
  lastMilestone: null,
  nextMilestone: null,
  periods: [],
  attempts: 0,
  longestDays: 0,
  totalDays: 0,
  lapses: 0,
};

/** Default replies: a vault that exists and is unlocked, with no entries. */
export function resetCommands(): void {
  for (const mock of Object.values(commands)) mock.mockReset();
  commands.vaultStatus.mockResolvedValue(ok({ exists: true, unlocked: true, openedWithRecoveryKey: false, keyFileMissing: false }));
  commands.passphraseStrength.mockResolvedValue(ok({ score: 3, acceptable: true, feedback: null }));
  commands.createVault.mockResolvedValue(ok("ABCD-EFGH-IJKL-MNOP"));
  commands.unlock.mockResolvedValue(ok(null));
  commands.unlockWithRecoveryKey.mockResolvedValue(ok(null));
  commands.lock.mockResolvedValue(ok(null));
  commands.changePassphrase.mockResolvedValue(ok(null));
  commands.setPassphraseAfterRecovery.mockResolvedValue(ok(null));
  commands.backupStatus.mockResolvedValue(
    ok({ backups: [], keep: 7, lastAutomatic: null, autoBackupError: null, folder: "/home/me/.local/share/waymark/backups" }),
  );
  commands.setBackupKeep.mockImplementation((keep: number) => Promise.resolve(ok(keep)));
  commands.createBackupNow.mockResolvedValue(
    ok({ fileName: "manual-20261123-101500.backup", kind: "manual", createdAt: "2026-11-23T10:15:00+00:00", sizeBytes: 365000 }),
  );
  commands.exportBackup.mockResolvedValue(ok(null));
  commands.restoreBackup.mockResolvedValue(ok(null));
  commands.getLockSettings.mockResolvedValue(ok({ autoLockMinutes: 5 }));
  commands.setLockSettings.mockImplementation((settings: { autoLockMinutes: number }) => Promise.resolve(ok(settings)));
  commands.noteActivity.mockResolvedValue(ok(null));
  commands.hideNow.mockResolvedValue(ok(null));
  commands.takeLockReason.mockResolvedValue(ok(null));
  commands.passphraseWait.mockResolvedValue(ok(0));
  commands.addCraving.mockResolvedValue(ok(craving(1, 5, "2024-11-22T15:40:00-05:00")));
  commands.listCravings.mockResolvedValue(ok([]));
  commands.listTriggers.mockResolvedValue(ok([trigger(1, "Feeling stressed")]));
  commands.listMoods.mockResolvedValue(ok([]));
  commands.listJournalEntries.mockResolvedValue(ok([]));
  commands.listLapses.mockResolvedValue(ok([]));
  commands.journalEntryOn.mockResolvedValue(ok(null));
  commands.checkinOn.mockResolvedValue(ok(null));
  commands.reviewForWeek.mockResolvedValue(ok(null));
  commands.timeline.mockResolvedValue(ok([]));
  commands.search.mockResolvedValue(ok([]));
  commands.deleteEntry.mockResolvedValue(ok(null));
  commands.restoreEntry.mockResolvedValue(ok(null));
  commands.getProfile.mockResolvedValue(ok({ recoveryStart: null, region: null, medication: null }));
  commands.recoverySummary.mockResolvedValue(ok(noRecovery));
  commands.safetyCardDue.mockResolvedValue(ok(false));
  commands.getJournalContent.mockResolvedValue(ok(content));
  commands.sosSummary.mockResolvedValue(
    ok({ strategies: [], ifThenPlans: [], callList: [], peopleToCall: [], helplines: { region: null, builtin: [], local: [] }, reasons: [] }),
  );
  resetScheduleCommands();
  resetInsightCommands();
}

// ---- Fixtures for the journal, check-in, recovery and search screens ----
import type { Checkin, EntryKind, JournalEntry, Lapse, Mood, Profile, Review, TimelineItem } from "../lib/api";

/** A stored mood check-in. */
export function storedMood(id: number, value: number, occurredAt: string, details: Partial<Mood> = {}): Mood {
  return { id, mood: value, occurredAt, feelings: [], note: null, ...details };
}

/** A stored journal entry. */
export function storedJournalEntry(id: number, date: string, body: string, details: Partial<JournalEntry> = {}): JournalEntry {
  return { id, date, body, wentWell: null, tags: [], ...details };
}

/** A stored daily check-in. */
export function storedCheckin(id: number, date: string, details: Partial<Checkin> = {}): Checkin {
  return { id, date, answers: {}, dayRating: null, note: null, ...details };
}

/** A stored weekly review. */
export function storedReview(id: number, weekStart: string, answers: Record<string, number>, note: string | null = null): Review {
  return { id, weekStart, answers, note };
}

/** A stored lapse. */
export function storedLapse(id: number, occurredAt: string, details: Partial<Lapse> = {}): Lapse {
  return {
    id,
    occurredAt,
    triggers: [],
    feelings: [],
    situation: null,
    learned: null,
    nextTime: null,
    restartsCounter: false,
    ...details,
  };
}

/** A profile; nothing set unless given. */
export function storedProfile(details: Partial<Profile> = {}): Profile {
  return { recoveryStart: null, region: null, medication: null, ...details };
}

/** A line of search results or of the timeline. */
export function storedItem(
  kind: EntryKind,
  id: number,
  day: string,
  summary: string,
  excerpt: string | null = null,
  at: string | null = null,
): TimelineItem {
  return { entry: { kind, id }, day, at, summary, excerpt };
}

// ---- Fixtures for the coping, people and plan screens ----
import type { Contact, Helpline, LocalHelpline, RelapsePlan, Strategy, WhatWorks } from "../lib/api";

/** Limits used by the coping, people and plan screens: the real generated values. */
export const { PLAN_LIST_MAX_ITEMS, PLAN_TEXT_MAX_CHARS, STRATEGY_TITLE_MAX_CHARS, CONTACT_NAME_MAX_CHARS } =
  await vi.importActual<typeof import("../lib/api")>("../lib/api");

/** A strategy in the library; built in unless `custom` is given. */
export function storedStrategy(id: number, title: string, details: Partial<Strategy> = {}): Strategy {
  return {
    id,
    key: details.custom ? null : `strategy_${id}`,
    title,
    summary: null,
    steps: [],
    category: "in_the_moment",
    source: null,
    custom: false,
    starred: false,
    hidden: false,
    ...details,
  };
}

/** One line of "what works for me". */
export function storedWhatWorks(strategyId: number, title: string, details: Partial<WhatWorks> = {}): WhatWorks {
  return { strategyId, title, tried: 0, withOutcome: 0, passed: 0, passRate: null, withDrop: 0, averageDrop: null, ...details };
}

/** A contact in the support network. */
export function storedContact(id: number, name: string, callOrder: number, details: Partial<Contact> = {}): Contact {
  return { id, name, role: "friend", phone: null, email: null, notes: null, callOrder, ...details };
}

/** A built-in helpline. */
export function storedHelpline(name: string, number: string, details: Partial<Helpline> = {}): Helpline {
  return {
    region: "uk",
    name,
    number,
    kind: "crisis",
    hours: "24 hours, every day",
    description: "Someone to talk to.",
    source: "Samaritans, checked 2026-01-10",
    checked: "2026-01-10",
    ...details,
  };
}

/** One of the person's own helplines. */
export function storedLocalHelpline(id: number, name: string, number: string, note: string | null = null): LocalHelpline {
  return { id, name, number, note };
}

/** A plan with every section empty, or with the sections given. */
export function storedPlan(details: Partial<RelapsePlan> = {}): RelapsePlan {
  return {
    reasons: [],
    warningSigns: [],
    highRiskSituations: [],
    peopleToCall: [],
    safePlaces: [],
    safeActivities: [],
    aftercare: [],
    ...details,
  };
}

// ---- Fixtures and default replies for meetings and reminders ----
import type {
  DeliveryStatus,
  DueReminder,
  NoticeReason,
  ReminderNotice,
  Meeting,
  MeetingException,
  NewMeetingInput,
  Occurrence,
  ReminderSettings,
  ScheduleOptions,
} from "../lib/api";

/** Limits used by the meeting form and the reminder settings: the real generated values. */
export const {
  MEETING_TITLE_MAX_CHARS,
  MEETING_REMINDERS_MAX,
  MEETING_DURATION_MAX_MINUTES,
  MEETING_LINK_MAX_CHARS,
  MEDICATION_REMINDERS_MAX,
  MEDICATION_LABEL_MAX_CHARS,
} = await vi.importActual<typeof import("../lib/api")>("../lib/api");

/** The computer's zone in tests (vite.config.ts sets TZ to it). */
export const SYSTEM_ZONE = "America/New_York";

/** What `scheduleOptions` answers: the backend's kinds and labels, in its order. */
export const scheduleOptions: ScheduleOptions = {
  kinds: [
    { kind: "twelve_step", label: "NA / 12-step meeting" },
    { kind: "smart_recovery", label: "SMART Recovery meeting" },
    { kind: "group_therapy", label: "Group therapy" },
    { kind: "counselling", label: "Counselling" },
    { kind: "keyworker", label: "Keyworker appointment" },
    { kind: "clinic", label: "GP or clinic" },
    { kind: "other", label: "Other" },
  ],
  systemZone: SYSTEM_ZONE,
};

/** A stored meeting: weekly on Tuesdays at 19:00 in the test zone, unless changed. */
export function storedMeeting(id: number, title: string, details: Partial<Meeting> = {}): Meeting {
  return {
    id,
    title,
    kind: "twelve_step",
    startLocal: "2024-11-19T19:00",
    timeZone: SYSTEM_ZONE,
    durationMinutes: 60,
    recurrence: { type: "weekly", interval: 1, days: ["tue"] },
    until: null,
    place: null,
    link: null,
    notes: null,
    reminderMinutes: [60],
    exceptions: [],
    ...details,
  };
}

/** The meeting the backend stores for `input`, as it would read it back. */
export function meetingFromInput(id: number, input: NewMeetingInput, exceptions: MeetingException[] = []): Meeting {
  const text = (value: string | null | undefined) => (value && value.trim() !== "" ? value.trim() : null);
  return {
    id,
    title: input.title.trim(),
    kind: input.kind,
    startLocal: `${input.startDate}T${input.startTime}`,
    timeZone: text(input.timeZone) ?? SYSTEM_ZONE,
    durationMinutes: input.durationMinutes,
    recurrence: input.recurrence ?? { type: "once" },
    until: text(input.until),
    place: text(input.place),
    link: text(input.link),
    notes: text(input.notes),
    // The backend keeps each lead once, largest first.
    reminderMinutes: [...new Set(input.reminderMinutes ?? [])].sort((a, b) => b - a),
    exceptions,
  };
}

/**
 * One occurrence of a meeting starting at `start` (a local Date) for `minutes`, with times written
 * as the backend writes them: RFC 3339 with the zone's offset.
 */
export function storedOccurrence(meetingId: number, title: string, start: Date, details: Partial<Occurrence> = {}, minutes = 60): Occurrence {
  const local = (date: Date) => {
    const pad = (n: number) => String(n).padStart(2, "0");
    const offset = -date.getTimezoneOffset();
    const sign = offset >= 0 ? "+" : "-";
    const abs = Math.abs(offset);
    return (
      `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:00` +
      `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
    );
  };
  const startsAt = local(start);
  return {
    meetingId,
    title,
    kind: "twelve_step",
    occurrence: startsAt.slice(0, 16),
    startsAt,
    endsAt: local(new Date(start.getTime() + minutes * 60_000)),
    timeZone: SYSTEM_ZONE,
    moved: false,
    place: null,
    link: null,
    attendance: null,
    ...details,
  };
}

/** Reminder settings as stored before the person changes anything. */
export const defaultReminderSettings: ReminderSettings = { checkinTime: null, medication: [], style: "neutral" };

/** Delivery status with nothing shown and nothing failed. */
export const quietDelivery: DeliveryStatus = { shown: 0, failed: 0, lastError: null, lastFailureAt: null };

/** A reminder the window lists after the fact. */
/** A notice as `takeReminderNotices` hands it over: a reminder and why it is listed. */
export function notice(reminder: DueReminder, reason: NoticeReason = "missed"): ReminderNotice {
  return { reminder, reason };
}

export function storedNotice(key: string, eventAt: string, details: Partial<DueReminder> = {}): DueReminder {
  return {
    key,
    kind: "meeting",
    dueAt: eventAt,
    eventAt,
    eventTime: eventAt.slice(11, 16),
    title: null,
    meetingId: null,
    ...details,
  };
}

let nextMeetingId = 100;

/** Default replies for the schedule: no meetings, reminders off, notifications working. */
function resetScheduleCommands(): void {
  nextMeetingId = 100;
  commands.scheduleOptions.mockResolvedValue(ok(scheduleOptions));
  commands.listMeetings.mockResolvedValue(ok([]));
  commands.getMeeting.mockImplementation(async (id: number) => ok(storedMeeting(id, "Meeting")));
  commands.addMeeting.mockImplementation(async (input: NewMeetingInput) => ok(meetingFromInput(nextMeetingId++, input)));
  commands.updateMeeting.mockImplementation(async (id: number, input: NewMeetingInput) => ok(meetingFromInput(id, input)));
  commands.deleteMeeting.mockResolvedValue(ok(null));
  commands.skipOccurrence.mockImplementation(async (id: number, occurrence: string) =>
    ok(storedMeeting(id, "Meeting", { exceptions: [{ occurrence, movedTo: null }] })),
  );
  commands.moveOccurrence.mockImplementation(async (id: number, occurrence: string, to: string) =>
    ok(storedMeeting(id, "Meeting", { exceptions: [{ occurrence, movedTo: to }] })),
  );
  commands.restoreOccurrence.mockImplementation(async (id: number) => ok(storedMeeting(id, "Meeting")));
  commands.setAttendance.mockResolvedValue(ok(null));
  commands.meetingOccurrences.mockResolvedValue(ok([]));
  commands.occurrencesOn.mockResolvedValue(ok([]));
  // The save dialog: the path chosen (null when cancelled).
  commands.exportIcs.mockResolvedValue(ok("/home/person/Documents/schedule.ics"));
  // The file dialog: cancelled unless a test says otherwise.
  commands.importIcs.mockResolvedValue(ok(null));
  commands.getReminderSettings.mockResolvedValue(ok(defaultReminderSettings));
  // The backend trims labels, drops empty ones and sorts medication times.
  commands.setReminderSettings.mockImplementation(async (settings: ReminderSettings) =>
    ok({
      checkinTime: settings.checkinTime ?? null,
      medication: [...(settings.medication ?? [])]
        .map((m) => ({ time: m.time, label: m.label?.trim() ? m.label.trim() : null }))
        .sort((a, b) => a.time.localeCompare(b.time)),
      style: settings.style ?? "neutral",
    }),
  );
  commands.upcomingReminders.mockResolvedValue(ok([]));
  commands.takeReminderNotices.mockResolvedValue(ok([]));
  commands.notificationStatus.mockResolvedValue(ok(quietDelivery));
  commands.sendTestNotification.mockResolvedValue(ok({ delivered: true, problem: null }));
  commands.autostartEnabled.mockResolvedValue(ok(false));
  commands.setAutostart.mockImplementation(async (enabled: boolean) => ok(enabled));
}

// ---- Default replies for the dashboard, insights and exports ----
import type { DayRange, SummaryRequest } from "../lib/api";
import { emptyInsights, emptyReport, quietDashboard } from "./insights-fixtures";

/** An empty journal: a quiet dashboard, empty figures, and every file dialog cancelled. */
function resetInsightCommands(): void {
  commands.dashboard.mockResolvedValue(ok(quietDashboard()));
  commands.insights.mockImplementation(async (range: DayRange) => ok(emptyInsights(range)));
  commands.summaryPreview.mockImplementation(async (request: SummaryRequest) => ok(emptyReport(request)));
  commands.exportCounts.mockResolvedValue(ok([]));
  commands.exportData.mockResolvedValue(ok(null));
  commands.importData.mockResolvedValue(ok(null));
}
