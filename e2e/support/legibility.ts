/**
 * Legibility, measured on the page as a person sees it (the e2e checks and `npm run bench` share
 * it): how large node text is on screen, how much of the main claim is in view, and whether any
 * link label or link path sits on a node it does not belong to.
 */
import type { Page } from "@playwright/test";

export interface Legibility {
  zoom: number;
  /** Nodes whose box meets the canvas. */
  nodesInView: number;
  /** The smallest body text (a node's own words) of the nodes in view, in screen pixels. */
  smallestBodyText: number;
  /** The smallest text of any kind in those nodes (kind label, speaker, chips), in screen pixels. */
  smallestNodeText: number;
  /** Share of the main claim's box inside the canvas, 0 to 1. */
  mainClaimInView: number;
  /** Link labels (of all drawn) whose box meets a node's box. */
  labelsOverNodes: number;
  /** Links (of all drawn) whose path runs through a node other than its two ends. */
  linksThroughNodes: number;
  labels: number;
  links: number;
}

/** Measures the canvas as it is now. `mainClaimId`: the node that must be in view. */
export async function measureLegibility(page: Page, mainClaimId: string): Promise<Legibility> {
  return page.evaluate((mainId) => {
    const flow = document.querySelector(".react-flow")!.getBoundingClientRect();
    const viewport = document.querySelector<HTMLElement>(".react-flow__viewport")!;
    const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
    const meets = (a: DOMRect, b: DOMRect) => a.right > b.left && a.left < b.right && a.bottom > b.top && a.top < b.bottom;
    const area = (r: { width: number; height: number }) => Math.max(0, r.width) * Math.max(0, r.height);
    const nodes = [...document.querySelectorAll<HTMLElement>(".react-flow__node")].filter((element) => element.offsetParent !== null);
    const boxes = new Map(nodes.map((element) => [element.dataset.id!, element.getBoundingClientRect()]));
    const inView = nodes.filter((element) => meets(boxes.get(element.dataset.id!)!, flow));

    let smallestBodyText = Infinity;
    let smallestNodeText = Infinity;
    for (const element of inView) {
      for (const body of element.querySelectorAll(".arg-node__text")) smallestBodyText = Math.min(smallestBodyText, parseFloat(getComputedStyle(body).fontSize) * zoom);
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        if (!text.textContent?.trim() || !text.parentElement || text.parentElement.closest("[hidden], .visually-hidden")) continue;
        smallestNodeText = Math.min(smallestNodeText, parseFloat(getComputedStyle(text.parentElement).fontSize) * zoom);
      }
    }

    const main = boxes.get(mainId);
    let mainClaimInView = 0;
    if (main) {
      const inside = { width: Math.min(main.right, flow.right) - Math.max(main.left, flow.left), height: Math.min(main.bottom, flow.bottom) - Math.max(main.top, flow.top) };
      mainClaimInView = area(inside) / area(main);
    }

    const labels = [...document.querySelectorAll<HTMLElement>("[data-testid='edge-label']")];
    const ends = new Map(labels.map((label) => [label.dataset.id!, [label.dataset.from!, label.dataset.to!]]));
    const labelsOverNodes = labels.filter((label) => {
      const box = label.getBoundingClientRect();
      return [...boxes.values()].some((node) => meets(box, node));
    }).length;

    let linksThroughNodes = 0;
    let links = 0;
    for (const group of document.querySelectorAll<SVGGElement>(".react-flow__edge")) {
      const path = group.querySelector<SVGPathElement>("path.react-flow__edge-path");
      const id = group.dataset.id ?? group.getAttribute("data-id") ?? "";
      if (!path || !ends.has(id)) continue;
      links++;
      const [from, to] = ends.get(id)!;
      const matrix = path.getScreenCTM()!;
      const length = path.getTotalLength();
      const others = [...boxes].filter(([nodeId]) => nodeId !== from && nodeId !== to).map(([, box]) => box);
      let through = false;
      for (let at = 0; at <= length && !through; at += 2) {
        const point = new DOMPoint(path.getPointAtLength(at).x, path.getPointAtLength(at).y).matrixTransform(matrix);
        through = others.some((box) => point.x > box.left + 1 && point.x < box.right - 1 && point.y > box.top + 1 && point.y < box.bottom - 1);
      }
      if (through) linksThroughNodes++;
    }
    return {
      zoom,
      nodesInView: inView.length,
      smallestBodyText,
      smallestNodeText,
      mainClaimInView,
      labelsOverNodes,
      linksThroughNodes,
      labels: labels.length,
      links,
    };
  }, mainClaimId);
}

/** Waits until the canvas's viewport has stopped moving (an opening frame, a glide). */
export async function waitForViewToSettle(page: Page): Promise<void> {
  const transform = () => page.locator(".react-flow__viewport").evaluate((element) => (element as HTMLElement).style.transform);
  let before = "";
  for (let tries = 0; tries < 50; tries++) {
    const now = await transform();
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 150)));
    if (now === before && now === (await transform())) return;
    before = now;
  }
  throw new Error("the canvas kept moving");
}
