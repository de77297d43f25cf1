import {
  postcodeDirectoryLoadSchema,
  postcodeDirectoryLoadStatusLabels,
  postcodeDirectorySchema,
  type PostcodeDirectoryLoadView,
  type PostcodeDirectoryView,
} from "@cse/contracts/routing";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { ApiError, describeFailure } from "../../../api/errors.ts";
import { parsedApi } from "../../../api/parsed.ts";
import { BackLink, Button, ErrorSummary, SummaryList, WarningText } from "../../../components/govuk/index.ts";
import { ErrorMessage } from "../../../components/govuk/ErrorMessage.tsx";
import { formatDateTime } from "../../../format/london-time.ts";
import { usePageTitle } from "../../../hooks/usePageTitle.ts";

const POLL_MS = 2000;
const count = (value: number) => value.toLocaleString("en-GB");
const when = (iso: string | null) => (iso ? formatDateTime(iso) : "");

function LoadSummary({ load }: { load: PostcodeDirectoryLoadView }) {
  return (
    <SummaryList
      rows={[
        { key: "File", value: load.fileName },
        { key: "Status", value: postcodeDirectoryLoadStatusLabels[load.status] },
        { key: "Loaded by", value: load.startedBy },
        { key: "Started", value: when(load.startedAt) },
        ...(load.finishedAt ? [{ key: "Finished", value: when(load.finishedAt) }] : []),
        { key: "Lines read", value: count(load.rowsRead) },
        { key: "Postcodes kept", value: count(load.rowsKept) },
        ...(load.rowsInvalid > 0 ? [{ key: "Lines not read", value: count(load.rowsInvalid) }] : []),
      ]}
    />
  );
}

/**
 * Loading the ONS Postcode Directory, so that a full postcode routes by its council. The load
 * runs on after the upload; the page follows it until it has finished.
 */
export function PostcodeDirectoryPage() {
  const [directory, setDirectory] = useState<PostcodeDirectoryView | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [submits, setSubmits] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const summary = [
    ...(fileError ? [{ fieldId: "file", text: fileError }] : []),
    ...(failure ? [{ text: failure }] : []),
  ];
  usePageTitle("ONS Postcode Directory", summary.length > 0);

  const refresh = useCallback(
    () =>
      parsedApi.get(postcodeDirectorySchema, "/api/admin/postcode-directory").then(setDirectory, (error: unknown) => {
        setFailure(describeFailure(error));
      }),
    [],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const running = directory?.latest?.status === "RUNNING" ? directory.latest : null;
  useEffect(() => {
    if (!running) return;
    const timer = window.setTimeout(() => void refresh(), POLL_MS);
    return () => window.clearTimeout(timer);
  }, [running, refresh]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmits((value) => value + 1);
    setFileError(null);
    setFailure(null);
    const file = input.current?.files?.[0];
    if (!file) {
      setFileError("Choose the ONS Postcode Directory CSV file");
      return;
    }
    setSending(true);
    try {
      const query = new URLSearchParams({ fileName: file.name }).toString();
      await parsedApi.upload(postcodeDirectoryLoadSchema, `/api/admin/postcode-directory?${query}`, file);
      if (input.current) input.current.value = "";
      await refresh();
    } catch (error) {
      const problem = error instanceof ApiError ? error.errors?.find((item) => item.path === "file") : undefined;
      if (problem) setFileError(problem.message);
      else setFailure(describeFailure(error));
    } finally {
      setSending(false);
    }
  };

  const latest = directory?.latest ?? null;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/routing-rules">Routing rules</BackLink>
        <ErrorSummary items={summary} focusKey={submits} />
        <h1 className="govuk-heading-l">ONS Postcode Directory</h1>
        <p className="govuk-body">
          With the directory loaded, a referral with a full postcode goes to the team of the council that postcode is
          in, even in a district split between councils. A postcode in a council outside West Yorkshire goes to the West
          Yorkshire hub. Postcodes the directory does not hold, and part postcodes, are still routed by the routing
          rules.
        </p>
        <p className="govuk-body">
          A new load replaces the directory in use only once the whole file has been read; until then, and if it fails,
          the directory in use stays as it is. It applies to referrals made after it.
        </p>

        <h2 className="govuk-heading-m">In use</h2>
        {directory === null ? (
          failure ? null : (
            <p className="govuk-body" role="status">
              Loading…
            </p>
          )
        ) : directory.active ? (
          <LoadSummary load={directory.active} />
        ) : (
          <p className="govuk-body">No directory is loaded: every referral is routed by the routing rules.</p>
        )}

        <div aria-live="polite">
          {latest ? (
            <>
              <h2 className="govuk-heading-m">{running ? "Loading now" : "Latest load"}</h2>
              {running ? (
                <p className="govuk-body">
                  <strong>{running.percentDone}% read</strong> ({count(running.rowsRead)} lines,{" "}
                  {count(running.rowsKept)} postcodes kept). This page updates itself.
                </p>
              ) : null}
              {latest.status === "FAILED" ? <WarningText>{latest.error}</WarningText> : null}
              <LoadSummary load={latest} />
            </>
          ) : null}
        </div>

        <h2 className="govuk-heading-m">Load a new edition</h2>
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
          <div className={`govuk-form-group${fileError ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label" htmlFor="file">
              Upload the directory file
            </label>
            <div id="file-hint" className="govuk-hint">
              The ONS Postcode Directory’s single CSV file for the UK, as published (about 1 GB). Its first line must
              name the columns, including pcds and lad25cd (or oslaua in older editions).
            </div>
            <ErrorMessage id="file-error" message={fileError ?? undefined} />
            <input
              ref={input}
              className={`govuk-file-upload${fileError ? " govuk-file-upload--error" : ""}`}
              id="file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              aria-describedby={fileError ? "file-hint file-error" : "file-hint"}
            />
          </div>
          <Button disabled={sending || running !== null}>{sending ? "Sending the file…" : "Load the directory"}</Button>
        </form>
      </div>
    </div>
  );
}
