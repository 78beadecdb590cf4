import { describe, expect, it } from "vitest";
import { guessSpeaker } from "./speaker";

/** The speaker guessed for the words between the brackets. */
function speakerOf(marked: string): string {
  const start = marked.indexOf("[");
  const end = marked.indexOf("]") - 1;
  return guessSpeaker(marked.replace("[", "").replace("]", ""), start, end);
}

describe("guessing who is quoted", () => {
  it("reads a name after the words and a verb of saying", () => {
    expect(speakerOf('"[The ban changes nothing]," said Mira Okafor, a trade lawyer.')).toBe("Mira Okafor");
  });

  it("reads a name followed by a verb of saying, even with a description between commas", () => {
    expect(speakerOf('"[The ban changes nothing]," Mira Okafor told reporters.')).toBe("Mira Okafor");
    expect(speakerOf('"[The ban changes nothing]," Mira Okafor, a trade lawyer, said on Monday.')).toBe("Mira Okafor");
  });

  it("reads a name right before the words", () => {
    expect(speakerOf("Okafor said that [the ban changes nothing].")).toBe("Okafor");
    expect(speakerOf('Mira Okafor: "[The ban changes nothing]."')).toBe("Mira Okafor");
  });

  it("reads a source given with 'according to'", () => {
    expect(speakerOf("[Revenue fell by a third], according to Harbour Analytics.")).toBe("Harbour Analytics");
  });

  it("follows 'she said' back to the person last named as saying something", () => {
    expect(speakerOf('Dana Whitfield spoke first. Whitfield noted the risk. "[We were warned]," she said.')).toBe("Whitfield");
  });

  it("keeps the name of a long title short", () => {
    expect(speakerOf('"[We will expand abroad]," said Cloud President Simon Hale.')).toBe("Simon Hale");
  });

  it("guesses nothing when the prose names no one", () => {
    expect(speakerOf("The weather was fine. [Prices rose again] in May.")).toBe("");
    expect(speakerOf('"[We were warned]," she said.')).toBe("");
  });
});
