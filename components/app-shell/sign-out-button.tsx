"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/api/client";

export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        try {
          await apiFetch("/api/session", { method: "DELETE" });
        } finally {
          router.replace("/login");
          router.refresh();
        }
      }}
    >
      Sign out
    </Button>
  );
}
