import { Checkbox, Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PermissionEntity, Permissions } from '../../api/types.js';

const READ = 'read';

/**
 * One row per entity: whether the role sees it at all, and when it does, which of its actions it allows.
 * Seeing an entity is reading it, so `read` comes with "visible" and the other actions need it.
 */
export function PermissionMatrix({
  entities,
  value,
  onChange,
}: {
  entities: PermissionEntity[];
  value: Permissions;
  onChange: (value: Permissions) => void;
}) {
  const { t } = useTranslation();

  function setVisible(entity: PermissionEntity, visible: boolean) {
    const next = { ...value };
    if (visible) next[entity.entity] = entity.actions.filter((a) => a === READ);
    else delete next[entity.entity];
    onChange(next);
  }

  function setAction(entity: PermissionEntity, action: string, allowed: boolean) {
    const current = value[entity.entity] ?? [];
    // Kept in the catalog's order, so a saved role reads the same as a built-in one.
    const actions = entity.actions.filter((a) => (a === action ? allowed : current.includes(a)));
    onChange({ ...value, [entity.entity]: actions });
  }

  return (
    <Table withTableBorder verticalSpacing={4} horizontalSpacing={8} fz="sm" data-testid="permission-matrix">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('roles.entity')}</Table.Th>
          <Table.Th>{t('roles.visible')}</Table.Th>
          <Table.Th>{t('roles.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entities.map((entity) => {
          const entityName = t(`entities.${entity.entity}`, { defaultValue: entity.entity });
          const allowed = value[entity.entity];
          const visible = allowed !== undefined;
          return (
            <Table.Tr key={entity.entity} data-entity={entity.entity}>
              <Table.Td fw={500}>{entityName}</Table.Td>
              <Table.Td>
                <Checkbox
                  size="xs"
                  checked={visible}
                  onChange={(event) => setVisible(entity, event.currentTarget.checked)}
                  aria-label={t('roles.entityVisible', { entity: entityName })}
                />
              </Table.Td>
              <Table.Td>
                {visible && (
                  <Group gap="md">
                    {entity.actions.map((action) => (
                      <Checkbox
                        key={action}
                        size="xs"
                        label={t(`actions.${action}`, { defaultValue: action })}
                        aria-label={t('roles.entityAction', {
                          entity: entityName,
                          action: t(`actions.${action}`, { defaultValue: action }),
                        })}
                        checked={action === READ || allowed.includes(action)}
                        disabled={action === READ}
                        title={action === READ ? t('roles.readWithVisible') : undefined}
                        onChange={(event) => setAction(entity, action, event.currentTarget.checked)}
                      />
                    ))}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
