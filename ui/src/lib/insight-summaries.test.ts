import { describe, expect, it } from "vitest";
import { emptyInsights } from "../test/insights-fixtures";
import { setDayLocale } from "./day";
import {
  attendanceSummary,
  cravingsSummary,
  durationSummary,
  haltSummary,
  heatmapSummary,
  moodSummary,
  triggersSummary,
  whatWorksSummary,
} from "./insight-summaries";

const WEEK = { from: "2026-11-16", to: "2026-11-22" };

describe("each chart in words", () => {
  it("has nothing to say about an empty range, so the screen says so instead", () => {
    const empty = emptyInsights(WEEK);
    expect(cravingsSummary(empty.cravingsPerDay, null)).toBeNull();
    expect(moodSummary(empty.moodPerDay, null)).toBeNull();
    expect(triggersSummary(empty.topTriggers)).toBeNull();
    expect(heatmapSummary(empty.heatmap)).toBeNull();
    expect(haltSummary(empty.halt)).toBeNull();
    expect(durationSummary(empty.durations)).toBeNull();
    expect(whatWorksSummary(empty.whatWorks)).toBeNull();
    expect(attendanceSummary(empty.attendance)).toBeNull();
    expect(attendanceSummary([{ weekStart: "2026-11-16", attended: 0, missed: 0 }])).toBeNull();
  });

  it("counts cravings and names the busiest day", () => {
    setDayLocale("en-GB");
    const days = emptyInsights(WEEK).cravingsPerDay;
    days[1].count = 1;
    days[5].count = 4; // Saturday 21st
    days[6].count = 4; // a tie: the first is named
    expect(cravingsSummary(days, 6.25)).toMatch(/^9 cravings over 7 days, on 3 of them\. Average intensity 6\.3 out of 10\. The most in one day was 4, on Sat 21 Nov/);
  });

  it("says the mood's 7-day average at both ends", () => {
    const days = emptyInsights(WEEK).moodPerDay;
    days[2] = { day: "2026-11-18", average: 4, rollingAverage: 4 };
    days[6] = { day: "2026-11-22", average: 8, rollingAverage: 6 };
    expect(moodSummary(days, 6)).toMatch(/^Mood check-ins on 2 of 7 days, averaging 6\.0 out of 10\. The 7-day average was 4\.0 on Wed 18 Nov.* and 6\.0 on Sun 22 Nov/);
  });

  it("finds the busiest weekday and hour by adding up the cells", () => {
    const cells = emptyInsights(WEEK).heatmap;
    // Monday 09:00: 2; Tuesday 09:00: 2; Sunday 22:00: 3. Sunday has most (3); 09:00 has most (4).
    cells[0 * 24 + 9].count = 2;
    cells[1 * 24 + 9].count = 2;
    cells[6 * 24 + 22].count = 3;
    expect(heatmapSummary(cells)).toBe("Of 7 cravings, the most came on a Sunday (3), and the busiest hour was 09:00 to 10:00 (4).");
  });

  it("lists HALT states most first, with the cravings that had none", () => {
    expect(haltSummary({ hungry: 1, angry: 0, lonely: 4, tired: 2, none: 3, total: 8 })).toBe(
      "Of 8 cravings: lonely on 4, tired on 2, hungry on 1, angry on 0; none ticked on 3.",
    );
  });

  it("gives the median and how many cravings it rests on", () => {
    const durations = { ...emptyInsights(WEEK).durations, recorded: 1, medianMinutes: 20 };
    expect(durationSummary(durations)).toBe(
      "Half of your cravings with a recorded length were over within 20 minutes. 1 craving has a length recorded.",
    );
  });

  it("says what works with the numbers behind it", () => {
    expect(
      whatWorksSummary([
        { strategyId: 1, title: "Walk", tried: 5, withOutcome: 4, passed: 3, passRate: 0.75, withDrop: 0, averageDrop: null },
        { strategyId: 2, title: "Shower", tried: 2, withOutcome: 2, passed: 1, passRate: 0.5, withDrop: 0, averageDrop: null },
      ]),
    ).toBe("Cravings that passed without using, by what was tried: Walk, 3 of 4 (75%) and Shower, 1 of 2 (50%).");
    expect(
      whatWorksSummary([{ strategyId: 1, title: "Walk", tried: 1, withOutcome: 0, passed: 0, passRate: null, withDrop: 0, averageDrop: null }]),
    ).toMatch(/none of them has an outcome/);
  });

  it("adds up meetings over the weeks", () => {
    expect(
      attendanceSummary([
        { weekStart: "2026-11-09", attended: 2, missed: 0 },
        { weekStart: "2026-11-16", attended: 1, missed: 2 },
      ]),
    ).toBe("3 meetings attended and 2 marked missed in these days.");
    expect(triggersSummary([{ triggerId: 1, name: "Payday", category: "times_and_situations", count: 2 }])).toBe(
      "Most often linked to cravings: Payday (2).",
    );
  });
});
