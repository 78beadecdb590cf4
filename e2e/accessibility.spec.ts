/**
 * Accessibility, checked by axe in the light and the dark theme: every page a user reaches
 * (home, editor, read-only viewer, demo, outline view, presentation) has no serious or critical
 * violation, contrast included. A failure lists each rule, why, and where.
 */
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { createMapViaApi, expect, fetchMap, node, postOps, test, tokenOf, waitForEditor } from "./support/editor";

type Axe = Awaited<ReturnType<AxeBuilder["analyze"]>>;

/** One line per rule, with up to five of the elements it failed on. */
function describeViolations(violations: Axe["violations"]): string[] {
  return violations.map((violation) => {
    const where = violation.nodes
      .slice(0, 5)
      .map((found) => `\n    at ${found.target.join(" ")}: ${(found.failureSummary ?? "").replace(/\s+/g, " ").trim()}`)
      .join("");
    const more = violation.nodes.length > 5 ? `\n    …and ${violation.nodes.length - 5} more` : "";
    return `${violation.id} (${violation.impact}): ${violation.help} [${violation.helpUrl}]${where}${more}`;
  });
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(describeViolations(serious)).toEqual([]);
}

const NODES = 8;

interface Links {
  owner: string;
  view: string;
}

/** A small debate with every kind of node, a quote, a source, a reason shared by two claims, a reason of two premises and an undercut. */
async function seededMap(request: APIRequestContext): Promise<Links> {
  const { token, links } = await createMapViaApi(request, "Should phones be banned in schools?");
  await postOps(request, token, [
    { type: "updateMap", patch: { description: "A class debate about phones in lessons." } },
    { type: "addSource", source: { id: "src", title: "Phones in class", publisher: "The Example Times", author: "", date: "", url: "https://example.org/phones", text: "" } },
    { type: "addNode", node: node("claim", "claim", "Phones should be banned in lessons", 0, 0) },
    { type: "addNode", node: node("other", "claim", "Schools should teach phone habits", 400, 0) },
    { type: "addNode", node: { ...node("support", "support", "Notifications break concentration", -200, 220), speaker: "A teacher", sourceId: "src", quote: "Every buzz costs minutes of focus" } },
    { type: "addNode", node: { ...node("rebuttal", "rebuttal", "Phones help students look things up", 200, 220), speaker: "Fu Liang" } },
    { type: "addEdge", edge: { id: "e1", from: "support", to: "claim", relation: "supports" } },
    { type: "addEdge", edge: { id: "e2", from: "rebuttal", to: "claim", relation: "rebuts" } },
    { type: "addEdge", edge: { id: "e3", from: "rebuttal", to: "other", relation: "supports" } },
    // A reason of two premises, and an objection to a link (docs/structure.md).
    { type: "addNode", node: node("reason", "argument", "", 600, 220) },
    { type: "addNode", node: node("p1", "support", "Habits are learnt by doing", 450, 440) },
    { type: "addNode", node: node("p2", "support", "Lessons are where doing happens", 750, 440) },
    { type: "addNode", node: { ...node("objection", "rebuttal", "Focus can be taught with phones present", -500, 120), speaker: "A parent" } },
    { type: "addEdge", edge: { id: "prem1", from: "p1", to: "reason", relation: "premise" } },
    { type: "addEdge", edge: { id: "prem2", from: "p2", to: "reason", relation: "premise" } },
    { type: "addEdge", edge: { id: "e4", from: "reason", to: "other", relation: "supports" } },
    { type: "addEdge", edge: { id: "cut", from: "objection", to: "e1", relation: "undercuts" } },
  ]);
  return { owner: token, view: tokenOf(links.view) };
}

interface Place {
  name: string;
  path(links: Links): string;
  ready(page: Page): Promise<void>;
}

const PLACES: Place[] = [
  { name: "home page", path: () => "/", ready: (page) => expect(page.getByTestId("new-map")).toBeVisible() },
  { name: "editor", path: (links) => `/m/${links.owner}`, ready: (page) => waitForEditor(page, NODES) },
  {
    name: "editor with a node selected",
    path: (links) => `/m/${links.owner}`,
    ready: async (page) => {
      await waitForEditor(page, NODES);
      await page.locator('[data-testid="node"][data-id="rebuttal"]').click();
      await expect(page.getByTestId("side-panel")).toHaveAttribute("data-mode", "node");
    },
  },
  {
    name: "shortcuts dialog",
    path: (links) => `/m/${links.owner}`,
    ready: async (page) => {
      await waitForEditor(page, NODES);
      await page.getByTestId("toolbar-showShortcuts").click();
      await expect(page.getByTestId("shortcuts-dialog")).toBeVisible();
    },
  },
  {
    name: "share dialog",
    path: (links) => `/m/${links.owner}`,
    ready: async (page) => {
      await waitForEditor(page, NODES);
      await page.getByTestId("share-button").click();
      await expect(page.getByTestId("share-dialog")).toBeVisible();
    },
  },
  { name: "read-only viewer", path: (links) => `/m/${links.view}`, ready: (page) => waitForEditor(page, NODES) },
  { name: "demo", path: () => "/m/demo", ready: (page) => expect(page.getByTestId("node").first()).toBeVisible() },
  { name: "outline view", path: (links) => `/m/${links.owner}?view=outline`, ready: (page) => expect(page.getByTestId("outline-item")).toHaveCount(9) },
  { name: "viewer's outline view", path: (links) => `/m/${links.view}?view=outline`, ready: (page) => expect(page.getByTestId("outline-item")).toHaveCount(9) },
  { name: "presentation", path: (links) => `/m/${links.owner}/present`, ready: (page) => expect(page.getByTestId("present-stage")).toBeVisible() },
  { name: "join page", path: () => "/join", ready: (page) => expect(page.getByTestId("join-code")).toBeFocused() },
];

let links: Links | null = null;

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    for (const place of PLACES) {
      test(`the ${place.name} has no serious or critical accessibility violations`, async ({ page, request }) => {
        links ??= await seededMap(request);
        // Reduced motion as well: axe must not measure colours halfway through a transition.
        await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
        await page.goto(place.path(links));
        await place.ready(page);
        await expectNoSeriousViolations(page);
      });
    }
  });
}

/**
 * axe leaves the canvas's text unverified ("background could not be determined": React Flow stacks
 * its layers), so measure it here: each text's colour against the background under it (and, in a
 * claim, against the tinted band of its header too).
 */
async function canvasContrastFailures(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const context = document.createElement("canvas").getContext("2d")!;
    const rgba = (color: string): [number, number, number, number] => {
      context.fillStyle = "#000";
      context.fillStyle = color;
      const value = context.fillStyle;
      if (value.startsWith("#")) return [1, 3, 5].map((at) => parseInt(value.slice(at, at + 2), 16)).concat(1) as [number, number, number, number];
      const [r, g, b, a] = value.replace(/[^\d.,]/g, "").split(",").map(Number);
      return [r!, g!, b!, a ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const [lr, lg, lb] = [r!, g!, b!].map((channel) => {
        const c = channel / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * lr! + 0.7152 * lg! + 0.0722 * lb!;
    };
    const ratio = (a: number[], b: number[]) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (light! + 0.05) / (dark! + 0.05);
    };
    const backgroundOf = (element: Element): string => {
      for (let at: Element | null = element; at; at = at.parentElement) {
        const color = getComputedStyle(at).backgroundColor;
        if (rgba(color)[3] > 0) return color;
      }
      return "#ffffff";
    };
    const claimBand = getComputedStyle(document.documentElement).getPropertyValue("--claim-soft").trim();
    const failures: string[] = [];
    const texts = [...document.querySelectorAll(".react-flow__node *, .arg-edge-label, .arg-edge-label *")].filter((element) =>
      [...element.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim()),
    );
    for (const element of texts) {
      const foreground = rgba(getComputedStyle(element).color);
      const backgrounds = [backgroundOf(element), ...(element.closest(".arg-node--claim") ? [claimBand] : [])];
      for (const background of backgrounds) {
        const measured = ratio(foreground, rgba(background));
        if (measured < 4.5) failures.push(`${element.className || element.tagName} “${element.textContent!.trim().slice(0, 30)}”: ${measured.toFixed(2)}:1 on ${background}`);
      }
    }
    return texts.length === 0 ? ["no text found on the canvas"] : failures;
  });
}

test("text on the canvas keeps AA contrast in both themes", async ({ page, request }) => {
  links ??= await seededMap(request);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    await page.goto(`/m/${links.owner}`);
    await waitForEditor(page, NODES);
    expect(await canvasContrastFailures(page), `${colorScheme} theme`).toEqual([]);
  }
});

test("the dark theme follows the system setting", async ({ page }) => {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const light = await background();
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(background).not.toBe(light);
});

test("with reduced motion asked for, nothing on the page transitions", async ({ page, request }) => {
  links ??= await seededMap(request);
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(`/m/${links.owner}`);
  await waitForEditor(page, NODES);
  const durations = await page.evaluate(() =>
    [...document.querySelectorAll(".button, .arg-node, .tool")].map((element) => getComputedStyle(element).transitionDuration),
  );
  expect(durations.length).toBeGreaterThan(0);
  expect(new Set(durations.flatMap((duration) => duration.split(", ")))).toEqual(new Set(["0s"]));
});

test("nodes and links have names a screen reader can read", async ({ page, request }) => {
  links ??= await seededMap(request);
  await page.goto(`/m/${links.view}`);
  await waitForEditor(page, NODES);
  await expect(page.locator('.react-flow__node[data-id="rebuttal"]')).toHaveAttribute("aria-label", "Rebuttal by Fu Liang: Phones help students look things up");
  await expect(page.locator('.react-flow__edge[data-id="e2"]')).toHaveAttribute("aria-label", /^Rebuttal “Phones help students look things up” rebuts Claim “Phones should be banned in lessons”$/);
  await expect(page.locator('.react-flow__edge[data-id="cut"]')).toHaveAttribute(
    "aria-label",
    "Undercut by A parent: “Focus can be taught with phones present” undercuts the link “Notifications break concentration” supports “Phones should be banned in lessons”",
  );
  await expect(page.locator('.react-flow__edge[data-id="prem1"]')).toHaveAttribute("aria-label", /^Premise: “Habits are learnt by doing” is a premise of “Habits are learnt.* \+ Lessons are where/);
  await expect(page.locator('.react-flow__node[data-id="reason"]')).toHaveAttribute("aria-label", "Argument: a reason from Habits are learnt by doing + Lessons are where doing happens");
  // The outline says the relation in words, with who said it and their words.
  await page.goto(`/m/${links.view}?view=outline`);
  const supportLine = page.locator('[data-testid="outline-item"][data-id="support"]');
  await expect(supportLine).toHaveAttribute("data-relation", "supports");
  await expect(supportLine).toHaveAccessibleName(
    "Supports Notifications break concentration — A teacher “Every buzz costs minutes of focus” — Phones in class, The Example Times",
  );
  const snapshot = await fetchMap(page.request, links.view);
  expect(snapshot.role).toBe("view");
});
