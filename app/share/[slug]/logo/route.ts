import type { NextRequest } from "next/server";
import { ApiError } from "@/lib/api/errors";
import { jsonError, toErrorResponse } from "@/lib/api/route";
import { SHARE_LOGO_TYPES } from "@/lib/shares/share";
import { openShare, SHARE_HEADERS, withShareHeaders } from "@/lib/shares/share-access";
import { shareLogo } from "@/lib/shares/shares-service";

type Context = { params: Promise<{ slug: string }> };

const noLogo = () => withShareHeaders(jsonError(new ApiError(404, "not_found", "This link has no logo.")));
const isLogoType = (type: string): type is (typeof SHARE_LOGO_TYPES)[number] => (SHARE_LOGO_TYPES as readonly string[]).includes(type);

/**
 * `GET /share/<slug>/logo`: the client's logo of a link that works, unlocked or not (the password form
 * shows it too). Served as the type it was stored as, never sniffed into anything else, with a policy
 * that lets nothing in it run; browsers may keep it for five minutes.
 */
export async function GET(_request: NextRequest, { params }: Context): Promise<Response> {
  try {
    const { slug } = await params;
    const access = await openShare(slug, undefined);
    if (access.status === "refused" || !access.share.hasLogo) return noLogo();
    const logo = await shareLogo(slug);
    if (!logo || !isLogoType(logo.type)) return noLogo();
    return new Response(logo.bytes.slice(), {
      headers: {
        ...SHARE_HEADERS,
        "Content-Type": logo.type,
        "Cache-Control": "private, max-age=300",
        "Content-Security-Policy": "default-src 'none'",
        "Cross-Origin-Resource-Policy": "same-origin",
      },
    });
  } catch (error) {
    return withShareHeaders(toErrorResponse(error));
  }
}
