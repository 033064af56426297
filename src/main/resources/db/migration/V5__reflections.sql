-- Students' blog reflections (personal data: see docs/privacy.md). One row per student, unit and
-- course (registration + deployment + context): the draft being written, its visibility, and
-- whether its text is submitted. Every submitted version is kept, unchanged, in reflection_version;
-- a grade refers to a version's id. Comments on shared reflections are plain text.
CREATE TABLE reflection (
  id             VARCHAR(36)    NOT NULL PRIMARY KEY,
  issuer         VARCHAR(500)   NOT NULL,
  client_id      VARCHAR(255)   NOT NULL,
  deployment_id  VARCHAR(255)   NOT NULL,
  context_id     VARCHAR(255)   NOT NULL,
  user_id        VARCHAR(255)   NOT NULL,
  unit_id        VARCHAR(64)    NOT NULL,
  visibility     VARCHAR(10)    NOT NULL,
  status         VARCHAR(10)    NOT NULL,
  draft_html     VARCHAR(200000) NOT NULL,
  draft_words    INTEGER        NOT NULL,
  draft_saved_at TIMESTAMP WITH TIME ZONE,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  row_version    BIGINT         NOT NULL,
  CONSTRAINT uq_reflection_author_unit UNIQUE (issuer, client_id, deployment_id, context_id, user_id, unit_id)
);
CREATE INDEX ix_reflection_course_unit ON reflection (issuer, client_id, deployment_id, context_id, unit_id);

CREATE TABLE reflection_version (
  id             VARCHAR(36)    NOT NULL PRIMARY KEY,
  reflection_id  VARCHAR(36)    NOT NULL REFERENCES reflection (id),
  version_number INTEGER        NOT NULL,
  html           VARCHAR(200000) NOT NULL,
  word_count     INTEGER        NOT NULL,
  submitted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_reflection_version_number UNIQUE (reflection_id, version_number)
);

CREATE TABLE reflection_comment (
  id             VARCHAR(36)    NOT NULL PRIMARY KEY,
  reflection_id  VARCHAR(36)    NOT NULL REFERENCES reflection (id),
  author_user_id VARCHAR(255)   NOT NULL,
  author_role    VARCHAR(20)    NOT NULL,
  body           VARCHAR(4000)  NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_reflection_comment_reflection ON reflection_comment (reflection_id, created_at);
