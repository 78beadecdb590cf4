/**
 * Which claims stand, as the server tells it: the whole map evaluated (lib/map/evaluation) for
 * `GET /api/maps/:token/evaluation` and the server-rendered page. One evaluation per map revision
 * is kept, so readers of an unchanged map (a class opening the same link) cost one pass.
 */
import { evaluateMap, type EvaluationReport } from "../map/evaluation/report";
import { docFromSnapshot, type MapSnapshot } from "../map/types";
import { requireSnapshot } from "./maps";
import { processWide } from "./process-wide";

const cache = processWide("evaluation-cache", () => new Map<string, { revision: number; report: EvaluationReport }>());
const CACHE_SIZE = 200;

/** The evaluation of the map a link opens (any role); 404 for an unusable link. */
export async function mapEvaluation(token: string): Promise<EvaluationReport> {
  return evaluationOf((await requireSnapshot(token)).snapshot);
}

export function evaluationOf(snapshot: MapSnapshot): EvaluationReport {
  const cached = cache.get(snapshot.map.id);
  if (cached && cached.revision === snapshot.revision) return cached.report;
  const report = evaluateMap(docFromSnapshot(snapshot));
  cache.delete(snapshot.map.id);
  cache.set(snapshot.map.id, { revision: snapshot.revision, report });
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return report;
}
