/**
 * Client shares: a read-only page at `/share/<slug>` showing one saved report or one dashboard to someone
 * outside the team, within a date window the agency chose, with filters the client cannot remove, optional
 * password, expiry, branding and embedding. One contract for the store, the admin API, the settings pages
 * and the public page. Isomorphic.
 */
import { z } from "zod";
import { DATE_PRESETS, datePresetSchema, isoDateSchema } from "@/lib/query/date-presets";
import { FATHOM_ID_PATTERN } from "@/lib/query/fathom-fields";
import { reportFilterSchema } from "@/lib/query/report-query";
import { isCleanText, personSchema } from "@/lib/reports/saved-report";
import { pathNumberSchema } from "@/lib/api/path-number";
import { accentProblem } from "./accent-contrast";

export const shareIdSchema = pathNumberSchema("a share id");

/**
 * A share's slug: 24 random bytes in base64url, 32 characters (192 bits). Checked by its exact shape before
 * anything is looked up, so a hostile path never reaches the database.
 */
export const SHARE_SLUG_LENGTH = 32;
export const shareSlugSchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/, "That is not a share link");

export const SHARE_TARGET_KINDS = ["report", "dashboard"] as const;
export const shareTargetSchema = z.strictObject({
  kind: z.enum(SHARE_TARGET_KINDS, { error: "Share a saved report or a dashboard" }),
  id: z.number({ error: "Pick what to share" }).int().positive().max(2_147_483_647, "That is not a report or dashboard id"),
});
export type ShareTarget = z.infer<typeof shareTargetSchema>;

/**
 * The dates a viewer may see. `presets` are the ranges the viewer may switch between; empty means only the
 * shared report's (or dashboard's) own range. `defaultPreset` (one of `presets`, or null for the own range)
 * is what the page opens with, and it moves with the calendar ("last month" is always the last full month).
 * `floor` and `ceiling` cut every range: nothing before the contract's start, nothing after its end.
 */
export const shareWindowSchema = z
  .strictObject({
    presets: z
      .array(datePresetSchema)
      .max(DATE_PRESETS.length)
      .refine((presets) => new Set(presets).size === presets.length, "Pick each range once"),
    defaultPreset: datePresetSchema.nullable(),
    floor: isoDateSchema.nullable(),
    ceiling: isoDateSchema.nullable(),
  })
  .superRefine((window, ctx) => {
    if (window.defaultPreset !== null && !window.presets.includes(window.defaultPreset)) {
      ctx.addIssue({ code: "custom", path: ["defaultPreset"], message: "The default range must be one the viewer may pick" });
    }
    if (window.presets.length > 0 && window.defaultPreset === null) {
      ctx.addIssue({ code: "custom", path: ["defaultPreset"], message: "Pick which of the allowed ranges the page opens with" });
    }
    if (window.floor && window.ceiling && window.ceiling < window.floor) {
      ctx.addIssue({ code: "custom", path: ["ceiling"], message: "The last date is before the first — swap them" });
    }
  });
export type ShareWindow = z.infer<typeof shareWindowSchema>;

export const MAX_LOCKED_FILTERS = 10;
export const MAX_CLIENT_NAME = 120;
export const MAX_SHARE_LABEL = 200;
export const MAX_SHARE_INTRO = 5000;
export const MAX_EMBED_ORIGINS = 10;
export const MAX_CHOSEN_MILESTONES = 100;

const cleanText = (what: string, max: number) =>
  z
    .string({ error: `${what} is text` })
    .trim()
    .max(max, `Keep ${what.toLowerCase()} under ${max.toLocaleString("en-US")} characters`)
    .refine(isCleanText, `Remove the unreadable character from ${what.toLowerCase()}`);

export const milestoneChoiceSchema = z.discriminatedUnion(
  "mode",
  [
    z.strictObject({ mode: z.literal("none") }),
    z.strictObject({ mode: z.literal("all") }),
    z.strictObject({
      mode: z.literal("chosen"),
      ids: z
        .array(z.string().regex(FATHOM_ID_PATTERN, "That is not a milestone id"))
        .min(1, "Pick at least one milestone, or show none")
        .max(MAX_CHOSEN_MILESTONES),
    }),
  ],
  { error: "Show no milestones, all of them, or chosen ones" },
);
export type MilestoneChoice = z.infer<typeof milestoneChoiceSchema>;

/** `#rrggbb`, refused when it would not stand out (3:1) on both the light and the dark page (./accent-contrast.ts). */
export const accentSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #2563eb")
  .transform((hex) => hex.toLowerCase())
  .superRefine((hex, ctx) => {
    const problem = accentProblem(hex);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/**
 * A host name of letters, digits, dots and hyphens (or an IPv6 address in brackets). The URL parser lets
 * through `*` and `;`, which in a CSP source would be a wildcard or the start of another directive.
 */
const PLAIN_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/;

/**
 * An origin allowed to embed the share: `https://host[:port]` exactly as a browser writes it (no path, no
 * wildcard), since it goes into the page's `frame-ancestors` as it is.
 */
export const embedOriginSchema = z.string().refine((text) => {
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === text && !url.username && !url.password && PLAIN_HOST.test(url.hostname);
  } catch {
    return false;
  }
}, "Use an origin like https://client.example (scheme, host and port only)");

/** What a share shows and how: everything but its target, password, logo and state. Stored as `settings_json`. */
export const shareSettingsSchema = z.strictObject({
  clientName: cleanText("The client's name", MAX_CLIENT_NAME).min(1, "Name the client"),
  window: shareWindowSchema,
  /** Added to every query of the share on the server; never shown to the viewer nor sent to the page. */
  lockedFilters: z.array(reportFilterSchema).max(MAX_LOCKED_FILTERS, `Lock at most ${MAX_LOCKED_FILTERS} filters`),
  /** What the viewer is told instead of the locked filters ("Spring campaign only"); empty for nothing. */
  lockedLabel: cleanText("The label", MAX_SHARE_LABEL),
  milestones: milestoneChoiceSchema,
  branding: z.strictObject({
    /** Null: Sounding's own accent. */
    accent: accentSchema.nullable(),
    /** Markdown shown above the reports (rendered without HTML or images). */
    intro: cleanText("The intro", MAX_SHARE_INTRO),
    /** Show "Made with Sounding" at the foot of the page. */
    madeWith: z.boolean(),
  }),
  embedOrigins: z
    .array(embedOriginSchema)
    .max(MAX_EMBED_ORIGINS, `Allow at most ${MAX_EMBED_ORIGINS} sites to embed the page`)
    .refine((origins) => new Set(origins).size === origins.length, "Name each site once"),
  /**
   * The least time between two fetches of the same figures for this share, for periods touching today
   * (closed periods are kept longer by the governor anyway): a link posted to a whole company never
   * spends more than its distinct queries per interval.
   */
  refreshMinutes: z.number({ error: "The refresh interval is a number of minutes" }).int().min(1, "Refresh at most once a minute").max(1440, "Refresh at least once a day"),
});
export type ShareSettings = z.infer<typeof shareSettingsSchema>;

export const DEFAULT_REFRESH_MINUTES = 15;

export const SHARE_LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export const MAX_LOGO_BYTES = 256 * 1024;
/**
 * A logo as the settings page uploads it: its type and its bytes in base64 (the server checks the bytes
 * really are that type, ./logo.ts). SVG is refused: it can carry script.
 */
export const logoUploadSchema = z.strictObject({
  type: z.enum(SHARE_LOGO_TYPES, { error: "Upload a PNG, JPEG or WebP image (not SVG)" }),
  base64: z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, "The logo is not base64")
    .max(Math.ceil(MAX_LOGO_BYTES / 3) * 4, `Keep the logo under ${MAX_LOGO_BYTES / 1024} KB`),
});
export type LogoUpload = z.infer<typeof logoUploadSchema>;

export const SHARE_PASSWORD_MIN = 8;
export const sharePasswordSchema = z
  .string({ error: "The password is text" })
  .min(SHARE_PASSWORD_MIN, `Use at least ${SHARE_PASSWORD_MIN} characters`)
  .max(200, "Keep the password under 200 characters")
  .refine(isCleanText, "Remove the unreadable character from the password");

/** `POST /api/shares`. `expiresAt`: an instant in the future, or null for never. */
export const newShareSchema = z.strictObject({
  target: shareTargetSchema,
  settings: shareSettingsSchema,
  password: sharePasswordSchema.nullable().default(null),
  expiresAt: z.iso.datetime({ offset: true, error: "Pick an expiry date" }).nullable().default(null),
  logo: logoUploadSchema.nullable().default(null),
});

/**
 * `PATCH /api/shares/[id]`: any of these; `null` removes the password, expiry or logo; absent keeps it.
 * A new password (or removing it) ends every unlocked browser.
 */
export const shareChangeSchema = z
  .strictObject({
    settings: shareSettingsSchema.optional(),
    password: sharePasswordSchema.nullable().optional(),
    expiresAt: z.iso.datetime({ offset: true, error: "Pick an expiry date" }).nullable().optional(),
    logo: logoUploadSchema.nullable().optional(),
  })
  .refine((change) => Object.values(change).some((value) => value !== undefined), { message: "Change at least one setting" });

/** `POST /api/shares/[id]/state`: pause, resume, rotate (a new link; the old one stops at once) or revoke (final). */
export const SHARE_ACTIONS = ["pause", "resume", "rotate", "revoke"] as const;
export const shareActionSchema = z.strictObject({ action: z.enum(SHARE_ACTIONS, { error: "Pause, resume, rotate or revoke" }) });
export type ShareAction = z.infer<typeof shareActionSchema>["action"];

export const SHARE_STATES = ["active", "paused", "expired", "revoked"] as const;
export const shareStateSchema = z.enum(SHARE_STATES);
export type ShareState = z.infer<typeof shareStateSchema>;

/** A share as the admin API answers it (team members only: it names the locked filters). */
export const shareSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  /** The absolute link to send the client (PUBLIC_URL or the request's origin + `/share/<slug>`). */
  url: z.string(),
  target: shareTargetSchema.extend({
    /** The report's or dashboard's current name; null when it was deleted (the share then shows nothing). */
    name: z.string().nullable(),
  }),
  settings: shareSettingsSchema,
  state: shareStateSchema,
  hasPassword: z.boolean(),
  hasLogo: z.boolean(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: personSchema,
  updatedAt: z.string(),
  updatedBy: personSchema,
  /** Page views in the last 30 UTC days (counted without identifying anyone), the last one, failed unlocks. */
  views30d: z.number().int(),
  lastViewedAt: z.string().nullable(),
  unlockFailures30d: z.number().int(),
});
export type Share = z.infer<typeof shareSchema>;

export const shareListSchema = z.object({ shares: z.array(shareSchema) });
