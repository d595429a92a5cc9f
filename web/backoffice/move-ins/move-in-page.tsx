import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import type { FieldIssue, MoveInDetail } from '../../api/types.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { PageLoader } from '../../ui/page-loader.js';
import { useFormat } from '../../ui/use-format.js';
import { usePageTitle } from '../../ui/use-page-title.js';
import { useRevealFirstError } from '../../ui/use-reveal-first-error.js';
import { Link } from '../router.js';
import { useCan, useCurrentOrganization } from '../session.js';
import { connectionAlreadySupplied, EndPreviousContractOffer } from './end-previous-contract-offer.js';
import { MoveInForm } from './move-in-form.js';
import { fromMoveInRequest, toMoveInDraft } from './move-in-form-values.js';
import { useAcceptMoveIn, useMoveIn, useUpdateMoveIn } from './move-in-queries.js';
import { MoveInStatusBadge } from './move-in-status-badge.js';
import { customerNameOf } from './move-ins-table.js';
import { RejectMoveInModal } from './reject-move-in-modal.js';
import { useMoveInFieldLabel, useMoveInFormState } from './use-move-in-form-state.js';
import { useMoveInProposal } from './use-move-in-proposal.js';

export function MoveInPage({ moveInId }: { moveInId: string }) {
  const { t } = useTranslation();
  const moveIn = useMoveIn(moveInId);
  usePageTitle(moveIn.data ? customerNameOf(moveIn.data) : undefined, t('moveIns.title'));
  if (moveIn.isPending) return <PageLoader />;
  if (moveIn.isError) return <ApiErrorAlert error={moveIn.error} />;
  return <MoveInReview detail={moveIn.data} />;
}

/** A move-in as received, to complete or correct, then accept or reject; a decided one is shown as it was decided. */
function MoveInReview({ detail }: { detail: MoveInDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const orgId = useCurrentOrganization().id;
  const canUpdate = useCan('moveIns', 'update');
  const editable = canUpdate && detail.status === 'new';
  const [saved, setSaved] = useState(() => fromMoveInRequest(detail.request));
  // What the server last said is still to do: it changes with each Save.
  const [problems, setProblems] = useState(detail.problems);
  const form = useMoveInFormState(() => saved, detail.problems);
  const proposal = useMoveInProposal(form.values);
  const fieldLabel = useMoveInFieldLabel();
  const update = useUpdateMoveIn(detail.id);
  const accept = useAcceptMoveIn(detail.id);
  const [rejecting, setRejecting] = useState(false);
  const dirty = JSON.stringify(form.values) !== JSON.stringify(saved);
  const supplied = connectionAlreadySupplied(accept.error);
  const busy = update.isPending || accept.isPending;
  const { containerRef, reveal } = useRevealFirstError<HTMLFormElement>();

  async function save(): Promise<MoveInDetail | null> {
    if (!form.checkRequired(detail.source === 'manual')) {
      reveal();
      return null;
    }
    accept.reset();
    try {
      const updated = await update.mutateAsync(toMoveInDraft(form.values, proposal?.advanceAmount ?? null));
      const values = fromMoveInRequest(updated.request);
      setSaved(values);
      form.reset(values, updated.problems);
      setProblems(updated.problems);
      return updated;
    } catch (error) {
      if (error instanceof ApiError) form.showIssues(error);
      reveal();
      return null;
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save().then((updated) => updated && notifications.show({ color: 'green', message: t('moveIn.saved') }));
  }

  /** Accepts what is shown: unsaved changes are saved first, and a move-in still incomplete isn't sent. */
  async function acceptMoveIn(endPreviousContract: boolean) {
    if (dirty) {
      const updated = await save();
      if (!updated) return;
      if (updated.problems.length > 0) return reveal();
    } else if (!form.checkRequired(true)) {
      return reveal();
    }
    update.reset();
    accept.mutate(endPreviousContract, {
      onSuccess: () => notifications.show({ color: 'green', message: t('moveIn.accepted') }),
      onError: (error) => {
        if (error instanceof ApiError) form.showIssues(error);
        // The change-of-occupant offer brings itself into view.
        if (!connectionAlreadySupplied(error)) reveal();
      },
    });
  }

  const name = customerNameOf(detail);
  return (
    <>
      <form onSubmit={submit} noValidate ref={containerRef}>
        <Stack gap="sm" maw={880}>
          <div>
            <Link to={{ name: 'moveIns', params: { orgId } }} size="xs" tt="uppercase" fw={600}>
              {t('moveIns.title')}
            </Link>
            <Group gap="sm" align="baseline">
              <Title order={3}>{name ?? t('moveIns.existingCustomer')}</Title>
              {detail.request.connection?.ean && (
                <Text ff="monospace" c="dimmed" size="sm">
                  {detail.request.connection.ean}
                </Text>
              )}
              <MoveInStatusBadge status={detail.status} />
            </Group>
            <Text size="xs" c="dimmed">
              {t('moveIn.receivedFrom', { source: t(`moveInSource.${detail.source}`), at: format.dateTime(detail.createdAt) })}
            </Text>
          </div>

          {detail.status === 'accepted' && detail.contractId && (
            <Alert color="teal" variant="light" title={t('moveIn.acceptedTitle')} data-testid="move-in-accepted">
              <Group gap="md">
                <Link to={{ name: 'contract', params: { orgId, contractId: detail.contractId } }} size="sm">
                  {t('moveIn.openContract')}
                </Link>
                <Link to={{ name: 'billingAnalysis', params: { orgId, contractId: detail.contractId } }} size="sm">
                  {t('moveIn.openBillingAnalysis')}
                </Link>
              </Group>
            </Alert>
          )}
          {detail.status === 'rejected' && (
            <Alert color="gray" variant="light" title={t('moveIn.rejectedTitle')} data-testid="move-in-rejected">
              {detail.rejectionReason}
            </Alert>
          )}
          {detail.status === 'new' && problems.length > 0 && <Problems problems={problems} fieldLabel={fieldLabel} />}

          <MoveInForm
            values={form.values}
            onChange={form.change}
            errors={form.errors}
            proposal={proposal}
            requireContractFields
            readOnly={!editable}
          />

          {update.isError && <ApiErrorAlert error={update.error} fieldLabel={fieldLabel} />}
          {supplied ? (
            <EndPreviousContractOffer supplied={supplied} pending={accept.isPending} onConfirm={() => void acceptMoveIn(true)} />
          ) : (
            accept.isError && <ApiErrorAlert error={accept.error} fieldLabel={fieldLabel} />
          )}

          {editable && (
            <Group justify="space-between" gap="sm">
              <Button variant="default" color="red" onClick={() => setRejecting(true)} disabled={busy}>
                {t('moveIn.reject')}
              </Button>
              <Group gap="sm">
                <Button type="submit" variant="default" loading={update.isPending} disabled={!dirty || accept.isPending}>
                  {t('common.save')}
                </Button>
                <Button onClick={() => void acceptMoveIn(false)} loading={accept.isPending} disabled={update.isPending}>
                  {dirty ? t('moveIn.saveAndAccept') : t('moveIn.accept')}
                </Button>
              </Group>
            </Group>
          )}
        </Stack>
      </form>
      {/* Outside the form: React bubbles the modal's submit through its portal. */}
      <RejectMoveInModal moveInId={detail.id} opened={rejecting} onClose={() => setRejecting(false)} />
    </>
  );
}

/** What must be completed or corrected before the move-in can be accepted. */
function Problems({ problems, fieldLabel }: { problems: FieldIssue[]; fieldLabel: (path: string) => string | undefined }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" title={t('moveIn.problemsTitle')} data-testid="move-in-problems">
      <List size="sm">
        {problems.map((problem) => (
          <List.Item key={`${problem.path}:${problem.message}`}>
            {problem.path ? `${fieldLabel(problem.path) ?? problem.path}: ${problem.message}` : problem.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
