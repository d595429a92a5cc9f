import { QueryClient } from '@tanstack/react-query';
import { ApiError, createApiClient } from '../api/client.js';
import { navigate } from './router.js';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (404, 403, ...) won't change on a retry; transport and server failures might.
      retry: (failureCount, error) => failureCount < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500),
    },
  },
});

export const api = createApiClient({
  onUnauthenticated: () => {
    queryClient.clear();
    navigate({ name: 'login', params: {} });
  },
});
