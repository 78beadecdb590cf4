"use client";
/**
 * The map page's interactive part: the sync client, the canvas, the toolbar, the side panel.
 * It changes the map only through client.dispatch(ops); the rules live in lib/map and lib/actions.
 */
import "@xyflow/react/dist/style.css";
import "./editor.css";
import "./canvas.css";
import { ReactFlowProvider } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { actionById } from "@/lib/actions/registry";
import type { EditorAction } from "@/lib/actions/types";
import type { MapSnapshot, Role } from "@/lib/map/types";
import { entryOf } from "@/lib/map/records";
import { rememberMap } from "@/lib/recent-maps";
import type { SyncClient, SyncState } from "@/lib/sync/client";
import { SidePanel } from "../panel/SidePanel";
import { CopyBanner } from "./CopyBanner";
import { EditorCanvas } from "./EditorCanvas";
import { EditorCommandsProvider, type EditorCommands } from "./EditorCommands";
import { EditorHeader } from "./EditorHeader";
import { Notices, type Notice } from "./Notices";
import { SaveAlert, SaveStatus } from "./SaveStatus";
import { ShortcutsDialog } from "./ShortcutsDialog";
import { Toolbar } from "./Toolbar";
import { useEditorActions } from "./useEditorActions";
import { useEditorKeys } from "./useEditorKeys";
import { useSelection } from "./useSelection";
import { useSyncClient } from "./useSyncClient";

export interface MapEditorProps {
  token: string;
  snapshot: MapSnapshot;
  role: Role;
}

export function MapEditor({ token, snapshot, role }: MapEditorProps) {
  const { client, state } = useSyncClient(token, snapshot, role);

  // Remember this map on the home page's list (the demo has its own button there).
  const title = state.doc.meta.title;
  useEffect(() => {
    if (token !== "demo") rememberMap({ token, title, role });
  }, [token, title, role]);

  return (
    <ReactFlowProvider>
      <Editor token={token} client={client} state={state} />
    </ReactFlowProvider>
  );
}

function focusNode(nodeId: string) {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`)?.focus({ preventScroll: true });
  });
}

function Editor({ token, client, state }: { token: string; client: SyncClient | null; state: SyncState }) {
  const { doc } = state;
  const editable = state.role !== "view";
  const canvas = useRef<HTMLDivElement>(null);
  const { selection, selectedNodeIds, selectedEdgeIds, setSelection, applySelectionChanges, currentSelection } = useSelection(doc);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [localNotices, setLocalNotices] = useState<{ id: number; message: string }[]>([]);
  const noticeCount = useRef(0);

  const notify = useCallback((message: string) => {
    const id = ++noticeCount.current;
    setLocalNotices((notices) => [...notices.slice(-4), { id, message }]);
  }, []);

  const { runAction, makeContext, dispatch, connectNodes, moveNodes, tidying } = useEditorActions({
    client,
    state,
    currentSelection,
    setSelection,
    setEditingId,
    openShortcuts: () => setShortcutsOpen(true),
    notify,
    canvas,
  });

  useEditorKeys(runAction, shortcutsOpen);

  const latestDoc = useRef(doc);
  latestDoc.current = doc;
  const commands = useMemo<EditorCommands>(
    () => ({
      startEditing(nodeId) {
        setSelection({ nodeIds: [nodeId], edgeIds: [] });
        setEditingId(nodeId);
      },
      commitText(nodeId, draft, viaKeyboard) {
        const node = entryOf(latestDoc.current.nodes, nodeId);
        const text = draft.trim();
        if (node && node.text !== text) dispatch([{ type: "updateNode", id: nodeId, patch: { text } }]);
        setEditingId((current) => (current === nodeId ? null : current));
        if (viaKeyboard) focusNode(nodeId);
      },
      cancelEditing(nodeId) {
        setEditingId((current) => (current === nodeId ? null : current));
        focusNode(nodeId);
      },
      toggleRelation(edgeId) {
        const edge = entryOf(latestDoc.current.edges, edgeId);
        if (edge) dispatch([{ type: "updateEdge", id: edgeId, patch: { relation: edge.relation === "supports" ? "rebuts" : "supports" } }]);
      },
    }),
    [dispatch, setSelection],
  );

  // A node being edited that disappears (deleted by someone, or undone) ends the editing.
  const editing = editingId !== null && entryOf(doc.nodes, editingId) ? editingId : null;

  const notices: Notice[] = [
    ...state.notices.map((notice) => ({ key: `sync-${notice.id}`, message: notice.message, dismiss: () => client?.dismissNotice(notice.id) })),
    ...localNotices.map((notice) => ({
      key: `local-${notice.id}`,
      message: notice.message,
      dismiss: () => setLocalNotices((all) => all.filter((other) => other.id !== notice.id)),
    })),
  ];

  const onAction = useCallback((action: EditorAction) => void runAction(action), [runAction]);
  const addClaimAt = useCallback((point: { x: number; y: number }) => void runAction(actionById("addClaim"), point), [runAction]);

  return (
    <EditorCommandsProvider value={commands}>
      <div className={`editor${editable ? "" : " editor--read-only"}`}>
        <EditorHeader token={token} title={doc.meta.title} role={state.role}>
          {editable && <SaveStatus state={state} />}
        </EditorHeader>
        {editable ? <SaveAlert state={state} onRetry={() => client?.retryNow()} /> : <CopyBanner token={token} title={doc.meta.title} />}
        <main className="workspace">
          {/* A map can hold thousands of focusable nodes: let keyboard users jump past them. */}
          <a href="#details-panel" className="skip-link">
            Skip to the details panel
          </a>
          <div className="workspace__main" ref={canvas}>
            <Toolbar context={makeContext()} editable={editable} tidying={tidying} onAction={onAction} />
            <EditorCanvas
              doc={doc}
              editable={editable}
              selectedNodeIds={selectedNodeIds}
              selectedEdgeIds={selectedEdgeIds}
              editingId={editing}
              onSelectionChange={applySelectionChanges}
              onMoveNodes={moveNodes}
              onConnectNodes={connectNodes}
              onEditNode={commands.startEditing}
              onAddAt={addClaimAt}
            />
          </div>
          <SidePanel
            doc={doc}
            editable={editable}
            selection={selection}
            dispatch={dispatch}
            select={setSelection}
            onDeleteSelection={() => runAction(actionById("deleteSelection"))}
          />
        </main>
        <Notices notices={notices} />
        <ShortcutsDialog open={shortcutsOpen} editable={editable} onClose={() => setShortcutsOpen(false)} />
      </div>
    </EditorCommandsProvider>
  );
}
