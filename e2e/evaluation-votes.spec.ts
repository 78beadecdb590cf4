/**
 * The room's votes set base scores: while the owner presents, the room votes on the claim's step;
 * in the presenter's window one button turns the agree share into the claim's base score, saved
 * in the map for everyone, and the claim's strength follows.
 */
import AxeBuilder from "@axe-core/playwright";
import { createMapViaApi, expect, node, postOps, test } from "./support/editor";

test("the presenter sets base scores from the room's votes, and the strengths follow", async ({ page, request }) => {
  const { token } = await createMapViaApi(request, "Is Alibaba Cloud a risk?");
  await postOps(request, token, [
    { type: "addNode", node: node("claim", "claim", "Alibaba Cloud is a security risk", 0, 0) },
    { type: "addNode", node: { ...node("leak", "rebuttal", "No evidence any data reached Beijing", 0, 260), speaker: "Fu Liang" } },
    { type: "addEdge", edge: { id: "e1", from: "leak", to: "claim", relation: "rebuts" } },
  ]);
  await page.goto(`/m/${token}/present`);
  await expect(page.getByTestId("lead-status")).toHaveAttribute("data-status", "leading");

  // Two people agree with the claim's step, one disagrees, one is unsure (who abstains).
  for (const [voterId, vote] of [["voter-aaaa", "agree"], ["voter-bbbb", "agree"], ["voter-cccc", "disagree"], ["voter-dddd", "unsure"]]) {
    const answer = await request.post(`/api/maps/${token}/reactions`, { data: { voterId, step: 0, vote } });
    expect(answer.status()).toBe(204);
  }

  const presenter = await page.context().newPage();
  await presenter.goto(`/m/${token}/present?presenter=1`);
  const room = presenter.getByTestId("presenter-room");
  await expect(room.getByTestId("tally")).toHaveAttribute("data-unsure", "1");
  await room.getByTestId("votes-to-scores").click();
  await expect(room.getByTestId("votes-to-scores-status")).toHaveText("Set 1 point’s base score from the votes.");

  // Saved in the map (2 of the 3 decided votes agree: 67%), and the evaluation starts from it.
  await expect.poll(async () => (await (await request.get(`/api/maps/${token}`)).json()).nodes.find((n: { id: string }) => n.id === "claim").baseScore).toBe(0.67);
  const evaluation = await (await request.get(`/api/maps/${token}/evaluation`)).json();
  expect(evaluation.strengths.claim).toBeCloseTo(0.67 - 0.67 * 0.5, 6);
  const results = await new AxeBuilder({ page: presenter }).include('[data-testid="presenter-room"]').analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});
