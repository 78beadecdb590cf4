/** axe: no serious or critical violation, each failure listed with its rule and where it is. */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export async function expectNoSeriousViolations(page: Page, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const results = await builder.analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  const described = serious.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}` +
      violation.nodes
        .slice(0, 5)
        .map((found) => `\n    at ${found.target.join(" ")}: ${(found.failureSummary ?? "").replace(/\s+/g, " ").trim()}`)
        .join(""),
  );
  expect(described).toEqual([]);
}
