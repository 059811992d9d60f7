import type { DatePreset } from "@/lib/query/date-presets";
import type { ShareBranding } from "@/lib/shares/share-page-state";
import { BrandHeader } from "./brand-header";
import { ShareFooter } from "./share-footer";
import { ShareFrame } from "./share-frame";
import { UnlockForm, type UnlockError } from "./unlock-form";

export type LockedPageProps = {
  slug: string;
  branding: ShareBranding;
  embedded: boolean;
  range: DatePreset | null;
  error: UnlockError;
  retryMinutes: number | null;
};

/** A password-protected share before it is unlocked: the client's branding and a small form, nothing of the figures. */
export function LockedPage({ slug, branding, embedded, range, error, retryMinutes }: LockedPageProps) {
  return (
    <ShareFrame accent={branding.accent} embedded={embedded}>
      {embedded ? null : <BrandHeader slug={slug} clientName={branding.clientName} hasLogo={branding.hasLogo} />}
      <main id="main" className="flex flex-1 items-start justify-center px-4 py-12">
        <div className="flex w-full max-w-sm flex-col gap-4 rounded-lg border border-line bg-surface p-6 shadow-sm">
          <div className="flex flex-col gap-1">
            <h1 className="text-xl font-semibold">This page is protected</h1>
            <p className="text-sm text-muted">
              <span className="break-words">{branding.clientName}</span>: enter the password you were given to see the figures.
            </p>
          </div>
          <UnlockForm slug={slug} range={range} embedded={embedded} error={error} retryMinutes={retryMinutes} />
        </div>
      </main>
      <ShareFooter madeWith={branding.madeWith} />
    </ShareFrame>
  );
}
