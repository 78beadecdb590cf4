"use client";
/**
 * /m/:token/present: the stage, or with ?presenter=1 the presenter's window. Both read the map
 * live (edits made during the talk show up), share the step over a BroadcastChannel, and the stage
 * tells the map's other visitors where it is, so they can follow.
 */
import "@xyflow/react/dist/style.css";
import "../editor/canvas.css";
import "../editor/structure.css";
import "./present.css";
import { ReactFlowProvider } from "@xyflow/react";
import { useRouter } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { Op } from "@/lib/map/ops";
import { resolvedSteps } from "@/lib/map/presentation";
import type { MapSnapshot, Role } from "@/lib/map/types";
import { loadIdentity } from "@/lib/sync/identity";
import { sendOpsOnce } from "@/lib/sync/send-once";
import { useSyncClient } from "../editor/useSyncClient";
import { RoomProvider, useNewRoomStore } from "../room/RoomContext";
import { LeadStatus } from "./LeadStatus";
import { PresenterConsole } from "./PresenterConsole";
import { Stage, type StageProps } from "./Stage";
import { useLeading } from "./useLeading";
import { usePresentingPresence } from "./usePresentingPresence";
import { useStepChannel, type StepState } from "./useStepChannel";

export interface PresentationProps {
  token: string;
  snapshot: MapSnapshot;
  role: Role;
  presenter: boolean;
}

export function Presentation({ token, snapshot, role, presenter }: PresentationProps) {
  const room = useNewRoomStore();
  return (
    <RoomProvider value={room}>
      <PresentationWindow token={token} snapshot={snapshot} role={role} presenter={presenter} room={room} />
    </RoomProvider>
  );
}

function PresentationWindow({ token, snapshot, role, presenter, room }: PresentationProps & { room: ReturnType<typeof useNewRoomStore> }) {
  // A follower: the stage and the presenter's window edit nothing and adopt no tab's unsent ops.
  const { state } = useSyncClient(token, snapshot, role, null, room, true);
  const { doc } = state;
  const steps = useMemo(() => resolvedSteps(doc), [doc]);
  const [shared, setShared] = useStepChannel(snapshot.map.id, { index: 0, blank: false });
  // The path may shrink while presenting (someone deletes a node): stay on a real step.
  const current: StepState = { index: Math.max(0, Math.min(shared.index, steps.length - 1)), blank: shared.blank };

  // The window follows (it keeps no queue), so the room's votes go to the map as one request.
  const dispatch = useCallback((ops: Op[]) => sendOpsOnce(token, ops, loadIdentity(typeof localStorage === "undefined" ? null : localStorage).name), [token]);

  if (presenter) return <PresenterConsole token={token} role={role} doc={doc} steps={steps} state={current} onChange={setShared} dispatch={dispatch} />;
  return (
    <ReactFlowProvider>
      <StageWindow token={token} mapId={snapshot.map.id} role={role} doc={doc} steps={steps} state={current} onChange={setShared} />
    </ReactFlowProvider>
  );
}

function StageWindow(props: { token: string; mapId: string; role: Role } & Omit<StageProps, "onLeave" | "onOpenPresenter">) {
  const { token, mapId, role, steps, state } = props;
  const router = useRouter();
  // The server decides who leads the room (lib/server/leading.ts); a stage it refuses presents privately.
  const leading = useLeading(token, role, steps, state.index);
  usePresentingPresence(token, leading.clientId, leading.status === "leading" && steps.length > 0 ? state.index : null);
  const onLeave = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    router.push(`/m/${encodeURIComponent(token)}`);
  }, [router, token]);
  const onOpenPresenter = useCallback(() => {
    window.open(`/m/${encodeURIComponent(token)}/present?presenter=1`, `argumap-presenter-${mapId}`, "popup,width=1200,height=760");
  }, [token, mapId]);
  return (
    <Stage doc={props.doc} steps={steps} state={state} onChange={props.onChange} onLeave={onLeave} onOpenPresenter={onOpenPresenter}>
      <LeadStatus leading={leading} />
    </Stage>
  );
}
