import type { CustomField, ProfileView } from './types';

/** How a built-in field is edited. */
export type FieldKind = 'text' | 'email' | 'tel' | 'url' | 'textarea' | 'list' | 'date' | 'timeZone' | 'status' | 'manager' | 'department' | 'location';

export interface FieldSpec {
  /** The JSON name in ProfileView and ProfilePatchRequest. */
  name: keyof ProfileView & string;
  label: string;
  kind: FieldKind;
  maxLength?: number;
  hint?: string;
}

/** The built-in fields in the order a form shows them, with ProfilePatchRequest's limits. */
export const FIELDS: FieldSpec[] = [
  { name: 'displayName', label: 'Display name', kind: 'text', maxLength: 200 },
  { name: 'givenName', label: 'Given name', kind: 'text', maxLength: 100 },
  { name: 'familyName', label: 'Family name', kind: 'text', maxLength: 100 },
  { name: 'pronouns', label: 'Pronouns', kind: 'text', maxLength: 40, hint: 'For example she/her, he/him, they/them.' },
  { name: 'title', label: 'Job title', kind: 'text', maxLength: 200 },
  { name: 'email', label: 'Email', kind: 'email', maxLength: 320 },
  { name: 'phone', label: 'Phone', kind: 'tel', maxLength: 40, hint: 'Digits with + ( ) . - and spaces, for example +33 1 23 45 67 89.' },
  { name: 'department', label: 'Department', kind: 'department', maxLength: 120 },
  { name: 'location', label: 'Location', kind: 'location', maxLength: 120 },
  { name: 'managerId', label: 'Manager', kind: 'manager' },
  { name: 'timeZone', label: 'Time zone', kind: 'timeZone' },
  { name: 'languages', label: 'Languages', kind: 'list', hint: 'Language tags separated by commas, for example fr, en, pt-BR.' },
  { name: 'skills', label: 'Skills', kind: 'list', hint: 'Separated by commas, for example Kotlin, public speaking.' },
  { name: 'bio', label: 'About', kind: 'textarea', maxLength: 2000 },
  { name: 'avatarUrl', label: 'Picture URL', kind: 'url', maxLength: 2048, hint: 'An http or https address of your picture.' },
  { name: 'startDate', label: 'Start date', kind: 'date' },
  { name: 'employeeNumber', label: 'Employee number', kind: 'text', maxLength: 64 },
  { name: 'status', label: 'Status', kind: 'status' },
];

/** A field's current value as form text: lists joined by commas, missing values empty. */
export function fieldText(profile: ProfileView, name: string): string {
  const value = (profile as unknown as Record<string, unknown>)[name];
  if (Array.isArray(value)) return value.join(', ');
  return value === null || value === undefined ? '' : String(value);
}

export function customText(profile: ProfileView, key: string): string {
  const value = profile.custom?.[key];
  return value === null || value === undefined ? '' : String(value);
}

const splitList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The form's edits (field → text, `custom.<key>` → text). */
export type Edits = Record<string, string>;

/**
 * The PATCH body: only the fields whose text differs from the profile (PATCH changes only what is present; an empty
 * text clears an optional field, an empty list a list, a custom value set to null is removed).
 */
export function patchOf(profile: ProfileView, edits: Edits, fields: FieldSpec[], custom: CustomField[]): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const f of fields) {
    const text = edits[f.name];
    if (text === undefined || text === fieldText(profile, f.name)) continue;
    if (f.kind === 'list') {
      const list = splitList(text);
      if (list.join(', ') !== fieldText(profile, f.name)) patch[f.name] = list;
    } else if (f.kind === 'date') {
      // An empty date cannot be sent as a change (the API reads it as absent): only a set date is a change.
      if (text) patch[f.name] = text;
    } else if (f.kind === 'textarea') {
      patch[f.name] = text.trim() === '' ? '' : text;
    } else {
      patch[f.name] = text.trim();
    }
  }
  const customPatch: Record<string, unknown> = {};
  for (const c of custom) {
    const text = edits[`custom.${c.key}`];
    if (text === undefined || text === customText(profile, c.key)) continue;
    customPatch[c.key] = text.trim() === '' ? null : c.type === 'NUMBER' ? Number(text) : text.trim();
  }
  if (Object.keys(customPatch).length) patch.custom = customPatch;
  return patch;
}

const languageNames = (() => {
  try {
    return new Intl.DisplayNames(undefined, { type: 'language' });
  } catch {
    return null;
  }
})();

/** "French" for `fr`, the tag itself when the browser does not know it. */
export function languageName(tag: string): string {
  try {
    return languageNames?.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A yyyy-mm-dd date as the reader's locale writes it (read as a calendar day, not shifted by time zones). */
export function calendarDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
}

/** The time it is now in a zone ("14:32"), or null for a zone the browser does not know. */
export function localTime(zone: string): string | null {
  try {
    return new Date().toLocaleTimeString(undefined, { timeZone: zone, hour: '2-digit', minute: '2-digit' });
  } catch {
    return null;
  }
}

/** The IANA zones the browser knows, for the time zone choice. */
export function timeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  if (!zones.includes('UTC')) zones = ['UTC', ...zones];
  if (current && !zones.includes(current)) zones = [current, ...zones];
  return zones;
}
