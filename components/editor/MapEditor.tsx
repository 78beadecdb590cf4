"use client";
/**
 * The map page's interactive part: the sync client, the canvas, the toolbar, the side panel.
 * It changes the map only through client.dispatch(ops); the rules live in lib/map and lib/actions.
 */
import "@xyflow/react/dist/style.css";
import "./editor.css";
import "./canvas.css";
import "./structure.css";
import "./view-tools.css";
import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { actionById } from "@/lib/actions/registry";
import type { EditorAction } from "@/lib/actions/types";
import { isReasonRelation, type MapSnapshot, type Role } from "@/lib/map/types";
import { restoreKeptTextOps } from "@/lib/actions/restore";
import { entryOf } from "@/lib/map/records";
import { rememberMap } from "@/lib/recent-maps";
import type { SyncClient, SyncState } from "@/lib/sync/client";
import { StandProvider, useStandView } from "../evaluation/StandContext";
import { StandToggle } from "../evaluation/StandToggle";
import { WhatIfBanner } from "../evaluation/WhatIfBanner";
import { useAsk } from "../conflicts/AskDialog";
import { AttributionProvider, useAttribution } from "../history/AttributionContext";
import { useGuardedEditing } from "../conflicts/useGuardedEditing";
import { OutlineView } from "../outline/OutlineView";
import { useMapView } from "../outline/useMapView";
import { ViewToggle } from "../outline/ViewToggle";
import type { PanelActions } from "../panel/panelTypes";
import { SidePanel } from "../panel/SidePanel";
import { PathPanel } from "../present/PathPanel";
import { PathToggle, PresentButton } from "../present/PresentButtons";
import { useFollowPresenter } from "../present/useFollowPresenter";
import { PresenceProvider, usePresenceSession } from "../presence/PresenceContext";
import { PresenceStrip } from "../presence/PresenceStrip";
import { usePresence } from "../presence/usePresence";
import { useReportPresence } from "../presence/useReportPresence";
import { SourceReader } from "../reader/SourceReader";
import { useReader } from "../reader/useReader";
import { FollowView } from "../room/FollowView";
import { RoomButton } from "../room/RoomButton";
import { RoomProvider, useNewRoomStore } from "../room/RoomContext";
import { useSummonView } from "../room/useSummonView";
import { RevokedBanner } from "../share/RevokedBanner";
import { ShareButton } from "../share/ShareDialog";
import type { ShareTokens } from "../share/shareRequests";
import { ConnectionStatus } from "./ConnectionStatus";
import { CopyBanner } from "./CopyBanner";
import { EditorCanvas } from "./EditorCanvas";
import { EditorCommandsProvider, type EditorCommands } from "./EditorCommands";
import { EditorHeader } from "./EditorHeader";
import { FocusBreadcrumbs } from "./FocusBreadcrumbs";
import { PrintableMap } from "./PrintableMap";
import { SearchBar } from "./SearchBar";
import { breadcrumbs } from "@/lib/map/folding";
import { estimateNodeSize } from "@/lib/map/layout";
import { motionDuration } from "../motion";
import { useFolding } from "./useFolding";
import { useMapSearch } from "./useMapSearch";
import { readableZoom } from "./viewport";
import { Notices, type Notice } from "./Notices";
import { OutlineSection } from "./OutlineSection";
import { SaveAlert } from "./SaveStatus";
import { ShortcutsDialog } from "./ShortcutsDialog";
import { Toolbar } from "./Toolbar";
import { useEditorActions } from "./useEditorActions";
import { useEditorKeys } from "./useEditorKeys";
import { useFocusCanvasNode } from "./useFocusCanvasNode";
import { useSelection } from "./useSelection";
import { useSyncClient } from "./useSyncClient";

export interface MapEditorProps {
  token: string;
  snapshot: MapSnapshot;
  role: Role;
  /** The owner's current links, for the Share dialog. */
  shareTokens?: ShareTokens;
}

export function MapEditor({ token, snapshot, role, shareTokens }: MapEditorProps) {
  const presence = usePresence(token, token !== "demo");
  const room = useNewRoomStore();
  const { client, state } = useSyncClient(token, snapshot, role, presence, room);
  const attribution = useAttribution(token, client);

  // Remember this map on the home page's list (the demo has its own button there).
  const title = state.doc.meta.title;
  useEffect(() => {
    if (token !== "demo") rememberMap({ token, title, role });
  }, [token, title, role]);

  return (
    <PresenceProvider value={presence}>
      <RoomProvider value={room}>
        <AttributionProvider value={attribution}>
          <ReactFlowProvider>
            <Editor token={token} mapId={snapshot.map.id} client={client} state={state} shareTokens={shareTokens} />
          </ReactFlowProvider>
        </AttributionProvider>
      </RoomProvider>
    </PresenceProvider>
  );
}

function Editor({ token, mapId, client, state, shareTokens }: { token: string; mapId: string; client: SyncClient | null; state: SyncState; shareTokens?: ShareTokens }) {
  const { doc } = state;
  const revoked = state.connection === "revoked";
  const editable = state.role !== "view" && !revoked;
  const canvas = useRef<HTMLDivElement>(null);
  const { selection, selectedNodeIds, selectedEdgeIds, setSelection, applySelectionChanges, currentSelection } = useSelection(doc);
  const [editingId, setEditingId] = useState<string | null>(null);
  const latestDoc = useRef(doc);
  latestDoc.current = doc;
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [localNotices, setLocalNotices] = useState<{ id: number; message: string }[]>([]);
  const noticeCount = useRef(0);

  const notify = useCallback((message: string) => {
    const id = ++noticeCount.current;
    setLocalNotices((notices) => [...notices.slice(-4), { id, message }]);
  }, []);

  // This person's view of the map: folds, focus and search. None of it is sent to anyone.
  const folding = useFolding(token, doc);
  const search = useMapSearch(doc);
  const [view, setView] = useMapView();
  const flow = useReactFlow();
  const showHit = useCallback(
    (nodeId: string | null) => {
      if (nodeId === null) return;
      folding.reveal(nodeId);
      const node = entryOf(latestDoc.current.nodes, nodeId);
      if (!node || view !== "canvas") return;
      const measured = flow.getInternalNode(nodeId)?.measured;
      const size = measured?.width && measured.height ? { width: measured.width, height: measured.height } : estimateNodeSize(node);
      const width = canvas.current?.querySelector(".react-flow")?.clientWidth ?? 0;
      const zoom = Math.max(flow.getZoom(), readableZoom(width));
      void flow.setCenter(node.x + size.width / 2, node.y + size.height / 2, { zoom, duration: motionDuration(300) });
    },
    [folding, flow, view],
  );
  const focusUp = useCallback(() => {
    if (folding.focus === null) return;
    const path = breadcrumbs(latestDoc.current, folding.focus);
    folding.focusOn(path.length > 1 ? path[path.length - 2]! : null);
  }, [folding]);
  // Once the text field has gone: the node's element replaces it in the next render.
  const focusCanvasNode = useFocusCanvasNode(canvas);
  const focusNode = useCallback((nodeId: string) => focusCanvasNode(nodeId, { waitAFrame: true }), [focusCanvasNode]);
  const { ask, dialog: question } = useAsk();
  const guarded = useGuardedEditing({
    client,
    doc,
    editingId,
    presence: usePresenceSession(),
    ask,
    dispatch: (ops) => ops.length > 0 && client !== null && client.dispatch(ops),
    openText(nodeId) {
      setSelection({ nodeIds: [nodeId], edgeIds: [] });
      setEditingId(nodeId);
    },
    closeText: (nodeId) => setEditingId((current) => (current === nodeId ? null : current)),
    focusNode,
  });

  const reader = useReader(doc);
  const { runAction, runWithValue, runValueAction, makeContext, dispatch, connectNodes, moveNodes, tidying } = useEditorActions({
    client,
    state,
    currentSelection,
    setSelection,
    setEditingId,
    openShortcuts: () => setShortcutsOpen(true),
    notify,
    openSource: reader.openSource,
    canvas,
    startEditing: guarded.startEditing,
    confirmDeletion: guarded.confirmDeletion,
    view: { focus: folding.focus, find: search.show, toggleReasons: folding.toggleReasons, focusOn: folding.focusOn, focusUp },
  });

  useEditorKeys(runAction, shortcutsOpen || question !== null);
  // Following a presenter at their last step: which claims stand shows, as on their stage.
  const follow = useFollowPresenter(doc, client?.clientId ?? null, notify);
  const stand = useStandView(mapId, doc, follow.following && follow.count > 0 && follow.step === follow.count - 1);

  // The commands object never changes (so no node re-renders for it): it reads the latest folding.
  const latestFolding = useRef(folding);
  latestFolding.current = folding;
  const commands = useMemo<EditorCommands>(
    () => ({
      startEditing: (nodeId) => void guarded.startEditing(nodeId),
      commitText: guarded.commitText,
      cancelEditing: guarded.cancelEditing,
      lastChangedBy: guarded.lastChangedBy,
      toggleRelation(edgeId) {
        const edge = entryOf(latestDoc.current.edges, edgeId);
        if (edge && isReasonRelation(edge.relation)) dispatch([{ type: "updateEdge", id: edgeId, patch: { relation: edge.relation === "supports" ? "rebuts" : "supports" } }]);
      },
      toggleReasons: (nodeId) => latestFolding.current.toggleReasons(nodeId),
      focusOn: (nodeId) => latestFolding.current.focusOn(nodeId),
      openSource: reader.openSource,
    }),
    [dispatch, guarded, setSelection, focusNode, reader.openSource],
  );

  // A node being edited that disappears (deleted by someone, or undone) ends the editing.
  const editing = editingId !== null && entryOf(doc.nodes, editingId) ? editingId : null;
  useReportPresence(selection.nodeIds, editing);

  const notices: Notice[] = [
    ...state.notices.map((notice): Notice => {
      const dismiss = () => client?.dismissNotice(notice.id);
      const kept = notice.kept;
      if (!kept) return { key: `sync-${notice.id}`, message: notice.message, dismiss };
      const putBack = () => {
        const ops = restoreKeptTextOps(latestDoc.current, kept);
        if (ops && dispatch(ops)) setSelection({ nodeIds: [kept.nodeId], edgeIds: [] });
        if (ops !== false || entryOf(latestDoc.current.nodes, kept.nodeId)?.text === kept.text) dismiss();
      };
      return { key: `sync-${notice.id}`, message: notice.message, kept: kept.text, actions: [{ label: "Put my text back", run: putBack }], dismiss };
    }),
    ...localNotices.map((notice) => ({
      key: `local-${notice.id}`,
      message: notice.message,
      dismiss: () => setLocalNotices((all) => all.filter((other) => other.id !== notice.id)),
    })),
  ];

  const onAction = useCallback((action: EditorAction) => void runAction(action), [runAction]);
  const panelActions = useMemo<PanelActions>(() => ({ context: () => makeContext(), run: (action, value) => runWithValue(action, value) }), [makeContext, runWithValue]);
  const addClaimAt = useCallback((point: { x: number; y: number }) => void runAction(actionById("addClaim"), point), [runAction]);
  const selectNode = useCallback((nodeId: string) => setSelection({ nodeIds: [nodeId], edgeIds: [] }), [setSelection]);
  // The outline's keys act on its focused line: that node becomes the selection the action sees.
  const runOnNode = useCallback(
    (action: EditorAction, nodeId: string) => {
      selectNode(nodeId);
      runAction(action);
    },
    [selectNode, runAction],
  );
  const summonView = useSummonView(canvas, view === "canvas");
  const found = useMemo(() => ({ hits: search.hitSet, current: search.current }), [search.hitSet, search.current]);
  // As the query changes, the view goes to its first match (Enter then steps on).
  const latestShowHit = useRef(showHit);
  latestShowHit.current = showHit;
  useEffect(() => latestShowHit.current(search.current), [search.current]);
  const [pathOpen, setPathOpen] = useState(false);

  const editor = (
    <EditorCommandsProvider value={commands}>
      <div className={`editor${editable ? "" : " editor--read-only"}`}>
        <EditorHeader token={token} title={doc.meta.title} role={state.role} status={<ConnectionStatus state={state} editable={editable} />}>
          <PresenceStrip />
          {editable && <PathToggle open={pathOpen} onToggle={() => setPathOpen((open) => !open)} />}
          <PresentButton token={token} />
          {state.role === "owner" && token !== "demo" && <RoomButton token={token} title={doc.meta.title} clientId={client?.clientId ?? null} currentView={summonView} />}
          {state.role === "owner" && shareTokens && <ShareButton token={token} title={doc.meta.title} initialTokens={shareTokens} />}
        </EditorHeader>
        {revoked ? <RevokedBanner token={token} /> : editable ? <SaveAlert state={state} onRetry={() => client?.retryNow()} /> : <CopyBanner token={token} title={doc.meta.title} />}
        <main className="workspace">
          {/* A map can hold thousands of focusable nodes: let keyboard users jump past them. */}
          <a href="#details-panel" className="skip-link">
            Skip to the details panel
          </a>
          <div className="workspace__main" ref={canvas}>
            <Toolbar context={makeContext()} editable={editable} tidying={tidying} onAction={onAction} canvas={view === "canvas"}>
              <ViewToggle view={view} onChange={setView} />
              <StandToggle />
            </Toolbar>
            <FollowView token={token} role={state.role} doc={doc} follow={follow} />
            <WhatIfBanner />
            {search.open && (
              <SearchBar
                query={search.query}
                count={search.hits.length}
                index={search.index}
                openCount={search.openCount}
                onQuery={(query) => {
                  search.setQuery(query);
                }}
                onStep={(direction) => showHit(search.step(direction))}
                onClose={search.close}
              />
            )}
            {folding.focus !== null && view === "canvas" && <FocusBreadcrumbs doc={doc} focus={folding.focus} onFocus={folding.focusOn} />}
            {view === "outline" ? (
              <OutlineView
                doc={doc}
                editable={editable}
                selectedNodeIds={selectedNodeIds}
                editingId={editing}
                onSelectNode={selectNode}
                onNodeAction={runOnNode}
                found={found}
              />
            ) : (
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
                onSelectNode={selectNode}
                revealed={follow.revealed}
                fold={folding.view}
                focus={folding.focus}
                found={found}
              />
            )}
          </div>
          {reader.request && (
            <SourceReader
              doc={doc}
              request={reader.request}
              editable={editable}
              selectedNodeIds={selection.nodeIds}
              perform={runValueAction}
              onSelectNode={selectNode}
              onClose={reader.closeReader}
            />
          )}
          {pathOpen && editable ? (
            <PathPanel doc={doc} selectedNodeIds={selection.nodeIds} dispatch={dispatch} select={setSelection} onClose={() => setPathOpen(false)} />
          ) : (
            <SidePanel
              token={token}
              revision={state.revision}
              doc={doc}
              editable={editable}
              selection={selection}
              dispatch={dispatch}
              actions={panelActions}
              select={setSelection}
              perform={(action, value) => runValueAction(action, value) !== false}
              openSource={reader.openSource}
              onDeleteSelection={() => runAction(actionById("deleteSelection"))}
            />
          )}
        </main>
        <Notices notices={notices} />
        {question}
        <ShortcutsDialog open={shortcutsOpen} editable={editable} onClose={() => setShortcutsOpen(false)} />
      </div>
      {view === "canvas" && <PrintableMap doc={doc} active evaluation={stand.state.live} />}
      {view === "canvas" && <OutlineSection doc={doc} />}
    </EditorCommandsProvider>
  );
  // Outside the rest, so every view of this page reads the same evaluation.
  return <StandProvider {...stand}>{editor}</StandProvider>;
}
