// The team queue's keyset read in plain SQL, in the order the partial index
// "Referral_team_queue" holds (RED first, as the enum is declared, then soonest due, then id):
// the volume test walks it, and the benchmark's database floor runs it.

const select = `SELECT r."id", r."risk", r."decisionDueAt" FROM "Referral" r
  WHERE r."teamId" = $1 AND r."status" <> 'DECIDED'`;
const order = `ORDER BY r."risk", r."decisionDueAt", r."id"`;

/** $1 team id, $2 page size. */
export const teamQueueFirstPageSql = `${select} ${order} LIMIT $2`;

/** $1 team id, $2..$4 the last row of the previous page (risk, decisionDueAt, id), $5 page size. */
export const teamQueueNextPageSql = `${select}
  AND (r."risk", r."decisionDueAt", r."id") > ($2::"RiskRating", $3::timestamptz, $4::uuid) ${order} LIMIT $5`;
