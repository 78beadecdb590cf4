/** An event stream's sink that keeps the frames it is sent, for tests that read a stream without HTTP. */
import type { EventSink } from "../events";

export interface RecordingSink extends EventSink {
  /** The `event:` and parsed `data:` of every frame so far. */
  frames(): { event: string; id?: number; data: unknown }[];
  opRevisions(): number[];
  ended: boolean;
  leave(): void;
}

export function recordingSink(): RecordingSink {
  const decoder = new TextDecoder();
  let text = "";
  const closeListeners: (() => void)[] = [];
  const sink: RecordingSink = {
    ended: false,
    write(bytes) {
      text += decoder.decode(bytes);
      return !sink.ended;
    },
    // Takes every frame at once, as a client that keeps up does.
    buffered: () => 0,
    drained: () => Promise.resolve(),
    end() {
      sink.ended = true;
    },
    onClose(listener) {
      closeListeners.push(listener);
    },
    leave() {
      for (const listener of closeListeners) listener();
    },
    frames() {
      return text
        .split("\n\n")
        .filter((frame) => /^event: /m.test(frame))
        .map((frame) => ({
          event: /^event: (\w+)$/m.exec(frame)![1]!,
          id: /^id: (\d+)$/m.test(frame) ? Number(/^id: (\d+)$/m.exec(frame)![1]) : undefined,
          data: JSON.parse(/^data: (.*)$/m.exec(frame)?.[1] ?? "null"),
        }));
    },
    opRevisions() {
      return sink.frames().filter((frame) => frame.event === "op").map((frame) => frame.id!);
    },
  };
  return sink;
}
