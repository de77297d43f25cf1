import type { Dashboard } from "@cse/contracts/dashboard";
import { useMemo } from "react";
import { Details, Table } from "../../components/govuk/index.ts";
import { CHART_COLOURS, DashboardChart } from "./DashboardChart.tsx";
import { decisionSummary, hoursText, shareText, weekLabel } from "./wording.ts";

/** Time to decision by week, against the target of deciding within one working day. */
export function TimeToDecision({ timeToDecision }: { timeToDecision: Dashboard["timeToDecision"] }) {
  const { weeks, target } = timeToDecision;
  // Built again only when the dashboard is read again (a new object each render would redraw).
  const { shareChart, medianChart } = useMemo(() => {
    const { weeks, target } = timeToDecision;
    const labels = weeks.map((week) => weekLabel(week.weekOf));
    return {
      shareChart: {
        type: "line" as const,
        data: {
          labels,
          datasets: [
            {
              label: "Decided within one working day (%)",
              data: weeks.map((week) => (week.onTimeShare === null ? null : Math.round(week.onTimeShare * 1000) / 10)),
              borderColor: CHART_COLOURS.blue,
              backgroundColor: CHART_COLOURS.blue,
              spanGaps: false,
            },
            {
              label: `Target (${Math.round(target * 100)}%)`,
              data: weeks.map(() => target * 100),
              borderColor: CHART_COLOURS.red,
              borderDash: [6, 4],
              pointRadius: 0,
            },
          ],
        },
        options: { scales: { y: { min: 0, max: 100, title: { display: true, text: "%" } } } },
      },
      medianChart: {
        type: "bar" as const,
        data: {
          labels,
          datasets: [
            {
              label: "Median hours to decision",
              data: weeks.map((week) => week.medianHours),
              backgroundColor: CHART_COLOURS.grey,
            },
          ],
        },
        options: { scales: { y: { min: 0, title: { display: true, text: "hours" } } } },
      },
    };
  }, [timeToDecision]);
  return (
    <>
      <h2 className="govuk-heading-m">Time to decision</h2>
      <p className="govuk-body">{decisionSummary(weeks, target)}</p>
      <DashboardChart config={shareChart} />
      <DashboardChart config={medianChart} />
      <Details summary="Time to decision as a table">
        <Table
          caption={`Decisions by week, the last ${weeks.length} weeks`}
          columns={[
            { header: "Week of", cell: (week) => weekLabel(week.weekOf) },
            { header: "Decided", numeric: true, cell: (week) => week.decided },
            { header: "Within one working day", numeric: true, cell: (week) => shareText(week.onTimeShare) },
            { header: "Median time", numeric: true, cell: (week) => hoursText(week.medianHours) },
          ]}
          rows={weeks}
          rowKey={(week) => week.weekOf}
        />
      </Details>
    </>
  );
}
