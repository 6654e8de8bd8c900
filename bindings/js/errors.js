// Errors reach JS as values from the core ({error: {code, message}}) and become OrderlensError.
export class OrderlensError extends Error {
  constructor(message, code) {
    super(message);
    this.name = 'OrderlensError';
    this.code = code;
  }
}

export function unwrap(result) {
  if (result && result.error) throw new OrderlensError(result.error.message, result.error.code);
  return result;
}

// Errors cross a Worker boundary as plain objects; this rebuilds the right class.
export function serializeError(error) {
  return { name: error?.name ?? 'Error', message: String(error?.message ?? error), code: error?.code };
}

export function deserializeError(e) {
  if (e.name === 'AbortError') return new DOMException(e.message, 'AbortError');
  if (e.name === 'OrderlensError') return new OrderlensError(e.message, e.code);
  const error = new Error(e.message);
  error.name = e.name;
  return error;
}
