import Link from "next/link";
import { connection } from "next/server";
import { ImportMap } from "@/components/home/ImportMap";
import { NewMapForm } from "@/components/home/NewMapForm";
import { RecentMaps } from "@/components/home/RecentMaps";
import { ClaimIcon, RebuttalIcon, SupportIcon } from "@/components/icons";

export default async function HomePage() {
  // Rendered per request, so that its scripts carry the request's CSP nonce (proxy.ts).
  await connection();
  return (
    <div className="home">
      <header className="home-header">
        <span className="brand">
          <span className="brand__mark" aria-hidden="true" />
          Argumap
        </span>
      </header>
      <main className="home-main">
        <section className="hero" aria-labelledby="hero-title">
          <h1 id="hero-title">Map a debate, together.</h1>
          <p className="hero__lead">
            Argumap lays an argument out as a map: the <strong>claims</strong> people make, the{" "}
            <strong>reasons that support</strong> them and the <strong>rebuttals</strong> against them, each tied to who
            said it and the source it comes from. Build one with your class or team in real time, present it, and share
            a read-only link.
          </p>
          <ul className="legend" aria-label="What a map is made of">
            <li className="legend__item legend__item--claim">
              <ClaimIcon size={16} /> Claim — a position someone holds
            </li>
            <li className="legend__item legend__item--support">
              <SupportIcon size={16} /> Support — a reason for it
            </li>
            <li className="legend__item legend__item--rebuttal">
              <RebuttalIcon size={16} /> Rebuttal — a reason against it
            </li>
          </ul>
          <div className="hero__actions">
            <NewMapForm />
            <Link href="/m/demo" className="button button--large" data-testid="open-demo">
              Open the demo debate
            </Link>
          </div>
          <p className="hero__demo-note">
            The demo maps the debate around Alibaba&rsquo;s cloud business in the US, from two news articles.
          </p>
          <p className="hero__demo-note">
            In a class or a meeting with a code on the screen?{" "}
            <Link href="/join" data-testid="home-join">
              Join the room
            </Link>
          </p>
        </section>
        <div className="home-columns">
          <RecentMaps />
          <ImportMap />
        </div>
      </main>
      <footer className="home-footer">
        <p>Open source. Maps live on this server; anyone with a link can open that map with that link&rsquo;s rights.</p>
      </footer>
    </div>
  );
}
