import { roleLabels } from "@cse/contracts";
import { userPageSchema, type AdminUser } from "@cse/contracts/admin";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { parsedApi } from "../../api/parsed.ts";
import { describeFailure } from "../../api/errors.ts";
import {
  Button,
  ButtonLink,
  ErrorSummary,
  Select,
  Table,
  Tag,
  TextInput,
  type TableColumn,
} from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";

const statusTag = {
  ACTIVE: { text: "Active", colour: "green" },
  INVITED: { text: "Invited", colour: undefined },
  DISABLED: { text: "Disabled", colour: "grey" },
} as const;

const columns: readonly TableColumn<AdminUser>[] = [
  {
    header: "Name",
    cell: (user) => (
      <>
        <Link className="govuk-link" to={`/admin/users/${user.id}`}>
          {user.displayName}
        </Link>
        <br />
        <span className="govuk-body-s">{user.email}</span>
      </>
    ),
  },
  { header: "Role", cell: (user) => roleLabels[user.role] },
  {
    header: "Organisation and team",
    cell: (user) => (
      <>
        {user.organisation.name}
        {user.team ? (
          <>
            <br />
            {user.team.name}
          </>
        ) : null}
      </>
    ),
  },
  { header: "Status", cell: (user) => <Tag colour={statusTag[user.status].colour}>{statusTag[user.status].text}</Tag> },
];

interface UsersPageResult {
  readonly query: string;
  readonly users: AdminUser[];
  readonly nextCursor: string | null;
}

export function UsersPage() {
  usePageTitle("Users");
  const [searchParams, setSearchParams] = useSearchParams();
  const [page, setPage] = useState<UsersPageResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const query = searchParams.toString();
  // A page for an earlier query is never shown while the new one loads.
  const users = page?.query === query ? page.users : null;
  const nextCursor = page?.query === query ? page.nextCursor : null;

  useEffect(() => {
    parsedApi.get(userPageSchema, `/api/admin/users?${query}`).then(
      (result) => setPage({ ...result, query }),
      (error: unknown) => setFailure(describeFailure(error)),
    );
  }, [query]);

  return (
    <>
      <ErrorSummary items={failure ? [{ text: failure }] : []} />
      <h1 className="govuk-heading-l">Users</h1>
      <ButtonLink to="/admin/users/invite">Invite a user</ButtonLink>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const next = new URLSearchParams();
          for (const key of ["search", "status", "role"]) {
            const value = data.get(key);
            if (typeof value === "string" && value.trim()) next.set(key, value.trim());
          }
          setSearchParams(next);
        }}
      >
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <TextInput
              id="search"
              name="search"
              label="Name or email starts with"
              defaultValue={searchParams.get("search") ?? ""}
              spellCheck={false}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              id="status"
              name="status"
              label="Status"
              defaultValue={searchParams.get("status") ?? ""}
              options={[
                { value: "", label: "Any" },
                ...Object.entries(statusTag).map(([value, tag]) => ({ value, label: tag.text })),
              ]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              id="role"
              name="role"
              label="Role"
              defaultValue={searchParams.get("role") ?? ""}
              options={[
                { value: "", label: "Any" },
                ...Object.entries(roleLabels).map(([value, label]) => ({ value, label })),
              ]}
            />
          </div>
        </div>
        <Button variant="secondary">Filter users</Button>
      </form>
      {users === null ? (
        <p className="govuk-body" role="status">
          Loading users…
        </p>
      ) : users.length === 0 ? (
        <p className="govuk-body">No users match.</p>
      ) : (
        <Table caption="Users" captionHidden columns={columns} rows={users} rowKey={(user) => user.id} />
      )}
      {nextCursor ? (
        <nav className="govuk-pagination" aria-label="Pagination">
          <div className="govuk-pagination__next">
            <Link
              className="govuk-link govuk-pagination__link"
              rel="next"
              to={`?${new URLSearchParams({ ...Object.fromEntries(searchParams), cursor: nextCursor }).toString()}`}
            >
              <span className="govuk-pagination__link-title">Next page</span>
            </Link>
          </div>
        </nav>
      ) : null}
    </>
  );
}
