-- The audit log: grade changes and administrative actions, who did them (the actor's platform user
-- id, or the administrator API), to which person's record, when. Never reflection text, feedback or
-- comments: the detail names units and points only. Personal data: the two user ids (docs/privacy.md).
CREATE TABLE audit_event (
  id              VARCHAR(36)   PRIMARY KEY,
  occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  action          VARCHAR(40)   NOT NULL,
  actor_kind      VARCHAR(20)   NOT NULL,
  actor_user_id   VARCHAR(255),
  issuer          VARCHAR(500),
  client_id       VARCHAR(255),
  deployment_id   VARCHAR(255),
  context_id      VARCHAR(255),
  subject_user_id VARCHAR(255),
  detail          VARCHAR(1000)
);
CREATE INDEX ix_audit_event_time ON audit_event (occurred_at);
