/** The symbol of each label, so it never rests on colour: a tick, a cross, a question mark. */
import { icon } from "../icons";
import type { Label } from "@/lib/map/evaluation/input";

const AcceptedIcon = icon(
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M8 12.5l2.8 2.8L16.5 9" />
  </>,
  "AcceptedIcon",
);
const DefeatedIcon = icon(
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M9 9l6 6M15 9l-6 6" />
  </>,
  "DefeatedIcon",
);
const UndecidedIcon = icon(
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M9.6 9.4a2.5 2.5 0 0 1 4.8 1c0 1.6-2.4 2-2.4 3.4" />
    <path d="M12 17h.01" />
  </>,
  "UndecidedIcon",
);

const ICONS = { accepted: AcceptedIcon, defeated: DefeatedIcon, undecided: UndecidedIcon };

export function VerdictIcon({ label, size = 14 }: { label: Label; size?: number }) {
  const Icon = ICONS[label];
  return <Icon size={size} />;
}
