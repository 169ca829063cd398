// Turning a backend error into what a form shows: a message beside a field, or one general alert.

/** Messages for one form: `fields` by form field key, `general` for everything else. */
export type FormErrors = { general: string | null; fields: Record<string, string> };

/** A form with nothing to report. */
export function noErrors(): FormErrors {
  return { general: null, fields: {} };
}

const FALLBACK = "Something went wrong. Please try again.";

/**
 * The human message of an error the API layer hands back. Only the backend's own `{ code, message }`
 * errors are shown as they are: a bare string comes from the IPC layer itself (a malformed call),
 * is written for developers, and may quote the values sent, so the person sees the fallback.
 */
export function errorMessage(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) {
    const message = (error as { message: unknown }).message;
    if (typeof message === "string" && message.trim() !== "") return message;
  }
  return FALLBACK;
}

/** The error's `code`, or null when it has none. */
export function errorCode(error: unknown): string | null {
  if (error && typeof error === "object" && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "string") return code;
  }
  return null;
}

/** The error's `field`, or null when it names none. */
export function errorField(error: unknown): string | null {
  if (error && typeof error === "object" && "field" in error) {
    const field = (error as { field: unknown }).field;
    if (typeof field === "string" && field !== "") return field;
  }
  return null;
}

/**
 * Splits a backend error for a form. `fieldMap` maps backend field names to the form's own field
 * keys; a field the form does not know goes to the general message.
 */
export function splitApiError(error: unknown, fieldMap: Record<string, string>): FormErrors {
  const message = errorMessage(error);
  const field = errorField(error);
  const target = field !== null && Object.hasOwn(fieldMap, field) ? fieldMap[field] : null;
  return target ? { general: null, fields: { [target]: message } } : { general: message, fields: {} };
}
