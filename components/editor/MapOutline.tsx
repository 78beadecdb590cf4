/**
 * The map as nested lists: each top-level claim with the reasons for and against it. Rendered on
 * the server, so a shared link is readable without JavaScript (the page puts it in <noscript>).
 */
import { indexEdges, roots } from "@/lib/map/graph";
import { entryOf } from "@/lib/map/records";
import type { ArgNode, MapDoc } from "@/lib/map/types";
import { KIND_LABEL } from "../kinds";

const MAX_DEPTH = 12;

function OutlineItem({ doc, node, relation, index, seen, depth }: {
  doc: MapDoc;
  node: ArgNode;
  relation?: string;
  index: ReturnType<typeof indexEdges>;
  seen: Set<string>;
  depth: number;
}) {
  const reasons = index.incoming.get(node.id) ?? [];
  const repeated = seen.has(node.id);
  seen.add(node.id);
  const source = node.sourceId === null ? undefined : entryOf(doc.sources, node.sourceId);
  return (
    <li>
      <p>
        <strong>
          {relation ? `${relation[0]!.toUpperCase()}${relation.slice(1)} — ` : ""}
          {KIND_LABEL[node.kind]}
          {node.speaker ? ` (${node.speaker})` : ""}:
        </strong>{" "}
        {node.text}
        {source && <em> — {source.publisher || source.title}</em>}
      </p>
      {node.quote && <blockquote>{node.quote}</blockquote>}
      {!repeated && depth < MAX_DEPTH && reasons.length > 0 && (
        <ul>
          {reasons.map((edge) => {
            const reason = entryOf(doc.nodes, edge.from);
            return reason ? (
              <OutlineItem key={edge.id} doc={doc} node={reason} relation={edge.relation} index={index} seen={seen} depth={depth + 1} />
            ) : null;
          })}
        </ul>
      )}
    </li>
  );
}

export function MapOutline({ doc }: { doc: MapDoc }) {
  const index = indexEdges(doc);
  const seen = new Set<string>();
  const tops = roots(doc);
  return (
    <article className="outline">
      <h1>{doc.meta.title}</h1>
      {doc.meta.description && <p>{doc.meta.description}</p>}
      <ul>
        {tops.map((node) => (
          <OutlineItem key={node.id} doc={doc} node={node} index={index} seen={seen} depth={0} />
        ))}
      </ul>
    </article>
  );
}
