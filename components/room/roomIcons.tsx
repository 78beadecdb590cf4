/** The classroom's icons (see ../icons.tsx): decorative, callers give the text. */
import { icon } from "../icons";

/** A raised hand. */
export const HandIcon = icon(
  <path d="M8 13V6.5a1.5 1.5 0 013 0V12M11 11V4.5a1.5 1.5 0 013 0V12M14 11.5V6a1.5 1.5 0 013 0v8a6 6 0 01-6 6h-.5a6 6 0 01-4.8-2.4L4 14.8a1.5 1.5 0 012.3-1.9L8 14.5" />,
  "HandIcon",
);

/** People in a room. */
export const RoomIcon = icon(
  <>
    <circle cx="9" cy="8" r="3" />
    <path d="M3 20a6 6 0 0112 0M16 5.5a3 3 0 010 5.5M17.5 14.5A6 6 0 0121 20" />
  </>,
  "RoomIcon",
);
