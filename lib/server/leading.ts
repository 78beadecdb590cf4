/**
 * Who may lead: whose `presenting` (the step they show) the server relays, so that the others'
 * editors follow it. Everyone else presents privately (their stage works, nobody follows it).
 * By default only the owner leads; the classroom work adds the owner's setting "anyone with the
 * edit link can present to everyone" here, as a field of LeadSettings read from the map.
 */
import type { Role } from "../map/types";

export interface LeadSettings {
  /** The owner lets everyone with the edit link lead. */
  editorsMayLead: boolean;
}

export const DEFAULT_LEAD_SETTINGS: LeadSettings = { editorsMayLead: false };

export function mayLead(role: Role, settings: LeadSettings = DEFAULT_LEAD_SETTINGS): boolean {
  return role === "owner" || (role === "edit" && settings.editorsMayLead);
}
