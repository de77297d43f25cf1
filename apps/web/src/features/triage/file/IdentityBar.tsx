import type { TeamReferralDetail } from "@cse/contracts";
import { RiskTag, StatusTag, TransferRequestedTag } from "../../../components/ReferralTags.tsx";

/** MoJ identity bar: who the file is about, its reference and its risk, above everything else. */
export function IdentityBar({ referral }: { referral: TeamReferralDetail }) {
  const { child } = referral.content;
  return (
    <div className="app-identity-bar">
      <p className="app-identity-bar__item">
        <span className="app-identity-bar__label">Child</span>
        <strong>
          {child.givenNames} {child.familyName}
        </strong>
        {child.ageAtReferral === null ? ", age not known" : `, ${child.ageAtReferral} when referred`}
      </p>
      <p className="app-identity-bar__item">
        <span className="app-identity-bar__label">Reference</span>
        {referral.reference}
      </p>
      <p className="app-identity-bar__item">
        <span className="app-identity-bar__label">Risk</span>
        <RiskTag risk={referral.risk.rating} />
      </p>
      <p className="app-identity-bar__item">
        <span className="app-identity-bar__label">Status</span>
        <StatusTag status={referral.status} audience="team" />
        {referral.pendingTransfer ? (
          <>
            {" "}
            <TransferRequestedTag />
          </>
        ) : null}
      </p>
    </div>
  );
}
