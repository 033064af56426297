-- What the administrator sees of launches: per registration (issuer, client_id) and deployment, how
-- many launches ended in each outcome ('ACCEPTED' or the name of the failed check, an LtiFailure)
-- and when the last one did. Counted in memory on each instance and added here every few seconds
-- (occurrences = occurrences + n, last_at = the later of both), so a launch never writes to it.
-- deployment_id is '' when the deployment is not known (a failure before the platform's signed
-- token named a registered one). Refusals for no known registration are counted under one row per
-- outcome with issuer, client_id and deployment_id all '': never under strings a caller chose.
-- No personal data: no user, no token.
CREATE TABLE launch_activity (
  issuer        VARCHAR(500) NOT NULL,
  client_id     VARCHAR(255) NOT NULL,
  deployment_id VARCHAR(255) NOT NULL,
  outcome       VARCHAR(64)  NOT NULL,
  occurrences   BIGINT       NOT NULL,
  last_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (issuer, client_id, deployment_id, outcome)
);
