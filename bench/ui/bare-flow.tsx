/**
 * The baseline page: bare React Flow given the map's nodes and edges, default node and edge
 * types, the controlled-flow pattern of React Flow's docs (so a drag updates React state as ours
 * does), opening on the same view as our canvas (its main claim, lib/map/openingView). Bundled by bench/ui/bundle.ts; the map comes
 * inlined in the HTML, as our server-rendered page inlines its snapshot.
 */
import "@xyflow/react/dist/style.css";
import { applyNodeChanges, ReactFlow, type Edge, type Node, type NodeChange } from "@xyflow/react";
import { useCallback, useState } from "react";
import { createRoot } from "react-dom/client";
import { OPENING_MAX_ZOOM, OPENING_PADDING, readableZoom } from "../../components/editor/viewport";
import type { ArgumapJson } from "../../lib/map/exchange/json";
import { estimateNodeSize } from "../../lib/map/layout";
import { frameOn, mainClaims } from "../../lib/map/openingView";
import { docFromSnapshot } from "../../lib/map/types";

const map = JSON.parse(document.getElementById("map")!.textContent!) as ArgumapJson;
const initialNodes: Node[] = map.nodes.map((node) => ({ id: node.id, position: { x: node.x, y: node.y }, data: { label: node.text } }));
const edges: Edge[] = map.edges.map((edge) => ({ id: edge.id, source: edge.from, target: edge.to }));
// The same size as our canvas (the bench passes it), so both fit the same view.
const size = new URLSearchParams(location.search);
const [width, height] = [Number(size.get("width") ?? 1400), Number(size.get("height") ?? 900)];
const doc = docFromSnapshot({ map: { id: "bench", title: "", description: "" }, nodes: map.nodes, edges: map.edges, sources: [] });
const boxOf = (id: string) => {
  const node = doc.nodes[id]!;
  return { x: node.x, y: node.y, ...estimateNodeSize(node) };
};
const main = mainClaims(doc)[0]!;
const reasons = map.edges.filter((edge) => edge.to === main).map((edge) => boxOf(edge.from));
const opening = frameOn(boxOf(main), reasons, { width, height, readableZoom: readableZoom(width), maxZoom: OPENING_MAX_ZOOM, padding: OPENING_PADDING });

function BareFlow() {
  const [nodes, setNodes] = useState(initialNodes);
  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((current) => applyNodeChanges(changes, current)), []);
  return (
    <div style={{ width: `${width}px`, height: `${height}px` }}>
      <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} minZoom={0.1} maxZoom={2} defaultViewport={opening} />
    </div>
  );
}

createRoot(document.getElementById("root")!).render(<BareFlow />);
