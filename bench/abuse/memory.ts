/**
 * The server's memory, and the streams that try to exhaust it: `?since=0` event streams on a map
 * with a long log, opened by clients that never read a byte.
 */
import fs from "node:fs";
import net from "node:net";

/** Resident memory of every process in the process group (the wrapper and `next start`'s server), in MB. */
export function groupRssMb(groupId: number): number {
  let kb = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name (which may hold spaces) start after its closing ")".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== groupId) continue;
      const status = fs.readFileSync(`/proc/${entry}/status`, "utf8");
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  return kb / 1024;
}

/** Samples the group's RSS every `everyMs` until stopped; `peak()` is the highest seen. */
export function sampleRss(groupId: number, everyMs = 250): { peak(): number; stop(): void } {
  let peak = groupRssMb(groupId);
  const timer = setInterval(() => (peak = Math.max(peak, groupRssMb(groupId))), everyMs);
  return { peak: () => peak, stop: () => clearInterval(timer) };
}

/**
 * Opens `count` event streams from revision 0 and never reads from them (the sockets are paused
 * from the start, so the kernel's buffers fill and the server sees a client that does not keep up).
 * `close()` ends them all.
 */
export async function openStalledStreams(port: number, token: string, count: number, onEach?: (opened: number) => boolean): Promise<{ opened: number; close(): void }> {
  const sockets: net.Socket[] = [];
  for (let i = 0; i < count; i++) {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.on("error", () => undefined);
    await new Promise<void>((resolve) => socket.once("connect", resolve).once("error", () => resolve()));
    socket.write(`GET /api/maps/${token}/events?since=0 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\n\r\n`);
    socket.pause();
    sockets.push(socket);
    if (onEach && !onEach(sockets.length)) break;
  }
  return { opened: sockets.length, close: () => sockets.forEach((socket) => socket.destroy()) };
}
