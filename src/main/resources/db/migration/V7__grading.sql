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

-- The unit a resource link opens (its custom parameter "unit"), so a grade for a unit finds the
-- gradebook column of the link that placed it.
ALTER TABLE resource_link ADD COLUMN unit_id VARCHAR(64);

-- A teacher's marking of one student's reflection for one unit in one course (registration +
-- deployment + context). Personal data: user ids, points, feedback, the teacher's private note.
CREATE TABLE grade (
  id                VARCHAR(36)   PRIMARY KEY,
  issuer            VARCHAR(255)  NOT NULL,
  client_id         VARCHAR(255)  NOT NULL,
  deployment_id     VARCHAR(255)  NOT NULL,
  context_id        VARCHAR(255)  NOT NULL,
  unit_id           VARCHAR(64)   NOT NULL,
  user_id           VARCHAR(255)  NOT NULL,
  version_id        VARCHAR(64)   NOT NULL,
  score_given       DOUBLE PRECISION NOT NULL,
  score_maximum     DOUBLE PRECISION NOT NULL,
  feedback          VARCHAR(8000),
  teacher_note      VARCHAR(4000),
  released          BOOLEAN       NOT NULL,
  graded_by         VARCHAR(255)  NOT NULL,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  released_at       TIMESTAMP WITH TIME ZONE,
  CONSTRAINT uq_grade UNIQUE (issuer, client_id, deployment_id, context_id, unit_id, user_id)
);

-- Points and comment per rubric criterion of a grade.
CREATE TABLE grade_criterion (
  grade_id     VARCHAR(36)   NOT NULL REFERENCES grade (id) ON DELETE CASCADE,
  criterion_id VARCHAR(64)   NOT NULL,
  points       INTEGER       NOT NULL,
  comment      VARCHAR(2000),
  PRIMARY KEY (grade_id, criterion_id)
);
