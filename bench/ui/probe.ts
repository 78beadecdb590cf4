/**
 * Runs in the page (Argumap's map page and the bare React Flow page alike), injected before any of
 * the page's own scripts; bundled to one script by bench/ui/bundle.ts. Neither page knows about it.
 *
 * - `visibleAt`: performance.now() (ms since navigation start) at the first animation frame that
 *   finds every node whose box meets the flow's frame in the DOM *and* shown, on the view the page
 *   settles on (the viewport's transform then stays put for SETTLE_MS; a frame shown before the
 *   camera moves does not count). A node in the DOM has its own box; one that is not (a canvas
 *   that renders only what is in view) has its map position and estimated size, which is what
 *   React Flow goes by before it has measured a node. Bare React Flow renders every node, keeping
 *   each `visibility: hidden` until it has measured it and fitted the view, so there this is the
 *   frame after the one that first paints the map in place.
 * - frames: requestAnimationFrame timestamps between start and stop; the gaps are frame times.
 * - renders: a minimal React DevTools hook (the one React itself calls on every commit, also in
 *   production builds) walks each committed tree's changed part, as DevTools does, and attributes
 *   every function component that rendered to the React Flow node or edge it sits in.
 */
export {};

interface Fiber {
  tag: number;
  flags: number;
  child: Fiber | null;
  sibling: Fiber | null;
  return: Fiber | null;
  alternate: Fiber | null;
  stateNode: unknown;
}

interface Renders {
  commits: number;
  components: number;
  nodes: string[];
  edges: string[];
}

declare global {
  interface Window {
    /** Every node of the map: id, position and estimated size, in map coordinates. */
    uiBenchNodes: [id: string, x: number, y: number, width: number, height: number][];
    uiBench: {
      visibleAt: number | null;
      /** Nodes whose box met the flow's frame in that frame. */
      inView: number;
      waitQuiet(): Promise<void>;
      startFrames(): void;
      stopFrames(): number[];
      startRenders(): void;
      stopRenders(): Renders;
    };
  }
}

const FUNCTION_TAGS = new Set([0, 11, 15]); // function component, forwardRef, simple memo
const HOST_COMPONENT = 5;
const PERFORMED_WORK = 1;

let frameTimes: number[] | null = null;
let renders: { commits: number; components: number; nodes: Set<string>; edges: Set<string> } | null = null;

function recordFrame(time: number): void {
  if (!frameTimes) return;
  frameTimes.push(time);
  requestAnimationFrame(recordFrame);
}

/** How long the viewport must stay put after a frame for that frame to count as the opened map. */
const SETTLE_MS = 500;
let candidate: { time: number; transform: string; inView: number } | null = null;

const overlaps = (a: { left: number; top: number; right: number; bottom: number }, b: DOMRect) =>
  a.right > b.left && a.left < b.right && a.bottom > b.top && a.top < b.bottom;

/**
 * How many nodes meet the flow's frame if every one of them is in the DOM and shown; null if one
 * is missing or hidden, or none is there.
 */
function nodesShownInView(flow: DOMRect, viewport: HTMLElement): number | null {
  const match = /translate\((-?[\d.e+-]+)px, ?(-?[\d.e+-]+)px\) scale\((-?[\d.e+-]+)\)/.exec(viewport.style.transform);
  if (!match) return null;
  const [tx, ty, zoom] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const elements = new Map<string, HTMLElement>();
  for (const element of document.getElementsByClassName("react-flow__node") as HTMLCollectionOf<HTMLElement>) elements.set(element.dataset.id ?? "", element);
  let inView = 0;
  for (const [id, x, y, width, height] of window.uiBenchNodes) {
    const element = elements.get(id);
    if (element) {
      if (!overlaps(element.getBoundingClientRect(), flow)) continue;
      if (element.style.visibility !== "visible") return null;
      inView++;
    } else {
      const left = flow.left + tx + x * zoom;
      const top = flow.top + ty + y * zoom;
      if (overlaps({ left, top, right: left + width * zoom, bottom: top + height * zoom }, flow)) return null;
    }
  }
  return inView > 0 ? inView : null;
}

function watchForNodes(): void {
  const flowElement = document.querySelector(".react-flow");
  const viewport = document.querySelector<HTMLElement>(".react-flow__viewport");
  if (flowElement && viewport) {
    const now = performance.now();
    const transform = viewport.style.transform;
    if (candidate && candidate.transform !== transform) candidate = null;
    if (candidate && now - candidate.time >= SETTLE_MS) {
      window.uiBench.visibleAt = candidate.time;
      window.uiBench.inView = candidate.inView;
      return;
    }
    if (!candidate) {
      const inView = nodesShownInView(flowElement.getBoundingClientRect(), viewport);
      if (inView !== null) candidate = { time: now, transform, inView };
    }
  }
  requestAnimationFrame(watchForNodes);
}

/** The React Flow node or edge (by React's tree, so through portals) a rendered fiber belongs to. */
function attribute(fiber: Fiber, into: NonNullable<typeof renders>): void {
  for (let up = fiber.return; up; up = up.return) {
    if (up.tag !== HOST_COMPONENT || !(up.stateNode instanceof Element)) continue;
    const classes = up.stateNode.classList;
    const id = up.stateNode.getAttribute("data-id");
    if (id && classes.contains("react-flow__node")) return void into.nodes.add(id);
    if (id && classes.contains("react-flow__edge")) return void into.edges.add(id);
  }
}

/** Only subtrees React worked on: a skipped subtree keeps the very same child fibers. */
function countCommit(root: Fiber, into: NonNullable<typeof renders>): void {
  into.commits++;
  const stack: Fiber[] = [root];
  while (stack.length > 0) {
    const fiber = stack.pop()!;
    if (FUNCTION_TAGS.has(fiber.tag) && (fiber.flags & PERFORMED_WORK) !== 0) {
      into.components++;
      attribute(fiber, into);
    }
    if (fiber.child && fiber.child !== fiber.alternate?.child) {
      for (let child: Fiber | null = fiber.child; child; child = child.sibling) stack.push(child);
    }
  }
}

(window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true,
  isDisabled: false,
  renderers: new Map(),
  inject: () => 1,
  checkDCE: () => {},
  onCommitFiberUnmount: () => {},
  onPostCommitFiberRoot: () => {},
  onCommitFiberRoot: (_renderer: number, root: { current: Fiber }) => {
    if (renders) countCommit(root.current, renders);
  },
};

window.uiBench = {
  visibleAt: null,
  inView: 0,
  waitQuiet: () =>
    new Promise((resolve) => {
      // Until 30 frames in a row come at most 25 ms apart (or 4 s have passed): the page is idle.
      const deadline = performance.now() + 4000;
      let previous = 0;
      let calm = 0;
      const check = (time: number) => {
        calm = previous && time - previous <= 25 ? calm + 1 : 0;
        previous = time;
        if (calm >= 30 || time > deadline) resolve();
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    }),
  startFrames: () => {
    frameTimes = [];
    requestAnimationFrame(recordFrame);
  },
  stopFrames: () => {
    const times = frameTimes ?? [];
    frameTimes = null;
    return times.slice(1).map((time, i) => time - times[i]!);
  },
  startRenders: () => {
    renders = { commits: 0, components: 0, nodes: new Set(), edges: new Set() };
  },
  stopRenders: () => {
    const result = renders!;
    renders = null;
    return { commits: result.commits, components: result.components, nodes: [...result.nodes], edges: [...result.edges] };
  },
};

requestAnimationFrame(watchForNodes);
