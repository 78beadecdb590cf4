// Retakes docs/screenshot.png: the demo debate as it opens in the editor, in a window about as
// wide as the README shows the picture (so its text stays readable there), at twice the pixels.
// Usage: node scripts/readme-screenshot.mjs http://127.0.0.1:3000   (a running `npm start`)
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 720 }, deviceScaleFactor: 2, colorScheme: "light" });
  await page.addInitScript(() => localStorage.setItem("argumap:name", "Reader"));
  await page.goto(`${base}/m/demo`);
  await page.locator(".react-flow__node").first().waitFor();
  // Until the opening view holds still.
  let before = "";
  for (let tries = 0; tries < 40; tries++) {
    const now = await page.locator(".react-flow__viewport").evaluate((element) => element.style.transform);
    if (now === before) break;
    before = now;
    await page.waitForTimeout(400);
  }
  await page.screenshot({ path: new URL("../docs/screenshot.png", import.meta.url).pathname });
  console.log("wrote docs/screenshot.png");
} finally {
  await browser.close();
}
