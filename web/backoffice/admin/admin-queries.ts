import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { CreateRoleRequest, CreateUserRequest, UpdateRoleRequest, UpdateUserRequest } from '../../api/types.js';
import { api, queryClient } from '../api.js';
import { queryKeys } from '../query-keys.js';
import { ME_QUERY_KEY } from '../session.js';

const PAGE_SIZE = 100;

export function useUserList() {
  return useInfiniteQuery({
    queryKey: queryKeys.users(),
    queryFn: ({ pageParam }) => api.users({ limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useAuditLog() {
  return useInfiniteQuery({
    queryKey: queryKeys.auditLog(),
    queryFn: ({ pageParam }) => api.auditLog({ limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useRoles() {
  return useQuery({ queryKey: queryKeys.roles(), queryFn: api.roles, select: (answer) => answer.items });
}

export function usePermissionEntities() {
  return useQuery({
    queryKey: queryKeys.permissionEntities(),
    queryFn: api.permissionEntities,
    select: (answer) => answer.items,
    staleTime: Infinity,
  });
}

// A role's change can change the caller's own permissions, and a membership's change the memberships count of roles;
// every change is also a new audit entry.
const refreshAccess = () =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.users() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.roles() }),
    queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
    queryClient.invalidateQueries({ queryKey: queryKeys.auditLog() }),
  ]);

export function useCreateUser() {
  return useMutation({ mutationFn: (body: CreateUserRequest) => api.createUser(body), onSuccess: refreshAccess });
}

export function useUpdateUser() {
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: UpdateUserRequest }) => api.updateUser(userId, body),
    onSuccess: refreshAccess,
  });
}

export function useSaveRole() {
  return useMutation({
    mutationFn: (save: { roleId: string; body: UpdateRoleRequest } | { roleId: null; body: CreateRoleRequest }) =>
      save.roleId === null ? api.createRole(save.body) : api.updateRole(save.roleId, save.body),
    onSuccess: refreshAccess,
  });
}

export function useDeleteRole() {
  return useMutation({ mutationFn: (roleId: string) => api.deleteRole(roleId), onSuccess: refreshAccess });
}
