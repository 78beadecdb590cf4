/**
 * The hostile import files of the abuse report (issue 12), shared by the tests and the abuse
 * bench: each one once froze or exhausted the server. Deterministic, so every run sends the same.
 */

/** "a", 80,000 spaces, "x" (78 kB): a trailing-space regex scanned the spaces once per space. */
export function trailingSpaceArgdown(spaces = 80_000): string {
  return `a${" ".repeat(spaces)}x`;
}

/** "[" repeated with no "]" (a title scan per bracket), and a data-block comment scan per space. */
export function unclosedBracketsArgdown(count = 80_000): string {
  return `${"[".repeat(count)}\n${"a {k: v".padEnd(count, " ")}x\n`;
}

/**
 * 5,000 statements and 15,000 relations (≈ 425 kB): within every count limit, and laid out in
 * layers its links span hundreds of layers (a tangle rather than a tree). Each statement is a
 * paragraph of its own, as Argdown wants: without the blank line the next "[s…]:" would be read
 * as more of the relation above it.
 */
export function tangledArgdown(statements = 5_000, reasonsEach = 3): string {
  const lines: string[] = [];
  for (let i = 1; i <= statements; i++) {
    lines.push(`[s${i}]: Statement ${i} of a generated debate that is tangled on purpose`);
    for (let k = 1; k <= reasonsEach; k++) {
      const target = ((i * 7_919 + k * 104_729) % statements) + 1;
      lines.push(`  ${k % 2 === 0 ? "-" : "+"} [s${target}]`);
    }
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}

/** One RA node between 2,500 premises and 2,500 conclusions (≈ 430 kB): 6.25 million premise–conclusion pairs. */
export function fanOutAif(premises = 2_500, conclusions = 2_500): { nodes: object[]; edges: object[]; locutions: object[] } {
  const nodes: object[] = [{ nodeID: "ra", type: "RA", text: "Default Inference" }];
  const edges: object[] = [];
  for (let i = 0; i < premises; i++) {
    nodes.push({ nodeID: `p${i}`, type: "I", text: `Premise ${i}` });
    edges.push({ edgeID: `ep${i}`, fromID: `p${i}`, toID: "ra" });
  }
  for (let i = 0; i < conclusions; i++) {
    nodes.push({ nodeID: `c${i}`, type: "I", text: `Conclusion ${i}` });
    edges.push({ edgeID: `ec${i}`, fromID: "ra", toID: `c${i}` });
  }
  return { nodes, edges, locutions: [] };
}
