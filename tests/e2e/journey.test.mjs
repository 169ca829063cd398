// The first-week journey through the real Waymark window: set up, log a craving, lock and unlock,
// relaunch, change the passphrase, recover with the recovery key; then check that nothing readable
// reached the disk. Run it through ./run.sh, which provides the display, the driver and a fresh
// data directory.

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { after, before, describe, it } from "node:test";

import {
  allByName,
  appPids,
  byName,
  cli,
  config,
  launch,
  log,
  pageSource,
  quit,
  saveFailure,
  scanForPlaintext,
  screenshot,
  textOf,
  textsOfRole,
  type,
  waitFor,
  waitForAppExit,
  waitForRoleText,
} from "./lib.mjs";

const FIRST_PASSPHRASE = "harbour lantern pickle seven";
const NEW_PASSPHRASE = "quiet meadow copper violin";
// Set after unlocking with the recovery key, as someone who forgot the passphrase would.
const RECOVERED_PASSPHRASE = "amber kettle orbit lagoon";
const WRONG_PASSPHRASE = "harbour lantern pickle eight";
const MARKER = `e2e-marker-${randomBytes(6).toString("hex")}`;
const NOTE = `Walked past the old corner shop. ${MARKER}`;
const RECOVERY_KEY_FORMAT = /^[A-Z2-7]{4}(-[A-Z2-7]{4}){7}$/;

// Unlocking runs Argon2id (~0.7 s here, more on a slow VM); creating a journal calibrates it (~1 s).
const SLOW = { timeout: 30_000 };

let browser = null;
let recoveryKey = null;
let failed = false;

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
    const when = await byName(browser, "When", "textbox");
    assert.match(await when.getValue(), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, "When defaults to now");
    await type(await byName(browser, "Note (optional)", "textbox"), NOTE);
    await screenshot(browser, "03a-craving-filled");
    await click("Save craving");

    const status = await waitForRoleText(browser, "status", /saved/i, SLOW);
    log(`status after saving: ${status}`);
    await expectCravingOnTop();
    // The form is ready for the next one.
    assert.equal(await (await byName(browser, "Note (optional)", "textbox")).getValue(), "");
    assert.equal(await seven.isSelected(), false, "the intensity was reset");
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

  step("06-at-rest", "nothing readable on disk; the CLI reads the one craving back", async () => {
    await waitForAppExit();
    const dirs = [config.dataDir, ...(config.scratch ? [config.scratch] : [])];
    const hits = scanForPlaintext(dirs, {
      marker: MARKER,
      "first passphrase": FIRST_PASSPHRASE,
      "new passphrase": NEW_PASSPHRASE,
      "passphrase set after recovery": RECOVERED_PASSPHRASE,
      "recovery key": recoveryKey,
    });
    assert.deepEqual(hits, [], "no secret or journal text in any file");

    const listed = cli(["craving", "list", "--json"], { WAYMARK_PASSPHRASE: RECOVERED_PASSPHRASE });
    assert.equal(listed.status, 0, `craving list exits 0 (stderr: ${listed.stderr})`);
    const ours = JSON.parse(listed.stdout).filter((c) => typeof c.note === "string" && c.note.includes(MARKER));
    assert.equal(ours.length, 1, "exactly one craving carries the marker");
    assert.equal(ours[0].intensity, 7);
    assert.equal(ours[0].note, NOTE);

    for (const retired of [FIRST_PASSPHRASE, NEW_PASSPHRASE]) {
      const old = cli(["craving", "list", "--json"], { WAYMARK_PASSPHRASE: retired });
      assert.equal(old.status, 3, "a replaced passphrase no longer opens the journal (exit 3)");
      assert.ok(!old.stdout.includes(MARKER));
    }
  });
});
