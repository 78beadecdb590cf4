import "./quote-flag.css";
import { WarningIcon } from "../icons";

/** "Quote not found in source", with a symbol as well as a colour. */
export function QuoteFlag({ status, compact = false }: { status: "changed" | "missing"; compact?: boolean }) {
  const text = compact ? "Quote not found" : status === "changed" ? "Quote not found in source: the words there differ now" : "Quote not found in source";
  return (
    <span className="quote-flag" data-testid="quote-flag" data-status={status}>
      <WarningIcon size={compact ? 12 : 14} />
      <span>{text}</span>
    </span>
  );
}
