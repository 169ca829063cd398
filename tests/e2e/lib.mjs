// Helpers for driving the real Waymark window through tauri-driver (WebDriver) with webdriverio.
//
// Controls are found by their accessible name (label text, aria-label, aria-labelledby, button or
// heading text) plus a role, the way a person (or a screen reader) finds them.

import { execFile, spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { remote } from "webdriverio";

export const config = {
  binary: requiredEnv("WAYMARK_E2E_BINARY"),
  dataDir: requiredEnv("WAYMARK_DATA_DIR"),
  /** The notification sink's log: one JSON line per desktop notification the app sent. */
  notifications: requiredEnv("WAYMARK_E2E_NOTIFICATIONS"),
  port: Number(process.env.WAYMARK_E2E_PORT || 4444),
  artifacts: process.env.WAYMARK_E2E_ARTIFACTS || new URL("./artifacts/", import.meta.url).pathname,
  /** Other directories the app or WebKit may write to during the run (XDG dirs), also scanned. */
  scratch: process.env.WAYMARK_E2E_SCRATCH || null,
  /** The app's own temp and runtime directories, also scanned. */
  appDirs: (process.env.WAYMARK_E2E_APP_DIRS || "").split(":").filter(Boolean),
  /** The app's log output (its stdout and stderr, through the driver's log), also scanned. */
  appLog: process.env.WAYMARK_E2E_APP_LOG || null,
};

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the test through tests/e2e/run.sh`);
  return value;
}

export function log(...parts) {
  process.stderr.write(`  [e2e ${new Date().toISOString().slice(11, 23)}] ${parts.join(" ")}\n`);
}

// ------------------------------------------------------------------------------------------------
// Requests: tauri-driver occasionally drops one (the connection closes without an answer). Such a
// request is retried once, and only when repeating it cannot change anything (finding elements,
// reading text, attributes, the page source, screenshots). webdriverio's own blanket retry (which
// would also repeat clicks, key presses and session creation) is turned off.
// ------------------------------------------------------------------------------------------------

const DROPPED = /ECONNRESET|UND_ERR_SOCKET|UND_ERR_CLOSED|EPIPE|socket hang up|other side closed|fetch failed|Failed to fetch/i;

/** Whether an error is a dropped request rather than an answer from the driver. */
export function isDropped(error) {
  const text = `${error?.code ?? ""} ${error?.cause?.code ?? ""} ${error?.message ?? ""}`;
  return DROPPED.test(text);
}

/** Runs a side-effect-free request, repeating it once if the driver dropped it. */
export async function idempotent(what, fn) {
  try {
    return await fn();
  } catch (error) {
    if (!isDropped(error)) throw error;
    log(`retrying ${what} once after a dropped request: ${error.message}`);
    return await fn();
  }
}

// ------------------------------------------------------------------------------------------------
// The app's processes (found by binary and data dir, so another person's Waymark is left alone).
// ------------------------------------------------------------------------------------------------

const binaryPath = realpathSync(config.binary);

/** Pids of Waymark processes running on this test's data directory. */
export function appPids() {
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const exe = readlinkSync(`/proc/${entry}/exe`);
      if (exe !== binaryPath && !exe.startsWith(`${binaryPath} `)) continue;
      const env = readFileSync(`/proc/${entry}/environ`, "latin1").split("\0");
      if (env.includes(`WAYMARK_DATA_DIR=${config.dataDir}`)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return pids;
}

/** Waits until no Waymark process runs on the data directory. */
export async function waitForAppExit(timeout = 15_000) {
  await waitFor("the app process to exit", () => appPids().length === 0, { timeout });
}

// ------------------------------------------------------------------------------------------------
// Sessions: one WebDriver session is one launch of the app.
// ------------------------------------------------------------------------------------------------

/** Launches the app and returns the webdriverio browser for its window. */
export async function launch() {
  const options = {
    hostname: "127.0.0.1",
    port: config.port,
    path: "/",
    logLevel: process.env.WAYMARK_E2E_LOGLEVEL || "error",
    connectionRetryCount: 0,
    connectionRetryTimeout: 60_000,
    waitforTimeout: 10_000,
    capabilities: {
      "tauri:options": { application: config.binary },
    },
  };
  let browser;
  try {
    browser = await createSession(options);
  } catch (error) {
    if (/failed to create a new browsing context/i.test(error.message)) {
      error.message +=
        "\n  WebKit started the app but got no automatable webview. In Tauri 2 / wry 0.57 on Linux a" +
        "\n  window with `incognito: true` gets its own WebKit context with automation switched off," +
        "\n  so WebDriver cannot drive it; the app must not make its window incognito when" +
        "\n  TAURI_WEBVIEW_AUTOMATION=true (set by tauri-driver) in a debug build.";
    }
    throw error;
  }
  // Scripts here only wait for a frame: a page that does not answer within seconds is stuck.
  await browser.setTimeout({ script: 5_000 });
  return browser;
}

async function createSession(options) {
  try {
    return await remote(options);
  } catch (error) {
    // Creating a session starts the app, so it is repeated only when the request was dropped before
    // any app started.
    if (!isDropped(error)) throw error;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    if (appPids().length > 0) throw error;
    log(`retrying session creation once after a dropped request: ${error.message}`);
    return await remote(options);
  }
}

/** Ends the session, which closes the window and the app, and waits for the process to go. */
export async function quit(browser) {
  if (!browser) return;
  try {
    await browser.deleteSession();
  } catch (error) {
    log(`ending the session failed: ${error.message}`);
  }
  await waitForAppExit();
}

// ------------------------------------------------------------------------------------------------
// Waiting.
// ------------------------------------------------------------------------------------------------

/**
 * Polls `condition` until it returns a truthy value, which is returned. Errors thrown while polling
 * (an element not there yet, a dropped request) count as "not yet"; the last one is reported on
 * timeout.
 */
export async function waitFor(what, condition, { timeout = 10_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let lastError = null;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value;
      lastError = null;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const detail = lastError ? ` (last error: ${lastError.message})` : "";
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

// ------------------------------------------------------------------------------------------------
// Finding controls by accessible name.
// ------------------------------------------------------------------------------------------------

/** An XPath 1.0 string literal for any text (handles both kinds of quote). */
export function xpathLiteral(text) {
  if (!text.includes("'")) return `'${text}'`;
  if (!text.includes('"')) return `"${text}"`;
  return `concat(${text
    .split("'")
    .map((part) => `'${part}'`)
    .join(`, "'", `)})`;
}

const FORM_CONTROL = "(self::input or self::textarea or self::select)";
const ROLES = {
  button: "self::button or (self::input and (@type='button' or @type='submit')) or @role='button'",
  textbox:
    "(self::input and not(@type='checkbox' or @type='radio' or @type='button' or @type='submit' or @type='hidden')) or self::textarea or @role='textbox'",
  checkbox: "(self::input and @type='checkbox') or @role='checkbox'",
  radio: "(self::input and @type='radio') or @role='radio'",
  heading: "self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or @role='heading'",
  list: "self::ul or self::ol or @role='list'",
  form: "self::form or @role='form'",
  combobox: "self::select or @role='combobox'",
  group: "self::fieldset or @role='group' or @role='radiogroup'",
  region: "self::section or @role='region'",
  figure: "self::figure or @role='figure'",
  dialog: "self::dialog or @role='dialog'",
  timer: "@role='timer'",
};

/**
 * XPath of the elements whose accessible name is `name` and whose role is `role` (a simplified
 * accessible-name computation: aria-label, then aria-labelledby, then <label>, a fieldset's
 * <legend>, then own text).
 */
export function nameXPath(name, role) {
  const q = xpathLiteral(name);
  const unlabelled = "not(@aria-label) and not(@aria-labelledby)";
  const sources = [
    `//*[@aria-label=${q}]`,
    `//*[@aria-labelledby and not(@aria-label)][@aria-labelledby = //*[normalize-space(.)=${q}]/@id]`,
    `//*[${FORM_CONTROL} and ${unlabelled}][@id = //label[normalize-space(.)=${q}]/@for]`,
    `//label[normalize-space(.)=${q}]//*[${FORM_CONTROL} and ${unlabelled}]`,
    `//fieldset[${unlabelled}][legend[normalize-space(.)=${q}]]`,
    `//*[not(${FORM_CONTROL}) and ${unlabelled}][normalize-space(.)=${q}]`,
    `//input[(@type='submit' or @type='button') and ${unlabelled}][@value=${q}]`,
  ];
  const roleTest = ROLES[role];
  if (!roleTest) throw new Error(`unknown role ${role}`);
  return `(${sources.join(" | ")})[${roleTest}]`;
}

/** The elements named `name` with role `role` that are in the DOM now (maybe none). */
export async function allByName(browser, name, role) {
  const xpath = nameXPath(name, role);
  return idempotent(`find ${role} "${name}"`, async () => Array.from(await browser.$$(xpath)));
}

/**
 * Waits for exactly one element named `name` with role `role` and returns it. More than one is an
 * error: two controls with the same name and role are ambiguous to a screen-reader user too.
 */
export async function byName(browser, name, role, { timeout = 10_000 } = {}) {
  return waitFor(`the ${role} named "${name}"`, async () => {
    const found = await allByName(browser, name, role);
    if (found.length > 1) throw new Error(`${found.length} elements are ${role} named "${name}"`);
    return found[0] ?? null;
  }, { timeout });
}

/**
 * Like `byName`, but only among the elements inside `container` (e.g. a group or a dialog): for
 * controls whose name repeats on the page in different groups, such as "Yes" under each question
 * or "Tired" both as a feeling and under HALT. Exactly one must be inside.
 */
export async function byNameIn(browser, container, name, role, { timeout = 10_000 } = {}) {
  return waitFor(`the ${role} named "${name}" inside the given container`, async () => {
    const inside = [];
    for (const element of await allByName(browser, name, role)) {
      const contained = await idempotent("check containment", () =>
        browser.execute((outer, inner) => outer.contains(inner), container, element),
      );
      if (contained) inside.push(element);
    }
    if (inside.length > 1) throw new Error(`${inside.length} elements inside are ${role} named "${name}"`);
    return inside[0] ?? null;
  }, { timeout });
}

/** Scrolls the page so that `element` is in view (for screenshots of what matters). */
export async function reveal(browser, element, block = "start") {
  await browser.execute((el, where) => el.scrollIntoView({ block: where }), element, block);
}

/** Texts of the elements with `role` (e.g. "alert", "status") that show any text. */
export async function textsOfRole(browser, role) {
  return idempotent(`read role=${role}`, async () => {
    const texts = [];
    for (const el of await browser.$$(`//*[@role=${xpathLiteral(role)}]`)) {
      const text = (await el.getText()).trim();
      if (text) texts.push(text);
    }
    return texts;
  });
}

/** Waits until some element with `role` shows text matching `pattern`; returns that text. */
export async function waitForRoleText(browser, role, pattern, options) {
  return waitFor(`role=${role} text matching ${pattern}`, async () => {
    const texts = await textsOfRole(browser, role);
    return texts.find((text) => pattern.test(text)) ?? null;
  }, options);
}

export async function pageSource(browser) {
  return idempotent("read the page source", () => browser.getPageSource());
}

export async function textOf(element) {
  return idempotent("read an element's text", () => element.getText());
}

/**
 * Types into a field: clears it, then sends the keys as a person would type them. A line break is
 * typed as the Enter key (WebKitWebDriver drops a literal "\n"), so use it only in a textarea.
 */
export async function type(element, text) {
  await element.click();
  await element.clearValue();
  await element.addValue(text.replace(/\r?\n/g, "\uE007"));
  const value = await idempotent("read a field's value", () => element.getValue());
  if (value !== text) throw new Error(`the field holds ${value.length} characters, not the ${text.length} typed`);
}

/**
 * Types a date (YYYY-MM-DD) into an <input type="date"> as a person would: WebKit shows it as
 * segments in the locale's order (e.g. mm/dd/yyyy), and the digits go into them in that order,
 * with Tab from one segment to the next.
 */
export async function typeDate(browser, element, isoDay) {
  const [year, month, day] = isoDay.split("-");
  const order = await browser.execute(() =>
    new Intl.DateTimeFormat(undefined, { year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date(2000, 10, 22))
      .map((part) => part.type)
      .filter((type) => type === "year" || type === "month" || type === "day"),
  );
  // Tab moves to the next segment (WebKit does not move on by itself when keys come this fast).
  const keys = order.map((part) => ({ year, month, day })[part]).join("\uE004");
  // No click first: a click lands in the middle segment. Typing focuses the field at its first one.
  await element.clearValue();
  await element.addValue(keys);
  const value = await idempotent("read a field's value", () => element.getValue());
  if (value !== isoDay) throw new Error(`the date field holds "${value}" after typing ${order.join("/")}, not ${isoDay}`);
}

// ------------------------------------------------------------------------------------------------
// Evidence: screenshots and page sources.
// ------------------------------------------------------------------------------------------------

const run = promisify(execFile);

/**
 * Waits until the page has produced two more animation frames, so what the DOM shows is on screen.
 * Best effort: returns false when the page did not answer in time.
 */
export async function settle(browser) {
  try {
    return await browser.executeAsync((done) => {
      requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
    });
  } catch (error) {
    log(`waiting for a frame failed: ${error.message}`);
    return false;
  }
}

/**
 * Saves a PNG of the app window as it is on the X display.
 *
 * Not WebDriver's screenshot: WebKitWebDriver answers it only after the page paints again, which an
 * idle page (no caret blinking, no timer) may not do for a long time; under Xvfb that took 30 s to
 * over 60 s. The X display shows the same pixels at once. The capture is cropped to the window's
 * rectangle when the session can tell it.
 */
export async function screenshot(browser, name) {
  await mkdir(config.artifacts, { recursive: true });
  const file = join(config.artifacts, `${name}.png`);
  let crop = [];
  if (browser) {
    await settle(browser);
    try {
      const { x, y, width, height } = await idempotent("read the window rect", () => browser.getWindowRect());
      if (width > 0 && height > 0) crop = ["-crop", `${width}x${height}+${Math.max(0, x)}+${Math.max(0, y)}`, "+repage"];
    } catch (error) {
      log(`reading the window rect failed (${error.message}); capturing the whole screen`);
    }
  }
  try {
    await run("import", ["-window", "root", ...crop, file], { timeout: 20_000 });
  } catch (error) {
    log(`import -window root failed: ${error.message}`);
  }
  return file;
}

/** Saves a PNG of the whole X display, window frame and all. */
export async function screenScreenshot(name) {
  return screenshot(null, name);
}

/** Saves FAILED-<step>.png and FAILED-<step>.html; never throws. */
export async function saveFailure(browser, step) {
  const name = `FAILED-${step}`;
  try {
    await screenshot(browser, name);
    await screenScreenshot(`${name}-screen`);
    if (browser) {
      const html = await pageSource(browser);
      writeFileSync(join(config.artifacts, `${name}.html`), html);
    }
  } catch (error) {
    log(`saving the failure evidence failed: ${error.message}`);
  }
}

// ------------------------------------------------------------------------------------------------
// Files and the CLI.
// ------------------------------------------------------------------------------------------------

/** Every regular file under `dir`, recursively. */
export function filesUnder(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push(path);
    else if (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isFile()) out.push(path);
  }
  return out;
}

/**
 * Which of the secrets appear in which file, read as raw bytes, in UTF-8 and in UTF-16LE
 * (as a webview or SQLite may store text). Returns ["file: what", ...].
 */
export function scanForPlaintext(dirs, secrets) {
  const hits = [];
  for (const dir of dirs) {
    for (const file of filesUnder(dir)) {
      const bytes = readFileSync(file);
      for (const [label, secret] of Object.entries(secrets)) {
        for (const encoding of ["utf8", "utf16le"]) {
          if (bytes.includes(Buffer.from(secret, encoding))) hits.push(`${file}: ${label} (${encoding})`);
        }
      }
    }
  }
  return hits;
}

/** Runs the waymark CLI with the given environment additions; returns { status, stdout, stderr }. */
export function cli(args, env) {
  const result = spawnSync(config.binary, args, {
    env: { ...process.env, WAYMARK_DATA_DIR: config.dataDir, ...env },
    encoding: "utf8",
    timeout: 60_000,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// ------------------------------------------------------------------------------------------------
// The system's own file dialogs: Waymark opens them from Rust (GTK), outside the web page, so
// WebDriver cannot reach them. They are driven as a person would, with the keyboard, through
// xdotool on the same X display.
// ------------------------------------------------------------------------------------------------

function xdotool(...args) {
  const result = spawnSync("xdotool", args, { encoding: "utf8" });
  if (result.error) throw new Error(`xdotool could not run: ${result.error.message}`);
  return result;
}

/**
 * Waits for the save dialog whose title starts with `title`, types `path` as the file name and
 * presses Enter. GTK's save dialog takes a full path in its name field.
 */
export async function saveInDialog(title, path, { timeout = 20_000 } = {}) {
  // xdotool takes a regular expression; the title's own brackets must not count as one.
  const pattern = `^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
  const id = await waitFor(
    `the "${title}" dialog`,
    () => {
      const found = xdotool("search", "--onlyvisible", "--name", pattern);
      return found.status === 0 ? found.stdout.trim().split("\n")[0] : null;
    },
    { timeout, interval: 250 },
  );
  log(`file dialog ${id} is open; saving to ${path}`);
  xdotool("windowfocus", "--sync", id);
  // The name field has focus with the suggested name selected; replace all of it.
  xdotool("key", "--clearmodifiers", "ctrl+a");
  xdotool("type", "--delay", "15", path);
  xdotool("key", "Return");
  await waitFor(`the "${title}" dialog to close`, () => xdotool("search", "--onlyvisible", "--name", pattern).status !== 0, {
    timeout,
    interval: 250,
  });
}

/**
 * Waits for the open dialog whose title starts with `title` and chooses the file at `path`, as a
 * person would with the keyboard: Ctrl+L opens GTK's location field, then the path and Return.
 */
export async function openInDialog(title, path, { timeout = 20_000 } = {}) {
  const pattern = `^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
  const id = await waitFor(
    `the "${title}" dialog`,
    () => {
      const found = xdotool("search", "--onlyvisible", "--name", pattern);
      return found.status === 0 ? found.stdout.trim().split("\n")[0] : null;
    },
    { timeout, interval: 250 },
  );
  log(`file dialog ${id} is open; choosing ${path}`);
  xdotool("windowfocus", "--sync", id);
  xdotool("key", "--clearmodifiers", "ctrl+l");
  xdotool("type", "--delay", "15", path);
  // GTK's location field may take the first Return to close its completion list: press it again
  // while (and only while) the dialog is still there, so no key ever reaches the app's window.
  const open = () => xdotool("search", "--onlyvisible", "--name", pattern).status === 0;
  await waitFor(
    `the "${title}" dialog to close`,
    async () => {
      if (!open()) return true;
      xdotool("windowfocus", "--sync", id);
      xdotool("key", "Return");
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      return !open();
    },
    { timeout, interval: 250 },
  );
}

// ------------------------------------------------------------------------------------------------
// Locking: the logind stand-in, and whether the window is on screen.
// ------------------------------------------------------------------------------------------------

/**
 * Starts examples/logind_stub (built beside the binary by `cargo build --example logind_stub`): it
 * owns org.freedesktop.login1 on the private session bus, where a debug build started with
 * WAYMARK_LOGIND_BUS=session (run.sh sets it) listens for logind. Returns { send(command), stop() };
 * `send("sleep")` emits PrepareForSleep(true), `send("lock")` the session's Lock.
 */
export async function startLogindStub() {
  const path = join(dirname(config.binary), "examples", "logind_stub");
  const child = spawn(path, [], { stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk) => log(`logind_stub: ${chunk.trim()}`));
  await waitFor("the logind stand-in to own its bus name", () => {
    if (child.exitCode !== null) throw new Error(`logind_stub exited with ${child.exitCode}`);
    return output.includes("ready");
  }, { timeout: 10_000 });
  return {
    async send(command) {
      const sent = output.split("\n").filter((line) => line === `sent ${command}`).length;
      child.stdin.write(`${command}\n`);
      await waitFor(`logind_stub to send ${command}`, () => output.split("\n").filter((line) => line === `sent ${command}`).length > sent);
    },
    stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
    },
  };
}

/** Whether a window titled exactly `title` is mapped (viewable) on the X display. */
export function windowShown(title = "Waymark") {
  return xdotool("search", "--onlyvisible", "--name", `^${title}$`).status === 0;
}

/**
 * Starts the binary again, as a person would from the app menu: the single-instance plugin hands
 * over to the running Waymark (which shows its window) and the new process exits.
 */
export async function launchAgain() {
  const child = spawn(config.binary, [], {
    env: { ...process.env, WAYMARK_DATA_DIR: config.dataDir },
    stdio: "ignore",
  });
  await waitFor("the second launch to hand over and exit", () => child.exitCode !== null, { timeout: 20_000 });
}
