/**
 * The evaluation bench's baseline: the least a grounded labelling can do. Dung's framework only
 * (nodes, and rebuts links as attacks; supports ignored), already in compressed sparse rows of
 * typed arrays, labelled by counting each node's undefeated attackers and passing each decision
 * on once: linear in nodes + attacks, with nothing else.
 */
import type { MapDoc } from "../../lib/map/types";

export interface AttackGraph {
  nodeCount: number;
  /** attacked[offsets[a] .. offsets[a + 1]) are the nodes `a` attacks. */
  offsets: Int32Array;
  attacked: Int32Array;
  attackers: Int32Array;
}

export function attackGraphOf(doc: MapDoc): AttackGraph {
  const ids = Object.keys(doc.nodes);
  const index = new Map(ids.map((id, i) => [id, i]));
  const attacks = Object.values(doc.edges).filter((edge) => edge.relation === "rebuts");
  const offsets = new Int32Array(ids.length + 1);
  const attackers = new Int32Array(ids.length);
  for (const edge of attacks) {
    offsets[index.get(edge.from)! + 1]!++;
    attackers[index.get(edge.to)!]!++;
  }
  for (let i = 0; i < ids.length; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, ids.length);
  const attacked = new Int32Array(attacks.length);
  for (const edge of attacks) attacked[fill[index.get(edge.from)!]!++] = index.get(edge.to)!;
  return { nodeCount: ids.length, offsets, attacked, attackers };
}

/** 1 accepted, 2 defeated, 0 undecided, per node. */
export function groundedBaseline(graph: AttackGraph, labels: Uint8Array, waits: Int32Array, queue: Int32Array): void {
  const { nodeCount, offsets, attacked, attackers } = graph;
  labels.fill(0);
  waits.set(attackers);
  let tail = 0;
  for (let n = 0; n < nodeCount; n++) if (waits[n] === 0) {
    labels[n] = 1;
    queue[tail++] = n;
  }
  for (let head = 0; head < tail; head++) {
    const n = queue[head]!;
    const accepted = labels[n] === 1;
    for (let k = offsets[n]!; k < offsets[n + 1]!; k++) {
      const target = attacked[k]!;
      if (labels[target] !== 0) continue;
      if (accepted) {
        labels[target] = 2;
        queue[tail++] = target;
      } else if (--waits[target]! === 0) {
        labels[target] = 1;
        queue[tail++] = target;
      }
    }
  }
}
