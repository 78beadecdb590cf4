import { describe, expect, it } from "vitest";
import { htmlToText } from "./htmlText";

describe("HTML reduced to its text", () => {
  it("keeps the prose, with paragraphs and line breaks as a reader sees them", () => {
    const page = `<!doctype html><html><head><title>Cloud   review</title><style>p { color: red }</style></head>
      <body><h1>Alibaba Cloud under review</h1>
      <p>The review   looks at
         <em>where</em> data is stored.</p>
      <p>Line one<br>line two</p>
      <ul><li>first</li><li>second</li></ul></body></html>`;
    expect(htmlToText(page)).toEqual({
      title: "Cloud review",
      text: "Alibaba Cloud under review\n\nThe review looks at where data is stored.\n\nLine one\nline two\n\nfirst\nsecond",
    });
  });

  it("drops scripts, styles, navigation and forms, and keeps their text out", () => {
    const page = `<nav><a href="/">Home</a></nav><script>window.pwned = "<p>hi</p>"</script><p>Kept</p>
      <noscript><p>Enable JS</p></noscript><form><button>Subscribe</button></form><template><p>hidden</p></template>`;
    expect(htmlToText(page).text).toBe("Kept");
  });

  it("decodes entities and keeps markup-looking text as text", () => {
    expect(htmlToText("<p>Fish &amp; chips &lt;b&gt;not bold&lt;/b&gt; &#8220;quoted&#8221; &nbsp;&hellip;</p>").text).toBe(
      "Fish & chips <b>not bold</b> “quoted” \u00a0…",
    );
  });

  it("keeps the white space of preformatted text", () => {
    expect(htmlToText("<p>Before</p><pre>a  b\n  c</pre><p>After</p>").text).toBe("Before\n\na  b\n  c\n\nAfter");
  });

  it("takes the first heading as the title when the page has no <title>", () => {
    expect(htmlToText("<h2>Heading</h2><p>Body</p>").title).toBe("Heading");
  });

  it("survives broken markup: unclosed tags, stray closers, an unterminated comment", () => {
    expect(htmlToText("<p>One<div>Two</span></p><p>Three<!-- never closed").text).toBe("One\n\nTwo\n\nThree");
  });

  it("reads deeply nested markup without recursion", () => {
    const deep = `${"<div>".repeat(50_000)}deep${"</div>".repeat(50_000)}`;
    expect(htmlToText(deep).text).toBe("deep");
  });
});
