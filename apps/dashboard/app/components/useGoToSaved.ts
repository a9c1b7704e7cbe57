import { useNavigate, useNavigation } from "@remix-run/react";
import { useEffect } from "react";

/**
 * After a new document is saved, moves to its page (`to(id)`) once the submission has settled: the
 * editor has then cleared the draft, and navigating while Remix still reloads this page's data after
 * the action would abort that request.
 *
 * @param outcome - the action's answer (`{ id }` once saved)
 * @param to - the address of the saved document's page
 */
export function useGoToSaved(outcome: unknown, to: (id: string) => string): void {
  const navigate = useNavigate();
  const navigation = useNavigation();
  const savedId = outcome && typeof outcome === "object" && "id" in outcome && typeof outcome.id === "string" ? outcome.id : undefined;
  const address = savedId ? to(savedId) : undefined;
  useEffect(() => {
    if (address && navigation.state === "idle") navigate(address, { replace: true });
  }, [address, navigation.state, navigate]);
}
