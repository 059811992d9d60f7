import { IntervalSettingForm } from "@/components/current-visitors/interval-setting-form";
import { NotAllowed } from "@/components/ui/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth/guard";
import { intervalSettingState } from "@/lib/current-visitors/interval-setting";

export const metadata = { title: "Current visitors" };

export default async function LiveSettingsPage() {
  const { allowed } = await requireRole("admin");
  if (!allowed) return <NotAllowed role="admin" />;
  return (
    <>
      <PageHeader
        title="Current visitors"
        description="How often Sounding asks Fathom for each watched site's current visitors. Everyone watching a site shares one request per interval."
      />
      <IntervalSettingForm initial={await intervalSettingState()} />
    </>
  );
}
