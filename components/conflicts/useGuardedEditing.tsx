"use client";
/**
 * Typing beside others without losing anyone's words. Opening a node someone else is typing in
 * asks first ("Ben is editing this"), and so does deleting it. A save carries what the text said
 * when typing started (so a concurrent overwrite is told from an edit). Words typed into a node
 * that was deleted meanwhile are kept in a notice with the way back; a new node left empty goes.
 */
import { useCallback, useMemo, useRef } from "react";
import { edgesOf } from "@/lib/map/graph";
import type { Op } from "@/lib/map/ops";
import { entryOf } from "@/lib/map/records";
import type { ArgEdge, ArgNode, MapDoc } from "@/lib/map/types";
import type { SyncClient } from "@/lib/sync/client";
import type { PresenceSession } from "@/lib/sync/presence-session";
import type { Question } from "./AskDialog";

interface Options {
  client: SyncClient | null;
  doc: MapDoc;
  editingId: string | null;
  presence: PresenceSession | null;
  ask(question: Question): Promise<boolean>;
  dispatch(ops: Op[]): boolean;
  /** Selects the node and opens its text. */
  openText(nodeId: string): void;
  closeText(nodeId: string): void;
  focusNode(nodeId: string): void;
}

/** "Ben", "Ben and Chloe", "Ben, Chloe and Dan". */
export function namesOf(names: readonly string[]): string {
  const unique = [...new Set(names)];
  return unique.length <= 1 ? (unique[0] ?? "Someone") : `${unique.slice(0, -1).join(", ")} and ${unique.at(-1)}`;
}

export function useGuardedEditing(options: Options) {
  const latest = useRef(options);
  latest.current = options;
  const { doc, editingId } = options;

  // The node being typed in, as last seen with its links: if it is deleted, this brings it back.
  const seen = useRef<{ node: ArgNode; links: ArgEdge[] } | null>(null);
  const editingNode = editingId === null ? undefined : entryOf(doc.nodes, editingId);
  const seenNow = useMemo(() => (editingNode ? { node: editingNode, links: edgesOf(doc, editingNode.id) } : null), [editingNode, doc.edges]);
  if (seenNow) seen.current = seenNow;

  const typistsOf = useCallback((nodeIds: readonly string[]) => {
    const marks = latest.current.presence?.getRemoteMarks();
    return nodeIds.flatMap((id) => marks?.get(id)?.editingBy.map((peer) => peer.name) ?? []);
  }, []);

  const startEditing = useCallback(
    async (nodeId: string) => {
      const typists = typistsOf([nodeId]);
      if (typists.length > 0) {
        const who = namesOf(typists);
        const yes = await latest.current.ask({
          title: `${who} ${typists.length > 1 ? "are" : "is"} editing this`,
          body: (
            <>
              <p>You can edit it too. If you both save, the later save is what the node says, and whoever it replaced is told, with their words one click away.</p>
              <p>Every version stays in the node&apos;s history.</p>
            </>
          ),
          confirm: "Edit anyway",
        });
        if (!yes) return;
      }
      latest.current.openText(nodeId);
    },
    [typistsOf],
  );

  /** Before ops that delete nodes someone is typing in: ask. */
  const confirmDeletion = useCallback(
    async (ops: readonly Op[]) => {
      const typists = typistsOf(ops.flatMap((op) => (op.type === "deleteNodes" ? op.ids : [])));
      if (typists.length === 0) return true;
      const who = namesOf(typists);
      return latest.current.ask({
        title: `${who} ${typists.length > 1 ? "are" : "is"} editing this`,
        body: <p>{`Deleting it takes it away while ${who} ${typists.length > 1 ? "type" : "types"}. Their words are kept for them either way, and the node can be restored from Recently deleted.`}</p>,
        confirm: "Delete anyway",
        danger: true,
      });
    },
    [typistsOf],
  );

  const commitText = useCallback((nodeId: string, draft: string, viaKeyboard: boolean, base: string) => {
    const { client, doc, dispatch, closeText, focusNode } = latest.current;
    const node = entryOf(doc.nodes, nodeId);
    const text = draft.trim();
    closeText(nodeId);
    if (!node) {
      const last = seen.current?.node.id === nodeId ? seen.current : null;
      if (text && text !== base.trim()) {
        const who = client?.lastAuthorOf("node", nodeId)?.trim() || "Someone";
        client?.notify(`${who} deleted this node while you were typing. Your text is kept here.`, { nodeId, text, ...(last ? { node: last.node, links: last.links } : {}) });
      }
      return;
    }
    if (!text && !node.text && client?.retractNewNode(nodeId)) return;
    if (node.text !== text) dispatch([{ type: "updateNode", id: nodeId, patch: { text }, base: { text: base } }]);
    if (viaKeyboard) focusNode(nodeId);
  }, []);

  const cancelEditing = useCallback((nodeId: string) => {
    const { client, doc, closeText, focusNode } = latest.current;
    closeText(nodeId);
    // Discarding the typing of a node just added leaves nothing worth keeping.
    if (entryOf(doc.nodes, nodeId)?.text === "" && client?.retractNewNode(nodeId)) return;
    focusNode(nodeId);
  }, []);

  const lastChangedBy = useCallback((nodeId: string) => latest.current.client?.lastAuthorOf("node", nodeId)?.trim() || null, []);

  // Stable for the editor's lifetime: the canvas reads these through a context.
  return useMemo(() => ({ startEditing, confirmDeletion, commitText, cancelEditing, lastChangedBy }), [startEditing, confirmDeletion, commitText, cancelEditing, lastChangedBy]);
}
