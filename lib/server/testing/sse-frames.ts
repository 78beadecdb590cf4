/**
 * Reads a Server-Sent Events body the way the tests need it: the complete frames of each chunk as
 * it arrives (a blank line ends a frame), with a frame's event name and id. Shared by the event
 * stream's unit tests and the e2e listeners that count op revisions over real HTTP.
 */
export async function* sseFrameBatches(body: ReadableStream<Uint8Array>): AsyncGenerator<string[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      text += decoder.decode(value, { stream: true });
      const frames: string[] = [];
      let end: number;
      while ((end = text.indexOf("\n\n")) >= 0) {
        frames.push(text.slice(0, end));
        text = text.slice(end + 2);
      }
      yield frames;
    }
  } finally {
    reader.releaseLock();
  }
}

export function frameFields(frame: string): { event: string | undefined; id: number | undefined } {
  const id = /^id: (\d+)$/m.exec(frame);
  return { event: /^event: (\w+)$/m.exec(frame)?.[1], id: id ? Number(id[1]) : undefined };
}
