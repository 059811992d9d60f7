import type { NextRequest } from "next/server";
import { ApiError } from "@/lib/api/errors";
import { toErrorResponse } from "@/lib/api/route";
import { datePresetSchema } from "@/lib/query/date-presets";
import { openShare, refusalError, SHARE_HEADERS, shareLocked, withShareHeaders } from "@/lib/shares/share-access";
import { shareAnswer } from "@/lib/shares/share-page";
import { sharePreset } from "@/lib/shares/share-window";
import { UNLOCK_COOKIE } from "@/lib/shares/unlock-cookie";

type Context = { params: Promise<{ slug: string }> };

const tampered = (message: string) => new ApiError(400, "invalid_input", message, { fields: { range: [message] } });

/**
 * The one parameter this route takes: `range`, once, naming a preset. Anything else (another site, a
 * filter, a grouping, a limit, dates) is refused before the share is even looked up, so a tampered request
 * costs no database read and no upstream request.
 */
function askedRange(search: URLSearchParams): string | undefined {
  const keys = [...search.keys()];
  if (keys.some((key) => key !== "range")) throw tampered("This address takes only a date range (?range=last_month), nothing else.");
  if (keys.length > 1) throw tampered("Give the date range once.");
  const range = search.get("range") ?? undefined;
  if (range !== undefined && !datePresetSchema.safeParse(range).success) throw tampered("There is no date range of that name.");
  return range;
}

/**
 * `GET /share/<slug>/data?range=<preset>`: the share's figures as JSON (ShareView), served from the share
 * cache as a ready string. Not through lib/api/route.ts's wrapper: a share has no session to look up.
 */
export async function GET(request: NextRequest, { params }: Context): Promise<Response> {
  try {
    const range = askedRange(request.nextUrl.searchParams);
    const { slug } = await params;
    const access = await openShare(slug, request.cookies.get(UNLOCK_COOKIE)?.value);
    if (access.status === "refused") throw refusalError(access.reason);
    if (access.status === "locked") throw shareLocked();
    const preset = sharePreset(access.share.settings.window, range);
    const { bytes } = await shareAnswer(access.share, preset, new Date());
    return new Response(bytes, { headers: { ...SHARE_HEADERS, "Content-Type": "application/json; charset=utf-8" } });
  } catch (error) {
    return withShareHeaders(toErrorResponse(error));
  }
}
