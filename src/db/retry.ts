const DEADLOCK = '40P01';
const SERIALIZATION_FAILURE = '40001';

/**
 * Runs a transaction again when PostgreSQL aborted it to break a deadlock (or a serialization
 * failure): the standard answer, since nothing of an aborted transaction was written.
 */
export async function retryOnDeadlock<T>(transaction: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= attempts || (code !== DEADLOCK && code !== SERIALIZATION_FAILURE)) throw error;
    }
  }
}
