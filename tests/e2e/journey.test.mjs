// The first-week journey through the real Waymark window: set up, log a craving, lock and unlock,
// relaunch, change the passphrase, recover with the recovery key; then, after another relaunch, log
// a craving with every detail, a mood, a journal entry (previewed, then searched for), a daily
// check-in, a recovery start date and two lapses (with the safety card), edit and delete (and undo)
// on the Timeline, and rename a trigger; fill in every other text field (12k); finally check that
// nothing readable reached the disk and that the CLI reads back what was typed. Run it through ./run.sh, which provides the display, the
// driver and a fresh data directory.

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import {
  allByName,
  appPids,
  byName,
  byNameIn,
  cli,
  filesUnder,
  idempotent,
  config,
  launch,
  launchAgain,
  log,
  pageSource,
  quit,
  reveal,
  saveFailure,
  openInDialog,
  saveInDialog,
  scanForPlaintext,
  screenScreenshot,
  screenshot,
  startLogindStub,
  textOf,
  textsOfRole,
  type,
  typeDate,
  waitFor,
  waitForAppExit,
  waitForRoleText,
  windowShown,
  xpathLiteral,
} from "./lib.mjs";

const FIRST_PASSPHRASE = "harbour lantern pickle seven";
const NEW_PASSPHRASE = "quiet meadow copper violin";
// Set after unlocking with the recovery key, as someone who forgot the passphrase would.
const RECOVERED_PASSPHRASE = "amber kettle orbit lagoon";
const WRONG_PASSPHRASE = "harbour lantern pickle eight";
const MARKER = `e2e-marker-${randomBytes(6).toString("hex")}`;
const NOTE = `Walked past the old corner shop. ${MARKER}`;
const RECOVERY_KEY_FORMAT = /^[A-Z2-7]{4}(-[A-Z2-7]{4}){7}$/;

// What steps 06-12 type into the window. Every text carries the marker, so the scan at rest finds
// any of it that reached the disk unencrypted; the suffixes say which field leaked.
// The full craving (step 06), edited (step 11) and its new trigger renamed (step 12).
const STARTER_TRIGGER = "Money worries"; // one of the starter triggers every new journal has
const NEW_TRIGGER = `Night bus ${MARKER}`;
const NEW_TRIGGER_CATEGORY = { label: "Places", key: "places" };
const RENAMED_TRIGGER = `Late bus ${MARKER}`;
const CRAVING = {
  intensity: 8,
  editedIntensity: 6,
  after: 3,
  minutes: 20,
  place: `Bus stop ${MARKER}-where`,
  withWhom: `Nobody ${MARKER}-with`,
  activity: `Waiting ${MARKER}-doing`,
  coping: [`Called my sponsor ${MARKER}-cope1`, `Slow breathing ${MARKER}-cope2`],
  note: `Rode it out on the night bus. ${MARKER}-craving`,
};
// The mood check-in (step 07), and one logged by mistake that step 11 deletes.
const MOOD = { mood: 6, feelings: [["Hopeful", "hopeful"], ["Calm", "calm"]], note: `Calmer after a walk. ${MARKER}-mood` };
const THROWAWAY_MOOD = { mood: 2, note: `Logged by mistake ${MARKER}-throwaway` };
// The journal entry (step 08): Markdown, a word found by search, one thing that went well, a tag.
const HEX = MARKER.slice("e2e-marker-".length);
const UNIQUE_WORD = `quokka${HEX}`;
const BOLD_WORD = "steady";
const JOURNAL = {
  body: `A **${BOLD_WORD}** day, mostly.\n\n- saw a ${UNIQUE_WORD} at the park\n- ${MARKER}-journal`,
  wentWell: `Cooked dinner ${MARKER}-went-well`,
  tag: `${MARKER}-tag`,
};
// The daily check-in (step 09): [question, answer clicked, JSON key, value].
const CHECKIN_ANSWERS = [
  ["Slept well?", "No", "sleptWell", false],
  ["Eaten properly?", "Yes", "ateWell", true],
  ["Contacted someone supportive?", "Yes", "contactedSomeone", true],
  ["Used today?", "No", "usedToday", false],
];
const CHECKIN = { day: 7, note: `Tired but got through it ${MARKER}-checkin` };
// Recovery (step 10): a start date some days ago, a lapse that restarts the counter, and one that
// keeps it going (logged after choosing a region, to see its emergency number).
const START_DAYS_AGO = 12;
const CONTACT = {
  name: `Sam ${MARKER}`,
  phone: "07700 900123",
  notes: `Sponsor since spring ${MARKER}-contact-notes`,
};
const PLAN = {
  reason: `To be there for my daughter ${MARKER}-reason`,
  situation: `Payday evening alone ${MARKER}-situation`,
  then: `call Sam and go to the gym ${MARKER}-then`,
};
const LAPSE = {
  situation: `At a friend's flat ${MARKER}-situation`,
  learned: `Evenings alone are risky ${MARKER}-learned`,
  nextTime: `Call someone first ${MARKER}-next-time`,
};
const MEETING = {
  title: `Tuesday group ${MARKER}-meeting`,
  place: `Church hall ${MARKER}-place`,
  notes: `Bring the workbook ${MARKER}-meeting-notes`,
};
const MISSED_MEETING = `Keyworker catch-up ${MARKER}-missed`;
const SECOND_LAPSE = { situation: `Payday evening ${MARKER}-situation2` };
// Step 12k: every other text field the window has. Phone numbers and email addresses cannot hold
// the marker; they are made of the run's random hex instead, so they are unique to this run too.
const RUN_DIGITS = (hex) => String(parseInt(hex, 16)).padStart(10, "0");
const REVIEW = { question: "nights_poor_sleep", days: 2, note: `A steadier week ${MARKER}-review` };
const STRATEGY = {
  title: `Text my brother ${MARKER}-strategy`,
  category: { label: "Connection", key: "connection" },
  summary: `He always answers ${MARKER}-strategy-summary`,
  steps: [`Open our chat ${MARKER}-step1`, `Say it straight ${MARKER}-step2`],
};
const HELPLINE = {
  name: `Harbour drug service ${MARKER}-helpline`,
  number: `0${RUN_DIGITS(HEX.slice(4, 12))}`,
  note: `Ask for the duty worker ${MARKER}-helpline-note`,
};
const CONTACT_EDIT = { phone: `0${RUN_DIGITS(HEX.slice(0, 8))}`, email: `${HEX}@example.org` };
const MEETING_LINK = `https://meet.example.org/${MARKER}-link`;
const MEDICATION_LABEL = `Morning dose ${MARKER}-medication`;
const PLAN_MORE = {
  warningSigns: [
    { stage: "early", kind: "feelings", label: "Early sign", kindLabel: "Feelings", text: `Snapping at people ${MARKER}-early` },
    { stage: "middle", kind: "thoughts", label: "Middle sign", kindLabel: "Thoughts", text: `Just one won't hurt ${MARKER}-middle` },
    { stage: "late", kind: "behaviour", label: "Late sign", kindLabel: "Behaviour", text: `Drawing out cash ${MARKER}-late` },
  ],
  lists: [
    ["peopleToCall", "Add a person to call", "Person to call 1", `My sister ${MARKER}-people-to-call`],
    ["safePlaces", "Add a safe place", "Safe place 1", `The library ${MARKER}-safe-place`],
    ["safeActivities", "Add a safe activity", "Safe activity 1", `Swimming ${MARKER}-safe-activity`],
    ["aftercare", "Add an aftercare commitment", "Aftercare commitment 1", `Weekly keywork ${MARKER}-aftercare`],
  ],
};

// Unlocking runs Argon2id (~0.7 s here, more on a slow VM); creating a journal calibrates it (~1 s).
const SLOW = { timeout: 30_000 };

let browser = null;
let recoveryKey = null;
/** The medication reminder's time chosen in step 12k (HH:MM), read back in step 13. */
let medicationTime = null;
let failed = false;
/** The logind stand-in of step 12h, stopped when the journey ends. */
let logind = null;

/**
 * One step of the journey. After a failing step the rest are skipped; a failing step leaves
 * artifacts/FAILED-<name>.png (+ -screen.png, .html) behind.
 */
function step(name, title, body) {
  it(`${name}: ${title}`, { timeout: 180_000 }, async (t) => {
    if (failed) {
      t.skip("an earlier step failed");
      return;
    }
    try {
      await body();
    } catch (error) {
      failed = true;
      await saveFailure(browser, name);
      throw error;
    }
  });
}

// ------------------------------------------------------------------------------------------------
// Reusable moves.
// ------------------------------------------------------------------------------------------------

async function heading(name, options) {
  return byName(browser, name, "heading", options);
}

async function click(name, role = "button") {
  const element = await byName(browser, name, role);
  await element.click();
  return element;
}

/** The "Recent cravings" list's entries, as text, newest first. */
async function cravingEntries() {
  const list = await byName(browser, "Recent cravings", "list");
  const items = await list.$$("./li");
  const texts = [];
  for (const item of items) texts.push((await textOf(item)).replace(/\s+/g, " ").trim());
  return texts;
}

/** Waits for the journal screen showing our craving at the top of the list. */
async function expectCravingOnTop() {
  const entries = await waitFor(
    "the Recent cravings list to show the marker",
    async () => {
      const texts = await cravingEntries();
      return texts.some((text) => text.includes(MARKER)) ? texts : null;
    },
    SLOW,
  );
  assert.equal(entries.filter((text) => text.includes(MARKER)).length, 1, "the craving appears once");
  assert.ok(entries[0].includes(MARKER), `the newest entry is ours: ${entries[0]}`);
  assert.match(entries[0], /\b7\s*\/\s*10\b/, `the newest entry shows intensity 7: ${entries[0]}`);
}

/** No journal content anywhere in the page, and no list of cravings. */
async function expectNoJournalData() {
  const html = await pageSource(browser);
  assert.ok(!html.includes(MARKER), "the craving's note is not in the page");
  assert.ok(!/\b7\s*\/\s*10\b/.test(html), "no craving entry is in the page");
  assert.equal((await allByName(browser, "Recent cravings", "list")).length, 0, "no craving list in the DOM");
}

/**
 * Waits for the live strength hint under a new passphrase. It appears a moment after typing stops
 * and pushes the fields below it down: clicking Save before it shows can miss the moving button.
 */
async function waitForStrengthHint() {
  await waitFor("the strength hint", async () => /Strength: (Good|Strong)\./.test(await pageSource(browser)), SLOW);
}

async function lock() {
  await click("Lock");
  await heading("Welcome back", SLOW);
  await expectNoJournalData();
}

async function unlockWithPassphrase(passphrase) {
  await heading("Welcome back", SLOW);
  await type(await byName(browser, "Passphrase", "textbox"), passphrase);
  await click("Unlock");
}

/** Submits a passphrase that must be refused: an alert shows and the journal stays closed. */
async function expectRefused(passphrase) {
  const before = await textsOfRole(browser, "alert");
  assert.deepEqual(before, [], "no alert before trying");
  await unlockWithPassphrase(passphrase);
  const alert = await waitForRoleText(browser, "alert", /\S/, SLOW);
  log(`refused with alert: ${alert}`);
  assert.ok(!alert.includes(passphrase), "the alert does not repeat the passphrase");
  await heading("Welcome back");
  await expectNoJournalData();
  // The field was emptied for the next try.
  assert.equal(await (await byName(browser, "Passphrase", "textbox")).getValue(), "");
  return alert;
}

/** Today's date in this machine's time zone (the app's too), YYYY-MM-DD. */
function localDay(date = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Whole calendar days from one YYYY-MM-DD to another. */
function daysBetween(from, to) {
  const utc = (day) => Date.UTC(...day.split("-").map((part, i) => Number(part) - (i === 1 ? 1 : 0)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** Clicks a checkbox or radio button and waits until it is selected. */
async function choose(element) {
  await element.click();
  await waitFor("the choice to be selected", () => element.isSelected());
  return element;
}

/** The notifications the sink has received so far, oldest first. */
function received() {
  return readFileSync(config.notifications, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));
}

/** A local wall-clock time as HH:MM (24-hour). */
function clockText(date) {
  return `${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
}

/**
 * Ticks or unticks a checkbox and waits until it shows that state. When WebKit swallows the
 * pointer click (right after a native <select> popup closes, it sometimes does), the checkbox
 * is clicked from the page instead, which runs the same handlers.
 */
async function setTicked(element, ticked) {
  await reveal(browser, element, "center");
  const settled = async () => {
    try {
      await waitFor(`the checkbox to be ${ticked ? "ticked" : "unticked"}`, async () => (await element.isSelected()) === ticked, {
        timeout: 2_000,
      });
      return true;
    } catch {
      return false;
    }
  };
  if ((await element.isSelected()) !== ticked) await element.click();
  if (await settled()) return;
  log("the pointer click did not reach the checkbox; clicking it from the page");
  await browser.execute((el) => el.click(), element);
  if (!(await settled())) throw new Error(`the checkbox could not be ${ticked ? "ticked" : "unticked"}`);
}

/** The control named `name` inside the group (fieldset or role=group) named `groupName`. */
async function inGroup(groupName, name, role) {
  return byNameIn(browser, await byName(browser, groupName, "group"), name, role);
}

/** The visible text of an element on one line. */
async function flatText(element) {
  return (await textOf(element)).replace(/\s+/g, " ").trim();
}

/** Shows a journal screen through the navigation and waits for its heading. */
async function go(button, headingName = button) {
  await click(button);
  await heading(headingName, SLOW);
}

/** Opens the Timeline afresh (through Today, so it reads the entries again). */
async function openTimeline() {
  await go("Today");
  await go("Timeline");
  await waitForRoleText(browser, "status", /^Showing .+ to today\.$/, SLOW);
}

/** The timeline entries (list items) showing `text` now. */
async function timelineItems(text) {
  const xpath = `//main//ul/li[contains(normalize-space(.), ${xpathLiteral(text)})]`;
  return idempotent(`find timeline entries with "${text}"`, async () => Array.from(await browser.$$(xpath)));
}

/** Waits for the one timeline entry showing `text`. */
async function timelineItem(text) {
  return waitFor(`the timeline entry showing "${text}"`, async () => {
    const found = await timelineItems(text);
    if (found.length > 1) throw new Error(`${found.length} timeline entries show "${text}"`);
    return found[0] ?? null;
  }, SLOW);
}

/**
 * An entry's Edit or Delete button, found by its accessible name, e.g. "Delete mood check-in at
 * 14:30 on 22 November: Mood 2/10". The name ends with the entry's summary, so it is unique on the
 * page even when two entries were logged in the same minute; the button is found inside the
 * entry's own list item, and its name is checked to be the only one.
 */
async function entryButton(item, verb, noun) {
  const prefix = `${verb} ${noun} `;
  const candidate = await waitFor(`the "${prefix}…" button`, async () => {
    const found = await item.$$(`.//button[starts-with(@aria-label, ${xpathLiteral(prefix)})]`);
    return found.length === 1 ? found[0] : null;
  });
  const name = await candidate.getAttribute("aria-label");
  assert.match(
    name,
    new RegExp(`^${verb} ${noun} (at \\d{1,2}:\\d{2}(?: [AP]M)? on|for) .+: \\S`),
    `the button's name says which entry, and its summary: ${name}`,
  );
  const same = (await allByName(browser, name, "button")).length;
  assert.equal(same, 1, `no other button on the page is named "${name}"`);
  return { button: await byNameIn(browser, item, name, "button"), name };
}

// ------------------------------------------------------------------------------------------------
// The journey.
// ------------------------------------------------------------------------------------------------

describe("Waymark journey in the real window", () => {
  before(() => {
    assert.ok(existsSync(config.dataDir), `data dir ${config.dataDir} exists`);
    assert.deepEqual(readdirSync(config.dataDir), [], "the data dir starts empty");
    assert.deepEqual(appPids(), [], "no Waymark runs on this data dir yet");
    log(`binary ${config.binary}`);
    log(`data dir ${config.dataDir}; marker ${MARKER}`);
  });

  after(async () => {
    logind?.stop();
    // Whatever happened, close the app; run.sh ends the driver and the display.
    await quit(browser);
    browser = null;
  });

  step("01-setup", "first run creates the journal and shows the recovery key once", async () => {
    browser = await launch();
    await heading("Welcome to Waymark", SLOW);
    await screenshot(browser, "01-setup");

    await type(await byName(browser, "Passphrase", "textbox"), FIRST_PASSPHRASE);
    await type(await byName(browser, "Confirm passphrase", "textbox"), FIRST_PASSPHRASE);
    // The live strength hint comes from the backend's estimate of the passphrase.
    await waitFor("the strength hint", async () => /Strength: (Good|Strong)\./.test(await pageSource(browser)));
    await screenshot(browser, "01b-setup-filled");
    await click("Create my journal");

    await heading("Your recovery key", SLOW);
    const keyBox = await byName(browser, "Recovery key", "textbox");
    recoveryKey = (await textOf(keyBox)).trim();
    assert.match(recoveryKey, RECOVERY_KEY_FORMAT, "the recovery key looks like one");
    await screenshot(browser, "02-recovery-key");

    const continueButton = await byName(browser, "Continue", "button");
    assert.equal(await continueButton.isEnabled(), false, "Continue waits for the checkbox");
    const saved = await click("I have saved my recovery key", "checkbox");
    await waitFor("the checkbox to be ticked", () => saved.isSelected());
    await waitFor("Continue to be enabled", () => continueButton.isEnabled());
    await continueButton.click();

    await byName(browser, "Lock", "button", SLOW);
    const html = await pageSource(browser);
    assert.ok(!html.includes(recoveryKey), "the recovery key is gone from the page after Continue");
  });

  step("02-log-craving", "a craving is logged and shows at the top of Recent cravings", async () => {
    await click("Intensity 7", "radio");
    const seven = await byName(browser, "Intensity 7", "radio");
    await waitFor("Intensity 7 to be selected", () => seven.isSelected());
    // The time and the note are details, behind "Add details".
    const details = await click("Add details");
    await waitFor("the details to open", async () => (await details.getAttribute("aria-expanded")) === "true");
    const when = await byName(browser, "When did it start?", "textbox");
    await waitFor("the time field to show", () => when.isDisplayed());
    assert.match(await when.getValue(), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, "When did it start? defaults to now");
    await type(await byName(browser, "Craving note (optional)", "textbox"), NOTE);
    await screenshot(browser, "03a-craving-filled");
    await click("Save craving");

    const status = await waitForRoleText(browser, "status", /saved/i, SLOW);
    log(`status after saving: ${status}`);
    await expectCravingOnTop();
    // The form is ready for the next one.
    assert.equal(await (await byName(browser, "Craving note (optional)", "textbox")).getValue(), "");
    assert.equal(await seven.isSelected(), false, "the intensity was reset");
    await reveal(browser, await heading("Recent cravings"));
    await screenshot(browser, "03-home-with-craving");
  });

  step("03-lock-unlock", "locking hides the journal; a wrong passphrase is refused", async () => {
    await lock();
    await screenshot(browser, "04-unlock");
    await expectRefused(WRONG_PASSPHRASE);
    await screenshot(browser, "05-unlock-wrong-passphrase");

    await unlockWithPassphrase(FIRST_PASSPHRASE);
    await expectCravingOnTop();
  });

  step("04-relaunch", "after closing and reopening the app it asks for the passphrase", async () => {
    await quit(browser);
    browser = null;
    browser = await launch();
    await heading("Welcome back", SLOW);
    await expectNoJournalData();
    assert.equal((await allByName(browser, "Lock", "button")).length, 0, "no Lock button before unlocking");
    await screenshot(browser, "06-relaunch-unlock");
  });

  step("05-passphrase-and-recovery", "change the passphrase, then recover with the recovery key", async () => {
    await unlockWithPassphrase(FIRST_PASSPHRASE);
    await expectCravingOnTop();

    await click("Settings");
    await heading("Settings", SLOW);
    await type(await byName(browser, "Current passphrase", "textbox"), FIRST_PASSPHRASE);
    await type(await byName(browser, "New passphrase", "textbox"), NEW_PASSPHRASE);
    await waitForStrengthHint();
    await type(await byName(browser, "Confirm new passphrase", "textbox"), NEW_PASSPHRASE);
    await click("Save new passphrase");
    const status = await waitForRoleText(browser, "status", /changed/i, SLOW);
    log(`status after changing the passphrase: ${status}`);
    await screenshot(browser, "07-settings-passphrase-changed");
    await click("Back");
    await expectCravingOnTop();

    await lock();
    await click("Use recovery key instead");
    await type(await byName(browser, "Recovery key", "textbox"), recoveryKey);
    await screenshot(browser, "08-unlock-recovery-key");
    await click("Unlock with recovery key");
    await expectCravingOnTop();
    await screenshot(browser, "08b-home-after-recovery-key");

    // Forgot the passphrase: set a new one without the old, straight from the recovery unlock.
    await click("Set a new passphrase");
    await heading("Settings", SLOW);
    assert.equal((await allByName(browser, "Current passphrase", "textbox")).length, 0, "the old passphrase is not asked for");
    assert.ok(!(await pageSource(browser)).includes(recoveryKey), "the recovery key is not shown again");
    await type(await byName(browser, "New passphrase", "textbox"), RECOVERED_PASSPHRASE);
    await waitForStrengthHint();
    await type(await byName(browser, "Confirm new passphrase", "textbox"), RECOVERED_PASSPHRASE);
    await screenshot(browser, "08c-settings-after-recovery-key");
    await click("Save new passphrase");
    log(`status after setting a new passphrase: ${await waitForRoleText(browser, "status", /changed/i, SLOW)}`);
    await click("Back");
    await expectCravingOnTop();

    await lock();
    // The passphrase just replaced is refused here; step 06 checks every retired one via the CLI.
    await expectRefused(NEW_PASSPHRASE);
    await unlockWithPassphrase(RECOVERED_PASSPHRASE);
    await expectCravingOnTop();
    await screenshot(browser, "09-home-after-new-passphrase");

    await quit(browser);
    browser = null;
  });

  step("06-full-craving", "a craving with every detail shows in Recent cravings and on the Timeline", async () => {
    browser = await launch();
    await unlockWithPassphrase(RECOVERED_PASSPHRASE);
    await expectCravingOnTop();
    await heading("Log a craving");

    await choose(await byName(browser, `Intensity ${CRAVING.intensity}`, "radio"));
    const details = await click("Add details");
    await waitFor("the details to open", async () => (await details.getAttribute("aria-expanded")) === "true");
    await type(await byName(browser, "How long? (minutes)", "textbox"), String(CRAVING.minutes));

    // Triggers: a starter one ticked, and a new one typed with its category.
    await choose(await byName(browser, STARTER_TRIGGER, "checkbox"));
    await type(await byName(browser, "New trigger", "textbox"), NEW_TRIGGER);
    await (await byName(browser, "Its category", "combobox")).selectByVisibleText(NEW_TRIGGER_CATEGORY.label);
    await click("Add new trigger");
    const added = await byName(browser, "New triggers", "list");
    const addedText = await flatText(added);
    assert.ok(addedText.includes(NEW_TRIGGER) && addedText.includes(NEW_TRIGGER_CATEGORY.label), `new trigger listed: ${addedText}`);
    assert.equal(await (await byName(browser, "New trigger", "textbox")).getValue(), "", "the name field is ready for another");

    // HALT: "Tired" is also a feeling in the mood card on this screen, so each is taken from its group.
    for (const state of ["Hungry", "Tired"]) {
      await choose(await inGroup("Were you hungry, angry, lonely or tired?", state, "checkbox"));
    }
    await type(await byName(browser, "Where were you?", "textbox"), CRAVING.place);
    await type(await byName(browser, "Who were you with?", "textbox"), CRAVING.withWhom);
    await type(await byName(browser, "What were you doing?", "textbox"), CRAVING.activity);
    await reveal(browser, await byName(browser, "Triggers", "group"));
    await screenshot(browser, "10a-craving-details-triggers");

    // Coping: one added with the Add button, one with Enter.
    const coping = await byName(browser, "What did you try to cope?", "textbox");
    await type(coping, CRAVING.coping[0]);
    await click("Add coping strategy");
    await type(coping, CRAVING.coping[1]);
    await coping.addValue("\uE007");
    const chips = await byName(browser, "What did you try to cope?", "list");
    await waitFor("both coping strategies as chips", async () => {
      const text = await flatText(chips);
      return CRAVING.coping.every((c) => text.includes(c));
    });
    assert.equal(await coping.getValue(), "", "Enter added the strategy and emptied the field");

    await choose(await byName(browser, "Passed without using", "radio"));
    await choose(await byName(browser, `Intensity afterwards ${CRAVING.after}`, "radio"));
    await type(await byName(browser, "Craving note (optional)", "textbox"), CRAVING.note);
    await reveal(browser, coping, "center");
    await screenshot(browser, "10b-craving-details-coping");
    await click("Save craving");
    log(`status after saving: ${await waitForRoleText(browser, "status", /rode it out/i, SLOW)}`);

    const entries = await waitFor(
      "the full craving at the top of Recent cravings",
      async () => {
        const texts = await cravingEntries();
        return texts[0]?.includes(CRAVING.note) ? texts : null;
      },
      SLOW,
    );
    const top = entries[0];
    log(`newest craving: ${top}`);
    for (const expected of [
      `Intensity ${CRAVING.intensity}/10, afterwards ${CRAVING.after}/10`,
      "Passed without using",
      `${CRAVING.minutes} min`,
      "Hungry, tired",
      `${CRAVING.place}, with ${CRAVING.withWhom}, ${CRAVING.activity}`,
      STARTER_TRIGGER,
      NEW_TRIGGER,
      `Tried: ${CRAVING.coping.join(", ")}`,
    ]) {
      assert.ok(top.includes(expected), `the entry shows "${expected}": ${top}`);
    }
    assert.equal(entries.filter((text) => text.includes(MARKER)).length, 2, "the quick craving and this one");
    await reveal(browser, await heading("Recent cravings"));
    await screenshot(browser, "10c-recent-cravings");

    await openTimeline();
    const item = await flatText(await timelineItem(CRAVING.note));
    log(`timeline: ${item}`);
    assert.match(item, new RegExp(`Craving ${CRAVING.intensity}/10, passed without using · `), item);
    assert.ok(item.includes(STARTER_TRIGGER) && item.includes(NEW_TRIGGER), `the summary names both triggers: ${item}`);
    await screenshot(browser, "10d-timeline-craving");
  });

  step("07-mood", "a mood check-in on Today shows on the Timeline", async () => {
    await go("Today", "Check in on your mood");
    const form = await byName(browser, "Mood check-in", "form");
    await choose(await byName(browser, `Mood ${MOOD.mood}`, "radio"));
    for (const [label] of MOOD.feelings) await choose(await inGroup("Feelings (optional)", label, "checkbox"));
    const note = await byName(browser, "Note (optional)", "textbox");
    await type(note, MOOD.note);
    await reveal(browser, form);
    await screenshot(browser, "11a-mood-filled");
    await click("Save mood");
    log(`status after saving: ${await waitForRoleText(browser, "status", /mood saved/i, SLOW)}`);
    await waitFor("the mood form to be ready for another", async () => (await note.getValue()) === "", SLOW);

    // A second one, "by mistake": step 11 deletes it.
    await choose(await byName(browser, `Mood ${THROWAWAY_MOOD.mood}`, "radio"));
    await type(note, THROWAWAY_MOOD.note);
    await click("Save mood");
    await waitFor("the second mood to be saved", async () => (await note.getValue()) === "", SLOW);

    await openTimeline();
    const item = await flatText(await timelineItem(MOOD.note));
    log(`timeline: ${item}`);
    // The feelings are listed in the app's own order, not the order they were ticked.
    const shown = new RegExp(`Mood ${MOOD.mood}/10 · ([a-z, ]+?) ${MOOD.note.split(" ")[0]}`).exec(item)?.[1];
    assert.deepEqual(shown?.split(", ").sort(), MOOD.feelings.map(([, key]) => key).sort(), `mood and feelings shown: ${item}`);
    assert.ok((await flatText(await timelineItem(THROWAWAY_MOOD.note))).includes(`Mood ${THROWAWAY_MOOD.mood}/10`));
    await screenshot(browser, "11b-timeline-moods");
  });

  step("08-journal-search", "a journal entry in Markdown previews, saves, and search finds it", async () => {
    await go("Journal");
    await type(await byName(browser, "What's on your mind today?", "textbox"), JOURNAL.body);
    await type(await byName(browser, "One thing that went well (optional)", "textbox"), JOURNAL.wentWell);
    await type(await byName(browser, "Tags (optional)", "textbox"), JOURNAL.tag);
    const tags = await byName(browser, "Tags", "list");
    assert.equal(await flatText(tags), `${JOURNAL.tag} ×`, "the tag shows as a chip");
    await screenshot(browser, "12a-journal-write");

    await click("Preview");
    const preview = await byName(browser, "Preview of your entry", "region");
    const strong = await waitFor("the bold word in a <strong>", async () => {
      const found = [];
      for (const el of await preview.$$(".//strong")) found.push(await textOf(el));
      return found.length > 0 ? found : null;
    });
    assert.deepEqual(strong, [BOLD_WORD], "**steady** renders as <strong>steady</strong>");
    const previewText = await flatText(preview);
    assert.ok(!previewText.includes("**"), `no Markdown asterisks in the preview: ${previewText}`);
    assert.equal((await preview.$$(".//li")).length, 2, "the list renders as a list");
    await screenshot(browser, "12b-journal-preview");

    await click("Save entry");
    log(`status after saving: ${await waitForRoleText(browser, "status", /thank you for writing/i, SLOW)}`);
    await heading("Today's entry", SLOW);

    await go("Search");
    await type(await byName(browser, "Search your journal", "textbox"), UNIQUE_WORD);
    await waitForRoleText(browser, "status", /^1 result$/, SLOW);
    const results = await byName(browser, "Search results", "list");
    const items = await results.$$("./li");
    assert.equal(items.length, 1);
    const text = await flatText(items[0]);
    assert.ok(text.startsWith("Journal entry"), `the result is the journal entry: ${text}`);
    assert.ok(text.includes(`#${JOURNAL.tag}`), `its summary shows the tag: ${text}`);
    const marks = [];
    for (const el of await items[0].$$(".//mark")) marks.push(await textOf(el));
    assert.deepEqual(marks, [UNIQUE_WORD], "the match is highlighted in a <mark>");
    await screenshot(browser, "12c-search");
  });

  step("09-checkin", "a daily check-in is saved and shows on the Timeline", async () => {
    await go("Check-in");
    await heading("Today's check-in");
    for (const [question, answer] of CHECKIN_ANSWERS) await choose(await inGroup(question, answer, "radio"));
    await choose(await byName(browser, `Day ${CHECKIN.day}`, "radio"));
    const form = await byName(browser, "Daily check-in", "form");
    await type(await byNameIn(browser, form, "Note (optional)", "textbox"), CHECKIN.note);
    await reveal(browser, await byName(browser, "Slept well?", "group"), "center");
    await screenshot(browser, "13a-checkin-filled");
    await click("Save check-in");
    log(`status after saving: ${await waitForRoleText(browser, "status", /check-in saved/i, SLOW)}`);
    await byName(browser, "Save changes", "button");
    await screenshot(browser, "13b-checkin-saved");

    await openTimeline();
    const item = await flatText(await timelineItem(CHECKIN.note));
    log(`timeline: ${item}`);
    assert.ok(item.includes(`Daily check-in · ${CHECKIN_ANSWERS.length} answered, day ${CHECKIN.day}/10`), item);
  });

  step("10-recovery-lapse", "recovery start date counts the days; a lapse shows the safety card", async () => {
    await go("Recovery");
    await heading("When did this stretch of recovery begin?", SLOW);
    const start = localDay(new Date(Date.now() - START_DAYS_AGO * 86_400_000));
    const expectedDays = daysBetween(start, localDay());
    await typeDate(browser, await byName(browser, "Recovery start date", "textbox"), start);
    await click("Save start date");
    const counter = await byName(browser, "Your recovery time", "region", SLOW);
    const count = await flatText(counter);
    log(`recovery counter: ${count}`);
    assert.equal(Number(/^([\d,]+) days?\b/.exec(count)?.[1]?.replace(/,/g, "")), expectedDays, count);
    await screenshot(browser, "14a-recovery-count");

    // A lapse that starts the counter again; no region yet, so no number is named.
    await click("Log a lapse");
    await byName(browser, "Log a lapse", "form");
    await type(await byName(browser, "What was the situation? (optional)", "textbox"), LAPSE.situation);
    await type(await byName(browser, "What did you learn? (optional)", "textbox"), LAPSE.learned);
    await type(await byName(browser, "What will you do differently next time? (optional)", "textbox"), LAPSE.nextTime);
    await choose(await byName(browser, "Start my counter again from this day", "radio"));
    await screenshot(browser, "14b-lapse-filled");
    await click("Save lapse");
    const card = await byName(browser, "Staying safe right now", "region", SLOW);
    await waitFor("the safety facts", async () => /naloxone/i.test(await textOf(card)), SLOW);
    const cardText = await flatText(card);
    assert.ok(cardText.includes("your local emergency number"), cardText);
    assert.ok(cardText.includes("Your tolerance drops fast"), "the tolerance fact");
    assert.ok(cardText.includes("Carry naloxone"), "the naloxone fact");
    await reveal(browser, card);
    await screenshot(browser, "14c-safety-card-no-region");

    // From the card to Settings: choose the United Kingdom.
    await click("Choose your region in Settings");
    await heading("Settings", SLOW);
    await choose(await byName(browser, "United Kingdom", "radio"));
    await click("Save these details");
    await waitForRoleText(browser, "status", /^Saved\.$/, SLOW);
    await screenshot(browser, "14d-settings-region");

    await go("Recovery");
    const restarted = await flatText(await byName(browser, "Your recovery time", "region", SLOW));
    assert.match(restarted, /^0 days in your current stretch/, restarted);
    const stretches = await byName(browser, "Every stretch of recovery", "list");
    assert.equal((await stretches.$$("./li")).length, 2, "the history keeps the first stretch");
    assert.ok((await flatText(stretches)).includes(`${expectedDays} days`), "the first stretch keeps its days");

    // A second lapse, counter kept going: now the card names 999.
    await click("Log a lapse");
    await type(await byName(browser, "What was the situation? (optional)", "textbox"), SECOND_LAPSE.situation);
    await choose(await byName(browser, "Keep my counter going", "radio"));
    await click("Save lapse");
    const ukCard = await byName(browser, "Staying safe right now", "region", SLOW);
    await waitFor("the emergency number 999", async () => /\b999\b/.test(await textOf(ukCard)), SLOW);
    assert.ok(!(await textOf(ukCard)).includes("your local emergency number"));
    await reveal(browser, ukCard);
    await screenshot(browser, "14e-safety-card-uk");
    await click("Close");
    await byName(browser, "Log a lapse", "button", SLOW);
    const lapses = await byName(browser, "Lapses you've noted", "list");
    const lapseItems = await lapses.$$("./li");
    assert.equal(lapseItems.length, 2);
    const lapseTexts = [];
    for (const li of lapseItems) lapseTexts.push(await flatText(li));
    assert.ok(lapseTexts.some((t) => t.includes(LAPSE.learned) && t.includes("Counter started again")), lapseTexts.join(" | "));
    assert.ok(lapseTexts.some((t) => t.includes(SECOND_LAPSE.situation) && t.includes("Counter kept going")), lapseTexts.join(" | "));
    assert.match(await flatText(await byName(browser, "Your recovery time", "region")), /^0 days /);
    await reveal(browser, lapses);
    await screenshot(browser, "14f-lapses");
  });

  step("11-timeline-edit-delete", "an entry is edited on the Timeline; a delete can be undone", async () => {
    await openTimeline();
    assert.ok((await flatText(await timelineItem(LAPSE.learned))).includes("Lapse · counter started again"));
    assert.ok((await flatText(await timelineItem(`#${JOURNAL.tag}`))).includes(UNIQUE_WORD));

    // Edit: the craving's intensity, in the dialog.
    const craving = await timelineItem(CRAVING.note);
    const edit = await entryButton(craving, "Edit", "craving");
    await edit.button.click();
    // The dialog is titled by the entry alone; the button's name adds the summary after ": ".
    const dialogName = edit.name.replace(/: .*$/, "");
    const dialog = await byName(browser, dialogName, "dialog", SLOW);
    const note = await byNameIn(browser, dialog, "Craving note (optional)", "textbox", SLOW);
    assert.equal(await note.getValue(), CRAVING.note, "the editor starts from the saved craving");
    assert.equal(await (await byNameIn(browser, dialog, `Intensity ${CRAVING.intensity}`, "radio")).isSelected(), true);
    await choose(await byNameIn(browser, dialog, `Intensity ${CRAVING.editedIntensity}`, "radio"));
    await screenshot(browser, "15a-timeline-edit-craving");
    await (await byNameIn(browser, dialog, "Save changes", "button")).click();
    await waitFor("the editor to close", async () => (await allByName(browser, dialogName, "dialog")).length === 0, SLOW);
    await waitFor(
      "the edited intensity on the Timeline",
      async () => (await flatText(await timelineItem(CRAVING.note))).includes(`Craving ${CRAVING.editedIntensity}/10, passed without using`),
      SLOW,
    );

    // Delete, undo, delete again.
    const remove = async () => {
      const { button, name } = await entryButton(await timelineItem(THROWAWAY_MOOD.note), "Delete", "mood check-in");
      await button.click();
      await waitFor("the entry to leave the Timeline", async () => (await timelineItems(THROWAWAY_MOOD.note)).length === 0, SLOW);
      const toast = await waitForRoleText(browser, "status", /^Deleted: /, SLOW);
      assert.ok(
        toast.startsWith(`Deleted: ${name.replace(/^Delete m/, "M").replace(/: .*$/, "")}`),
        `the toast names the entry: ${toast}`,
      );
      return toast;
    };
    await remove();
    await screenshot(browser, "15b-timeline-deleted-undo");
    await click("Undo");
    await timelineItem(THROWAWAY_MOOD.note);
    assert.equal((await allByName(browser, "Undo", "button")).length, 0, "the undo offer is gone");
    await remove();
    await click("Dismiss");
    await waitFor("the toast to go", async () => (await allByName(browser, "Undo", "button")).length === 0);

    await openTimeline();
    await timelineItem(MOOD.note);
    assert.equal((await timelineItems(THROWAWAY_MOOD.note)).length, 0, "the deleted mood stays gone");
    await screenshot(browser, "15c-timeline-after-delete");
  });

  step("12-triggers-rename", "renaming a trigger renames it on the craving", async () => {
    await go("Triggers");
    const row = await byName(browser, `Edit ${NEW_TRIGGER}`, "button");
    await reveal(browser, row, "center");
    await row.click();
    const form = await byName(browser, `Edit ${NEW_TRIGGER}`, "form");
    await type(await byNameIn(browser, form, "Name", "textbox"), RENAMED_TRIGGER);
    await screenshot(browser, "16a-trigger-rename");
    await (await byNameIn(browser, form, "Save", "button")).click();
    await waitForRoleText(browser, "status", new RegExp(`^Saved "${RENAMED_TRIGGER}"\\.$`), SLOW);
    await byName(browser, `Edit ${RENAMED_TRIGGER}`, "button");
    assert.equal((await allByName(browser, `Edit ${NEW_TRIGGER}`, "button")).length, 0, "the old name is gone");
    await screenshot(browser, "16b-trigger-renamed");

    await openTimeline();
    const item = await flatText(await timelineItem(CRAVING.note));
    log(`timeline after the rename: ${item}`);
    assert.ok(item.includes(RENAMED_TRIGGER) && !item.includes(NEW_TRIGGER), item);
    await screenshot(browser, "16c-timeline-renamed-trigger");
  });

  step("12a-people-plan", "a starred strategy, a contact and the plan are kept after locking, and show in SOS", async () => {
    await go("Coping");
    const star = await byName(browser, "Star Reach out to someone", "button", SLOW);
    await reveal(browser, star, "center");
    await star.click();
    await waitFor("the star to be on", async () => (await star.getAttribute("aria-pressed")) === "true", SLOW);
    await screenshot(browser, "16c2-coping");

    await go("People");
    const add = await byName(browser, "Add someone", "form");
    await type(await byNameIn(browser, add, "Name", "textbox"), CONTACT.name);
    await (await byNameIn(browser, add, "Role", "combobox")).selectByVisibleText("Sponsor");
    await type(await byNameIn(browser, add, "Phone (optional)", "textbox"), CONTACT.phone);
    await type(await byNameIn(browser, add, "Notes (optional)", "textbox"), CONTACT.notes);
    await (await byNameIn(browser, add, "Add to my list", "button")).click();
    await byName(browser, `Call ${CONTACT.name}`, "button", SLOW);
    await screenshot(browser, "16d-people");

    await go("My plan");
    await click("Add a reason");
    await type(await byName(browser, "Reason 1", "textbox", SLOW), PLAN.reason);
    await click("Add a situation");
    const situation = await byName(browser, "Situation 1", "group", SLOW);
    await type(await byNameIn(browser, situation, "If…", "textbox"), PLAN.situation);
    await type(await byNameIn(browser, situation, "then I will…", "textbox"), PLAN.then);
    await click("Save plan");
    await waitForRoleText(browser, "status", /^Saved\.$/, SLOW);
    await screenshot(browser, "16e-plan");

    await lock();
    await unlockWithPassphrase(RECOVERED_PASSPHRASE);
    await byName(browser, "Lock", "button", SLOW);
    await go("My plan");
    assert.equal(await (await byName(browser, "Reason 1", "textbox", SLOW)).getValue(), PLAN.reason, "the reason is kept");
    const kept = await byName(browser, "Situation 1", "group");
    assert.equal(await (await byNameIn(browser, kept, "If…", "textbox")).getValue(), PLAN.situation);
    assert.equal(await (await byNameIn(browser, kept, "then I will…", "textbox")).getValue(), PLAN.then);

    await browser.keys(["F1"]);
    const dialog = await byName(browser, "SOS", "dialog", SLOW);
    const people = await byNameIn(browser, dialog, "People you can call", "region", SLOW);
    assert.ok((await flatText(people)).includes(CONTACT.name), "SOS lists the contact");
    assert.ok((await flatText(await byNameIn(browser, dialog, "Your reasons", "region"))).includes(PLAN.reason));
    const plans = await flatText(await byNameIn(browser, dialog, "Your if-then plans", "region"));
    assert.ok(plans.includes(PLAN.situation) && plans.includes(PLAN.then), `SOS shows the if-then plan: ${plans}`);
    const helps = await flatText(await byNameIn(browser, dialog, "What helps you", "region"));
    assert.ok(helps.startsWith("What helps you Reach out to someone"), `the starred strategy comes first: ${helps}`);
    await screenshot(browser, "16f-sos-with-plan");
    await browser.keys(["Escape"]);
    await waitFor("the panel to close", async () => (await allByName(browser, "SOS", "dialog")).length === 0, SLOW);
  });

  step("12b-sos", "F1 opens SOS from any screen; the urge timer runs on; the craving is logged from it", async () => {
    // Time from the key press to the first frame painted with the panel open, measured in the page.
    await browser.execute(() => {
      const marks = {};
      window.__sosMarks = marks;
      document.addEventListener("keydown", (e) => {
        if (e.key === "F1" && marks.key === undefined) marks.key = performance.now();
      }, { capture: true });
      const observer = new MutationObserver(() => {
        if (marks.shown === undefined && document.querySelector("dialog[open]")) {
          marks.shown = performance.now();
          requestAnimationFrame(() => requestAnimationFrame(() => (marks.painted = performance.now())));
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["open"] });
    });
    await browser.keys(["F1"]);
    const dialog = await byName(browser, "SOS", "dialog", SLOW);
    const marks = await waitFor("the panel's first frame", () =>
      browser.execute(() => (window.__sosMarks.painted ? window.__sosMarks : null)),
    );
    log(`SOS: key to panel in the DOM ${(marks.shown - marks.key).toFixed(1)} ms, to painted ${(marks.painted - marks.key).toFixed(1)} ms`);
    await screenshot(browser, "17a-sos-open");

    const timer = await byNameIn(browser, dialog, "Time left", "timer");
    assert.equal((await textOf(timer)).trim(), "20:00", "the timer starts at 20 minutes");
    await (await byNameIn(browser, dialog, "Start timer", "button")).click();
    await waitFor("the timer to count down", async () => (await textOf(timer)).trim() < "20:00", SLOW);
    await byNameIn(browser, dialog, "Pause timer", "button");
    await screenshot(browser, "17b-sos-timer-running");

    // Closed, it keeps running: the header offers it back.
    await browser.keys(["Escape"]);
    await waitFor("the panel to close", async () => (await allByName(browser, "SOS", "dialog")).length === 0, SLOW);
    const indicator = await waitFor("the urge timer in the header", async () => {
      const buttons = await browser.$$("//header//button[starts-with(@aria-label, 'Urge timer') or starts-with(normalize-space(.), 'Urge timer')]");
      return buttons.length === 1 ? buttons[0] : null;
    }, SLOW);
    await indicator.click();
    const again = await byName(browser, "SOS", "dialog", SLOW);
    await (await byNameIn(browser, again, "Finish early", "button")).click();
    await byNameIn(browser, again, "Well done for staying with it", "region", SLOW);
    await screenshot(browser, "17c-sos-finished");
    await (await byNameIn(browser, again, "Log this craving", "button")).click();

    // Today, with the form filled in from the timer.
    await heading("Log a craving", SLOW);
    const minutes = await byName(browser, "How long? (minutes)", "textbox");
    assert.equal(await minutes.getValue(), "1", "the duration comes from the timer (at least a minute)");
    const when = await byName(browser, "When did it start?", "textbox");
    assert.ok((await when.getValue()).startsWith(localDay()), `the start time is today: ${await when.getValue()}`);
    await choose(await byName(browser, "Intensity 5", "radio"));
    await screenshot(browser, "17d-sos-log-craving");
    await click("Save craving");
    await waitForRoleText(browser, "status", /saved/i, SLOW);
    const entries = await cravingEntries();
    assert.match(entries[0], /5\/10/, `the craving from SOS is logged: ${entries[0]}`);
    assert.match(entries[0], /1 min/, `with its length: ${entries[0]}`);
    await openTimeline();
    const onTimeline = await flatText(await timelineItem("Craving 5/10"));
    assert.ok(onTimeline.includes("Craving 5/10"), `the craving from SOS is on the Timeline: ${onTimeline}`);
  });

  step("12c-meetings", "a weekly meeting shows its next dates, and its reminder arrives as one neutral notification", async () => {
    assert.ok(config.notifications, "run.sh starts a notification sink and names its log");
    assert.deepEqual(received(), [], "no notification before any reminder");
    // Settings' test notification reaches the desktop's notification server.
    await go("Settings");
    const test = await click("Send a test notification");
    await reveal(browser, test);
    await waitFor("the test notification", () => received().length === 1, SLOW);
    assert.equal(received()[0].body, "This is how reminders will look");
    await screenshot(browser, "30-settings-reminders");
    // Starting at login is off until chosen; choosing it writes the desktop's autostart entry,
    // and un-choosing it removes the entry again.
    // The autostart library writes under ~/.config whatever XDG_CONFIG_HOME says; run.sh gives the
    // app the scratch folder as its home.
    const autostartDir = join(config.scratch, ".config", "autostart");
    const entries = () => (existsSync(autostartDir) ? readdirSync(autostartDir) : []);
    const atLogin = await byName(browser, "Start Waymark when I log in", "checkbox");
    assert.equal(await atLogin.isSelected(), false, "off by default");
    assert.deepEqual(entries(), [], "no autostart entry by default");
    await setTicked(atLogin, true);
    await waitFor("the autostart entry", () => entries().length === 1, SLOW);
    const entry = readFileSync(join(autostartDir, entries()[0]), "utf8");
    assert.ok(entry.includes(config.binary), `the entry starts this binary: ${entry}`);
    await setTicked(atLogin, false);
    await waitFor("the autostart entry to go", () => entries().length === 0, SLOW);

    await go("Meetings");
    await click("Add a meeting");
    // It starts at the first whole minute at least 70 s from now, and reminds at the start: the
    // reminder is due within about two minutes.
    const start = new Date(Date.now() + 70_000);
    start.setSeconds(0, 0);
    start.setMinutes(start.getMinutes() + 1);
    const hhmm = clockText(start);
    const form = await byName(browser, "Add a meeting", "form");
    await type(await byNameIn(browser, form, "Title", "textbox"), MEETING.title);
    await typeDate(browser, await byNameIn(browser, form, "Date", "textbox"), localDay(start));
    // WebKit's time field is segments with AM/PM in this locale; set it as the picker would.
    const time = await byNameIn(browser, form, "Starts at", "textbox");
    await browser.execute(
      (el, value) => {
        el.value = value;
        el.dispatchEvent(new Event("input", { bubbles: true }));
        el.dispatchEvent(new Event("change", { bubbles: true }));
      },
      time,
      hhmm,
    );
    await (await byNameIn(browser, form, "How often", "combobox")).selectByVisibleText("Weekly");
    // The day of the week follows the first date; the reminder moves from an hour before to the start.
    await setTicked(await byNameIn(browser, form, "1 hour before", "checkbox"), false);
    await setTicked(await byNameIn(browser, form, "At the start", "checkbox"), true);
    assert.equal(await (await byNameIn(browser, form, "1 hour before", "checkbox")).isSelected(), false);
    await type(await byNameIn(browser, form, "Place (optional)", "textbox"), MEETING.place);
    await type(await byNameIn(browser, form, "Notes (optional)", "textbox"), MEETING.notes);
    await reveal(browser, form);
    await screenshot(browser, "30a-meeting-form");
    await (await byNameIn(browser, form, "Add meeting", "button")).click();

    // Coming up lists it this week and next: the two starts inside the next 14 days.
    const coming = await byName(browser, "Coming up", "region", SLOW);
    await waitFor(
      "the meeting twice in Coming up",
      async () => (await textOf(coming)).split(MEETING.title).length - 1 === 2,
      SLOW,
    );
    const weekday = start.toLocaleDateString("en-GB", { weekday: "long" });
    const yours = await byName(browser, "Your meetings", "region");
    await waitFor("its summary", async () => (await textOf(yours)).includes(`Every ${weekday}`));
    await reveal(browser, coming);
    await screenshot(browser, "30b-meetings");

    // The reminder: exactly one more notification, neutral, with nothing from the journal.
    const wait = start.getTime() - Date.now() + 30_000;
    await waitFor("the reminder's notification", () => received().length > 1, { timeout: wait, interval: 500 });
    const shownAt = Date.now();
    log(`notification ${shownAt - start.getTime()} ms after the meeting's start: ${JSON.stringify(received())}`);
    // A further reminder tick (10 s) must not show it again.
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    const all = received().slice(1);
    assert.equal(all.length, 1, `exactly one reminder notification: ${JSON.stringify(all)}`);
    assert.equal(all[0].summary, "Reminder");
    assert.equal(all[0].body, `Reminder at ${hhmm}`);
    assert.ok(!JSON.stringify(all).includes(MARKER), "no journal text in the notification");
    assert.ok(shownAt >= start.getTime() - 1_000, "not before it was due");

    await quit(browser);
    browser = null;
  });

  step("12d-missed-reminder", "a reminder that fell due while Waymark was closed is listed on Today after unlocking", async () => {
    // The app is closed (12c quit it). A one-off appointment added from the command line falls due
    // a minute or so from now, with no Waymark running to show it.
    const start = new Date(Date.now() + 45_000);
    start.setSeconds(0, 0);
    start.setMinutes(start.getMinutes() + 1);
    const added = cli(
      ["meeting", "add", "--title", MISSED_MEETING, "--kind", "keyworker", "--date", localDay(start), "--time", clockText(start), "--remind", "0"],
      { WAYMARK_PASSPHRASE: RECOVERED_PASSPHRASE },
    );
    assert.equal(added.status, 0, `meeting add exits 0 (stderr: ${added.stderr})`);
    const shownBefore = received().length;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, start.getTime() - Date.now()) + 2_000));

    browser = await launch();
    await unlockWithPassphrase(RECOVERED_PASSPHRASE);
    const region = await byName(browser, "Reminders you may have missed", "region", SLOW);
    const closed = await byNameIn(browser, region, "While Waymark was closed", "list");
    await waitFor("the missed appointment", async () => (await textOf(closed)).includes(MISSED_MEETING));
    await reveal(browser, region);
    await screenshot(browser, "31-missed-reminder");
    assert.equal(received().length, shownBefore, "nothing was shown for it: Waymark was not running");

    // Dismissed, it is gone; it is not listed again after locking and unlocking.
    await (await closed.$("button")).click();
    await waitFor("the notices to go", async () => (await allByName(browser, "Reminders you may have missed", "region")).length === 0);
    await lock();
    await unlockWithPassphrase(RECOVERED_PASSPHRASE);
    await byName(browser, "Lock", "button", SLOW);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal((await allByName(browser, "Reminders you may have missed", "region")).length, 0, "listed once only");

    await quit(browser);
    browser = null;
  });

  step("12e-insights-export", "the dashboard and charts show the journey's entries; a PDF summary is saved through the save dialog", async () => {
    if (browser) await quit(browser);
    browser = await launch();
    await unlockWithPassphrase(RECOVERED_PASSPHRASE);
    // What the dashboard should count, read independently through the CLI (it can read while the
    // window has the journal open).
    const cravings = cli(["craving", "list", "--json"], { WAYMARK_PASSPHRASE: RECOVERED_PASSPHRASE });
    assert.equal(cravings.status, 0, cravings.stderr);
    const weekAgo = localDay(new Date(Date.now() - 6 * 86_400_000));
    const thisWeek = JSON.parse(cravings.stdout).filter((c) => c.occurredAt.slice(0, 10) >= weekAgo).length;
    assert.ok(thisWeek >= 3, `the journey's cravings are recent: ${thisWeek}`);

    const week = await byName(browser, "The last 7 days", "region", SLOW);
    await waitFor("the week's craving count", async () => /Cravings\s*\D{0,40}?(\d+)/.exec(await textOf(week))?.[1] === String(thisWeek), SLOW);
    await reveal(browser, week);
    await screenshot(browser, "40-dashboard");

    await go("Insights");
    const perDay = await byName(browser, "Cravings per day", "figure", SLOW);
    // The chart's text alternative lists every day; today's row carries today's count.
    const todayCount = JSON.parse(cravings.stdout).filter((c) => c.occurredAt.slice(0, 10) === localDay()).length;
    await waitFor("today's row in the table", async () => (await textOf(perDay)).length > 0, SLOW);
    for (const caption of ["Mood", "Top triggers", "When cravings come", "HALT", "How long cravings last", "What works for me", "Meeting attendance"]) {
      await byName(browser, caption, "figure", SLOW);
    }
    log(`cravings today ${todayCount}, in the last 7 days ${thisWeek}`);
    await screenshot(browser, "41-insights");
    await reveal(browser, await byName(browser, "When cravings come", "figure"));
    await screenshot(browser, "41a-insights-heatmap");

    await go("Summary & export");
    await choose(await byName(browser, "Last 30 days", "radio"));
    const preview = await byName(browser, "Preview", "region", SLOW);
    await waitFor("the preview", async () => (await textOf(preview)).includes(RENAMED_TRIGGER), SLOW);
    assert.ok(!(await textOf(preview)).includes(CRAVING.note), "notes stay out of the preview unless included");
    await screenshot(browser, "42-summary");

    const folder = mkdtempSync(join(tmpdir(), "waymark-e2e-export-"));
    const pdf = join(folder, "summary.pdf");
    try {
      await click("Save PDF summary…");
      await saveInDialog("Save the summary", pdf);
      await waitFor("the PDF", () => existsSync(pdf) && statSync(pdf).size > 0, SLOW);
      await waitFor("the saved message", async () => (await textOf(await browser.$("body"))).includes(`Saved to ${pdf}`), SLOW);
      const pdfText = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      assert.equal(pdfText.status, 0, pdfText.stderr);
      const words = pdfText.stdout.split(/\s+/).join(" ");
      // Both triggers are named (a long name is cut with "…" to fit its column).
      assert.ok(words.includes(STARTER_TRIGGER) && words.includes(RENAMED_TRIGGER.slice(0, 8)), `the triggers are named: ${words}`);
      assert.match(words, /Page 1 of [12]\b/);
      for (const secret of [CRAVING.note, MOOD.note, CHECKIN.note, LAPSE.learned, JOURNAL.wentWell]) {
        assert.ok(!words.includes(secret), "notes and journal text stay out unless included");
      }
      const pages = spawnSync("pdftoppm", ["-r", "60", "-png", pdf, join(config.artifacts, "43-summary-page")]);
      assert.equal(pages.status, 0, "every page renders");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    await quit(browser);
    browser = null;
  });

  // ---------------------------------------------------------------------------------------------
  // Locking (docs/LOCKING.md). run.sh starts the debug binary with WAYMARK_DEBUG_AUTO_LOCK_SECONDS=20
  // ("After 1 minute" locks after 20 s) and WAYMARK_LOGIND_BUS=session (logind is looked for on the
  // private session bus, where examples/logind_stub stands in for it).
  // ---------------------------------------------------------------------------------------------

  /** The unlock screen, with `notice`, and nothing of the journal in the page. */
  async function expectLockedWith(notice, options = SLOW) {
    await heading("Welcome back", options);
    await waitFor(`the notice "${notice}"`, async () => (await pageSource(browser)).includes(notice), SLOW);
    await expectNoJournalData();
    const html = await pageSource(browser);
    for (const text of [MARKER, CRAVING.note, MOOD.note, RENAMED_TRIGGER, CONTACT.name]) {
      assert.ok(!html.includes(text), "no journal text in the page once locked");
    }
  }

  /** Today, unlocked, listing the journey's cravings (their text carries the marker). */
  async function expectJournalShown() {
    await waitFor("Recent cravings to show the journey's cravings", async () => (await cravingEntries()).some((text) => text.includes(MARKER)), SLOW);
  }

  /** The auto-lock choice in Settings. */
  async function chooseAutoLock(label) {
    await go("Settings");
    const select = await byName(browser, "Lock automatically", "combobox", SLOW);
    await waitFor("the lock settings to load", () => select.isEnabled(), SLOW);
    await select.selectByVisibleText(label);
    await waitForRoleText(browser, "status", /^Saved: Waymark (will|won't) lock itself/, SLOW);
    return select;
  }

  step("12f-auto-lock", "after the chosen idle time the window locks itself and drops the journal", async () => {
    if (browser) await quit(browser);
    browser = await launch();
    await unlockWithPassphrase(RECOVERED_PASSPHRASE);
    await byName(browser, "Lock", "button", SLOW);
    const select = await chooseAutoLock("After 1 minute");
    await reveal(browser, select, "center");
    await screenshot(browser, "44-lock-settings");
    await click("Back");
    await expectJournalShown();
    // Hands off: no key, no pointer. The backend counts the idle time, not the page.
    const idleFrom = Date.now();
    await expectLockedWith("Waymark locked itself after a while without use.", { timeout: 90_000 });
    log(`locked itself after ${Math.round((Date.now() - idleFrom) / 1000)} s without use (choice: 20 s in this debug build)`);
    await screenshot(browser, "45-auto-locked");

    // Back to the default, so the steps after this one are not locked mid-way.
    await unlockWithPassphrase(RECOVERED_PASSPHRASE);
    assert.equal(await (await chooseAutoLock("After 5 minutes")).getValue(), "5");
    await click("Back");
    await expectJournalShown();
  });

  step("12g-hide-now", "Ctrl+Shift+H in a text field locks and hides the window; reopened, it asks for the passphrase", async () => {
    await go("Search");
    const box = await byName(browser, "Search your journal", "textbox", SLOW);
    await type(box, "bus");
    assert.ok(windowShown(), "the window is on screen before");
    await browser.performActions([
      {
        type: "key",
        id: "keyboard",
        actions: [
          { type: "keyDown", value: "\uE009" },
          { type: "keyDown", value: "\uE008" },
          { type: "keyDown", value: "H" },
          { type: "keyUp", value: "H" },
          { type: "keyUp", value: "\uE008" },
          { type: "keyUp", value: "\uE009" },
        ],
      },
    ]);
    await browser.releaseActions();
    await waitFor("the window to leave the screen", () => !windowShown(), SLOW);
    await screenScreenshot("46-hidden");

    await launchAgain();
    await waitFor("the window to come back", () => windowShown(), SLOW);
    await expectLockedWith("Waymark locked and hid its window.");
    await screenshot(browser, "47-shown-after-hide");
  });

  step("12h-logind", "the machine going to sleep, and the session locking, each lock the window", async () => {
    logind = await startLogindStub();
    await unlockWithPassphrase(RECOVERED_PASSPHRASE);
    await expectJournalShown();
    await logind.send("sleep");
    await expectLockedWith("Waymark locked when your computer went to sleep.");
    await screenshot(browser, "48-locked-for-sleep");

    await unlockWithPassphrase(RECOVERED_PASSPHRASE);
    await expectJournalShown();
    // The app finds its session through GetSessionByPID once logind is on the bus, which takes a
    // moment after the stand-in started: ask again until the lock lands.
    await waitFor("the session lock to lock the window", async () => {
      await logind.send("lock");
      return (await allByName(browser, "Welcome back", "heading")).length === 1;
    }, { timeout: 20_000, interval: 1_000 });
    await expectLockedWith("Waymark locked when your screen was locked.");
    await screenshot(browser, "49-locked-for-session-lock");
    logind.stop();
    logind = null;
  });

  step("12i-throttle", "wrong passphrases bring a growing wait; the recovery key opens at once", async () => {
    await heading("Welcome back", SLOW);
    const alerts = async () => (await textsOfRole(browser, "alert")).join(" ");
    for (let attempt = 1; attempt <= 4; attempt++) {
      // After the third, each try waits for the countdown (2 s, then 4 s): the button is disabled.
      const unlock = await byName(browser, "Unlock", "button");
      await waitFor("the Unlock button to be enabled", () => unlock.isEnabled(), { timeout: 20_000 });
      const field = await byName(browser, "Passphrase", "textbox");
      await type(field, WRONG_PASSPHRASE);
      await unlock.click();
      // The field is emptied when the answer comes.
      await waitFor("the answer", async () => (await field.getValue()) === "", SLOW);
      await waitForRoleText(browser, "alert", /did not unlock/, SLOW);
      log(`wrong passphrase ${attempt}: ${await alerts()}`);
    }
    const waitText = await waitFor("the wait", async () => /Please wait (\d+) seconds? before trying again\./.exec(await pageSource(browser))?.[0], SLOW);
    // The backend refuses even the right passphrase until then, before any key derivation
    // (through the CLI, which shares the counter): exit 8 with the wait.
    const early = cli(["craving", "list"], { WAYMARK_PASSPHRASE: RECOVERED_PASSPHRASE });
    log(`after 4 wrong passphrases: ${waitText} (CLI: exit ${early.status}, ${early.stderr.trim()})`);
    assert.equal(early.status, 8, `the right passphrase waits too (stderr: ${early.stderr})`);
    assert.match(early.stderr, /Please wait \d+ seconds? before trying again\./);
    assert.equal(await (await byName(browser, "Unlock", "button")).isEnabled(), false, "Unlock waits for the countdown");
    await screenshot(browser, "50-throttle-wait");
    const counter = readFileSync(join(config.dataDir, "unlock-throttle.json"), "utf8");
    for (const secret of [RECOVERED_PASSPHRASE, WRONG_PASSPHRASE, recoveryKey]) assert.ok(!counter.includes(secret), "the counter holds no secret");

    await click("Use recovery key instead");
    await type(await byName(browser, "Recovery key", "textbox"), recoveryKey);
    await click("Unlock with recovery key");
    await expectJournalShown();
    assert.ok(!existsSync(join(config.dataDir, "unlock-throttle.json")), "a success resets the count");
    await screenshot(browser, "51-recovery-key-not-delayed");
    await quit(browser);
    browser = null;
  });

  step("12j-backup-restore", "an encrypted backup is saved through the save dialog and restored from Settings; what came after it is set aside, not lost", async () => {
    browser = await launch();
    await unlockWithPassphrase(RECOVERED_PASSPHRASE);
    await expectJournalShown();
    // Every unlock today made at most one automatic backup, in the data directory's backups folder.
    const backupsDir = join(config.dataDir, "backups");
    const named = (pattern) => readdirSync(backupsDir).filter((name) => pattern.test(name));
    assert.equal(named(/^auto-\d{8}-\d{6}(-\d+)?\.backup$/).length, 1, `one automatic backup today: ${readdirSync(backupsDir)}`);
    await go("Settings");
    await waitForRoleText(browser, "status", /^Last automatic backup: /, SLOW);
    const folder = mkdtempSync(join(tmpdir(), "waymark-e2e-backup-"));
    const file = join(folder, "journal.backup");
    const later = `Written after the backup ${MARKER}-after-backup`;
    try {
      await click("Export encrypted backup…");
      await saveInDialog("Save an encrypted backup", file);
      await waitForRoleText(browser, "status", /^Encrypted backup saved\.$/, SLOW);
      const bytes = readFileSync(file);
      assert.ok(bytes.length > 16_384, `the backup holds the journal (${bytes.length} bytes)`);
      assert.ok(!bytes.includes(Buffer.from("SQLite format 3")), "the database inside is encrypted");
      for (const secret of [MARKER, CRAVING.note, RECOVERED_PASSPHRASE, recoveryKey]) {
        assert.ok(!bytes.includes(Buffer.from(secret)), "no journal text or secret in the backup");
      }
      await reveal(browser, await byName(browser, "Export encrypted backup…", "button"), "center");
      await screenshot(browser, "52-backups");

      // Written after the backup: the restore replaces it, and keeps it aside in backups/previous-….
      const added = cli(["mood", "add", "--mood", "4", "--note", later], { WAYMARK_PASSPHRASE: RECOVERED_PASSPHRASE });
      assert.equal(added.status, 0, added.stderr);

      await type(await byName(browser, "Passphrase from when the backup was made", "textbox"), RECOVERED_PASSPHRASE);
      await click("Restore from backup…");
      await openInDialog("Choose a backup to restore", file);
      await expectLockedWith("Your backup is restored.", { timeout: 60_000 });
      await screenshot(browser, "53-restored");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    assert.equal(named(/^previous-/).length, 1, "the replaced journal is kept aside");
    assert.equal(named(/^manual-\d{8}-\d{6}(-\d+)?\.backup$/).length, 1, "and backed up before it was replaced");

    await unlockWithPassphrase(RECOVERED_PASSPHRASE);
    await expectJournalShown();
    const moods = cli(["mood", "list", "--json"], { WAYMARK_PASSPHRASE: RECOVERED_PASSPHRASE });
    assert.equal(moods.status, 0, moods.stderr);
    assert.ok(!moods.stdout.includes(later), "the journal is as it was when the backup was made");
    assert.ok(moods.stdout.includes(MOOD.note), "with everything the backup held");
    await quit(browser);
    browser = null;
  });

  step("12k-every-other-field", "every other text field is filled in through the window: review, own strategy, local number, contact, meeting link, medication label, the whole plan", async () => {
    browser = await launch();
    await unlockWithPassphrase(RECOVERED_PASSPHRASE);
    await expectJournalShown();

    // This week's review: one question answered, and its note.
    const questions = cli(["review", "questions", "--json"], { WAYMARK_PASSPHRASE: RECOVERED_PASSPHRASE });
    assert.equal(questions.status, 0, questions.stderr);
    const question = JSON.parse(questions.stdout).find((q) => q.key === REVIEW.question);
    assert.ok(question, `the weekly questions include ${REVIEW.question}`);
    await go("Check-in");
    await heading("This week's review");
    const review = await byName(browser, "Weekly review", "form", SLOW);
    await (await byNameIn(browser, review, question.prompt, "combobox")).selectByVisibleText(String(REVIEW.days));
    await type(await byNameIn(browser, review, "Anything else about this week? (optional)", "textbox"), REVIEW.note);
    await (await byNameIn(browser, review, "Save weekly review", "button")).click();
    await waitForRoleText(browser, "status", /^Weekly review saved\./, SLOW);

    // A coping strategy of one's own, with its summary and steps (one per line).
    await go("Coping");
    const own = await byName(browser, "Add your own", "form", SLOW);
    await type(await byNameIn(browser, own, "Title", "textbox"), STRATEGY.title);
    await (await byNameIn(browser, own, "Category", "combobox")).selectByVisibleText(STRATEGY.category.label);
    await type(await byNameIn(browser, own, "Summary (optional)", "textbox"), STRATEGY.summary);
    await type(await byNameIn(browser, own, "Steps (optional)", "textbox"), STRATEGY.steps.join("\n"));
    await (await byNameIn(browser, own, "Add to my toolkit", "button")).click();
    await waitForRoleText(browser, "status", new RegExp(`^Added "${STRATEGY.title}" to your toolkit\\.$`), SLOW);
    await byName(browser, `Star ${STRATEGY.title}`, "button");

    // People: a local number of one's own, and the contact's phone changed and an email added.
    await go("People");
    const local = await byName(browser, "Add a local number", "form", SLOW);
    await type(await byNameIn(browser, local, "Name", "textbox"), HELPLINE.name);
    await type(await byNameIn(browser, local, "Number", "textbox"), HELPLINE.number);
    await type(await byNameIn(browser, local, "Note (optional)", "textbox"), HELPLINE.note);
    await (await byNameIn(browser, local, "Add number", "button")).click();
    await waitForRoleText(browser, "status", new RegExp(`^Added ${HELPLINE.name}\\.$`), SLOW);
    await byName(browser, `Edit local number ${HELPLINE.name}`, "button");

    await click(`Edit ${CONTACT.name}`);
    const contact = await byName(browser, `Edit ${CONTACT.name}`, "form", SLOW);
    await type(await byNameIn(browser, contact, "Phone (optional)", "textbox"), CONTACT_EDIT.phone);
    await type(await byNameIn(browser, contact, "Email (optional)", "textbox"), CONTACT_EDIT.email);
    await (await byNameIn(browser, contact, "Save", "button")).click();
    await waitForRoleText(browser, "status", new RegExp(`^Saved ${CONTACT.name}\\.$`), SLOW);
    await byName(browser, `Email ${CONTACT.name}`, "button", SLOW);
    await reveal(browser, await byName(browser, `Edit local number ${HELPLINE.name}`, "button"), "center");
    await screenshot(browser, "54-people-local-number");

    // The weekly meeting gets its online link.
    await go("Meetings");
    await click(`Edit ${MEETING.title}`);
    const meeting = await byName(browser, `Edit ${MEETING.title}`, "form", SLOW);
    await type(await byNameIn(browser, meeting, "Online link (optional)", "textbox"), MEETING_LINK);
    await (await byNameIn(browser, meeting, "Save", "button")).click();
    await waitForRoleText(browser, "status", new RegExp(`^Saved ${MEETING.title}\\.$`), SLOW);

    // A medication reminder with its label, at a time far from now, so it does not fall due in the run.
    await go("Settings");
    const reminders = await byName(browser, "Reminders", "form", SLOW);
    const add = await byNameIn(browser, reminders, "Add a medication reminder", "button");
    await waitFor("the reminder settings to load", () => add.isEnabled(), SLOW);
    await add.click();
    medicationTime = clockText(new Date(Date.now() + 12 * 3_600_000));
    // WebKit's time field is segments with AM/PM in this locale; set it as the picker would.
    await browser.execute(
      (el, value) => {
        el.value = value;
        el.dispatchEvent(new Event("input", { bubbles: true }));
        el.dispatchEvent(new Event("change", { bubbles: true }));
      },
      await byNameIn(browser, reminders, "Time", "textbox"),
      medicationTime,
    );
    await type(await byNameIn(browser, reminders, "Label (optional)", "textbox"), MEDICATION_LABEL);
    await (await byNameIn(browser, reminders, "Save reminders", "button")).click();
    await waitForRoleText(browser, "status", /^Reminders saved\.$/, SLOW);
    await click("Back");

    // The plan's other lists: a warning sign at each stage (of each kind), and one of each list.
    await go("My plan");
    for (const sign of PLAN_MORE.warningSigns) {
      await click(`Add ${sign.stage === "early" ? "an" : "a"} ${sign.stage} sign`);
      await (await byName(browser, `${sign.label} 1 kind`, "combobox", SLOW)).selectByVisibleText(sign.kindLabel);
      await type(await byName(browser, `${sign.label} 1`, "textbox"), sign.text);
    }
    for (const [, addLabel, field, text] of PLAN_MORE.lists) {
      await click(addLabel);
      await type(await byName(browser, field, "textbox", SLOW), text);
    }
    await click("Save plan");
    await waitForRoleText(browser, "status", /^Saved\.$/, SLOW);
    await reveal(browser, await byName(browser, "Middle sign 1", "textbox"), "center");
    await screenshot(browser, "54b-plan-every-list");
    // Kept after locking: the plan as it comes back from the journal.
    await lock();
    await unlockWithPassphrase(RECOVERED_PASSPHRASE);
    await expectJournalShown();
    await go("My plan");
    assert.equal(await (await byName(browser, "Late sign 1", "textbox", SLOW)).getValue(), PLAN_MORE.warningSigns[2].text);
    assert.equal(await (await byName(browser, "Aftercare commitment 1", "textbox")).getValue(), PLAN_MORE.lists[3][3]);
    await quit(browser);
    browser = null;
  });

  step("13-at-rest", "nothing readable on disk; the CLI reads every entry back as typed", async () => {
    await waitForAppExit();
    // The data directory, the webview's data and cache (the XDG dirs under the scratch home), the
    // app's temp and runtime directories, and its log output.
    assert.ok(config.scratch && config.appDirs.length === 2 && config.appLog, "run.sh names every place to scan");
    const dirs = [config.dataDir, config.scratch, ...config.appDirs];
    const appLog = readFileSync(config.appLog);
    // The driver's log (the app's stdout and stderr) must be there, but it may well be empty: the
    // app prints nothing when all goes well.
    log(`the app's log output holds ${appLog.length} bytes`);
    const secrets = {
      marker: MARKER,
      "first craving's note": NOTE,
      "craving note": CRAVING.note,
      "craving where": CRAVING.place,
      "craving with whom": CRAVING.withWhom,
      "craving doing what": CRAVING.activity,
      "coping 1": CRAVING.coping[0],
      "coping 2": CRAVING.coping[1],
      "new trigger's first name": NEW_TRIGGER,
      "renamed trigger": RENAMED_TRIGGER,
      "mood note": MOOD.note,
      "deleted mood's note": THROWAWAY_MOOD.note,
      "journal text": JOURNAL.body,
      "journal's unique word": UNIQUE_WORD,
      "went well": JOURNAL.wentWell,
      "journal tag": JOURNAL.tag,
      "check-in note": CHECKIN.note,
      "lapse situation": LAPSE.situation,
      "lapse learned": LAPSE.learned,
      "lapse next time": LAPSE.nextTime,
      "contact name": CONTACT.name,
      "contact notes": CONTACT.notes,
      "plan reason": PLAN.reason,
      "plan situation": PLAN.situation,
      "plan then": PLAN.then,
      "second lapse situation": SECOND_LAPSE.situation,
      "meeting title": MEETING.title,
      "meeting place": MEETING.place,
      "meeting notes": MEETING.notes,
      "missed appointment": MISSED_MEETING,
      "first passphrase": FIRST_PASSPHRASE,
      "new passphrase": NEW_PASSPHRASE,
      "passphrase set after recovery": RECOVERED_PASSPHRASE,
      "recovery key": recoveryKey,
      "mood written after the backup": `${MARKER}-after-backup`,
      // Step 12k.
      "weekly review note": REVIEW.note,
      "own strategy title": STRATEGY.title,
      "own strategy summary": STRATEGY.summary,
      "own strategy step 1": STRATEGY.steps[0],
      "own strategy step 2": STRATEGY.steps[1],
      "local helpline name": HELPLINE.name,
      "local helpline number": HELPLINE.number,
      "local helpline note": HELPLINE.note,
      "contact phone": CONTACT_EDIT.phone,
      "contact email": CONTACT_EDIT.email,
      "meeting link": MEETING_LINK,
      "medication reminder label": MEDICATION_LABEL,
      ...Object.fromEntries(PLAN_MORE.warningSigns.map((sign) => [`plan ${sign.stage} warning sign`, sign.text])),
      ...Object.fromEntries(PLAN_MORE.lists.map(([key, , , text]) => [`plan ${key}`, text])),
    };
    const hits = scanForPlaintext(dirs, secrets);
    assert.deepEqual(hits, [], "no secret or journal text in any file");
    const logged = Object.entries(secrets).filter(([, secret]) => appLog.includes(Buffer.from(secret)));
    assert.deepEqual(logged.map(([label]) => label), [], "no secret or journal text in the app's log output");
    // Exported files (the PDF summary, the encrypted backup) were saved outside; none is inside.
    const strays = filesUnder(config.dataDir).filter((file) => /\.(pdf|zip|csv|ics|md|txt)$/.test(file));
    assert.deepEqual(strays, [], "no exported file in the data directory");

    const read = (...args) => {
      const result = cli([...args, "--json"], { WAYMARK_PASSPHRASE: RECOVERED_PASSPHRASE });
      assert.equal(result.status, 0, `waymark ${args.join(" ")} exits 0 (stderr: ${result.stderr})`);
      return JSON.parse(result.stdout);
    };

    // Cravings: the quick one from step 02, and the full one as typed (with the edited intensity
    // and the renamed trigger).
    const cravings = read("craving", "list");
    const quick = cravings.filter((c) => c.note === NOTE);
    assert.equal(quick.length, 1, "exactly one craving carries the first note");
    assert.equal(quick[0].intensity, 7);
    const full = cravings.filter((c) => c.note === CRAVING.note);
    assert.equal(full.length, 1, "exactly one craving carries the full note");
    const c = full[0];
    assert.equal(c.intensity, CRAVING.editedIntensity, "the edit on the Timeline was saved");
    assert.equal(c.intensityAfter, CRAVING.after);
    assert.equal(c.durationMinutes, CRAVING.minutes);
    assert.deepEqual(c.triggers.map((t) => t.name).sort(), [RENAMED_TRIGGER, STARTER_TRIGGER].sort());
    assert.deepEqual(c.halt, { hungry: true, angry: false, lonely: false, tired: true });
    assert.equal(c.place, CRAVING.place);
    assert.equal(c.withWhom, CRAVING.withWhom);
    assert.equal(c.activity, CRAVING.activity);
    assert.deepEqual(c.coping, CRAVING.coping);
    assert.equal(c.outcome, "passed");
    assert.equal(cravings.length, 3, "the first craving, the full one and the one from SOS; no other");
    const fromSos = cravings.filter((x) => x.intensity === 5 && x.durationMinutes === 1 && x.note === null);
    assert.equal(fromSos.length, 1, "the craving logged from SOS has its length from the timer");

    const renamed = read("trigger", "list").filter((t) => t.name === RENAMED_TRIGGER);
    assert.equal(renamed.length, 1, "the renamed trigger is in the catalogue");
    assert.equal(renamed[0].category, NEW_TRIGGER_CATEGORY.key);
    assert.equal(renamed[0].uses, 1);
    assert.ok(!JSON.stringify(read("trigger", "list")).includes(NEW_TRIGGER), "the old name is gone");

    // Moods: the one kept; the deleted one is gone.
    const moods = read("mood", "list");
    assert.equal(moods.length, 1, `only the kept mood is left: ${JSON.stringify(moods)}`);
    assert.equal(moods[0].mood, MOOD.mood);
    assert.deepEqual([...moods[0].feelings].sort(), MOOD.feelings.map(([, key]) => key).sort());
    assert.equal(moods[0].note, MOOD.note);

    const journal = read("journal", "list");
    assert.equal(journal.length, 1);
    assert.equal(journal[0].date, localDay());
    assert.equal(journal[0].body, JOURNAL.body);
    assert.equal(journal[0].wentWell, JOURNAL.wentWell);
    assert.deepEqual(journal[0].tags, [JOURNAL.tag]);

    const found = read("search", UNIQUE_WORD);
    assert.equal(found.length, 1, "search finds the journal entry by its word");
    assert.equal(found[0].entry.kind, "journal");
    assert.ok(found[0].excerpt.includes(`\u0002${UNIQUE_WORD}\u0003`), found[0].excerpt);
    assert.deepEqual(read("search", "Logged", "by", "mistake"), [], "search no longer finds the deleted mood");

    const checkins = read("checkin", "list");
    assert.equal(checkins.length, 1);
    assert.equal(checkins[0].date, localDay());
    assert.equal(checkins[0].dayRating, CHECKIN.day);
    assert.equal(checkins[0].note, CHECKIN.note);
    const answered = Object.fromEntries(CHECKIN_ANSWERS.map(([, , key, value]) => [key, value]));
    for (const [key, value] of Object.entries(checkins[0].answers)) {
      assert.equal(value, answered[key] ?? null, `check-in answer ${key}`);
    }

    const lapses = read("lapse", "list");
    assert.equal(lapses.length, 2);
    const first = lapses.find((l) => l.situation === LAPSE.situation);
    assert.ok(first, "the first lapse");
    assert.equal(first.learned, LAPSE.learned);
    assert.equal(first.nextTime, LAPSE.nextTime);
    assert.equal(first.restartsCounter, true);
    const second = lapses.find((l) => l.situation === SECOND_LAPSE.situation);
    assert.ok(second, "the second lapse");
    assert.equal(second.restartsCounter, false);

    const recovery = read("recovery", "show");
    assert.equal(recovery.startDate, localDay(new Date(Date.now() - START_DAYS_AGO * 86_400_000)));
    assert.equal(recovery.currentDays, 0, "the first lapse started the counter again today");
    assert.equal(recovery.attempts, 2);
    assert.equal(recovery.lapses, 2);
    assert.equal(read("profile", "show").region, "uk");

    // The support network and the plan outlast the app: read back after it has quit.
    const contacts = read("contact", "list");
    assert.equal(contacts.length, 1);
    assert.equal(contacts[0].name, CONTACT.name);
    assert.equal(contacts[0].role, "sponsor");
    assert.equal(contacts[0].phone, CONTACT_EDIT.phone, "the phone as changed in step 12k");
    assert.equal(contacts[0].email, CONTACT_EDIT.email);
    assert.equal(contacts[0].notes, CONTACT.notes);
    const plan = read("plan", "show");
    assert.deepEqual(plan.reasons, [PLAN.reason]);
    assert.deepEqual(plan.highRiskSituations, [{ situation: PLAN.situation, plan: PLAN.then }]);
    assert.deepEqual(
      plan.warningSigns,
      PLAN_MORE.warningSigns.map(({ stage, kind, text }) => ({ kind, stage, text })),
      "a warning sign at each stage, of the kind chosen",
    );
    for (const [key, , , text] of PLAN_MORE.lists) assert.deepEqual(plan[key], [text], `the plan's ${key}`);

    // Step 12k's other fields, read back as typed.
    const reviews = read("review", "list");
    assert.equal(reviews.length, 1, "this week's review");
    assert.equal(reviews[0].note, REVIEW.note);
    assert.deepEqual(reviews[0].answers, { [REVIEW.question]: REVIEW.days });
    const mine = read("strategy", "list", "--all").filter((s) => s.custom);
    assert.equal(mine.length, 1, "one strategy of the person's own");
    assert.equal(mine[0].title, STRATEGY.title);
    assert.equal(mine[0].category, STRATEGY.category.key);
    assert.equal(mine[0].summary, STRATEGY.summary);
    assert.deepEqual(mine[0].steps, STRATEGY.steps);
    const lines = read("helplines");
    assert.equal(lines.region, "uk");
    assert.equal(lines.local.length, 1, "one local number");
    assert.equal(lines.local[0].name, HELPLINE.name);
    assert.equal(lines.local[0].number, HELPLINE.number);
    assert.equal(lines.local[0].note, HELPLINE.note);
    const reminderSettings = read("reminders", "settings");
    assert.equal(reminderSettings.medication.length, 1, "one medication reminder");
    assert.equal(reminderSettings.medication[0].label, MEDICATION_LABEL);
    assert.equal(reminderSettings.medication[0].time, medicationTime);
    assert.equal(reminderSettings.style, "neutral", "notifications still say only the time");

    const meetings = read("meeting", "list");
    assert.equal(meetings.length, 2, "the weekly meeting and the missed appointment");
    const weekly = meetings.find((m) => m.title === MEETING.title);
    assert.ok(weekly, "the meeting added in the window");
    assert.equal(weekly.place, MEETING.place);
    assert.equal(weekly.notes, MEETING.notes);
    assert.equal(weekly.link, MEETING_LINK, "the link added in step 12k");
    assert.equal(weekly.recurrence.type, "weekly");
    assert.deepEqual(weekly.reminderMinutes, [0]);

    for (const retired of [FIRST_PASSPHRASE, NEW_PASSPHRASE]) {
      const old = cli(["craving", "list", "--json"], { WAYMARK_PASSPHRASE: retired });
      assert.equal(old.status, 3, "a replaced passphrase no longer opens the journal (exit 3)");
      assert.ok(!old.stdout.includes(MARKER));
    }
  });
});
