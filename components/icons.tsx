/** Small inline SVG icons (no icon font, nothing to download). Decorative: callers give the text. */
import type { ReactElement, SVGProps } from "react";

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

export function icon(paths: ReactElement, name: string) {
  function Icon({ size = 16, ...props }: IconProps) {
    return (
      <svg
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        {...props}
      >
        {paths}
      </svg>
    );
  }
  Icon.displayName = name;
  return Icon;
}

/** A claim: a flag planted on a position. */
export const ClaimIcon = icon(
  <>
    <path d="M5 21V4" />
    <path d="M5 4h11l-2 4 2 4H5" />
  </>,
  "ClaimIcon",
);
/** A support: a plus in a circle. */
export const SupportIcon = icon(
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 8v8M8 12h8" />
  </>,
  "SupportIcon",
);
/** A rebuttal: a minus in a circle. */
export const RebuttalIcon = icon(
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M8 12h8" />
  </>,
  "RebuttalIcon",
);
/** A box holding a reason whole (an argument). */
export const ArgumentIcon = icon(
  <>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <path d="M7 9h10M7 14h6" />
  </>,
  "ArgumentIcon",
);
/** Two lines joining into one: premises carrying a reason together. */
export const PremiseIcon = icon(<path d="M6 20V12h12v8M12 12V4" />, "PremiseIcon");
/** Two boxes drawn into one: statements combined into one reason. */
export const CombineIcon = icon(
  <>
    <path d="M4 20v-5h5v5zM15 20v-5h5v5z" />
    <path d="M6.5 15v-3h11v3M12 12V4" />
  </>,
  "CombineIcon",
);
/** A line stopped by a bar: an objection to the step from a reason to its point. */
export const UndercutIcon = icon(<path d="M4 12h12M16 6v12" />, "UndercutIcon");
export const CheckIcon = icon(<path d="M5 12.5l4.5 4.5L19 7.5" />, "CheckIcon");
export const CrossIcon = icon(<path d="M6 6l12 12M18 6L6 18" />, "CrossIcon");
export const TrashIcon = icon(
  <>
    <path d="M4 7h16M10 11v6M14 11v6" />
    <path d="M6 7l1 13h10l1-13M9 7V4h6v3" />
  </>,
  "TrashIcon",
);
export const UndoIcon = icon(
  <>
    <path d="M9 14L4 9l5-5" />
    <path d="M4 9h10.5a5.5 5.5 0 010 11H11" />
  </>,
  "UndoIcon",
);
export const RedoIcon = icon(
  <>
    <path d="M15 14l5-5-5-5" />
    <path d="M20 9H9.5a5.5 5.5 0 000 11H13" />
  </>,
  "RedoIcon",
);
export const TidyIcon = icon(
  <>
    <rect x="9" y="3" width="6" height="5" rx="1" />
    <rect x="3" y="16" width="6" height="5" rx="1" />
    <rect x="15" y="16" width="6" height="5" rx="1" />
    <path d="M12 8v4M6 16v-4h12v4" />
  </>,
  "TidyIcon",
);
export const FitIcon = icon(
  <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />,
  "FitIcon",
);
export const KeyboardIcon = icon(
  <>
    <rect x="2" y="6" width="20" height="12" rx="2" />
    <path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10" />
  </>,
  "KeyboardIcon",
);
export const SourceIcon = icon(
  <>
    <path d="M6 3h9l4 4v14H6z" />
    <path d="M14 3v5h5M9 13h7M9 17h5" />
  </>,
  "SourceIcon",
);
export const QuoteIcon = icon(
  <path d="M7 7H4v6h4v-2c0 2-1 4-3 5M17 7h-3v6h4v-2c0 2-1 4-3 5" />,
  "QuoteIcon",
);
export const CopyIcon = icon(
  <>
    <rect x="9" y="9" width="11" height="11" rx="2" />
    <path d="M5 15V5a1 1 0 011-1h10" />
  </>,
  "CopyIcon",
);
export const DownloadIcon = icon(<path d="M12 4v11M7 10l5 5 5-5M5 20h14" />, "DownloadIcon");
export const ChevronDownIcon = icon(<path d="M6 9l6 6 6-6" />, "ChevronDownIcon");
export const UploadIcon = icon(<path d="M12 20V9M7 14l5-5 5 5M5 4h14" />, "UploadIcon");
export const PlusIcon = icon(<path d="M12 5v14M5 12h14" />, "PlusIcon");
export const ExternalIcon = icon(<path d="M14 4h6v6M20 4l-9 9M18 14v5H5V6h5" />, "ExternalIcon");
export const WarningIcon = icon(
  <>
    <path d="M12 3l10 18H2z" />
    <path d="M12 10v4M12 17.5v.01" />
  </>,
  "WarningIcon",
);
export const SpinnerIcon = icon(<path d="M12 3a9 9 0 109 9" />, "SpinnerIcon");
export const ShareIcon = icon(
  <>
    <circle cx="18" cy="5" r="3" />
    <circle cx="6" cy="12" r="3" />
    <circle cx="18" cy="19" r="3" />
    <path d="M8.6 13.5l6.8 4M15.4 6.5l-6.8 4" />
  </>,
  "ShareIcon",
);
export const LinkOffIcon = icon(
  <>
    <path d="M9 17H7a5 5 0 010-10h2M15 7h2a5 5 0 014 7.9" />
    <path d="M8 12h4M3 3l18 18" />
  </>,
  "LinkOffIcon",
);
export const ChevronRightIcon = icon(<path d="M9 6l6 6-6 6" />, "ChevronRightIcon");
/** Focus: a target. */
export const FocusIcon = icon(
  <>
    <circle cx="12" cy="12" r="7" />
    <circle cx="12" cy="12" r="2.5" />
  </>,
  "FocusIcon",
);
export const SearchIcon = icon(
  <>
    <circle cx="11" cy="11" r="6.5" />
    <path d="M16 16l4.5 4.5" />
  </>,
  "SearchIcon",
);
