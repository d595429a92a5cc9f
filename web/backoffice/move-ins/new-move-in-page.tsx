import { Button, Group, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, newIdempotencyKey } from '../../api/client.js';
import type { MoveInRequest } from '../../api/types.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { usePageTitle } from '../../ui/use-page-title.js';
import { useRevealFirstError } from '../../ui/use-reveal-first-error.js';
import { hrefOf, Link, navigate } from '../router.js';
import { useCurrentOrganization } from '../session.js';
import { connectionAlreadySupplied, EndPreviousContractOffer } from './end-previous-contract-offer.js';
import { MoveInForm } from './move-in-form.js';
import { EMPTY_MOVE_IN_FORM, toMoveInRequest } from './move-in-form-values.js';
import { useCreateMoveIn } from './move-in-queries.js';
import { useMoveInFieldLabel, useMoveInFormState } from './use-move-in-form-state.js';
import { useMoveInProposal } from './use-move-in-proposal.js';

/** A move-in entered by staff: accepted at once, it makes the contract and its advance schedule. */
export function NewMoveInPage() {
  const { t } = useTranslation();
  const organization = useCurrentOrganization();
  usePageTitle(t('newMoveIn.title'), organization.name);
  const form = useMoveInFormState(() => EMPTY_MOVE_IN_FORM);
  const proposal = useMoveInProposal(form.values);
  const fieldLabel = useMoveInFieldLabel();
  const create = useCreateMoveIn();
  // What was sent last, to send again with the previous contract ended.
  const [sent, setSent] = useState<MoveInRequest | null>(null);
  const supplied = connectionAlreadySupplied(create.error);
  const { containerRef, reveal } = useRevealFirstError<HTMLFormElement>();

  function send(request: MoveInRequest) {
    setSent(request);
    create.mutate(
      { request, idempotencyKey: newIdempotencyKey() },
      {
        onSuccess: (moveIn) => {
          notifications.show({ color: 'green', message: t('newMoveIn.created') });
          if (moveIn.contractId) navigate({ name: 'billingAnalysis', params: { orgId: organization.id, contractId: moveIn.contractId } });
          else navigate({ name: 'moveIn', params: { orgId: organization.id, moveInId: moveIn.id } });
        },
        onError: (error) => {
          if (error instanceof ApiError) form.showIssues(error);
          // The change-of-occupant offer brings itself into view.
          if (!connectionAlreadySupplied(error)) reveal();
        },
      },
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.checkRequired(true)) return reveal();
    send(toMoveInRequest(form.values, 'manual', proposal?.advanceAmount ?? null));
  }

  return (
    <form onSubmit={submit} noValidate ref={containerRef}>
      <Stack gap="sm" maw={880}>
        <div>
          <Link to={{ name: 'moveIns', params: { orgId: organization.id } }} size="xs" tt="uppercase" fw={600}>
            {t('moveIns.title')}
          </Link>
          <Title order={3}>{t('newMoveIn.title')}</Title>
        </div>
        <MoveInForm values={form.values} onChange={form.change} errors={form.errors} proposal={proposal} requireContractFields />
        {supplied && sent ? (
          <EndPreviousContractOffer
            supplied={supplied}
            pending={create.isPending}
            onConfirm={() => send({ ...sent, endPreviousContract: true })}
          />
        ) : (
          create.isError && <ApiErrorAlert error={create.error} fieldLabel={fieldLabel} />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" component="a" href={hrefOf({ name: 'moveIns', params: { orgId: organization.id } })}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending && !supplied}>
            {t('newMoveIn.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
