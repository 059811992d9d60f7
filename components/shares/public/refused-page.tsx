import { ShareFrame } from "./share-frame";

/**
 * A link that shows nothing (unknown, paused, expired, revoked): its reason and nothing else, no branding,
 * since the link may be a guess and must not confirm whose it is.
 */
export function RefusedPage({ title, message }: { title: string; message: string }) {
  return (
    <ShareFrame accent={null} embedded={false}>
      <main id="main" className="flex flex-1 flex-col items-center justify-center gap-3 px-4 py-16 text-center" data-share-refused>
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="max-w-md text-sm text-muted">{message}</p>
      </main>
    </ShareFrame>
  );
}
