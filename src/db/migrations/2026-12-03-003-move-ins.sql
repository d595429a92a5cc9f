-- Move-ins: contact and payment details, the meter reading at move-in, imports, the public form's rate limit,
-- and the change of occupant (a contract ended early truncates its last advance period).

ALTER TABLE customers ADD COLUMN phone text;
-- the supplier's own customer number (from an import): contracts of one customer share it
ALTER TABLE customers ADD COLUMN customer_number text;
CREATE UNIQUE INDEX customers_number ON customers (tenant_id, organization_id, customer_number) WHERE customer_number IS NOT NULL;

ALTER TABLE contracts ADD COLUMN iban text CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$');
ALTER TABLE contracts ADD COLUMN direct_debit_consented_at timestamptz;
ALTER TABLE contracts ADD CONSTRAINT contracts_direct_debit_needs_iban CHECK (direct_debit_consented_at IS NULL OR iban IS NOT NULL);
-- The EAN and the move-in date identify a supply: an import run twice finds the contract it made.
CREATE UNIQUE INDEX contracts_supply ON contracts (tenant_id, connection_point_id, move_in_date);

-- Index readings as the meter shows them (kWh for electricity and heat, m³ for gas).
CREATE TABLE meter_readings (
  tenant_id uuid NOT NULL,
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  connection_point_id uuid NOT NULL,
  read_on date NOT NULL,
  value numeric(14, 3) NOT NULL CHECK (value >= 0),
  reason text NOT NULL CHECK (reason IN ('move_in', 'move_out', 'periodic')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, connection_point_id, read_on, reason),
  FOREIGN KEY (tenant_id, connection_point_id) REFERENCES connection_points (tenant_id, id)
);

-- Requests per key (a client address) in the current window, shared by every server.
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  hits integer NOT NULL CHECK (hits > 0),
  window_started_at timestamptz NOT NULL
);

-- Invoiced and skipped periods stay as they are, except that a contract ending early may truncate the
-- one it ends in (DOMAIN.md: the last period is truncated at the contract end; the settlement corrects the amount).
CREATE OR REPLACE FUNCTION advance_period_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'planned' THEN
      RAISE EXCEPTION 'advance period % is %, it can not be deleted', OLD.id, OLD.status USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status AND (OLD.status, NEW.status) NOT IN (
    ('planned', 'draft'), ('planned', 'invoiced'), ('planned', 'skipped'), ('draft', 'planned'), ('draft', 'invoiced')
  ) THEN
    RAISE EXCEPTION 'advance period % may not go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.status IN ('invoiced', 'skipped') AND (
      (NEW.start_date, NEW.amount, NEW.contract_id, NEW.skipped_at) IS DISTINCT FROM (OLD.start_date, OLD.amount, OLD.contract_id, OLD.skipped_at)
      OR NEW.end_date > OLD.end_date) THEN
    RAISE EXCEPTION 'advance period % is %, it can not change', OLD.id, OLD.status USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

-- An advance period's billing period belongs to the same contract: one composite key says both, and a bulk
-- insert checks one reference per period instead of two.
ALTER TABLE billing_periods ADD CONSTRAINT billing_periods_of_contract UNIQUE (tenant_id, contract_id, id);
ALTER TABLE advance_periods
  DROP CONSTRAINT advance_periods_tenant_id_contract_id_fkey,
  DROP CONSTRAINT advance_periods_tenant_id_billing_period_id_fkey,
  ADD CONSTRAINT advance_periods_billing_period_of_contract FOREIGN KEY (tenant_id, contract_id, billing_period_id)
    REFERENCES billing_periods (tenant_id, contract_id, id);
