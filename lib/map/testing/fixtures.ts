/** Small hand-made maps for the example-based tests of lib/map (test code only). */
import { docFromSnapshot, type ArgEdge, type ArgNode, type MapDoc, type Source } from "../types";

export function node(id: string, fields: Partial<ArgNode> = {}): ArgNode {
  return { id, kind: "support", text: `text of ${id}`, speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0, ...fields };
}

export function edge(id: string, from: string, to: string, relation: ArgEdge["relation"] = "supports"): ArgEdge {
  return { id, from, to, relation };
}

export function source(id: string, fields: Partial<Source> = {}): Source {
  return { id, title: `Source ${id}`, publisher: "", author: "", date: "", url: "", text: "", ...fields };
}

export function docOf(parts: { nodes?: ArgNode[]; edges?: ArgEdge[]; sources?: Source[]; title?: string }): MapDoc {
  return deepFreeze(
    docFromSnapshot({
      map: { id: "m", title: parts.title ?? "Alibaba in the US", description: "" },
      nodes: parts.nodes ?? [],
      edges: parts.edges ?? [],
      sources: parts.sources ?? [],
    }),
  );
}

/**
 * A claim with one support (citing source s1) and one rebuttal:
 *   r --rebuts--> c <--supports-- s
 */
export function debate(): MapDoc {
  return docOf({
    sources: [source("s1", { title: "Wall Street Journal op-ed" })],
    nodes: [
      node("c", { kind: "claim", text: "Alibaba Cloud in the US is a security risk", x: 0, y: 0 }),
      node("s", { kind: "support", text: "Its data centres answer to Beijing", sourceId: "s1", quote: "answer to Beijing", x: -100, y: 200 }),
      node("r", { kind: "rebuttal", text: "US customer data stays in US regions", x: 100, y: 200 }),
    ],
    edges: [edge("e1", "s", "c", "supports"), edge("e2", "r", "c", "rebuts")],
  });
}

/** Frozen all the way down, so a test fails loudly if anything mutates a doc in place. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * A reason with two premises and an undercut (docs/structure.md):
 *   p1, p2 --premise--> a --supports ("conc")--> c <--rebuts ("reb")-- r
 *   u --undercuts--> conc          v --undercuts--> reb
 */
export function reasoned(): MapDoc {
  return docOf({
    nodes: [
      node("c", { kind: "claim", text: "Allow Alibaba Cloud in the US", x: 200, y: 0 }),
      node("a", { kind: "argument", text: "Jobs argument", x: 0, y: 200 }),
      node("p1", { text: "It would build data centres", x: -150, y: 420 }),
      node("p2", { kind: "claim", text: "Data centres create jobs", x: 150, y: 420 }),
      node("r", { kind: "rebuttal", text: "It answers to Beijing", x: 400, y: 200 }),
      node("u", { kind: "rebuttal", text: "They employ few once built", x: -350, y: 100 }),
      node("v", { kind: "rebuttal", text: "So do US providers", x: 700, y: 100 }),
    ],
    edges: [
      edge("prem1", "p1", "a", "premise"),
      edge("prem2", "p2", "a", "premise"),
      edge("conc", "a", "c", "supports"),
      edge("reb", "r", "c", "rebuts"),
      edge("under", "u", "conc", "undercuts"),
      edge("under2", "v", "reb", "undercuts"),
    ],
  });
}
