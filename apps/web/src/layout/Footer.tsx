export function Footer() {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">About this service</h2>
            <p className="govuk-body-s">
              CSE Referral Hub is run for the West Yorkshire safeguarding partnership: Bradford, Calderdale, Kirklees,
              Leeds and Wakefield.
            </p>
            <p className="govuk-body-s">If a child is in immediate danger, call 999.</p>
          </div>
        </div>
      </div>
    </footer>
  );
}
