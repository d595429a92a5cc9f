-- Foundation: tenants, access, customers, contracts, the advance schedule, invoices, audit.
-- Every key carries tenant_id so a tenant-sharded PostgreSQL (Citus) can distribute the tables unchanged.
-- Written for PostgreSQL 15+ (the server) and PGlite alike.

CREATE TABLE tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  plan text NOT NULL CHECK (plan IN ('basic', 'professional')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organizations (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (name <> ''),
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE users (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
  name text NOT NULL,
  password_hash text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
-- Login takes an email alone, so an email names one user platform-wide.
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE roles (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (name <> ''),
  built_in boolean NOT NULL DEFAULT false,
  permissions jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, name)
);

CREATE TABLE memberships (
  tenant_id uuid NOT NULL,
  user_id uuid NOT NULL,
  organization_id uuid NOT NULL,
  role_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, user_id, organization_id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id),
  FOREIGN KEY (tenant_id, role_id) REFERENCES roles (tenant_id, id)
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  tenant_id uuid NOT NULL,
  user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE customers (
  tenant_id uuid NOT NULL,
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (name <> ''),
  email text,
  language text NOT NULL DEFAULT 'nl' CHECK (language IN ('en', 'fr', 'nl')),
  vat_number text,
  address_line1 text NOT NULL,
  postal_code text NOT NULL,
  city text NOT NULL,
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
);
CREATE INDEX customers_org_name ON customers (tenant_id, organization_id, name, id);

CREATE TABLE connection_points (
  tenant_id uuid NOT NULL,
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  ean text NOT NULL CHECK (ean ~ '^[0-9]{18}$'),
  energy text NOT NULL CHECK (energy IN ('electricity', 'gas', 'heat')),
  address_line1 text NOT NULL,
  postal_code text NOT NULL,
  city text NOT NULL,
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, organization_id, ean),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
);

CREATE TABLE products (
  tenant_id uuid NOT NULL,
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL,
  name text NOT NULL,
  energy text NOT NULL CHECK (energy IN ('electricity', 'gas', 'heat')),
  prices jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, organization_id, code),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
);

CREATE TABLE contracts (
  tenant_id uuid NOT NULL,
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL,
  connection_point_id uuid NOT NULL,
  product_id uuid NOT NULL,
  move_in_date date NOT NULL,
  signature_date date NOT NULL,
  end_date date,
  advance_frequency text NOT NULL CHECK (advance_frequency IN ('none', 'monthly', 'bimonthly', 'quarterly', 'semiannual', 'annual')),
  advance_amount numeric(12, 2) CHECK (advance_amount > 0),
  first_advance_start_date date,
  estimated_annual_consumption_kwh integer NOT NULL CHECK (estimated_annual_consumption_kwh >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id),
  FOREIGN KEY (tenant_id, connection_point_id) REFERENCES connection_points (tenant_id, id),
  FOREIGN KEY (tenant_id, product_id) REFERENCES products (tenant_id, id),
  CHECK (end_date IS NULL OR end_date >= move_in_date),
  CHECK ((advance_frequency = 'none') = (advance_amount IS NULL)),
  CHECK (advance_frequency <> 'none' OR first_advance_start_date IS NULL),
  CHECK (first_advance_start_date IS NULL OR first_advance_start_date >= move_in_date),
  CHECK (first_advance_start_date IS NULL OR end_date IS NULL OR first_advance_start_date <= end_date)
);
CREATE INDEX contracts_org ON contracts (tenant_id, organization_id, id);
CREATE INDEX contracts_customer ON contracts (tenant_id, customer_id);
CREATE INDEX contracts_connection_point ON contracts (tenant_id, connection_point_id);

CREATE TABLE move_ins (
  tenant_id uuid NOT NULL,
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  source text NOT NULL CHECK (source IN ('move_request', 'manual')),
  status text NOT NULL CHECK (status IN ('new', 'accepted', 'rejected')),
  request jsonb NOT NULL,
  contract_id uuid,
  rejection_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  decided_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id),
  FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id),
  CHECK ((status = 'accepted') = (contract_id IS NOT NULL))
);
CREATE INDEX move_ins_org_status ON move_ins (tenant_id, organization_id, status, created_at, id);

CREATE TABLE billing_periods (
  tenant_id uuid NOT NULL,
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  contract_id uuid NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, contract_id, start_date),
  FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id),
  CHECK (end_date >= start_date),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);

CREATE TABLE advance_periods (
  tenant_id uuid NOT NULL,
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  contract_id uuid NOT NULL,
  billing_period_id uuid NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  amount numeric(12, 2) NOT NULL CHECK (amount > 0),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'draft', 'invoiced', 'skipped')),
  skipped_at timestamptz,
  skipped_by uuid,
  skip_reason text,
  PRIMARY KEY (tenant_id, id),
  -- one advance period per (contract, start date): regenerating a schedule can't duplicate one
  UNIQUE (tenant_id, contract_id, start_date),
  FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id),
  FOREIGN KEY (tenant_id, billing_period_id) REFERENCES billing_periods (tenant_id, id),
  CHECK (end_date >= start_date),
  CHECK ((status = 'skipped') = (skipped_at IS NOT NULL)),
  CHECK (status = 'skipped' OR (skipped_by IS NULL AND skip_reason IS NULL))
);
-- The unbilled list: due planned periods of an organization, oldest first (an organization is in one tenant).
-- Few indexes on purpose: every state change of a period writes a new entry in each of them.
CREATE INDEX advance_periods_unbilled ON advance_periods (organization_id, start_date, id) WHERE status = 'planned';

CREATE TABLE invoices (
  tenant_id uuid NOT NULL,
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('advance', 'settlement', 'credit_note')),
  status text NOT NULL CHECK (status IN ('draft', 'final')),
  customer_id uuid NOT NULL,
  contract_id uuid NOT NULL,
  advance_period_id uuid,
  number text,
  issue_date date,
  due_date date,
  period_start date NOT NULL,
  period_end date NOT NULL,
  net numeric(14, 2) NOT NULL,
  vat numeric(14, 2) NOT NULL,
  gross numeric(14, 2) NOT NULL,
  payment_reference text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finalized_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  -- one invoice per advance period, ever
  UNIQUE (tenant_id, advance_period_id),
  UNIQUE (tenant_id, organization_id, number),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id),
  FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id),
  FOREIGN KEY (tenant_id, advance_period_id) REFERENCES advance_periods (tenant_id, id),
  CHECK ((kind = 'advance') = (advance_period_id IS NOT NULL)),
  CHECK ((status = 'final') = (number IS NOT NULL AND issue_date IS NOT NULL AND finalized_at IS NOT NULL)),
  CHECK (net + vat = gross),
  CHECK (period_end >= period_start)
);
CREATE INDEX invoices_contract ON invoices (tenant_id, contract_id, period_start);

CREATE TABLE invoice_lines (
  tenant_id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  position integer NOT NULL,
  description text NOT NULL,
  quantity numeric(14, 3) NOT NULL,
  unit_price numeric(14, 6) NOT NULL,
  vat_rate numeric(5, 2) NOT NULL,
  net numeric(14, 2) NOT NULL,
  PRIMARY KEY (tenant_id, invoice_id, position),
  FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE ledger_entries (
  tenant_id uuid NOT NULL,
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL,
  invoice_id uuid,
  kind text NOT NULL CHECK (kind IN ('invoice', 'payment', 'credit_note', 'refund')),
  -- positive: a debit (the customer owes), negative: a credit
  amount numeric(14, 2) NOT NULL CHECK (amount <> 0),
  booked_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id),
  FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id)
);
-- a final invoice is booked exactly once
CREATE UNIQUE INDEX ledger_entries_invoice_booking ON ledger_entries (tenant_id, invoice_id) WHERE kind = 'invoice';

CREATE TABLE audit_log (
  tenant_id uuid NOT NULL,
  organization_id uuid,
  -- ascending, so that appending entries stays cheap at any size
  id bigint GENERATED ALWAYS AS IDENTITY,
  actor_user_id uuid,
  entity text NOT NULL,
  entity_id uuid NOT NULL,
  action text NOT NULL,
  before jsonb,
  after jsonb,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_log_entity ON audit_log (tenant_id, entity, entity_id, at);

CREATE TABLE idempotency_keys (
  tenant_id uuid NOT NULL,
  user_id uuid NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status_code integer,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id, key)
);

-- A period's state changes only along the allowed transitions; invoiced and skipped periods are final.
CREATE FUNCTION advance_period_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
  IF OLD.status IN ('invoiced', 'skipped') AND (NEW.start_date, NEW.end_date, NEW.amount, NEW.contract_id, NEW.skipped_at)
      IS DISTINCT FROM (OLD.start_date, OLD.end_date, OLD.amount, OLD.contract_id, OLD.skipped_at) THEN
    RAISE EXCEPTION 'advance period % is %, it can not change', OLD.id, OLD.status USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER advance_periods_guard BEFORE UPDATE OR DELETE ON advance_periods
  FOR EACH ROW EXECUTE FUNCTION advance_period_guard();

-- An advance invoice matches its period's state: a draft for a draft period, a final one for an invoiced period.
-- So a skipped (or planned) period can never get an invoice.
CREATE FUNCTION invoice_matches_period() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE period_status text;
BEGIN
  IF NEW.advance_period_id IS NULL THEN RETURN NEW; END IF;
  SELECT status INTO period_status FROM advance_periods WHERE tenant_id = NEW.tenant_id AND id = NEW.advance_period_id;
  IF period_status IS DISTINCT FROM (CASE NEW.status WHEN 'draft' THEN 'draft' ELSE 'invoiced' END) THEN
    RAISE EXCEPTION 'a % invoice needs its advance period %, which is %', NEW.status,
      CASE NEW.status WHEN 'draft' THEN 'draft' ELSE 'invoiced' END, coalesce(period_status, 'missing')
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER invoices_match_period BEFORE INSERT OR UPDATE OF status, advance_period_id ON invoices
  FOR EACH ROW EXECUTE FUNCTION invoice_matches_period();

-- At commit, a draft or invoiced period has its invoice (checked when either side changes).
CREATE FUNCTION advance_period_has_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p_tenant uuid;
  p_id uuid;
  p_status text;
  invoice_status text;
BEGIN
  IF TG_TABLE_NAME = 'advance_periods' THEN
    p_tenant := NEW.tenant_id; p_id := NEW.id;
  ELSE
    p_tenant := OLD.tenant_id; p_id := OLD.advance_period_id;
  END IF;
  IF p_id IS NULL THEN RETURN NULL; END IF;
  SELECT status INTO p_status FROM advance_periods WHERE tenant_id = p_tenant AND id = p_id;
  SELECT status INTO invoice_status FROM invoices WHERE tenant_id = p_tenant AND advance_period_id = p_id;
  IF (p_status = 'draft' AND invoice_status IS DISTINCT FROM 'draft')
     OR (p_status = 'invoiced' AND invoice_status IS DISTINCT FROM 'final')
     OR (p_status IN ('planned', 'skipped') AND invoice_status IS NOT NULL) THEN
    RAISE EXCEPTION 'advance period % is % but its invoice is %', p_id, p_status, coalesce(invoice_status, 'missing')
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER advance_periods_have_invoice AFTER INSERT OR UPDATE OF status ON advance_periods
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.status IN ('draft', 'invoiced'))
  EXECUTE FUNCTION advance_period_has_invoice();
CREATE CONSTRAINT TRIGGER invoices_leave_period_consistent AFTER DELETE ON invoices
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION advance_period_has_invoice();

-- A closed billing period can't be reopened.
CREATE FUNCTION billing_period_stays_closed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'closed' AND NEW.status <> 'closed' THEN
    RAISE EXCEPTION 'billing period % is closed, it can not be reopened', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER billing_periods_stay_closed BEFORE UPDATE ON billing_periods
  FOR EACH ROW EXECUTE FUNCTION billing_period_stays_closed();
