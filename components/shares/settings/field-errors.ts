/**
 * Messages keyed by the dotted path of what they are about (`settings.branding.accent`,
 * `settings.lockedFilters.0.value`), as the API's `fields` and `fieldsFromZod` write them. Each part of
 * the share form shows the paths it owns beside its controls; the rest go into the form's summary, so no
 * message is ever dropped.
 */
export type FieldErrors = Record<string, string[]>;

/** The messages of exactly these paths. */
export function errorsAt(errors: FieldErrors, ...paths: string[]): string[] {
  return paths.flatMap((path) => errors[path] ?? []);
}

/** The paths some control of the form shows beside itself. Keep in step with the form's parts. */
const PLACED: RegExp[] = [
  /^settings\.clientName$/,
  /^password$/,
  /^expiresAt$/,
  /^settings\.window(\.presets(\.\d+)?|\.defaultPreset|\.floor|\.ceiling)?$/,
  /^settings\.lockedFilters(\.\d+(\.(property|operator|value))?)?$/,
  /^settings\.lockedLabel$/,
  /^settings\.milestones(\.mode|\.ids(\.\d+)?)?$/,
  /^settings\.branding\.(accent|intro|madeWith)$/,
  /^logo(\.type|\.base64)?$/,
  /^settings\.embedOrigins(\.\d+)?$/,
  /^settings\.refreshMinutes$/,
];

const isPlaced = (path: string) => PLACED.some((pattern) => pattern.test(path));

/** Messages no control shows: about the target, the whole body, or a path this form does not know. */
export function unplacedErrors(errors: FieldErrors): string[] {
  return Object.entries(errors)
    .filter(([path]) => !isPlaced(path))
    .flatMap(([, messages]) => messages);
}

/** How many controls show a message: one per path. */
export function placedCount(errors: FieldErrors): number {
  return Object.entries(errors).filter(([path, messages]) => messages.length > 0 && isPlaced(path)).length;
}
