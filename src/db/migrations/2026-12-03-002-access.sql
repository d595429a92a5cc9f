-- Access management: invitations to set a password, and login throttling shared by every server.

CREATE TABLE invitations (
  token_hash text PRIMARY KEY,
  tenant_id uuid NOT NULL,
  user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);

-- Failed logins per account and per address in the current window; a key over its limit is blocked until a time.
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL CHECK (failures > 0),
  window_started_at timestamptz NOT NULL,
  blocked_until timestamptz
);

-- Bumped by every change of a tenant's roles or memberships: servers cache resolved permissions
-- per version, and the session lookup reads it, so a change applies to the very next request.
ALTER TABLE tenants ADD COLUMN access_version bigint NOT NULL DEFAULT 0;
