// Retakes the README's pictures of the demo debate, in a window about as wide as the README shows
// them (so their text stays readable there), at twice the pixels.
//   node scripts/readme-screenshot.mjs http://127.0.0.1:3000          docs/screenshot.png: the demo as it opens
//   node scripts/readme-screenshot.mjs http://127.0.0.1:3000 stand    docs/stand.png: "which claims stand" on,
//                                                                      the main claim's why line open
// (against a running `npm start`)
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const stand = process.argv[3] === "stand";
const file = stand ? "stand.png" : "screenshot.png";
const MAIN_CLAIM = "n-main-alibaba-cloud-risk";
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 720 }, deviceScaleFactor: 2, colorScheme: "light" });
  await page.addInitScript((overlay) => {
    localStorage.setItem("argumap:name", "Reader");
    if (overlay) localStorage.setItem("argumap.standOverlay.v1", "on");
  }, stand);
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
  if (stand) {
    // Selected, so the side panel says why too; the pointer on its pill opens the line on the canvas.
    const claim = page.locator(`[data-testid="node"][data-id="${MAIN_CLAIM}"]`);
    await claim.click();
    await claim.getByTestId("verdict").getByRole("button").hover();
    await page.getByRole("tooltip").waitFor();
  }
  await page.screenshot({ path: new URL(`../docs/${file}`, import.meta.url).pathname });
  console.log(`wrote docs/${file}`);
} finally {
  await browser.close();
}
