// Fixtures for the dashboard, Insights and Summary screens: figures shaped as the backend sends
// them, empty unless a test fills them in.
import type {
  Dashboard,
  DayRange,
  DurationBand,
  Insights,
  PeriodFigures,
  RecoverySummary,
  SummaryReport,
  SummaryRequest,
} from "../lib/api";
import { shiftDay } from "../lib/day";

/** Every day of `range`, in order. */
export function daysOf(range: DayRange): string[] {
  const days: string[] = [];
  for (let day = range.from; day <= range.to && days.length < 4000; day = shiftDay(day, 1)) days.push(day);
  return days;
}

/** A recovery summary with no start date. */
export const noStart: RecoverySummary = {
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

/** Figures for `range` with nothing logged, or with the changes given. */
export function periodFigures(range: DayRange, changes: Partial<PeriodFigures> = {}): PeriodFigures {
  return {
    range,
    cravings: 0,
    averageIntensity: null,
    averageMood: null,
    checkinsDone: 0,
    days: daysOf(range).length,
    meetingsAttended: 0,
    meetingsMissed: 0,
    ...changes,
  };
}

/** A dashboard for a quiet fortnight ending on `today`: nothing logged, no warnings. */
export function quietDashboard(today = "2026-11-22", changes: Partial<Dashboard> = {}): Dashboard {
  return {
    today,
    recovery: noStart,
    thisWeek: periodFigures({ from: shiftDay(today, -6), to: today }),
    lastWeek: periodFigures({ from: shiftDay(today, -13), to: shiftDay(today, -7) }),
    warnings: [],
    ...changes,
  };
}

/** The length bands the backend uses, all empty. */
export function emptyBands(): DurationBand[] {
  return [
    { label: "Under 5 min", minMinutes: 0, maxMinutes: 5, count: 0 },
    { label: "5-15 min", minMinutes: 5, maxMinutes: 15, count: 0 },
    { label: "15-30 min", minMinutes: 15, maxMinutes: 30, count: 0 },
    { label: "30-60 min", minMinutes: 30, maxMinutes: 60, count: 0 },
    { label: "1 hour or more", minMinutes: 60, maxMinutes: null, count: 0 },
  ];
}

/** Insights over `range` with nothing logged: every day present, every count zero. */
export function emptyInsights(range: DayRange): Insights {
  const days = daysOf(range);
  return {
    range,
    totals: periodFigures(range),
    cravingsPerDay: days.map((day) => ({ day, count: 0, averageIntensity: null, maxIntensity: null })),
    moodPerDay: days.map((day) => ({ day, average: null, rollingAverage: null })),
    topTriggers: [],
    heatmap: Array.from({ length: 168 }, (_, i) => ({ weekday: Math.floor(i / 24), hour: i % 24, count: 0 })),
    halt: { hungry: 0, angry: 0, lonely: 0, tired: 0, none: 0, total: 0 },
    durations: { bands: emptyBands(), recorded: 0, medianMinutes: null },
    outcomes: { passed: 0, used: 0, ongoing: 0, unrecorded: 0 },
    whatWorks: [],
    attendance: [],
    checkins: { done: 0, days: days.length, answers: [], averageDayRating: null },
    lapses: [],
  };
}

/** The summary the backend would make for `request` from an empty journal. */
export function emptyReport(request: SummaryRequest, generatedOn = "2026-11-22"): SummaryReport {
  return {
    generatedOn,
    range: request.range,
    sections: request.sections,
    recovery: noStart,
    insights: emptyInsights(request.range),
    plan: null,
    journal: [],
    notes: [],
  };
}
