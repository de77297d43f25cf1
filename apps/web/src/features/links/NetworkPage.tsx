import { referralNetworkSchema, type ReferralNetwork } from "@cse/contracts";
import { lazy, Suspense, useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { describeFailure } from "../../api/errors.ts";
import { parsedApi } from "../../api/parsed.ts";
import { BackLink, ErrorSummary, Table, type TableColumn } from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";

// Cytoscape is large: it is fetched only when this page draws a picture.
const NetworkGraph = lazy(() => import("./NetworkGraph.tsx"));

type Node = ReferralNetwork["nodes"][number];

const KIND_WORDS: Record<Node["kind"], string> = {
  REFERRAL: "Referral",
  CHILD: "Child",
  PERSON: "Person",
  PHONE: "Phone",
  VEHICLE: "Vehicle",
  HANDLE: "Online handle",
  PLACE: "Place",
};

/** The accessible alternative: each shared thing, and the referrals it joins. */
function connectionsOf(network: ReferralNetwork) {
  const byId = new Map(network.nodes.map((node) => [node.id, node]));
  return network.nodes
    .filter((node) => node.kind !== "REFERRAL")
    .map((node) => ({
      node,
      referrals: network.edges
        .filter((edge) => edge.target === node.id)
        .map((edge) => byId.get(edge.source))
        .filter((source): source is Node => source !== undefined),
    }));
}

type Connection = ReturnType<typeof connectionsOf>[number];

const columns: readonly TableColumn<Connection>[] = [
  { header: "Shared", cell: (row) => row.node.label },
  { header: "Kind", cell: (row) => KIND_WORDS[row.node.kind] },
  {
    header: "Referrals it joins",
    cell: (row) => (
      <ul className="govuk-list">
        {row.referrals.map((referral) => (
          <li key={referral.id}>
            <Link className="govuk-link" to={`/referrals/${referral.referralId ?? ""}`}>
              {referral.label}
            </Link>
          </li>
        ))}
      </ul>
    ),
  },
];

/** The network of a referral: what joins it to the linked referrals the viewer may open. */
export function NetworkPage() {
  const { id = "" } = useParams();
  const [network, setNetwork] = useState<ReferralNetwork | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  usePageTitle("How linked referrals are connected", failure !== null);

  useEffect(() => {
    parsedApi
      .get(referralNetworkSchema, `/api/referrals/${id}/network`)
      .then(setNetwork)
      .catch((error: unknown) => setFailure(describeFailure(error)));
  }, [id]);

  const self = network?.nodes.find((node) => node.referralId === id);
  const connections = network ? connectionsOf(network) : [];
  return (
    <>
      <BackLink to={`/referrals/${id}`}>Back to the referral</BackLink>
      <ErrorSummary items={failure ? [{ text: failure }] : []} />
      <h1 className="govuk-heading-l">How linked referrals are connected</h1>
      {network === null ? (
        failure ? null : (
          <p className="govuk-body" role="status">
            Loading the connections…
          </p>
        )
      ) : (
        <>
          <p className="govuk-body">
            The children, people, phones, vehicles and places that referral {self?.label} shares with the linked
            referrals you can open.
          </p>
          {network.hiddenReferrals > 0 ? (
            <p className="govuk-body">
              {network.hiddenReferrals} more linked {network.hiddenReferrals === 1 ? "referral is" : "referrals are"}{" "}
              held by other teams and not shown.
            </p>
          ) : null}
          {connections.length === 0 ? (
            <p className="govuk-body">There are no linked referrals you can open.</p>
          ) : (
            <>
              <Suspense
                fallback={
                  <p className="govuk-body" role="status">
                    Drawing the picture…
                  </p>
                }
              >
                <NetworkGraph network={network} />
              </Suspense>
              <Table
                caption="What the referrals share"
                columns={columns}
                rows={connections}
                rowKey={(row) => row.node.id}
              />
            </>
          )}
        </>
      )}
    </>
  );
}
