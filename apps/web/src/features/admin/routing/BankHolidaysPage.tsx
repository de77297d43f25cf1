import { bankHolidayExceptionListSchema, type BankHolidayExceptionView } from "@cse/contracts/routing";
import { useCallback, useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { api } from "../../../api/client.ts";
import { ApiError, describeFailure } from "../../../api/errors.ts";
import { parsedApi } from "../../../api/parsed.ts";
import {
  Button,
  DateInput,
  ErrorSummary,
  NotificationBanner,
  Table,
  TextInput,
  type ErrorSummaryItem,
  type TableColumn,
} from "../../../components/govuk/index.ts";
import { formatDate } from "../../../format/london-time.ts";
import { usePageTitle } from "../../../hooks/usePageTitle.ts";

interface DayForm {
  day: string;
  month: string;
  year: string;
  name: string;
}

const changeLabels = { ADDITIONAL: "Extra bank holiday", REMOVED: "Usual bank holiday moved away" } as const;

/** "2027-06-04" from the three boxes, or null when any is missing or not a number. */
function isoDate({ day, month, year }: DayForm): string | null {
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim())) return null;
  return `${year.trim()}-${month.trim().padStart(2, "0")}-${day.trim().padStart(2, "0")}`;
}

/**
 * One-off bank-holiday days: they move the decision clock of referrals made after them.
 * Removing one takes no confirmation page: it is audited and undone by adding the day again.
 */
export function BankHolidaysPage() {
  const [days, setDays] = useState<BankHolidayExceptionView[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ date?: string; name?: string }>({});
  const [attempt, setAttempt] = useState(0);
  const form = useForm<DayForm>({ defaultValues: { day: "", month: "", year: "", name: "" } });
  const summary: ErrorSummaryItem[] = [
    ...(errors.date ? [{ fieldId: "date-day", text: errors.date }] : []),
    ...(errors.name ? [{ fieldId: "name", text: errors.name }] : []),
    ...(failure ? [{ text: failure }] : []),
  ];
  usePageTitle("Bank holidays", summary.length > 0);

  const load = useCallback(() => {
    parsedApi.get(bankHolidayExceptionListSchema, "/api/admin/bank-holidays").then(
      (result) => setDays(result.exceptions),
      (error: unknown) => setFailure(describeFailure(error)),
    );
  }, []);
  useEffect(load, [load]);

  const onSubmit = form.handleSubmit(async (values) => {
    setAttempt((count) => count + 1);
    setFailure(null);
    setNotice(null);
    const date = isoDate(values);
    const found = {
      ...(date ? {} : { date: "Enter the date, like 4 6 2027" }),
      ...(values.name.trim() ? {} : { name: "Enter the name of the day" }),
    };
    setErrors(found);
    if (!date || Object.keys(found).length > 0) return;
    try {
      await api.post("/api/admin/bank-holidays", { date, name: values.name });
      form.reset();
      setNotice(`${formatDate(date)} added as a bank holiday. It applies to referrals made from now on.`);
      load();
    } catch (error) {
      if (error instanceof ApiError && error.errors) {
        const byField = Object.fromEntries(error.errors.map((item) => [item.path, item.message]));
        setErrors({ date: byField.date, name: byField.name });
      } else setFailure(describeFailure(error));
    }
  });

  const remove = async (day: BankHolidayExceptionView) => {
    setFailure(null);
    try {
      await api.delete(`/api/admin/bank-holidays/${day.date}`);
      setNotice(`${formatDate(day.date)} removed.`);
      load();
    } catch (error) {
      setFailure(describeFailure(error));
    }
  };

  const columns: readonly TableColumn<BankHolidayExceptionView>[] = [
    { header: "Date", cell: (day) => formatDate(day.date) },
    { header: "Name", cell: (day) => day.name },
    { header: "Change", cell: (day) => changeLabels[day.change] },
    {
      header: "Action",
      cell: (day) => (
        <button type="button" className="app-link-button" onClick={() => void remove(day)}>
          Remove<span className="govuk-visually-hidden"> {formatDate(day.date)}</span>
        </button>
      ),
    },
  ];

  return (
    <>
      {notice ? <NotificationBanner type="success">{notice}</NotificationBanner> : null}
      <ErrorSummary items={summary} focusKey={attempt} />
      <h1 className="govuk-heading-l">Bank holidays</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            The usual England and Wales bank holidays are worked out by the service. Add a one-off day here when one is
            proclaimed. It changes when decisions are due for referrals made after it, not for those already made.
          </p>
          <form noValidate onSubmit={onSubmit}>
            <DateInput
              id="date"
              legend="Date of the extra bank holiday"
              legendSize="m"
              hint="For example, 4 6 2027"
              error={errors.date}
              day={form.register("day")}
              month={form.register("month")}
              year={form.register("year")}
            />
            <TextInput id="name" label="Name of the day" error={errors.name} {...form.register("name")} />
            <Button preventDoubleClick>Add the day</Button>
          </form>
        </div>
      </div>
      {days === null ? null : <Table caption="One-off days" columns={columns} rows={days} rowKey={(day) => day.date} />}
    </>
  );
}
