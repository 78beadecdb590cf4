import Link from "next/link";

export default function MapNotFound() {
  return (
    <main className="message-page">
      <h1>This map link does not work</h1>
      <p>
        The link may be mistyped, or its owner may have replaced it with a new one. Ask whoever shared it for a fresh
        link.
      </p>
      <p className="message-page__actions">
        <Link href="/" className="button button--primary">
          Go to the home page
        </Link>
        <Link href="/m/demo" className="button">
          Open the demo debate
        </Link>
      </p>
    </main>
  );
}
