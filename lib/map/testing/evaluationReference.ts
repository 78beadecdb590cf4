/**
 * Reference evaluations (test code only), written straight from the rules in docs/structure.md
 * with no regard for speed, to check lib/map/evaluation against:
 *
 * - grounded: every labelling of the nodes is tried; the links' labels follow from the nodes'
 *   (an undercut from its source, then every other link from its source and undercuts); the
 *   complete labellings are those where every node's label is what the rules give it; the grounded
 *   labelling is the complete one that decides least (what it decides, every other decides alike).
 * - DF-QuAD: every equation evaluated from the previous round's values until nothing moves.
 */
import { baseScoreOf, type Assumption, type EvaluatedLink, type EvaluatedMap, type EvaluatedNode, type Label } from "../evaluation/input";

type Code = "in" | "out" | "undec";
const LABEL: Record<Code, Label> = { in: "accepted", out: "defeated", undec: "undecided" };

/** A map from lists, keyed by id. */
export function mapOf(nodes: EvaluatedNode[], links: EvaluatedLink[] = []): EvaluatedMap {
  return { nodes: Object.fromEntries(nodes.map((n) => [n.id, n])), edges: Object.fromEntries(links.map((l) => [l.id, l])) };
}

function linkLabels(map: EvaluatedMap, nodeLabel: Map<string, Code>): Map<string, Code> {
  const links = Object.values(map.edges);
  const labels = new Map<string, Code>();
  // Undercuts are decided by their source alone (nothing undercuts an undercut in these maps).
  for (const link of links) if (link.relation === "undercuts") labels.set(link.id, nodeLabel.get(link.from)!);
  for (const link of links) {
    if (link.relation === "undercuts") continue;
    const source = nodeLabel.get(link.from)!;
    const undercuts = links.filter((u) => u.relation === "undercuts" && u.to === link.id).map((u) => labels.get(u.id)!);
    const label: Code =
      source === "out" || undercuts.includes("in") ? "out" : source === "in" && undercuts.every((u) => u === "out") ? "in" : "undec";
    labels.set(link.id, label);
  }
  return labels;
}

function ruleFor(map: EvaluatedMap, node: EvaluatedNode, links: Map<string, Code>): Code {
  const into = Object.values(map.edges).filter((l) => l.to === node.id);
  const attacks = into.filter((l) => l.relation === "rebuts").map((l) => links.get(l.id)!);
  const premises = node.kind === "argument" ? into.filter((l) => l.relation === "premise").map((l) => links.get(l.id)!) : [];
  if (attacks.includes("in") || premises.includes("out")) return "out";
  if (attacks.every((a) => a === "out") && premises.every((p) => p === "in")) return "in";
  return "undec";
}

/** Every complete labelling of the nodes (links follow from them), by brute force. */
export function completeLabellings(map: EvaluatedMap, assumptions: ReadonlyMap<string, Assumption> = new Map()): Map<string, Code>[] {
  const nodes = Object.values(map.nodes);
  const codes: Code[] = ["in", "out", "undec"];
  const found: Map<string, Code>[] = [];
  for (let k = 0; k < 3 ** nodes.length; k++) {
    const labelling = new Map<string, Code>();
    let rest = k;
    for (const node of nodes) {
      labelling.set(node.id, codes[rest % 3]!);
      rest = Math.floor(rest / 3);
    }
    const links = linkLabels(map, labelling);
    const complete = nodes.every((node) => {
      const assumed = assumptions.get(node.id);
      if (assumed) return labelling.get(node.id) === (assumed === "accept" ? "in" : "out");
      return labelling.get(node.id) === ruleFor(map, node, links);
    });
    if (complete) found.push(labelling);
  }
  return found;
}

/**
 * The grounded labelling by brute force: the least complete labelling, the one that decides least
 * (its accepted and its defeated nodes are accepted and defeated in every complete labelling).
 * With undercuts, the accepted set alone does not single it out: a node can be defeated in one
 * complete labelling and undecided in another with the same accepted nodes.
 */
export function bruteForceGrounded(map: EvaluatedMap, assumptions?: ReadonlyMap<string, Assumption>): Record<string, Label> {
  const complete = completeLabellings(map, assumptions);
  const decided = (labelling: Map<string, Code>) => [...labelling].filter(([, code]) => code !== "undec");
  const least = complete.filter((candidate) => complete.every((other) => decided(candidate).every(([id, code]) => other.get(id) === code)));
  if (least.length !== 1) throw new Error(`expected exactly one least complete labelling, found ${least.length} of ${complete.length}`);
  return Object.fromEntries([...least[0]!].map(([id, code]) => [id, LABEL[code]]));
}

/** DF-QuAD by plain iteration of its equations; `converged` false if still moving after `rounds`. */
export function referenceDfQuad(
  map: EvaluatedMap,
  { rounds = 10_000, tolerance = 1e-13, assumptions = new Map() }: { rounds?: number; tolerance?: number; assumptions?: ReadonlyMap<string, Assumption> } = {},
): { strengths: Record<string, number>; converged: boolean } {
  const nodes = Object.values(map.nodes);
  const links = Object.values(map.edges);
  let nodeValue = new Map(nodes.map((n) => [n.id, baseScoreOf(n)]));
  let linkValue = new Map(links.map((l) => [l.id, baseScoreOf(map.nodes[l.from]!)]));
  const aggregate = (values: number[]) => 1 - values.reduce((kept, v) => kept * (1 - v), 1);
  for (let round = 0; round < rounds; round++) {
    const nextLinks = new Map<string, number>();
    for (const link of links) {
      const undercuts = links.filter((u) => u.relation === "undercuts" && u.to === link.id).map((u) => linkValue.get(u.id)!);
      nextLinks.set(link.id, nodeValue.get(link.from)! * (1 - aggregate(undercuts)));
    }
    const nextNodes = new Map<string, number>();
    for (const node of nodes) {
      const into = links.filter((l) => l.to === node.id);
      const of = (relation: string) => into.filter((l) => l.relation === relation).map((l) => linkValue.get(l.id)!);
      const [attack, support, base] = [aggregate(of("rebuts")), aggregate(of("supports")), baseScoreOf(node)];
      let value = attack >= support ? base - base * (attack - support) : base + (1 - base) * (support - attack);
      if (node.kind === "argument") value = Math.min(value, ...of("premise"));
      const assumed = assumptions.get(node.id);
      nextNodes.set(node.id, assumed === "accept" ? 1 : assumed === "reject" ? 0 : value);
    }
    const moved = Math.max(0, ...links.map((l) => Math.abs(nextLinks.get(l.id)! - linkValue.get(l.id)!)), ...nodes.map((n) => Math.abs(nextNodes.get(n.id)! - nodeValue.get(n.id)!)));
    nodeValue = nextNodes;
    linkValue = nextLinks;
    if (moved <= tolerance) return { strengths: Object.fromEntries(nodeValue), converged: true };
  }
  return { strengths: Object.fromEntries(nodeValue), converged: false };
}
