import type { TriageDependencies } from "../triage/dependencies.ts";
import { createAcceptTransfer } from "./accept-transfer.ts";
import { createCloseTransfer } from "./close-transfer.ts";
import { createTransferInbox } from "./inbox.ts";
import { createRequestTransfer } from "./request-transfer.ts";

/** Transfers between district teams: one use case per file, gathered here for the routes. */
export function createTransferService(dependencies: TriageDependencies) {
  const close = createCloseTransfer(dependencies);
  return {
    request: createRequestTransfer(dependencies),
    accept: createAcceptTransfer(dependencies),
    reject: close.reject,
    cancel: close.cancel,
    inbox: createTransferInbox(dependencies),
  };
}

export type TransferService = ReturnType<typeof createTransferService>;
