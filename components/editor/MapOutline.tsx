/**
 * The map as nested lists: each top-level point with the reasons for and against it, who holds
 * each view, their words and sources. No hooks, so it renders on the server: the page's HTML
 * holds the whole argument, readable without JavaScript and by screen readers.
 */
import { contradictsKind } from "@/lib/map/consistency";
import { countKinds, describeCounts, isWebUrl, outlineOf, type OutlineEntry } from "@/lib/map/outline";
import { checkQuote, quoteIsFlagged } from "@/lib/map/quotes/check";
import { entryOf } from "@/lib/map/records";
import type { MapDoc, Source } from "@/lib/map/types";
import { evaluateMap, type EvaluationReport } from "@/lib/map/evaluation/report";
import { EvaluationLine, EvaluationSummary } from "../evaluation/EvaluationLine";
import { describeLinkEnds, isUsualKind, RELATION_TAG } from "@/lib/map/describe";
import { KIND_LABEL } from "../kinds";


function OutlineItem({ doc, entry, evaluation }: { doc: MapDoc; entry: OutlineEntry; evaluation: EvaluationReport }) {
  const { node, relation, repeated, reasons, edge } = entry;
  const undercut = edge?.relation === "undercuts" ? entryOf(doc.edges, edge.to) : undefined;
  const source = node.sourceId === null ? undefined : entryOf(doc.sources, node.sourceId);
  const tag = relation ? RELATION_TAG[relation] : KIND_LABEL[node.kind];
  return (
    <li className={`outline__item outline__item--${node.kind}`} data-node-id={node.id}>
      <p className="outline__point">
        <span className={`outline__tag outline__tag--${relation ?? node.kind}`}>{tag}</span>
        {relation && !isUsualKind(relation, node.kind) && <span className="outline__kind"> ({KIND_LABEL[node.kind].toLowerCase()})</span>}
        {relation && contradictsKind({ relation }, node) && <span className="outline__kind"> (kind and link disagree)</span>}{" "}
        {undercut && <span className="outline__kind">(the link {describeLinkEnds(doc, undercut)}): </span>}
        <span className="outline__text">{node.text.trim() || (node.kind === "argument" ? "(unnamed reason)" : "(no text)")}</span>
        {node.speaker.trim() && <span className="outline__speaker"> — {node.speaker}</span>}
        {repeated && <span className="outline__repeat"> (its reasons are listed above)</span>}
      </p>
      {!repeated && <EvaluationLine evaluation={evaluation} nodeId={node.id} />}
      {node.quote.trim() && (
        <blockquote className="outline__quote">
          <p>
            “{node.quote}”{quoteIsFlagged(checkQuote(node, source)) && <span className="outline__flag"> (quote not found in source)</span>}
          </p>
          {source && <footer>{sourceName(source)}</footer>}
        </blockquote>
      )}
      {!node.quote.trim() && source && <p className="outline__source">Source: {sourceName(source)}</p>}
      {reasons.length > 0 && (
        <ul>
          {reasons.map((reason, index) => (
            <OutlineItem key={`${reason.node.id}-${index}`} doc={doc} entry={reason} evaluation={evaluation} />
          ))}
        </ul>
      )}
    </li>
  );
}

function sourceName(source: Source): string {
  return [source.title, source.publisher].filter((part) => part.trim()).join(", ") || "Untitled source";
}

function SourceItem({ source }: { source: Source }) {
  const byline = [source.publisher, source.author, source.date].filter((part) => part.trim()).join(" · ");
  const url = source.url.trim();
  return (
    <li>
      {isWebUrl(url) ? (
        <a href={url} rel="noopener noreferrer" target="_blank">
          {source.title || "Untitled source"}
        </a>
      ) : (
        <span>{source.title || "Untitled source"}</span>
      )}
      {byline && <span className="outline__byline"> — {byline}</span>}
      {url && !isWebUrl(url) && <span className="outline__byline"> ({url})</span>}
    </li>
  );
}

export function MapOutline({ doc, id, hidden }: { doc: MapDoc; id?: string; hidden?: boolean }) {
  const entries = outlineOf(doc);
  const evaluation = evaluateMap(doc);
  const sources = Object.values(doc.sources);
  const titleId = `${id ?? "outline"}-title`;
  return (
    <section className="outline" id={id} hidden={hidden} aria-labelledby={titleId} data-testid="map-outline">
      <h2 id={titleId}>
        Outline<span className="visually-hidden">: {doc.meta.title}</span>
      </h2>
      {doc.meta.description.trim() && <p className="outline__description">{doc.meta.description}</p>}
      <p className="outline__counts">{describeCounts(countKinds(doc))}.</p>
      {entries.length > 0 && <EvaluationSummary evaluation={evaluation} />}
      {entries.length === 0 ? (
        <p className="muted">This map is empty.</p>
      ) : (
        <ul className="outline__tree">
          {entries.map((entry) => (
            <OutlineItem key={entry.node.id} doc={doc} entry={entry} evaluation={evaluation} />
          ))}
        </ul>
      )}
      {sources.length > 0 && (
        <>
          <h3>Sources</h3>
          <ol className="outline__sources">
            {sources.map((source) => (
              <SourceItem key={source.id} source={source} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
