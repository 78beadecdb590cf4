/** Icons of the presentation and its path editor (decorative: callers give the text). */
import { icon } from "../icons";

export const PreviousIcon = icon(<path d="M15 5l-7 7 7 7" />, "PreviousIcon");
export const NextIcon = icon(<path d="M9 5l7 7-7 7" />, "NextIcon");
export const ArrowUpIcon = icon(<path d="M12 19V5M6 11l6-6 6 6" />, "ArrowUpIcon");
export const ArrowDownIcon = icon(<path d="M12 5v14M6 13l6 6 6-6" />, "ArrowDownIcon");
export const PlayIcon = icon(<path d="M7 4.5v15l12-7.5z" />, "PlayIcon");
export const FullscreenIcon = icon(<path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />, "FullscreenIcon");
export const ScreenOffIcon = icon(
  <>
    <rect x="3" y="4" width="18" height="13" rx="2" />
    <path d="M8 21h8M12 17v4M3 4l18 13" />
  </>,
  "ScreenOffIcon",
);
export const NotesIcon = icon(
  <>
    <rect x="3" y="4" width="18" height="13" rx="2" />
    <path d="M7 8h10M7 12h6M8 21h8M12 17v4" />
  </>,
  "NotesIcon",
);
export const ExitIcon = icon(<path d="M10 4H5v16h5M14 8l4 4-4 4M18 12H9" />, "ExitIcon");
export const GripIcon = icon(<path d="M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01" strokeWidth={3} />, "GripIcon");
export const GroupIcon = icon(
  <>
    <rect x="3" y="3" width="8" height="8" rx="1.5" />
    <rect x="13" y="13" width="8" height="8" rx="1.5" />
    <path d="M11 7h4a2 2 0 012 2v4" />
  </>,
  "GroupIcon",
);
