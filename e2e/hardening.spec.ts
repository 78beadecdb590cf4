/**
 * The production server's own answers to what a browser, a script or an attacker sends: JSON
 * errors on every API path and method, pages whose scripts need this response's nonce (and that
 * still read without JavaScript), links on our own host whatever X-Forwarded-Host says, and other
 * sites' pages refused on state-changing routes.
 */
import { createMapViaApi, expect, test, waitForEditor } from "./support/editor";

test("every /api path and method answers with the JSON error contract", async ({ request }) => {
  const unknown = await request.get("/api/no/such/path");
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  expect((await request.post("/api/maps/demo/nothing-here", { data: {} })).status()).toBe(404);
  const root = await request.get("/api");
  expect(root.status()).toBe(404);
  expect((await root.json()).error.code).toBe("not_found");

  for (const [method, path, allow] of [
    ["DELETE", "/api/maps/demo", "GET"],
    ["PUT", "/api/maps/demo/events", "GET"],
    ["GET", "/api/maps/demo/ops", "POST"],
    ["GET", "/api/maps/import", "POST"],
  ] as const) {
    const response = await request.fetch(path, { method });
    expect(response.status(), `${method} ${path}`).toBe(405);
    expect(response.headers()["allow"]).toBe(allow);
    expect(await response.json()).toEqual({ error: { code: "method_not_allowed", message: expect.any(String) } });
  }
});

test("a page's scripts run by this response's nonce only, and the view link still reads without JavaScript", async ({ page, browser, baseURL }) => {
  // An inline script that got into the page's HTML (what an injection would be), without the nonce.
  await page.route("**/m/demo", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("</body>", "<script>window.__injected = true</script></body>");
    await route.fulfill({ response, body: html });
  });
  const response = await page.goto("/m/demo");
  const policy = response!.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(/script-src [^;]*'unsafe-inline'/.test(policy)).toBe(false);
  const nonces = await page.locator("script").evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(nonces.filter((value) => value === nonce).length).toBeGreaterThan(0);
  // The app's own scripts run: the editor comes up...
  await waitForEditor(page, 30);
  // ...and the injected one did not.
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();

  const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const reader = await noScript.newPage();
  await reader.goto("/m/demo");
  const outline = reader.getByTestId("map-outline");
  await expect(outline).toBeVisible();
  await expect(outline).toContainText("Alibaba");
  await noScript.close();
});

test("links name the host the user reached, not one an X-Forwarded-Host header claims", async ({ request, baseURL }) => {
  const response = await request.post("/api/maps", { data: { title: "Forwarded" }, headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } });
  expect(response.status()).toBe(201);
  const { links } = (await response.json()) as { links: { owner: string } };
  expect(links.owner.startsWith(`${baseURL}/m/`)).toBe(true);
});

test("another site's page cannot change a map; this site's pages and clients without Origin can", async ({ request, baseURL }) => {
  const { token } = await createMapViaApi(request, "Origin");
  const op = { clientId: "origin-test", ops: [{ clientOpId: "o1", type: "addNode", node: { id: "n1", kind: "claim", text: "x", x: 0, y: 0 } }] };
  const evil = await request.post(`/api/maps/${token}/ops`, { data: op, headers: { origin: "https://evil.example" } });
  expect(evil.status()).toBe(403);
  expect((await evil.json()).error.code).toBe("forbidden");
  expect((await request.post(`/api/maps/${token}/ops`, { data: op, headers: { origin: baseURL! } })).status()).toBe(200);
  expect((await request.post(`/api/maps/${token}/ops`, { data: { ...op, ops: [{ ...op.ops[0], clientOpId: "o2", node: { ...op.ops[0]!.node, id: "n2" } }] } })).status()).toBe(200);
});

test("the demo refuses presence", async ({ request }) => {
  const response = await request.post("/api/maps/demo/presence", { data: { clientId: "stranger", key: "a-secret-key-12345", name: "Stranger", colour: "#123456" } });
  expect(response.status()).toBe(403);
});
