"use client";
/**
 * The presentation's shared state (which step, blank screen or not) kept in step between the
 * stage and the presenter window of the same map in this browser, over a BroadcastChannel. Either
 * window can drive; a window that opens asks the others where they are.
 */
import { useCallback, useEffect, useRef, useState } from "react";

export interface StepState {
  index: number;
  blank: boolean;
}

type Message = { type: "hello" } | ({ type: "state" } & StepState);

export function channelName(mapId: string): string {
  return `argumap:present:${mapId}`;
}

export function useStepChannel(mapId: string, initial: StepState): [StepState, (next: StepState) => void] {
  const [state, setState] = useState(initial);
  const latest = useRef(state);
  latest.current = state;
  const channel = useRef<BroadcastChannel | null>(null);

  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const opened = new BroadcastChannel(channelName(mapId));
    channel.current = opened;
    opened.onmessage = (event: MessageEvent<Message>) => {
      const message = event.data;
      if (message.type === "hello") opened.postMessage({ type: "state", ...latest.current } satisfies Message);
      else if (message.type === "state") setState({ index: message.index, blank: message.blank });
    };
    opened.postMessage({ type: "hello" } satisfies Message);
    return () => {
      channel.current = null;
      opened.close();
    };
  }, [mapId]);

  const update = useCallback((next: StepState) => {
    setState(next);
    channel.current?.postMessage({ type: "state", ...next } satisfies Message);
  }, []);

  return [state, update];
}
