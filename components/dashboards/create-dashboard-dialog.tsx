"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Dialog } from "radix-ui";
import { useState, type FormEvent } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { dialogPanelClass, overlayClass } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { reportNameSchema } from "@/lib/reports/saved-report";
import { createDashboard, dashboardKeys } from "./dashboard-queries";

/** "New dashboard": a name, then the empty board opens, ready for "Edit". */
export function CreateDashboardDialog() {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: createDashboard,
    onSuccess: (dashboard) => {
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.list() });
      router.push(`/dashboards/${dashboard.id}`);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = reportNameSchema.safeParse(name);
    if (!parsed.success) return setProblem((parsed.error.issues[0]?.message ?? "Give the dashboard a name").replace("the report", "the dashboard"));
    setProblem(null);
    create.mutate(parsed.data);
  }

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) create.reset();
      }}
    >
      <Dialog.Trigger className={buttonClass("primary")}>New dashboard</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className={overlayClass} />
        <Dialog.Content className={dialogPanelClass}>
          <Dialog.Title className="text-lg font-semibold">New dashboard</Dialog.Title>
          <Dialog.Description className="text-sm text-muted">Name it; you add its tiles next.</Dialog.Description>
          <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
            <Field label="Name" value={name} autoFocus errors={problem ? [problem] : undefined} onChange={(event) => setName(event.target.value)} placeholder="Weekly marketing" />
            {create.error ? <Notice tone="error">Could not create the dashboard. {create.error.message}</Notice> : null}
            <div className="flex justify-end gap-2">
              <Dialog.Close className={buttonClass("secondary")}>Cancel</Dialog.Close>
              <Button type="submit" disabled={create.isPending || create.isSuccess}>
                {create.isPending || create.isSuccess ? "Creating…" : "Create"}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
