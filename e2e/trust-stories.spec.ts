/**
 * Nothing anyone types is lost (issue 11), told as the stories that used to lose it, each with
 * two people in browsers of their own, each ending with the typed words where their author can
 * reach them: two editors on one node, a node deleted under its typist, Esc, and a node's kind
 * contradicting its link.
 */
import { createMapViaApi, edgeLabels, expect, expectSaved, fetchMap, node, nodeById, nodesOn, postOps, test, waitForEditor } from "./support/editor";
import { editingBadge, expectAccessible, historyTexts, joinedPeople, nodeIds, nodeText, notice, openText, textInput } from "./support/people";

test.describe("collaboration you can trust", () => {
  const join = joinedPeople(test);

  test("same node, two editors: the later save wins, the other is told and keeps their words, and undo never wipes them", async ({ browser, baseURL, request }) => {
    const { token } = await createMapViaApi(request, "Two editors");
    await postOps(request, token, [{ type: "addNode", node: node("n", "claim", "original", 0, 0) }]);
    const { page: ben } = await join(browser, baseURL!, `/m/${token}`, "Ben");
    const { page: chloe } = await join(browser, baseURL!, `/m/${token}`, "Chloe");
    await waitForEditor(ben, 1);
    await waitForEditor(chloe, 1);

    await openText(ben, "n");
    await expect(editingBadge(chloe, "n", "Ben")).toBeVisible();
    // Chloe is asked before she opens a text Ben is typing in.
    await nodeText(chloe, "n").dblclick();
    const question = chloe.getByTestId("ask-dialog");
    await expect(question).toBeVisible();
    await expect(question).toContainText("Ben is editing this");
    await expectAccessible(chloe);
    await chloe.getByTestId("ask-confirm").click();
    await expect(textInput(chloe, "n")).toBeFocused();

    await textInput(ben, "n").fill("Ben's words");
    await textInput(chloe, "n").fill("Chloe's words");
    await textInput(ben, "n").press("Enter");
    await expect(nodeText(ben, "n")).toHaveText("Ben's words");
    // Chloe's editor says at once that Ben saved while she was typing, with his words.
    await expect(chloe.getByTestId("changed-under")).toContainText("Ben changed this while you were typing");
    await expect(chloe.getByTestId("changed-under")).toContainText("Ben's words");
    await textInput(chloe, "n").press("Enter");
    for (const page of [ben, chloe]) await expect(nodeText(page, "n")).toHaveText("Chloe's words");

    // Ben is told, and his words are one click away.
    const told = notice(ben, "Chloe changed this while you were typing.");
    await expect(told).toBeVisible();
    await expect(told.getByTestId("notice-kept-text")).toHaveText("Ben's words");

    // Chloe's undo puts back what her save replaced (Ben's words), not the original.
    await chloe.keyboard.press("Control+z");
    for (const page of [ben, chloe]) await expect(nodeText(page, "n")).toHaveText("Ben's words");
    await chloe.keyboard.press("Control+Shift+z");
    for (const page of [ben, chloe]) await expect(nodeText(page, "n")).toHaveText("Chloe's words");

    // Ben takes his words back; Chloe's undo now leaves them alone, and says why.
    await told.getByRole("button", { name: "Put my text back" }).click();
    for (const page of [ben, chloe]) await expect(nodeText(page, "n")).toHaveText("Ben's words");
    await nodeById(chloe, "n").click();
    await chloe.keyboard.press("Control+z");
    await expect(notice(chloe, "Not undone: Ben changed “Ben's words” after you.")).toBeVisible();
    await expectSaved(chloe);
    await expect(nodeText(chloe, "n")).toHaveText("Ben's words");
    await expect(nodeText(ben, "n")).toHaveText("Ben's words");
    expect(await historyTexts(ben, token, "n")).toEqual(["original", "Ben's words", "Chloe's words", "Ben's words", "Chloe's words", "Ben's words"]);
  });

  test("a node deleted under its typist: asked first, and if it goes anyway the typist keeps their words and can bring it back", async ({ browser, baseURL, request }) => {
    const { token } = await createMapViaApi(request, "Deleted under the typist");
    await postOps(request, token, [
      { type: "addNode", node: node("topic", "claim", "Schools should ban phones", 0, 0) },
      { type: "addNode", node: node("reason", "support", "Phones distract", 0, 260) },
      { type: "addEdge", edge: { id: "link", from: "reason", to: "topic", relation: "supports" } },
    ]);
    const { page: finn } = await join(browser, baseURL!, `/m/${token}`, "Finn");
    const { page: eve } = await join(browser, baseURL!, `/m/${token}`, "Eve");
    await waitForEditor(finn, 2);
    await waitForEditor(eve, 2);

    await openText(finn, "reason");
    await textInput(finn, "reason").fill("Phones distract, and the research on attention shows it");
    await expect(editingBadge(eve, "reason", "Finn")).toBeVisible();

    // Eve is asked; she first thinks better of it.
    await nodeText(eve, "reason").click();
    await eve.keyboard.press("Delete");
    await expect(eve.getByTestId("ask-dialog")).toContainText("Finn is editing this");
    await eve.getByTestId("ask-cancel").click();
    await expect(eve.getByTestId("ask-dialog")).toHaveCount(0);
    await expect(nodeById(eve, "reason")).toHaveCount(1);
    // Then she deletes it anyway.
    await nodeText(eve, "reason").click();
    await eve.keyboard.press("Delete");
    await eve.getByTestId("ask-confirm").click();
    for (const page of [eve, finn]) await expect(nodeById(page, "reason")).toHaveCount(0);

    // Finn's words were never saved to the map, but they are not lost.
    const kept = notice(finn, "Eve deleted this node while you were typing. Your text is kept here.");
    await expect(kept).toBeVisible();
    await expect(kept.getByTestId("notice-kept-text")).toHaveText("Phones distract, and the research on attention shows it");
    await expectAccessible(finn);
    await kept.getByRole("button", { name: "Put my text back" }).click();
    for (const page of [finn, eve]) {
      await expect(nodeText(page, "reason")).toHaveText("Phones distract, and the research on attention shows it");
      await expect(edgeLabels(page)).toHaveCount(1);
    }
    // Eve's undo of her delete does not bring back the node without Finn's words.
    await eve.keyboard.press("Control+z");
    await expectSaved(eve);
    await expectSaved(finn);
    await expect(nodeText(eve, "reason")).toHaveText("Phones distract, and the research on attention shows it");
    const server = await fetchMap(request, token);
    expect(server.nodes.find((n) => n.id === "reason")?.text).toBe("Phones distract, and the research on attention shows it");
    expect(server.edges.map((e) => e.id)).toEqual(["link"]);
  });

  test("Esc saves what was typed; Shift+Esc or Discard drops it, and an empty new node goes", async ({ browser, baseURL, request }) => {
    const { token } = await createMapViaApi(request, "Esc");
    const { page: ada } = await join(browser, baseURL!, `/m/${token}`, "Ada");
    const { page: ben } = await join(browser, baseURL!, `/m/${token}`, "Ben");
    await waitForEditor(ada, 0);
    await waitForEditor(ben, 0);
    const canvas = (await ada.getByTestId("map-canvas").boundingBox())!;

    await ada.mouse.dblclick(canvas.x + 300, canvas.y + 250);
    await expect(nodesOn(ada)).toHaveCount(1);
    const [id] = await nodeIds(ada);
    await expect(textInput(ada, id!)).toBeFocused();
    await expect(nodeById(ada, id!).getByText("Esc saves")).toBeVisible();
    await ada.keyboard.type("Typed, then Esc");
    await ada.keyboard.press("Escape");
    await expect(nodeText(ada, id!)).toHaveText("Typed, then Esc");
    await expect(nodeText(ben, id!)).toHaveText("Typed, then Esc");

    // Shift+Esc discards this round of typing; the saved text stays.
    await openText(ada, id!);
    await ada.keyboard.type(" and second thoughts");
    await ada.keyboard.press("Shift+Escape");
    await expect(nodeText(ada, id!)).toHaveText("Typed, then Esc");
    // The keyboard is back on the node, as after Esc.
    await expect(ada.locator(`.react-flow__node[data-id="${id}"]`)).toBeFocused();

    // Discard on a new node, and Esc on an empty one: nothing is left behind, for anyone.
    await ada.mouse.dblclick(canvas.x + 700, canvas.y + 500);
    await expect(nodesOn(ada)).toHaveCount(2);
    await ada.keyboard.type("Never mind");
    await ada.getByTestId("node-text-discard").click();
    await expect(nodesOn(ada)).toHaveCount(1);
    await ada.mouse.dblclick(canvas.x + 700, canvas.y + 150);
    await expect(nodesOn(ada)).toHaveCount(2);
    await ada.keyboard.press("Escape");
    await expect(nodesOn(ada)).toHaveCount(1);
    await expectSaved(ada);
    await expect(nodesOn(ben)).toHaveCount(1);
    const server = await fetchMap(request, token);
    expect(server.nodes.map((n) => n.text)).toEqual(["Typed, then Esc"]);
    await expect(nodeText(ada, id!)).toHaveText("Typed, then Esc");
  });

  test("kind and link never contradict silently: a kind change offers to flip the link, and a mismatch is flagged everywhere", async ({ browser, baseURL, request }) => {
    const { token } = await createMapViaApi(request, "Kind and link");
    await postOps(request, token, [
      { type: "addNode", node: node("claim", "claim", "Cities should be car-free", 0, 0) },
      { type: "addNode", node: node("reason", "claim", "", 0, 260) },
      { type: "addEdge", edge: { id: "link", from: "reason", to: "claim", relation: "supports" } },
    ]);
    const { page: ada } = await join(browser, baseURL!, `/m/${token}`, "Ada");
    const { page: ben } = await join(browser, baseURL!, `/m/${token}`, "Ben");
    await waitForEditor(ada, 2);
    await waitForEditor(ben, 2);
    await openText(ada, "reason");
    await ada.keyboard.type("Deliveries need vans");
    await ada.keyboard.press("Enter");
    await expect(nodeById(ada, "reason")).toHaveAttribute("data-selected", "true");

    // Rebuttal, with the link flipped: one step, undone as one.
    await ada.getByTestId("field-node-kind-rebuttal").check();
    await expect(ada.getByTestId("kind-offer")).toContainText("would still say it supports");
    await ada.getByTestId("kind-offer-flip").click();
    await expect(nodeById(ben, "reason")).toHaveAttribute("data-kind", "rebuttal");
    await expect(edgeLabels(ben)).toHaveAttribute("data-relation", "rebuts");
    await expect(edgeLabels(ada)).not.toHaveAttribute("data-mismatch", "true");
    await nodeById(ada, "reason").click();
    await ada.keyboard.press("Control+z");
    await expect(nodeById(ben, "reason")).toHaveAttribute("data-kind", "claim");
    await expect(edgeLabels(ben)).toHaveAttribute("data-relation", "supports");

    // The kind alone: the contradiction is flagged on the canvas, in the panel and in the outline, for everyone.
    await ada.getByTestId("field-node-kind-rebuttal").check();
    await ada.getByTestId("kind-offer-keep").click();
    for (const page of [ada, ben]) {
      await expect(nodeById(page, "reason")).toHaveAttribute("data-kind", "rebuttal");
      await expect(edgeLabels(page)).toHaveAttribute("data-mismatch", "true");
    }
    await expect(ada.locator('[data-testid="link-row"][data-mismatch="true"]')).toContainText("kind and link disagree");
    await ben.getByTestId("view-toggle-outline").click();
    await expect(ben.locator('[data-testid="outline-item"][data-id="reason"]').getByTestId("outline-mismatch")).toBeVisible();
    await expect(ben.locator('[data-testid="outline-item"][data-id="reason"]')).toContainText("Deliveries need vans");
    await expect(nodeText(ada, "reason")).toHaveText("Deliveries need vans");
  });
});
