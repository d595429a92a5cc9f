-- Billing runs, gapless numbering, and what a final invoice must say (Belgian law).

-- The organization's counters: one per invoice series (prefix and year) and one for payment references.
-- Taking a number updates its row in the finalizing transaction: a rollback gives it back, so no gap.
CREATE TABLE sequences (
  tenant_id uuid NOT NULL,
  organization_id uuid NOT NULL,
  name text NOT NULL,
  last_value bigint NOT NULL CHECK (last_value >= 0),
  PRIMARY KEY (tenant_id, organization_id, name),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
);

CREATE TABLE billing_runs (
  tenant_id uuid NOT NULL,
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('advance')),
  run_date date NOT NULL,
  -- the Unbilled dashboard's filter the run was started with (empty: the whole organization)
  filter jsonb NOT NULL DEFAULT '{}',
  finalize boolean NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  total integer NOT NULL DEFAULT 0 CHECK (total >= 0),
  done integer NOT NULL DEFAULT 0 CHECK (done >= 0),
  drafts_created integer NOT NULL DEFAULT 0,
  invoices_finalized integer NOT NULL DEFAULT 0,
  -- periods the run left out, counted by reason
  left_out jsonb NOT NULL DEFAULT '{}',
  scheduled_for date,
  error text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  heartbeat_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
);
CREATE INDEX billing_runs_org ON billing_runs (tenant_id, organization_id, created_at DESC);
-- a scheduled run starts once per organization and day, however many servers tick
CREATE UNIQUE INDEX billing_runs_scheduled_once ON billing_runs (tenant_id, organization_id, scheduled_for) WHERE scheduled_for IS NOT NULL;

ALTER TABLE invoices ADD COLUMN billing_run_id uuid;
-- who sold to whom, as they were when the invoice became final
ALTER TABLE invoices ADD COLUMN seller jsonb;
ALTER TABLE invoices ADD COLUMN buyer jsonb;
ALTER TABLE invoices ADD COLUMN language text CHECK (language IN ('en', 'fr', 'nl'));
CREATE INDEX invoices_drafts ON invoices (tenant_id, organization_id, created_at, id) WHERE status = 'draft';
CREATE INDEX invoices_customer ON invoices (tenant_id, customer_id, issue_date);
CREATE INDEX ledger_entries_customer ON ledger_entries (tenant_id, customer_id, booked_on);

-- A final invoice never changes (corrections are credit notes) and never disappears; only drafts are deleted.
CREATE FUNCTION final_invoice_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'final' THEN
    RAISE EXCEPTION 'invoice % is final, it can not change', OLD.number USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER invoices_final_guard BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION final_invoice_guard();
CREATE FUNCTION final_invoice_lines_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM invoices WHERE tenant_id = coalesce(NEW.tenant_id, OLD.tenant_id)
      AND id = coalesce(NEW.invoice_id, OLD.invoice_id) AND status = 'final') THEN
    RAISE EXCEPTION 'the lines of a final invoice can not change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER invoice_lines_final_guard BEFORE UPDATE OR DELETE ON invoice_lines
  FOR EACH ROW EXECUTE FUNCTION final_invoice_lines_guard();

-- A final invoice is booked on the customer's account in its own transaction (checked at commit).
CREATE FUNCTION final_invoice_is_booked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'final' AND NEW.gross <> 0 AND NOT EXISTS (
      SELECT 1 FROM ledger_entries WHERE tenant_id = NEW.tenant_id AND invoice_id = NEW.id AND kind = 'invoice') THEN
    RAISE EXCEPTION 'final invoice % has no ledger entry', NEW.number USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER invoices_final_booked AFTER INSERT OR UPDATE OF status ON invoices
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.status = 'final')
  EXECUTE FUNCTION final_invoice_is_booked();

-- a payment's or credit's own reference (the bank statement's), and who booked it
ALTER TABLE ledger_entries ADD COLUMN reference text;
ALTER TABLE ledger_entries ADD COLUMN created_by uuid;

-- worker processes working on a run at the moment: the last one to leave finishes it
ALTER TABLE billing_runs ADD COLUMN workers integer NOT NULL DEFAULT 0 CHECK (workers >= 0);
