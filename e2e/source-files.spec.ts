/**
 * Adding the sources people have: a web page saved as HTML (reduced to its text, nothing of it
 * run), pasted text, an address kept as a reference only, a file that is not text, and a text over
 * the limit, each with a clear message. The source is attached to an existing node; no node is made.
 */
import { createMapViaApi, expect, fetchMap, node, nodeById, postOps, test, waitForEditor } from "./support/editor";
import { reader, readerInput } from "./support/reader";

const PAGE = `<!doctype html><html><head><title>Sea wall questions</title>
<script>window.__ran = true; document.title = "hacked";</script><style>p { display: none }</style></head>
<body onload="window.__ran = true"><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<h1>Sea wall: questions and answers</h1>
<p>Will the wall stop every flood? <b>No</b>, but it &amp; the dunes will stop most.</p>
<img src="https://example.invalid/tracker.png" onerror="window.__ran = true">
<p>Who pays? The council, from the <em>harbour</em> fund.</p></body></html>`;

test("a saved web page becomes a source of an existing node, as text only, and reads in the reader", async ({ page, request }) => {
  const { token } = await createMapViaApi(request, "Sea wall");
  await postOps(request, token, [{ type: "addNode", node: node("claim", "claim", "The wall is worth its cost", 0, 0) }]);
  const fetched: string[] = [];
  page.on("request", (sent) => fetched.push(sent.url()));
  await page.goto(`/m/${token}`);
  await waitForEditor(page, 1);

  await nodeById(page, "claim").click();
  await page.getByTestId("field-node-source").selectOption({ label: "+ Add a new source…" });
  await page.getByTestId("source-file-input").setInputFiles({ name: "sea-wall.html", mimeType: "text/html", buffer: Buffer.from(PAGE) });
  await expect(page.getByTestId("source-file-message")).toContainText("Read “sea-wall.html”");
  await expect(page.getByTestId("field-source-title")).toHaveValue("Sea wall questions");
  await expect(page.getByTestId("field-source-text")).toHaveValue(
    "Sea wall: questions and answers\n\nWill the wall stop every flood? No, but it & the dunes will stop most.\n\nWho pays? The council, from the harbour fund.",
  );
  await page.getByTestId("field-source-url").fill("https://example.org/sea-wall");
  await page.getByTestId("source-form-save").click();

  // Nothing of the page ran or loaded, and no node was made: the claim cites the new source.
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
  expect(await page.title()).not.toBe("hacked");
  expect(fetched.filter((url) => url.includes("example.invalid"))).toEqual([]);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  const map = await fetchMap(request, token);
  expect(map.nodes).toHaveLength(1);
  expect(map.sources).toEqual([expect.objectContaining({ title: "Sea wall questions", url: "https://example.org/sea-wall", text: expect.stringContaining("Who pays?") })]);
  expect(map.nodes[0]!.sourceId).toBe(map.sources[0]!.id);

  // The reader shows it, with the address as a link to the original.
  await page.getByTestId("node-source-read").click();
  await expect(readerInput(page)).toHaveValue(map.sources[0]!.text);
  await expect(page.getByTestId("reader-original")).toHaveAttribute("href", "https://example.org/sea-wall");
});

test("pasted text and an address kept as a reference; other files and over-long text are refused with a reason", async ({ page, request }) => {
  const { token } = await createMapViaApi(request, "Sea wall");
  await page.goto(`/m/${token}`);
  await waitForEditor(page, 0);

  await page.getByTestId("source-add").click();
  await page.getByTestId("field-source-title").fill("Notes from the meeting");
  await page.getByTestId("field-source-url").fill("javascript:alert(1)");

  await page.getByTestId("source-file-input").setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") });
  await expect(page.getByTestId("source-file-message")).toHaveText("“scan.pdf” is not a text file: pick a .txt, .md or .html file.");
  await page.getByTestId("source-file-input").setInputFiles({ name: "photo.txt", mimeType: "text/plain", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) });
  await expect(page.getByTestId("source-file-message")).toContainText("does not look like text");

  await page.getByTestId("field-source-text").fill("word ".repeat(20_001));
  await expect(page.getByTestId("source-text-error")).toContainText("100,005 characters long; a source holds at most 100,000");
  await page.getByTestId("source-form-save").click();
  await expect(page.getByTestId("source-form")).toBeVisible();
  expect((await fetchMap(request, token)).sources).toEqual([]);

  await page.getByTestId("field-source-text").fill("The engineer spoke first.\r\nThen the residents.");
  await page.getByTestId("source-form-save").click();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  const [source] = (await fetchMap(request, token)).sources;
  expect(source).toMatchObject({ title: "Notes from the meeting", url: "javascript:alert(1)", text: "The engineer spoke first.\nThen the residents." });

  // Only http(s) addresses become links; any other is shown as text.
  await page.getByTestId("source-read").click();
  await expect(reader(page)).toContainText("Reference: javascript:alert(1)");
  await expect(page.getByTestId("reader-original")).toHaveCount(0);
  await expect(reader(page).locator("a")).toHaveCount(0);
});
