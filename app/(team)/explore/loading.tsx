import { PageHeader } from "@/components/ui/page-header";

/** Shown while the sites and their events load (from the governor's cache, usually at once). */
export default function ExploreLoading() {
  return (
    <>
      <PageHeader title="Explore" description="Build any report the Fathom API can answer." />
      <p role="status" className="text-sm text-muted">
        Loading your sites…
      </p>
    </>
  );
}
