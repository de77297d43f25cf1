import type { LinkedReferral, NetworkNodeKind, ReferralNetwork } from "@cse/contracts";
import type { Transaction } from "../../db/client.ts";
import type { IdentifierKind } from "../../generated/prisma/enums.ts";

type Graph = Pick<ReferralNetwork, "nodes" | "edges">;

/** How each identifier appears in the picture. A child's date of birth is not a node of its own. */
const NODE_OF: Partial<Record<IdentifierKind, { kind: NetworkNodeKind; words: string }>> = {
  CHILD_NAME: { kind: "CHILD", words: "Child" },
  PERSON_NAME: { kind: "PERSON", words: "Person" },
  PHONE: { kind: "PHONE", words: "Phone" },
  VEHICLE: { kind: "VEHICLE", words: "Vehicle" },
  HANDLE: { kind: "HANDLE", words: "Online handle" },
  ADDRESS: { kind: "PLACE", words: "Address" },
  POSTCODE: { kind: "PLACE", words: "Postcode" },
};

const titleCase = (text: string) => text.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase());

/**
 * The children, people, phones, vehicles and places that join the referral to its linked
 * referrals: only the identifiers that at least two of the shown referrals have in common, and
 * only of referrals the viewer may open (the caller passes no others). Same-child links found
 * by a similar name rather than an equal one get a child node of their own, so every link
 * shown has a path in the picture.
 */
export async function buildNetwork(
  tx: Transaction,
  referral: { id: string; reference: string },
  linked: readonly LinkedReferral[],
): Promise<Graph> {
  const referralNode = (id: string) => `referral:${id}`;
  const nodes: Graph["nodes"] = [
    { id: referralNode(referral.id), kind: "REFERRAL", label: referral.reference, referralId: referral.id },
    ...linked.map((link) => ({
      id: referralNode(link.referralId),
      kind: "REFERRAL" as const,
      label: link.reference,
      referralId: link.referralId,
    })),
  ];
  const edges: Graph["edges"] = [];
  if (linked.length === 0) return { nodes, edges };

  const ids = [referral.id, ...linked.map((link) => link.referralId)];
  const identifiers = await tx.referralIdentifier.findMany({
    where: { referralId: { in: ids }, kind: { not: "CHILD_DOB" } },
    select: { referralId: true, kind: true, value: true },
  });
  const holders = new Map<string, Set<string>>();
  for (const { referralId, kind, value } of identifiers) {
    const key = JSON.stringify([NODE_OF[kind]?.kind, kind, value]);
    holders.set(key, (holders.get(key) ?? new Set()).add(referralId));
  }
  const joined = new Set<string>();
  for (const [key, referralIds] of [...holders.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (referralIds.size < 2) continue;
    const [nodeKind, kind, value] = JSON.parse(key) as [NetworkNodeKind, IdentifierKind, string];
    const words = NODE_OF[kind]?.words ?? "Shared";
    const id = `identifier:${nodes.length}`;
    const shown = kind === "CHILD_NAME" || kind === "PERSON_NAME" ? titleCase(value) : value;
    nodes.push({ id, kind: nodeKind, label: `${words}: ${shown}`, referralId: null });
    for (const holder of [...referralIds].sort()) {
      edges.push({ id: `${id}-${holder}`, source: referralNode(holder), target: id });
      joined.add(holder);
    }
  }
  for (const link of linked) {
    if (!link.sameChild || joined.has(link.referralId)) continue;
    const id = `child:${link.referralId}`;
    nodes.push({ id, kind: "CHILD", label: `Child: ${link.childName} (similar name)`, referralId: null });
    edges.push({ id: `${id}-a`, source: referralNode(referral.id), target: id });
    edges.push({ id: `${id}-b`, source: referralNode(link.referralId), target: id });
  }
  return { nodes, edges };
}
