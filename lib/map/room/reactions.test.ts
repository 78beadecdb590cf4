import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resultsCsv, tallyOf, tallyTotal, VOTES, type SessionResults } from "./reactions";

describe("tallies", () => {
  it("count each vote once, and total the people who voted", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VOTES)), (votes) => {
        const tally = tallyOf(votes);
        expect(tallyTotal(tally)).toBe(votes.length);
        for (const vote of VOTES) expect(tally[vote]).toBe(votes.filter((other) => other === vote).length);
      }),
    );
  });
});

describe("the results as CSV", () => {
  const results = (question: string): SessionResults => ({
    sessionId: "s",
    mapTitle: "Homework",
    startedAt: "2026-12-07T09:00:00.000Z",
    endedAt: null,
    leader: "Ms Rivera",
    steps: [{ step: 0, nodeIds: ["c"], texts: ["Homework, should it go?"], tally: { agree: 3, disagree: 1, unsure: 0 }, revealed: true }],
    questions: [{ id: "q", step: 0, name: "Sam", question, at: "2026-12-07T09:05:00.000Z", answered: false }],
  });

  it("has a header, one line per step (numbered from 1) and one per question", () => {
    const lines = resultsCsv(results("Why?")).trimEnd().split("\r\n");
    expect(lines).toEqual([
      "section,step,agree,disagree,unsure,total,revealed,nodes,name,question,at,answered",
      'step,1,3,1,0,4,yes,"Homework, should it go?",,,,',
      "question,1,,,,,,,Sam,Why?,2026-12-07T09:05:00.000Z,no",
    ]);
  });

  it("never lets a question become a spreadsheet formula, and quotes what needs quoting", () => {
    fc.assert(
      fc.property(fc.string(), (question) => {
        const line = resultsCsv(results(question)).split("\r\n")[2]!;
        const cell = line.split(",Sam,")[1]!;
        expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
    expect(resultsCsv(results('=1+1, "two"\nlines'))).toContain(`"'=1+1, ""two""\nlines"`);
  });
});
