-- Failed administrator credentials (console password or API token) per client address, counted in the
-- database so that the lock-out holds on every instance: N instances must not give N times the guesses.
-- The address is kept only as a keyed hash (HMAC-SHA256 under the instances' shared secret, IPv6 by its
-- /64), never as it is (docs/privacy.md); a row is deleted once 15 minutes have passed since its last failure.
CREATE TABLE failed_sign_in (
  address_hash    VARCHAR(64) PRIMARY KEY,
  failures        INTEGER NOT NULL,
  last_failed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_failed_sign_in_time ON failed_sign_in (last_failed_at);
