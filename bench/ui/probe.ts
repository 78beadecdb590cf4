/**
 * Runs in the page (Argumap's map page and the bare React Flow page alike), injected before any of
 * the page's own scripts; bundled to one script by bench/ui/bundle.ts. Neither page knows about it.
 *
 * - `visibleAt`: performance.now() (ms since navigation start) at the first animation frame that
 *   finds all of the map's nodes in the DOM *and* shown. React Flow keeps a node
 *   `visibility: hidden` until it has measured it, and fits the view in the same update, so this
 *   is the frame after the one that first paints the whole map in place.
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
    uiBenchExpectedNodes: number;
    uiBench: {
      visibleAt: number | null;
      /** Nodes whose box meets the flow's box in that frame. */
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

function watchForNodes(): void {
  const elements = document.getElementsByClassName("react-flow__node") as HTMLCollectionOf<HTMLElement>;
  if (elements.length >= window.uiBenchExpectedNodes && [...elements].every((element) => element.style.visibility === "visible")) {
    window.uiBench.visibleAt = performance.now();
    const flow = document.querySelector(".react-flow")!.getBoundingClientRect();
    window.uiBench.inView = [...elements].filter((element) => {
      const box = element.getBoundingClientRect();
      return box.right > flow.left && box.left < flow.right && box.bottom > flow.top && box.top < flow.bottom;
    }).length;
    return;
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
