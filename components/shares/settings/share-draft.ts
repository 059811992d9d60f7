/**
 * The share form's state as the person edits it (text as typed, dates as `YYYY-MM-DD`), and the two
 * bodies it becomes: `POST /api/shares` and `PATCH /api/shares/[id]`. Both are checked with the
 * contract's own schemas before anything is sent, so the form says first what the server would refuse,
 * keyed by the same dotted paths as the server's `fields`. Pure, apart from the browser's timezone.
 */
import type { z } from "zod";
import { fieldsFromZod } from "@/lib/api/errors";
import { DATE_PRESETS, type DatePreset } from "@/lib/query/date-presets";
import type { ReportFilter } from "@/lib/query/report-query";
import {
  DEFAULT_REFRESH_MINUTES,
  newShareSchema,
  shareChangeSchema,
  type LogoUpload,
  type MilestoneChoice,
  type Share,
  type ShareTarget,
} from "@/lib/shares/share";
import type { FieldErrors } from "./field-errors";

/** A locked filter row; `key` only tells React the rows apart (it is never sent). */
export type LockedFilterDraft = ReportFilter & { key: string };

/** The logo: left as it is (none on a new share), removed, or a new upload with its preview. */
export type LogoDraft = "keep" | "remove" | { upload: LogoUpload; preview: string };

export type ShareDraft = {
  clientName: string;
  /** Empty: no password (new) or keep the current one (edit). */
  password: string;
  removePassword: boolean;
  /** `YYYY-MM-DD`, "" for never; null on edit while untouched, so the share's own expiry is not re-sent. */
  expiresOn: string | null;
  presets: DatePreset[];
  defaultPreset: DatePreset | null;
  floor: string;
  ceiling: string;
  lockedFilters: LockedFilterDraft[];
  lockedLabel: string;
  milestoneMode: MilestoneChoice["mode"];
  milestoneIds: string[];
  /** `#rrggbb` as typed, "" for Sounding's own accent. */
  accent: string;
  logo: LogoDraft;
  intro: string;
  madeWith: boolean;
  /** One origin per line, as typed. */
  embedOrigins: string;
  refreshMinutes: string;
};

export function newShareDraft(): ShareDraft {
  return {
    clientName: "",
    password: "",
    removePassword: false,
    expiresOn: "",
    presets: [],
    defaultPreset: null,
    floor: "",
    ceiling: "",
    lockedFilters: [],
    lockedLabel: "",
    milestoneMode: "none",
    milestoneIds: [],
    accent: "",
    logo: "keep",
    intro: "",
    madeWith: true,
    embedOrigins: "",
    refreshMinutes: String(DEFAULT_REFRESH_MINUTES),
  };
}

export function shareDraftOf(share: Share): ShareDraft {
  const { settings } = share;
  return {
    clientName: settings.clientName,
    password: "",
    removePassword: false,
    expiresOn: null,
    presets: settings.window.presets,
    defaultPreset: settings.window.defaultPreset,
    floor: settings.window.floor ?? "",
    ceiling: settings.window.ceiling ?? "",
    lockedFilters: settings.lockedFilters.map((filter, index) => ({ ...filter, key: `saved-${index}` })),
    lockedLabel: settings.lockedLabel,
    milestoneMode: settings.milestones.mode,
    milestoneIds: settings.milestones.mode === "chosen" ? settings.milestones.ids : [],
    accent: settings.branding.accent ?? "",
    logo: "keep",
    intro: settings.branding.intro,
    madeWith: settings.branding.madeWith,
    embedOrigins: settings.embedOrigins.join("\n"),
    refreshMinutes: String(settings.refreshMinutes),
  };
}

/** The origins of the embedding text box: one a line, trimmed, empty lines dropped. */
export function embedOriginsOf(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

function settingsOf(draft: ShareDraft): z.input<typeof newShareSchema>["settings"] {
  const milestones: MilestoneChoice = draft.milestoneMode === "chosen" ? { mode: "chosen", ids: draft.milestoneIds } : { mode: draft.milestoneMode };
  return {
    clientName: draft.clientName,
    window: {
      // In the presets' own order, whatever order they were ticked in: the page lists them that way.
      presets: DATE_PRESETS.filter((preset) => draft.presets.includes(preset)),
      defaultPreset: draft.presets.length ? draft.defaultPreset : null,
      floor: draft.floor || null,
      ceiling: draft.ceiling || null,
    },
    lockedFilters: draft.lockedFilters.map(({ property, operator, value }) => ({ property, operator, value })),
    lockedLabel: draft.lockedLabel,
    milestones,
    branding: { accent: draft.accent.trim() || null, intro: draft.intro, madeWith: draft.madeWith },
    embedOrigins: embedOriginsOf(draft.embedOrigins),
    // NaN for an empty box: the schema then says "a number of minutes" rather than "at least one".
    refreshMinutes: draft.refreshMinutes.trim() === "" ? Number.NaN : Number(draft.refreshMinutes),
  };
}

/** The last moment of a calendar day in the browser's timezone, with its offset: `2026-06-30T23:59:59.999+02:00`. */
export function endOfDay(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const offset = -new Date(year, month - 1, day, 23, 59, 59, 999).getTimezoneOffset();
  const sign = offset < 0 ? "-" : "+";
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, "0");
  return `${date}T23:59:59.999${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** The calendar day an instant falls on in `timezone`, as `YYYY-MM-DD`. */
export function dayIn(iso: string, timezone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

type Checked<T> = { ok: true; body: T } | { ok: false; fields: FieldErrors };

function check<S extends z.ZodType>(schema: S, body: z.input<S>): Checked<z.output<S>> {
  const result = schema.safeParse(body);
  return result.success ? { ok: true, body: result.data } : { ok: false, fields: fieldsFromZod(result.error) };
}

export function newShareBody(draft: ShareDraft, target: ShareTarget): Checked<z.output<typeof newShareSchema>> {
  return check(newShareSchema, {
    target: { kind: target.kind, id: target.id },
    settings: settingsOf(draft),
    password: draft.password === "" ? null : draft.password,
    expiresAt: draft.expiresOn ? endOfDay(draft.expiresOn) : null,
    logo: typeof draft.logo === "object" ? draft.logo.upload : null,
  });
}

/** Settings always go (the whole of them); password, expiry and logo only when changed, since absent keeps them. */
export function shareChangeBody(draft: ShareDraft): Checked<z.output<typeof shareChangeSchema>> {
  return check(shareChangeSchema, {
    settings: settingsOf(draft),
    password: draft.removePassword ? null : draft.password === "" ? undefined : draft.password,
    expiresAt: draft.expiresOn === null ? undefined : draft.expiresOn === "" ? null : endOfDay(draft.expiresOn),
    logo: draft.logo === "keep" ? undefined : draft.logo === "remove" ? null : draft.logo.upload,
  });
}

/** What each part of the form gets: the draft, a way to change some of it, and the messages to show. */
export type DraftProps = { draft: ShareDraft; onChange: (patch: Partial<ShareDraft>) => void; errors: FieldErrors };
