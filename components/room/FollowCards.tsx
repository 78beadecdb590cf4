"use client";
/**
 * Following on a phone: the step on the projector as readable cards in the phone's own type
 * size — each node of the step, who said it and their words, the reasons for and against it
 * shown so far — updated live, with the room's reactions below and a way to glance at the map.
 */
import { useMemo, type ReactNode } from "react";
import { stepCards, type StepCard } from "@/lib/map/room/stepCards";
import type { ArgNode, MapDoc } from "@/lib/map/types";
import { CardVerdict } from "../evaluation/CardVerdict";
import { KIND_ICON, KIND_LABEL, RELATION_LABEL } from "../kinds";
import type { FollowState } from "../present/useFollowPresenter";
import { ReactionBar } from "./ReactionBar";
import "./follow-cards.css";

export interface FollowCardsProps {
  token: string;
  doc: MapDoc;
  follow: FollowState;
  onGlance(): void;
  /** More actions beside the step's (the owner's Stop). */
  children?: ReactNode;
}

export function FollowCards({ token, doc, follow, onGlance, children }: FollowCardsProps) {
  const { presenter, step, count, steps } = follow;
  const cards = useMemo(() => stepCards(doc, steps, step), [doc, steps, step]);
  if (!presenter) return null;
  return (
    <section className="follow-cards" aria-labelledby="follow-cards-title" data-testid="follow-cards" data-step={step}>
      <header className="follow-cards__header">
        <h2 id="follow-cards-title" className="follow-cards__title">
          <span className="follow-banner__dot" style={{ background: presenter.colour }} aria-hidden="true" />
          Following {presenter.name}
        </h2>
        <p className="follow-cards__step" aria-live="polite">
          Step {step + 1} of {count}
        </p>
        <div className="follow-cards__actions">
          <button type="button" className="button button--small" onClick={onGlance} data-testid="follow-glance">
            Whole map
          </button>
          <button type="button" className="button button--small button--quiet" onClick={follow.stop} data-testid="follow-stop">
            Stop following
          </button>
          {children}
        </div>
      </header>
      {cards.map((card) => (
        <NodeCard key={card.node.id} card={card} />
      ))}
      <ReactionBar token={token} step={step} />
    </section>
  );
}

function NodeCard({ card }: { card: StepCard }) {
  const { node, source } = card;
  const Icon = KIND_ICON[node.kind];
  return (
    <article className={`step-card step-card--${node.kind}`} data-testid="step-card" data-id={node.id}>
      <p className="step-card__kind">
        <Icon size={16} /> {KIND_LABEL[node.kind]}
        {node.speaker.trim() && <span className="step-card__speaker"> · {node.speaker}</span>}
      </p>
      <p className="step-card__text">{node.text.trim() || "(no text yet)"}</p>
      <CardVerdict nodeId={node.id} />
      {node.quote.trim() && (
        <blockquote className="step-card__quote">
          “{node.quote.trim()}”{source && <footer className="step-card__source">— {source.title}</footer>}
        </blockquote>
      )}
      {card.argues.map(({ relation, node: target }) => (
        <p key={target.id} className="step-card__argues">
          {relation === "supports" ? "Supports" : "Rebuts"}: <span>{target.text.trim() || "(no text yet)"}</span>
          <span className="visually-hidden"> ({RELATION_LABEL[relation]})</span>
        </p>
      ))}
      <Reasons title="Reasons for" nodes={card.reasonsFor} kind="for" />
      <Reasons title="Reasons against" nodes={card.reasonsAgainst} kind="against" />
    </article>
  );
}

function Reasons({ title, nodes, kind }: { title: string; nodes: ArgNode[]; kind: "for" | "against" }) {
  if (nodes.length === 0) return null;
  return (
    <section className={`step-card__reasons step-card__reasons--${kind}`}>
      <h3>
        {title} ({nodes.length})
      </h3>
      <ul>
        {nodes.map((reason) => (
          <li key={reason.id}>
            {reason.text.trim() || "(no text yet)"}
            {reason.speaker.trim() && <span className="step-card__speaker"> — {reason.speaker}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
