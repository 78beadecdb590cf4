/** An AIF file with a dialogue layer, for the round-trip tests of lib/map and lib/server. */
export type Item = Record<string, unknown> & { nodeID: string | number; type: string; text: string };
export interface AifFile {
  nodes: Item[];
  edges: { fromID: string | number; toID: string | number }[];
  locutions: Record<string, unknown>[];
  participants: Record<string, unknown>[];
}

const at = "2024-05-01 10:00:00";
/** A short radio debate as OVA saves it (constructed for these tests): a linked argument, a rebuttal, an undercut, and who said what, when. */
export const DEBATE: AifFile = {
  nodes: [
    { nodeID: 1, text: "Sugar should be taxed", type: "I" },
    { nodeID: 2, text: "Sugar harms teeth", type: "I" },
    { nodeID: 3, text: "Dentists see more decay", type: "I" },
    { nodeID: 4, text: "Taxes hurt the poor most", type: "I" },
    { nodeID: 6, text: "Decay has other causes too", type: "I" },
    { nodeID: 10, text: "Argument From Consequences", type: "RA" },
    { nodeID: 11, text: "Default Conflict", type: "CA" },
    { nodeID: 12, text: "Default Conflict", type: "CA" },
    { nodeID: 20, text: "Ada Lovelace : Sugar should be taxed", type: "L", timestamp: at },
    { nodeID: 21, text: "Asserting", type: "YA" },
    { nodeID: 22, text: "Ada Lovelace : Sugar harms teeth and dentists see more decay", type: "L", timestamp: at },
    { nodeID: 23, text: "Asserting", type: "YA" },
    { nodeID: 24, text: "Default Transition", type: "TA" },
    { nodeID: 25, text: "Arguing", type: "YA" },
    { nodeID: 26, text: "Bob: Taxes hurt the poor most", type: "L" },
    { nodeID: 27, text: "Asserting", type: "YA" },
    { nodeID: 28, text: "Default Transition", type: "TA" },
    { nodeID: 29, text: "Disagreeing", type: "YA" },
    { nodeID: 30, text: "Bob: Decay has other causes too", type: "L" },
    { nodeID: 31, text: "Asserting", type: "YA" },
    { nodeID: 32, text: "Default Transition", type: "TA" },
    { nodeID: 33, text: "Undercutting", type: "YA" },
  ],
  edges: [
    [2, 10], [3, 10], [10, 1], [4, 11], [11, 1], [6, 12], [12, 10],
    [20, 21], [21, 1], [22, 23], [23, 2], [23, 3], [20, 24], [24, 22], [24, 25], [25, 10],
    [26, 27], [27, 4], [22, 28], [28, 26], [28, 29], [29, 11],
    [30, 31], [31, 6], [26, 32], [32, 30], [32, 33], [33, 12],
  ].map(([fromID, toID]) => ({ fromID: fromID!, toID: toID! })),
  locutions: [
    { nodeID: 20, personID: 1, start: at, end: null, source: "Radio 4" },
    { nodeID: 22, personID: 1, start: at },
    { nodeID: 26, personID: 2 },
    { nodeID: 30, personID: 2 },
  ],
  participants: [
    { participantID: 1, firstname: "Ada", surname: "Lovelace" },
    { participantID: 2, firstname: "Bob", surname: "" },
  ],
};
export const DIALOGUE_NODES = 14;

/** The same file with string ids and no wrapper, as AIFdb writes it. */
export const withStringIds = (file: AifFile): AifFile => ({
  nodes: file.nodes.map((node) => ({ ...node, nodeID: String(node.nodeID) })),
  edges: file.edges.map((edge) => ({ fromID: String(edge.fromID), toID: String(edge.toID) })),
  locutions: file.locutions.map((locution) => ({ ...locution, nodeID: String(locution.nodeID) })),
  participants: file.participants,
});

