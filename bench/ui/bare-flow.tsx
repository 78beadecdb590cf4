/**
 * The baseline page: bare React Flow given the map's nodes and edges, default node and edge
 * types, the controlled-flow pattern of React Flow's docs (so a drag updates React state as ours
 * does), and the same view options as our canvas. Bundled by bench/ui/bundle.ts; the map comes
 * inlined in the HTML, as our server-rendered page inlines its snapshot.
 */
import "@xyflow/react/dist/style.css";
import { applyNodeChanges, ReactFlow, type Edge, type Node, type NodeChange } from "@xyflow/react";
import { useCallback, useState } from "react";
import { createRoot } from "react-dom/client";
import { INITIAL_VIEW_OPTIONS } from "../../components/editor/viewport";
import type { ArgumapJson } from "../../lib/map/exchange/json";

const map = JSON.parse(document.getElementById("map")!.textContent!) as ArgumapJson;
const initialNodes: Node[] = map.nodes.map((node) => ({ id: node.id, position: { x: node.x, y: node.y }, data: { label: node.text } }));
const edges: Edge[] = map.edges.map((edge) => ({ id: edge.id, source: edge.from, target: edge.to }));
// The same size as our canvas (the bench passes it), so both fit the same view.
const size = new URLSearchParams(location.search);

function BareFlow() {
  const [nodes, setNodes] = useState(initialNodes);
  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((current) => applyNodeChanges(changes, current)), []);
  return (
    <div style={{ width: `${size.get("width") ?? 1400}px`, height: `${size.get("height") ?? 900}px` }}>
      <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} minZoom={0.1} maxZoom={2} fitView fitViewOptions={INITIAL_VIEW_OPTIONS} />
    </div>
  );
}

createRoot(document.getElementById("root")!).render(<BareFlow />);
