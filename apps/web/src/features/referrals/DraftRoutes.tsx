import { Route, Routes, useParams } from "react-router";
import { CheckAnswersPage } from "./CheckAnswersPage.tsx";
import { DraftProvider } from "./DraftContext.tsx";
import { FormPageView } from "./FormPageView.tsx";
import { TaskListPage } from "./TaskListPage.tsx";

/** Every page of one draft shares its saver, so nothing typed is lost between pages. */
export function DraftRoutes() {
  const { draftId = "" } = useParams();
  return (
    <DraftProvider draftId={draftId}>
      <Routes>
        <Route index element={<TaskListPage />} />
        <Route path="check" element={<CheckAnswersPage />} />
        <Route path="*" element={<FormPageView />} />
      </Routes>
    </DraftProvider>
  );
}
