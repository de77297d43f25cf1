import type { z } from "zod/mini";
import { api } from "./client.ts";
import { ApiError } from "./errors.ts";

/**
 * An answer that does not match the contract is the service's fault, not the user's: it is
 * reported as a bad gateway, and the page never renders a shape it was not built for.
 */
function parseWith<S extends z.ZodMiniType>(schema: S) {
  return (payload: unknown): z.infer<S> => {
    const result = schema.safeParse(payload);
    if (!result.success)
      throw new ApiError({ status: 502, title: "The service gave an answer that could not be read" });
    return result.data;
  };
}

/** JSON from the API, checked against the contract's schema rather than cast. */
export const parsedApi = {
  get: <S extends z.ZodMiniType>(schema: S, path: string): Promise<z.infer<S>> =>
    api.get<unknown>(path).then(parseWith(schema)),
  post: <S extends z.ZodMiniType>(schema: S, path: string, body?: unknown): Promise<z.infer<S>> =>
    api.post<unknown>(path, body).then(parseWith(schema)),
  upload: <S extends z.ZodMiniType>(schema: S, path: string, file: Blob): Promise<z.infer<S>> =>
    api.upload<unknown>(path, file).then(parseWith(schema)),
};
