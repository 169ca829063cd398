import { test } from "node:test";
import { remote } from "webdriverio";
test("probe", async () => {
  const b = await remote({
    hostname: "127.0.0.1", port: Number(process.env.WAYMARK_E2E_PORT), logLevel: "warn",
    capabilities: { "tauri:options": { application: process.env.WAYMARK_E2E_BINARY } },
  });
  const t0 = Date.now();
  await b.waitUntil(async () => (await b.getPageSource()).includes("Welcome"), { timeout: 20000 });
  console.log("ready after", Date.now() - t0);
  console.log((await b.getPageSource()).slice(0, 3000));
  const h = await b.$("aria/Welcome to Waymark");
  console.log("aria heading exists", await h.isExisting(), await h.getText());
  const p = await b.$("aria/Passphrase");
  console.log("aria passphrase", await p.isExisting(), await p.getAttribute("id"));
  await b.saveScreenshot(process.env.WAYMARK_E2E_ARTIFACTS + "/probe.png");
  await b.deleteSession();
});
