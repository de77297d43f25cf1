import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { postForFile } from "../../api/client.ts";
import { ApiError, describeFailure } from "../../api/errors.ts";
import {
  BackLink,
  Button,
  Checkboxes,
  DateInput,
  ErrorSummary,
  NotificationBanner,
  Textarea,
  type ErrorSummaryItem,
} from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import {
  emptyExportForm,
  EXPORT_RANGE_HINT,
  isTicked,
  readExportForm,
  type ExportErrors,
  type ExportForm,
} from "./export-form.ts";

const FIELD_IDS = { from: "from-day", to: "to-day", reason: "reason" } as const;

/** Hands the browser a file to save, from memory; the object URL is released at once. */
function saveFile(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function filenameOf(headers: Headers): string {
  const match = /filename="([^"]+)"/.exec(headers.get("content-disposition") ?? "");
  return match?.[1] ?? "referrals.csv";
}

/**
 * A lead exports the team's referrals for a date range as a CSV. Free text (the concern, the
 * reason for a decision, the message to the referrer) only when ticked, with a reason: both
 * go into the audit trail with the export.
 */
export function ExportPage() {
  const form = useForm<ExportForm>({ defaultValues: emptyExportForm });
  const [errors, setErrors] = useState<ExportErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const freeText = useWatch({ control: form.control, name: "freeText" });
  const summary: ErrorSummaryItem[] = [
    ...(Object.entries(errors) as [keyof ExportErrors, string][]).map(([field, text]) => ({
      fieldId: FIELD_IDS[field],
      text,
    })),
    ...(failure ? [{ text: failure }] : []),
  ];
  usePageTitle("Export referrals", summary.length > 0);

  const onSubmit = form.handleSubmit(async (values) => {
    setAttempt((count) => count + 1);
    setFailure(null);
    setNotice(null);
    const read = readExportForm(values);
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    setErrors({});
    try {
      const { blob, headers } = await postForFile("/api/exports/referrals", read.request);
      saveFile(blob, filenameOf(headers));
      const rows = Number(headers.get("x-export-rows") ?? "0");
      setNotice(`${rows === 1 ? "1 referral" : `${rows} referrals`} exported. Your browser saved the file.`);
    } catch (error) {
      if (error instanceof ApiError && error.errors) {
        const byField = Object.fromEntries(error.errors.map((item) => [item.path, item.message]));
        setErrors({ from: byField.from, to: byField.to, reason: byField.reason });
      } else setFailure(describeFailure(error));
    }
  });

  return (
    <>
      <BackLink to="/team">Team queue</BackLink>
      {notice ? <NotificationBanner type="success">{notice}</NotificationBanner> : null}
      <ErrorSummary items={summary} focusKey={attempt} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Export referrals</h1>
          <p className="govuk-body">
            A spreadsheet (CSV) of your team’s referrals: reference, dates, status, risk, who has it and the decision.
            It does not include the child’s name or address. Every export is recorded in the audit trail.
          </p>
          <form noValidate onSubmit={onSubmit}>
            <DateInput
              id="from"
              legend="Start date"
              legendSize="m"
              hint={`For example, 1 11 2026. ${EXPORT_RANGE_HINT}`}
              error={errors.from}
              day={form.register("fromDay")}
              month={form.register("fromMonth")}
              year={form.register("fromYear")}
            />
            <DateInput
              id="to"
              legend="End date"
              legendSize="m"
              hint="For example, 30 11 2026"
              error={errors.to}
              day={form.register("toDay")}
              month={form.register("toMonth")}
              year={form.register("toYear")}
            />
            <Checkboxes
              id="freeText"
              legend="Free text"
              legendSize="m"
              hint="What people typed: the concern, the reason for the decision and the message to the referrer."
              inputProps={form.register("freeText")}
              selected={isTicked(freeText) ? ["yes"] : []}
              options={[
                {
                  value: "yes",
                  label: "Include free text",
                  conditional: (
                    <Textarea
                      id="reason"
                      label="Why do you need the free text?"
                      hint="This is recorded in the audit trail with the export."
                      error={errors.reason}
                      rows={3}
                      {...form.register("reason")}
                    />
                  ),
                },
              ]}
            />
            <Button preventDoubleClick>Export</Button>
          </form>
        </div>
      </div>
    </>
  );
}
