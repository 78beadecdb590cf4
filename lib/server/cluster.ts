/**
 * Wires this instance to the others sharing its database (signals.ts): ops committed elsewhere
 * reach the map feeds, revoked links stop working here and close their streams, other instances'
 * presence joins the rooms here, and so do who leads each room and the reactions saved there (the
 * presenter's tally counts the whole room); after signals may have been missed, each re-reads
 * what it needs. Started once per process, when the server starts (instrumentation.ts) or a stream opens.
 */
import { revisionAnnounced } from "./apply-ops";
import { openStreams } from "./events";
import { linksRevokedElsewhere, resyncLinks } from "./links";
import { committedElsewhere, resyncFeeds } from "./map-feed";
import { leadElsewhere, summonedElsewhere } from "./leading";
import { receivePresence } from "./presence";
import { reactionsElsewhere, resyncReactions } from "./reactions";
import { instanceId, startSignals, stopSignals } from "./signals";

export function joinCluster(): void {
  startSignals({
    signal(signal) {
      if (signal.t === "op") {
        revisionAnnounced(signal.m, signal.r);
        committedElsewhere(signal.m, signal.r);
      }
      else if (signal.t === "revoked") linksRevokedElsewhere(signal.m, signal.l);
      else if (signal.from === instanceId()) return;
      else if (signal.t === "presence") receivePresence(signal.m, signal.b, signal.a);
      else if (signal.t === "lead") leadElsewhere(signal.m, signal.h, signal.s, signal.e);
      else if (signal.t === "summon") summonedElsewhere(signal.m, signal.e);
      else if (signal.t === "reactions") reactionsElsewhere(signal.s);
    },
    resync() {
      Promise.all([resyncFeeds(), resyncLinks(openStreams())]).catch((error: unknown) => console.error("cluster resync failed", error));
      resyncReactions();
    },
  });
}

export const leaveCluster = stopSignals;
