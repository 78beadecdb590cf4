import { describe, expect, it } from "vitest";
import { LIMITS } from "../limits";
import { cleanSourceText, sourceFileProblem, sourceFromFile, sourceTextProblem } from "./sourceFile";

describe("a source from a file", () => {
  it("reads a text file as it is, titled by its name", () => {
    expect(sourceFromFile("interview notes.txt", "\uFEFFFirst line\r\nSecond line  \r\n\r\n")).toEqual({ ok: true, title: "interview notes", text: "First line\nSecond line" });
  });

  it("titles a Markdown file by its first heading and keeps its text", () => {
    expect(sourceFromFile("notes.md", "# Cloud review\n\nSome *notes*.")).toEqual({ ok: true, title: "Cloud review", text: "# Cloud review\n\nSome *notes*." });
  });

  it("reduces an HTML page to its text and takes its title, running none of it", () => {
    const page = '<html><head><title>Review</title><script>alert(1)</script></head><body><p onclick="x()">Data <b>stays</b> local.</p><img src=x onerror=alert(1)></body></html>';
    expect(sourceFromFile("page.HTML", page)).toEqual({ ok: true, title: "Review", text: "Data stays local." });
  });

  it("refuses other files, big files and binary content with a message that says why", () => {
    expect(sourceFileProblem("scan.pdf", 10)).toMatch(/pick a \.txt, \.md or \.html file/);
    expect(sourceFileProblem("huge.html", 6_000_000)).toMatch(/at most 5 MB/);
    expect(sourceFileProblem("ok.md", 1000)).toBeNull();
    expect(sourceFromFile("photo.txt", "PNG\u0000\u0001")).toEqual({ ok: false, message: expect.stringMatching(/does not look like text/) });
  });

  it("says how long a too-long text is and what the limit is", () => {
    const long = "a".repeat(LIMITS.sourceTextLength + 1);
    expect(sourceTextProblem(long)).toMatch(/100,001 characters long; a source holds at most 100,000/);
    expect(sourceFromFile("long.txt", long)).toEqual({ ok: false, message: sourceTextProblem(long) });
    expect(sourceTextProblem("a".repeat(LIMITS.sourceTextLength))).toBeNull();
  });

  it("cleans text to well-formed plain text", () => {
    expect(cleanSourceText("a\u0007b\ud800c\r\nd\te")).toBe("ab\ufffdc\nd\te");
  });
});
