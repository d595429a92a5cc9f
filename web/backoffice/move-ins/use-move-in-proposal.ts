import { useDebouncedValue } from '@mantine/hooks';
import type { AdvanceProposalQuery } from '../../api/types.js';
import { useAdvanceProposal } from './move-in-queries.js';
import type { MoveInFormValues } from './move-in-form-values.js';

/** What the supplier proposes for the form as filled in: the estimated consumption and the advance amount. */
export function useMoveInProposal(values: MoveInFormValues) {
  const [kwh] = useDebouncedValue(values.estimatedAnnualConsumptionKwh.trim(), 400);
  const { productId, advanceFrequency, householdSize } = values;
  let query: AdvanceProposalQuery | null = null;
  if (productId && advanceFrequency) {
    if (/^\d+$/.test(kwh)) query = { productId, advanceFrequency, estimatedAnnualConsumptionKwh: Number(kwh) };
    else if (kwh === '' && householdSize) query = { productId, advanceFrequency, householdSize: Number(householdSize) };
  }
  const proposal = useAdvanceProposal(query);
  // The previous answer is kept while the next loads, but not once the form no longer asks for one.
  return query ? proposal.data : undefined;
}
