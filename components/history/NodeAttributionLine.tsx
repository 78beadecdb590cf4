"use client";
/** "Created by Ada, 5 min ago · last changed by Ben, just now", under a node's kind in the side panel. */
import "./history.css";
import { useNodeAttribution } from "./AttributionContext";
import { personName, timeAgo } from "./time";

export function NodeAttributionLine({ nodeId }: { nodeId: string }) {
  const entry = useNodeAttribution(nodeId);
  if (!entry) return null;
  const changed = entry.changedAt && entry.changedAt !== entry.createdAt;
  return (
    <p className="attribution" data-testid="node-attribution">
      Created by {personName(entry.createdBy)}
      {entry.createdAt && `, ${timeAgo(entry.createdAt)}`}
      {changed && ` · last changed by ${personName(entry.changedBy)}, ${timeAgo(entry.changedAt)}`}
    </p>
  );
}
