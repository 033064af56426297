-- Scores on their way to a platform's gradebook (AGS 2.0 §3.4): written in the same transaction as
-- the grade or submission they report, delivered by a background worker, kept as the record of what
-- the gradebook was sent. Personal data: user_id, score, comment (see docs/privacy.md).
CREATE TABLE score_outbox (
  id                VARCHAR(36)   PRIMARY KEY,
  issuer            VARCHAR(255)  NOT NULL,
  client_id         VARCHAR(255)  NOT NULL,
  deployment_id     VARCHAR(255)  NOT NULL,
  resource_link_id  VARCHAR(255)  NOT NULL,
  unit_id           VARCHAR(64),
  user_id           VARCHAR(255)  NOT NULL,
  score_given       DOUBLE PRECISION,
  score_maximum     DOUBLE PRECISION,
  comment           VARCHAR(4000),
  activity_progress VARCHAR(20)   NOT NULL,
  grading_progress  VARCHAR(20)   NOT NULL,
  score_timestamp   TIMESTAMP WITH TIME ZONE NOT NULL,
  state             VARCHAR(20)   NOT NULL,
  attempts          INTEGER       NOT NULL,
  next_attempt_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  claimed_by        VARCHAR(64),
  claimed_until     TIMESTAMP WITH TIME ZONE,
  last_status       INTEGER,
  last_error        VARCHAR(500),
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at       TIMESTAMP WITH TIME ZONE
);
-- the worker's question: what is due?
CREATE INDEX ix_score_outbox_due ON score_outbox (state, next_attempt_at);
-- the teacher's question: where is this student's score for this link?
CREATE INDEX ix_score_outbox_user ON score_outbox (issuer, client_id, deployment_id, resource_link_id, user_id);
