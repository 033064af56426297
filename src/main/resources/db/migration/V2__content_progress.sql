-- Who has opened the tool in a course: enough to list a course's students for their teacher.
-- Minimum personal data: the platform's opaque user id, the name only if the platform sent one,
-- the role, and when they were last seen. No e-mail.
CREATE TABLE course_member (
  issuer       VARCHAR(500) NOT NULL,
  context_id   VARCHAR(255) NOT NULL,
  user_id      VARCHAR(255) NOT NULL,
  display_name VARCHAR(200),
  role         VARCHAR(20)  NOT NULL,
  last_seen    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (issuer, context_id, user_id)
);

-- How far a learner is with a unit in a course. No row means "not started".
CREATE TABLE unit_progress (
  issuer     VARCHAR(500) NOT NULL,
  user_id    VARCHAR(255) NOT NULL,
  context_id VARCHAR(255) NOT NULL,
  unit_id    VARCHAR(64)  NOT NULL,
  status     VARCHAR(20)  NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (issuer, user_id, context_id, unit_id)
);
CREATE INDEX ix_unit_progress_course ON unit_progress (issuer, context_id);

-- The interface language a learner chose, remembered across launches and courses.
CREATE TABLE language_preference (
  issuer     VARCHAR(500) NOT NULL,
  user_id    VARCHAR(255) NOT NULL,
  language   VARCHAR(8)   NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (issuer, user_id)
);
